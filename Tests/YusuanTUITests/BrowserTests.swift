import Foundation
import Testing
import YusuanCore
@testable import YusuanTUI

/// The screen model, rendered to text without a terminal, on the real samples.
@Suite struct BrowserTests {
    static let documents: [LoadedDocument] = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let dir = root.appendingPathComponent("SampleData").path
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: dir))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        return files.compactMap { name in
            guard let d = try? DisclosureParser.parse(path: dir + "/" + name) else { return nil }
            return LoadedDocument(disclosure: d, findings: Checker.check(d))
        }
    }()

    func browser(_ w: Int, _ h: Int, _ keys: [Key] = []) -> Browser {
        var b = Browser(documents: Self.documents, width: w, height: h)
        for k in keys { b.handle(k) }
        return b
    }

    func index(_ unitFragment: String, year: Int) -> Int {
        Self.documents.firstIndex { $0.disclosure.unit.contains(unitFragment) && $0.disclosure.year == year }!
    }

    func down(_ n: Int) -> [Key] { Array(repeating: .down, count: n) }

    /// Every line is exactly the screen's width in display columns: no CJK shift.
    func assertAligned(_ screen: ScreenBuffer) {
        for line in screen.lines { #expect(DisplayWidth.of(line) == screen.width) }
    }

    @Test func libraryListsEveryDocument() {
        let screen = browser(80, 24).render()
        #expect(screen.line(0).contains("yusuan"))
        #expect(screen.line(0).contains("5 个文件"))
        #expect(screen.text.contains("喀什市社会保险中心"))
        #expect(screen.text.contains("9,581.33"))
        #expect(screen.line(23).contains("q 退出"))
        assertAligned(screen)
    }

    @Test func kashgarExpenseTable() {
        let k = index("喀什", year: 2023)
        var b = browser(120, 40, down(k) + [.enter] + down(3) + [.enter])
        var screen = b.render()
        #expect(screen.line(0).contains("表3 支出总体"))
        let row = screen.lines.first { $0.contains("社会保障和就业支出") } ?? ""
        #expect(row.contains("208"))
        #expect(row.contains("9,509.12"))
        #expect(row.contains("534.63"))
        #expect(row.contains("8,974.49"))
        #expect(screen.text.contains(" 20801"))  // 款 indented under its 类
        assertAligned(screen)
        b.handle(.char("q"))
        screen = b.render()
        #expect(screen.line(0).contains("概况") == false)
        #expect(screen.text.contains("▶表3 支出总体"))  // back where we were
    }

    @Test func wideTableScrollsHorizontally() {
        let k = index("喀什", year: 2023)
        var b = browser(80, 24, down(k) + [.enter] + down(2) + [.enter])
        #expect(b.render().text.contains("▶"))
        for _ in 0..<10 { b.handle(.right) }
        let screen = b.render()
        #expect(screen.text.contains("非财政拨款"))
        #expect(screen.text.contains("◀"))
        assertAligned(screen)
    }

    @Test func findingJumpLandsOnTheCell() {
        let k = index("克孜勒苏", year: 2022)
        var b = browser(160, 48, down(k) + [.enter])
        b.handle(.char("e"))
        let screen = b.render()
        // The first finding: 表五 20801, 合计 ≠ 基本支出 + 项目支出.
        #expect(screen.line(0).contains("表五"))
        #expect(screen.line(0).contains("20801"))
        // The detail lines above the status line name the finding chosen, with its place in the list.
        #expect(screen.lines[44...46].joined().contains("1/"))
        if case .content(_, .table, let cursor, _, _) = b.top {
            #expect(b.documents[k].disclosure.tables.first { $0.number == "表五" }?.rows[cursor].code == "20801")
        } else {
            Issue.record("e did not open a table")
        }
        assertAligned(screen)
    }

    /// Kizilsu 2022 表五's one fault: `e` lands on 20801's 基本支出 (352.15, its sums ask 303.87),
    /// flagged, and the sums that agree on it are underlined: 208's 基本支出 above it.
    @Test func aFaultLandsOnItsBlamedCellWithTheAgreeingSumsMarked() throws {
        let k = index("克孜勒苏", year: 2022)
        var b = browser(160, 48, down(k) + [.enter])
        b.handle(.char("e"))
        let screen = b.render()
        func cell(_ rowText: String, _ value: String) throws -> Style {
            let y = try #require(screen.lines.firstIndex { $0.contains(rowText) && $0.contains(value) })
            let line = screen.line(y)
            let x = DisplayWidth.of(String(line[..<line.range(of: value)!.lowerBound]))
            return screen.style(atColumn: x, row: y)
        }
        #expect(try cell("人力资源和社会保障管理事务", "352.15") == .selectedError)
        #expect(try cell("社会保障和就业支出", "352.15") == .agreeing)
        #expect(try cell("社会保障和就业支出", "368.55") != .agreeing)
    }

    /// A finding about a performance sheet opens the sheet with the finding whole in the detail
    /// lines, not cut in the status line (Kashgar's first: two sheets' goals word for word).
    @Test func aSheetFindingShowsWholeBelowTheSheet() {
        let k = index("喀什市", year: 2023)
        var b = browser(80, 24, down(k) + [.enter])
        b.handle(.char("e"))
        let detail = b.render().lines.suffix(4).map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(detail.contains("1/"))
        #expect(detail.contains("一字不差"))
    }

    @Test func findingsListAndEnter() {
        let k = index("巴音郭楞", year: 2023)
        let outline = OutlineItem.items(Self.documents[k])
        let findings = outline.firstIndex(of: .findings)!
        var b = browser(120, 40, down(k) + [.enter] + down(findings) + [.enter])
        let screen = b.render()
        #expect(screen.text.contains("资金总额 13.00 万元"))
        b.handle(.enter)
        #expect(b.stack.count == 4)
    }

    @Test func performanceSheet() {
        let k = index("克孜勒苏", year: 2022)
        let outline = OutlineItem.items(Self.documents[k])
        let sheets = outline.firstIndex(of: .sheets)!
        var b = browser(120, 40, down(k) + [.enter] + down(sheets) + [.enter, .enter])
        let screen = b.render()
        #expect(screen.text.contains("线路租赁费"))
        #expect(screen.text.contains("租用专线网络数量(条)"))
        #expect(screen.text.contains("产出指标"))
        #expect(screen.text.contains("≥95%"))
        b.handle(.char("p"))
        #expect(b.render().line(0).contains("项目支出"))
    }

    @Test func searchFindsAProject() {
        let k = index("阿克陶", year: 2024)
        let table = Self.documents[k].disclosure.tables.firstIndex { $0.kind == .gpbProjectExpense }!
        var b = browser(120, 40, down(k) + [.enter] + down(table + 1) + [.enter])
        for key in [Key.char("/")] + "网络费".map { Key.char($0) } + [.enter] { b.handle(key) }
        if case .content(_, _, let cursor, _, _) = b.top {
            #expect(Self.documents[k].disclosure.tables[table].rows[cursor].project?.contains("网络费") == true)
        }
    }

    @Test func helpAndTooSmall() {
        let help = browser(80, 24, [.char("?")]).render()
        #expect(help.text.contains("下一个 / 上一个问题"))
        let tiny = browser(20, 6).render()
        #expect(tiny.text.contains("终端太小"))
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var buffer = ScreenBuffer(width: 40, height: 2)
        buffer.put(0, 0, "单位\u{1B}[31m名称\u{07}\u{202E}abc")
        #expect(buffer.line(0).hasPrefix("单位[31m名称abc"))
        #expect(!buffer.lines.joined().unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
    }
}

