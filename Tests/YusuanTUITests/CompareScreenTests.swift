import Testing
import YusuanCore
@testable import YusuanTUI

/// The compare screen on Kizilsu 2022 → 2026, rendered to text.
@Suite struct CompareScreenTests {
    let t = BrowserTests()

    /// Library → the 2026 document → `d`.
    func compare(_ w: Int, _ h: Int, _ keys: [Key] = []) -> Browser {
        t.browser(w, h, t.down(t.index("克孜勒苏", year: 2026)) + [.char("d")] + keys)
    }

    func row(_ screen: ScreenBuffer, _ text: String) -> String { screen.lines.first { $0.contains(text) } ?? "" }

    @Test func outlineListsTableKindsOfBothYears() {
        for (w, h) in [(80, 24), (160, 48)] {
            let screen = compare(w, h).render()
            #expect(screen.line(0).contains("2022 → 2026"))
            #expect(screen.text.contains("表八→表10"))
            #expect(screen.text.contains("—→表8"))
            // The scopes differ (单位预算 2022, 部门预算 2026) and four years lie between: the
            // title says so, and so does the status line until the first key.
            #expect(screen.line(0).contains(w < 100 ? "单位→部门·隔 4 年" : "范围不同（单位→部门）·相隔 4 年"))
            #expect(screen.line(h - 1).contains("逐行比较仅供参考"))
            var b = compare(w, h, [.down, .up])
            #expect(b.render().line(h - 1).contains("] ["))
            b.handle(.enter)
            t.assertAligned(b.render())
        }
        // The outline opens on the first item with changes, its table shown beside it.
        #expect(compare(160, 48).render().text.contains("收支总体（万元）"))
    }

    @Test func expenseTableYearsSideBySide() {
        let b = compare(120, 40, t.down(2) + [.enter])
        let screen = b.render()
        #expect(screen.line(1).contains("表三→表3 支出总体（万元）"))
        let office = row(screen, "2080109")
        #expect(office.contains("325.07"))
        #expect(office.contains("387.00"))
        #expect(office.contains("+61.93"))
        #expect(office.contains("+19.1%"))
        #expect(row(screen, "2080506").contains("│+   2080506"))
        #expect(row(screen, "2080506").contains("新增"))
        t.assertAligned(screen)
        // At 80 columns the item takes the whole width: 合计's four columns fit.
        let narrow = compare(80, 24, t.down(2) + [.enter]).render()
        #expect(row(narrow, "2080109").contains("+19.1%"))
        t.assertAligned(narrow)
    }

    @Test func nextChangeCrossesIntoTheNextTable() {
        // 表六 基本支出: its last change is 总计; `]` beyond it goes on to 表七.
        var b = compare(120, 40, t.down(5) + [.enter, .char("G")])
        b.handle(.char("]"))
        #expect(b.render().line(1).contains("│表七→表7"))
        b.handle(.char("["))
        #expect(b.render().line(1).contains("│表六→表6"))
    }

    @Test func hideUnchangedLeavesChanges() {
        var b = compare(160, 48, t.down(5) + [.enter])
        let table = b.comparisons[0].tables[5]
        // Every line with an amount in either year is a place for the cursor; blank lines and
        // headings (no amount in either year, no change) are not.
        let before = Set(b.visibleLines(pair: 0, table: 5))
        for (i, l) in table.lines.enumerated() {
            let hasAmount = l.cells.contains { $0.old != nil || $0.new != nil }
            #expect(before.contains(i) == (hasAmount || l.isChange || l.isTotal), "\(l.label)")
        }
        b.handle(.char("u"))
        let after = Set(b.visibleLines(pair: 0, table: 5))
        #expect(after.isSubset(of: before))
        #expect(after.allSatisfy { table.lines[$0].isChange || table.lines[$0].isTotal })
        let screen = b.render()
        #expect(screen.text.contains("30113"))
        #expect(screen.text.contains("仅变动行"))
    }

    @Test func renamedRowExplainedInStatusLine() {
        // 表五: 2080109 was "人力资源和社会保障管理事务社会保险经办支出" in 2022.
        var b = compare(120, 40, t.down(4) + [.enter, .char("g")])
        for _ in 0..<2 { b.handle(.down) }
        #expect(b.render().line(39).contains("原为“人力资源和社会保障管理事务社会保险经办支出”"))
    }

    @Test func codeAcrossBothYears() {
        var b = compare(120, 40, t.down(2) + [.enter, .char("g"), .down, .down])
        b.handle(.enter)
        let screen = b.render()
        #expect(screen.line(1).contains("│2080109 "))
        #expect(row(screen, "表五→表5").contains("303.87 → 387.00"))
        #expect(row(screen, "表三→表3").contains("325.07 → 387.00"))
    }

