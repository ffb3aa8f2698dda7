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
            #expect(screen.line(h - 1).contains("] ["))
            t.assertAligned(screen)
        }
        // The outline opens on the first item with changes, its table shown beside it.
        #expect(compare(160, 48).render().text.contains("收支总体（万元）"))
    }

    @Test func expenseTableYearsSideBySide() {
        let b = compare(120, 40, t.down(2) + [.enter])
        let screen = b.render()
        #expect(screen.line(0).contains("表三→表3 支出总体"))
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
        #expect(b.render().line(0).contains("表七→表7"))
        b.handle(.char("["))
        #expect(b.render().line(0).contains("表六→表6"))
    }

    @Test func hideUnchangedLeavesChanges() {
        var b = compare(120, 40, [.enter])
        #expect(b.render().text.contains("201 一般公共服务支出"))
        b.handle(.char("u"))
        let screen = b.render()
        #expect(!screen.text.contains("201 一般公共服务支出"))
        #expect(screen.text.contains("208 社会保障和就业支出"))
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
        #expect(screen.line(0).contains("2080109 跨表"))
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
        #expect(screen.line(0).contains("2024 → 2026"))
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