@Suite struct BrowserTreeTests {
    func kashgarTable(_ kind: TableKind, width: Int = 120, height: Int = 40) -> (Browser, Int) {
        let docs = BrowserTests.documents
        let k = docs.firstIndex { $0.disclosure.unit.contains("喀什") }!
        let t = docs[k].disclosure.tables.firstIndex { $0.kind == kind }!
        var b = Browser(documents: docs, width: width, height: height)
        for key in Array(repeating: Key.down, count: k) + [.enter] + Array(repeating: Key.down, count: t + 1) + [.enter]
        { b.handle(key) }
        return (b, k)
    }

    @Test func foldingAClassHidesItsItems() {
        var (b, _) = kashgarTable(.expenseSummary)
        #expect(b.render().text.contains(" 20801"))
        b.handle(.char("z"))  // cursor on 208
        let folded = b.render()
        #expect(folded.text.contains("208▸"))
        #expect(!folded.text.contains(" 20801"))
        #expect(folded.text.contains("210 "))
        b.handle(.char("z"))
        #expect(b.render().text.contains(" 20801"))
        b.handle(.char("Z"))
        let all = b.render().lines.filter { $0.contains("▸") }
        #expect(all.count == 4)  // 208, 210, 221, 223
    }

    @Test func codeAcrossTablesWithProjectSheets() {
        var (b, _) = kashgarTable(.gpbProjectExpense, width: 160, height: 40)
        // Down to 2080109's first project row, then Enter: the code across tables.
        b.handle(.down); b.handle(.down); b.handle(.enter)
        var screen = b.render()
        #expect(screen.line(0).contains("2080109 跨表"))
        #expect(screen.text.contains("表3 支出总体"))
        #expect(screen.text.contains("合计 9.60"))
        #expect(screen.text.contains("运转保障项目"))
        // Move to a project line: its sheet shows on the right.
        for _ in 0..<20 {
            if screen.text.contains("资金（万元）") { break }
            b.handle(.down)
            screen = b.render()
        }
        #expect(screen.text.contains("资金（万元）"))
        BrowserTests().assertAligned(screen)
    }
}