    @Test func sheetIndicatorsOldToNew() {
        let b = compare(120, 40, [.char("/")] + "线路".map { Key.char($0) } + [.enter, .enter])
        let screen = b.render()
        #expect(screen.text.contains("资金（万元） 5.00 → 9.60"))
        #expect(row(screen, "租用专线网络数量(条)").contains("9 → 7"))
        t.assertAligned(screen)
    }

    @Test func markAnyTwoDocuments() {
        var b = t.browser(120, 40, t.down(t.index("阿克陶", year: 2024)) + [.char("m")])
        let k = t.index("克孜勒苏", year: 2026)
        for _ in 0..<(k - t.index("阿克陶", year: 2024)) { b.handle(.down) }
        b.handle(.char("d"))
        let screen = b.render()
        // Each side names its own unit and year.
        #expect(screen.line(0).contains("比较 阿克陶县社会保险中心 2024 → 克孜勒苏柯尔克孜自治州社会保险中心 2026"))
        #expect(screen.line(39).contains("单位不同"))
    }

    @Test func singleYearSaysHowToCompare() {
        var b = t.browser(120, 40, t.down(t.index("喀什", year: 2023)))
        b.handle(.char("d"))
        #expect(b.render().line(39).contains("只有一个年度"))
        #expect(b.top == .library(cursor: t.index("喀什", year: 2023), scroll: 0))
    }

    @Test func escapeReturnsToTheSameLine() {
        var b = compare(120, 40, t.down(2) + [.enter, .down, .down, .enter])
        b.handle(.escape)
        #expect(b.top == .compareContent(pair: 0, item: .table(2), cursor: 2, scroll: 0, column: 0))
    }
}

/// `o` in a compared table, the two sides of 表1 apart, and a cursor that rests only on lines.
@Suite struct CompareOrderScreenTests {
    let s = CompareScreenTests()
    let t = BrowserTests()

    /// The compared table's lines (right of the outline when there is one), marked ~ + -.
    func rows(_ screen: ScreenBuffer) -> [String] {
        screen.lines.dropFirst(3).map { l in l.split(separator: "│", maxSplits: 1).last.map(String.init) ?? l }
            .filter { $0.hasPrefix("~ ") || $0.hasPrefix("+ ") || $0.hasPrefix("- ") }
    }

    @Test func oSortsByAbsoluteThenRelativeThenPrinted() {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            var b = s.compare(w, h, [.enter])
            let printed = rows(b.render())
            b.handle(.char("o"))
            var screen = b.render()
            #expect(screen.text.contains("变动↓"))
            #expect(screen.line(h - 1).contains("按变动额排序"))
            // Under 收入总计, the largest movement: +590.69 一般财力, then -368.55.
            let ranked = rows(screen)
            #expect(ranked[0].contains("收入总计"))
            #expect(ranked[1].contains("其中：一般财力") && ranked[1].contains("+590.69"))
            #expect(ranked[2].contains("一、财政拨款") && ranked[2].contains("-368.55"))
            t.assertAligned(screen)
            b.handle(.char("o"))
            screen = b.render()
            #expect(screen.text.contains("%↓"))
            #expect(screen.line(h - 1).contains("按变动率排序"))
            b.handle(.char("o"))
            #expect(rows(b.render()) == printed)
        }
    }

    @Test func sortKeepsTheCursorOnItsLine() {
        var b = s.compare(120, 40, [.enter, .char("G")])
        #expect(b.render().lines.first { $0.contains("▶") == false && $0.contains("支出总计") } != nil)
        b.handle(.char("o"))
        // 支出总计 leads the expense side when ranked, and the cursor went with it.
        guard case .compareContent(_, .table(let table), let cursor, _, _) = b.top else {
            Issue.record("not in a compared table"); return
        }
        let line = b.comparisons[0].tables[table].lines[b.visibleLines(pair: 0, table: table)[cursor]]
        #expect(line.label == "支出总计")
    }

    @Test func incomeThenExpenseInTable1() {
        let screen = s.compare(120, 40, [.enter]).render()
        let sides = rows(screen).compactMap { r -> Bool? in
            r.dropFirst(2).hasPrefix("收") ? true : (r.dropFirst(2).hasPrefix("支") ? false : nil)
        }
        #expect(sides.count == rows(screen).count)
        #expect(zip(sides, sides.dropFirst()).filter { $0 != $1 }.count == 1)
        #expect(s.row(screen, "社会保障和就业支出").contains("支 208"))
    }

    @Test func cursorSkipsTitlesAndHeadings() {
        // 人员: the title line is no place for the cursor; it opens on 编制数.
        var b = s.compare(120, 40, [.char("G"), .enter])
        guard case .compareContent(_, .staffing, let cursor, _, _) = b.top else {
            Issue.record("not on 人员"); return
        }
        #expect(cursor == 1)
        b.handle(.up)
        guard case .compareContent(_, .staffing, let up, _, _) = b.top else { return }
        #expect(up == 1)
        #expect(b.render().lines.contains { $0.contains("编制数") })
    }
}