@Suite struct BrowserSplitTests {
    @Test func splitFollowsTheCursor() {
        let docs = BrowserTests.documents
        let k = docs.firstIndex { $0.disclosure.unit.contains("克孜勒苏") && $0.disclosure.year == 2022 }!
        let t = docs[k].disclosure.tables.firstIndex { $0.kind == .gpbProjectExpense }!
        var b = Browser(documents: docs, width: 200, height: 50)
        for key in Array(repeating: Key.down, count: k) + [.enter] + Array(repeating: Key.down, count: t + 1) + [
            .enter, .char("v")
        ] { b.handle(key) }
        // On the 类 row: the code across tables.
        #expect(b.render().text.contains("表三 支出总体"))
        // On a project row: its performance sheet.
        b.handle(.down); b.handle(.down)
        let screen = b.render()
        #expect(screen.text.contains("租用专线网络数量(条)"))
        BrowserTests().assertAligned(screen)
    }
}

extension BrowserSplitTests {
    /// Tab into the following pane gives it its own stack: Esc there goes to the document's
    /// outline and Enter opens another table, while the left pane keeps its table.
    @Test func tabMakesTheRightPaneIndependent() {
        let docs = BrowserTests.documents
        let k = docs.firstIndex { $0.disclosure.unit.contains("喀什") }!
        var b = Browser(documents: docs, width: 140, height: 30)
        for key in Array(repeating: Key.down, count: k) + [.enter] + Array(repeating: Key.down, count: 7) + [
            .enter, .char("v"), .down, .down
        ] {
            b.handle(key)
        }
        var screen = b.render()
        #expect(screen.line(0).contains("◧ 左"))
        #expect(screen.text.contains("│2023年自治区社保经办机构业务经费"))  // the row's sheet, on the right
        b.handle(.tab)
        #expect(b.render().line(0).contains("◨ 右"))
        for key in [Key.escape, .down, .down, .enter] { b.handle(key) }
        screen = b.render()
        #expect(screen.text.contains("│表2 部门收入总体情况表"))
        #expect(screen.text.contains("表7 一般公共预算项目支出情况表"))  // the left pane is unchanged
        BrowserTests().assertAligned(screen)
        b.handle(.tab)
        b.handle(.down)
        #expect(b.render().text.contains("│表2 部门收入总体情况表"))  // keys go to the left pane now
        b.handle(.char("v"))
        #expect(!b.render().text.contains("│表2 部门收入总体情况表"))
    }
}

@Suite struct BrowserLibraryTests {
    @Test func libraryWideFindingsLeadToTheCell() {
        var b = Browser(documents: BrowserTests.documents, width: 120, height: 30)
        b.handle(.char("F"))
        let screen = b.render()
        #expect(screen.line(0).contains("全部问题"))
        #expect(screen.line(1).hasPrefix("✗"))  // errors first
        // Find the Kizilsu 2022 表五 finding and open it.
        b.handle(.char("/")); for c in "320.27" { b.handle(.char(c)) }; b.handle(.enter)
        b.handle(.enter)
        // A prose claim against 表五: the sentence first, Tab to the cell.
        #expect(b.render().line(0).contains("情况说明 第 328 行"))
        b.handle(.tab)
        #expect(b.render().line(0).contains("表五"))
        #expect(b.render().line(0).contains("20801"))
    }

    @Test func mouseClickSelectsAnOutlineItem() {
        var b = Browser(documents: BrowserTests.documents, width: 120, height: 30)
        b.handle(.enter)
        b.handle(.mouseClick(x: 3, y: 4))  // the fourth outline line: 表3
        #expect(b.render().text.contains("▶表3"))
    }
}

/// A table read with doubt: its rows dimmed, and the status line says why.
@Suite struct UncertainTableScreenTests {
    @Test func theStatusLineSaysWhy() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        var d = try DisclosureParser.parse(
            path: root.appendingPathComponent("SampleData/kashgar-city-social-insurance-2023.txt").path)
        let t = try #require(d.tables.firstIndex { $0.kind == .expenseSummary })
        d.tables[t].uncertain = "12 处算术不符，涉及 6 行，无法归因于个别单元格"
        var b = Browser(documents: [LoadedDocument(disclosure: d, findings: Checker.check(d))], width: 120, height: 40)
        for k in Array(repeating: Key.down, count: 3) + [Key.enter] { b.handle(k) }
        let screen = b.render()
        #expect(screen.line(0).contains("表3 支出总体"))
        #expect(screen.line(39).contains("本表读取不确定"))
        #expect(screen.line(39).contains("12 处算术不符"))
    }
}
