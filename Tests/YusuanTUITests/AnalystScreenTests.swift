import Foundation
import Testing
import YusuanCore
@testable import YusuanTUI

/// The moments an analyst met (issue 20): nothing cut that reads as something else, the chosen
/// finding kept and shown whole, one language.
@Suite struct AnalystScreenTests {
    static let documents = BrowserTests.documents

    func browser(_ w: Int, _ h: Int, _ keys: [Key] = []) -> Browser {
        var b = Browser(documents: Self.documents, width: w, height: h)
        for k in keys { b.handle(k) }
        return b
    }

    /// Runs of digits with a separator ("9,509.12", "7,").
    static func numberRuns(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines {
            var run = ""
            for ch in line + " " {
                if ch.isASCII && (ch.isNumber || ((ch == "," || ch == ".") && !run.isEmpty)) {
                    run.append(ch)
                    continue
                }
                // "1." numbers a list item; a number ends a sentence with "." or "," as well.
                let whole = run.last == "," || run.last == "." ? String(run.dropLast()) : run
                if whole.contains(where: { $0 == "," || $0 == "." }) { out.append(whole) }
                run = ""
            }
        }
        return out
    }

    /// Numbers on screen that the document never prints whole: a cut one ("7," of "7,654.00").
    func cutNumbers(_ screen: ScreenBuffer, values: Set<String>) -> [String] {
        Self.numberRuns(Array(screen.lines.dropFirst().dropLast())).filter { !values.contains($0) }
    }

    /// Every number the document prints, as printed and as the browser groups it.
    static func printed(_ doc: LoadedDocument) -> Set<String> {
        let d = doc.disclosure
        return Set(
            numberRuns(d.sourceLines.map(String.init) + doc.findings.map(\.message))
                + d.tables.flatMap { $0.rows.flatMap { $0.values.compactMap { $0?.grouped } } }
                + d.performanceSheets.flatMap { $0.fundingLines.compactMap { $0.amount?.grouped } })
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 50)])
    func noNumberIsCutInAnyTable(size: (Int, Int)) {
        for (k, doc) in Self.documents.enumerated() {
            let values = Self.printed(doc)
            for t in doc.disclosure.tables.indices {
                var b = browser(size.0, size.1)
                b.stack = [.library(cursor: 0, scroll: 0), .document(doc: k, cursor: t + 1, scroll: 0)]
                b.stack.append(b.tableFrame(doc: k, table: t, row: 0, column: 0))
                var cut = cutNumbers(b.render(), values: values)
                // The code across the tables (Enter on a 类) lays numbers out as running text.
                if let code = doc.disclosure.tables[t].rows.first(where: { $0.code?.count == 3 })?.code {
                    b.stack.append(.content(doc: k, item: .code(code), cursor: 0, scroll: 0, column: 0))
                    cut += cutNumbers(b.render(), values: values)
                }
                #expect(cut.isEmpty, "\(doc.disclosure.unit) \(doc.disclosure.tables[t].title) at \(size): \(cut)")
            }
        }
    }

    func akto7(_ w: Int, _ h: Int) -> (Browser, Int, Int) {
        let k = Self.documents.firstIndex { $0.disclosure.unit.contains("阿克陶") }!
        let t = Self.documents[k].disclosure.tables.firstIndex { $0.number == "表7" }!
        var b = browser(w, h)
        b.stack = [.library(cursor: 0, scroll: 0), .document(doc: k, cursor: t + 1, scroll: 0)]
        b.stack.append(b.tableFrame(doc: k, table: t, row: 0, column: 0))
        return (b, k, t)
    }

    @Test func cutNamesEndInAnEllipsisAndTheDetailShowsThemWhole() {
        let (b, _, _) = akto7(80, 24)
        let screen = b.render()
        let row = screen.lines.dropFirst(3).first { $0.hasPrefix(" ") && $0.contains("│208 ") } ?? ""
        #expect(row.contains("社会保障…"))
        #expect(screen.lines[20...22].joined().contains("208 社会保障和就业支出"))
        // At 200 columns the names take the room there is, whole.
        let (wide, _, _) = akto7(200, 50)
        #expect(wide.render().text.contains("2024年阿克陶县社会保险工作补助项目（县级）项目"))
    }

    @Test func theChosenFindingIsKeptAndShownWhole() throws {
        // A row with two findings: choosing the second from the list shows the second, not the first.
        var pick: (doc: Int, index: Int)?
        for (k, d) in Self.documents.enumerated() {
            let byRow = Dictionary(grouping: d.findings.indices.filter { d.targets[$0]?.row != nil }) {
                "\(d.targets[$0]!.table):\(d.targets[$0]!.row!)"
            }
            if let many = byRow.values.first(where: { $0.count > 1 }) { pick = (k, many[1]); break }
        }
        let (k, i) = try #require(pick)
        let outline = OutlineItem.items(Self.documents[k])
        var b = browser(200, 50)
        b.stack = [
            .library(cursor: 0, scroll: 0), .document(doc: k, cursor: outline.firstIndex(of: .findings)!, scroll: 0)
        ]
        b.stack.append(.content(doc: k, item: .findings, cursor: i, scroll: 0, column: 0))
        b.handle(.enter)
        let detail = b.render().lines[45...48].joined()
        let f = Self.documents[k].findings[i]
        #expect(detail.contains("\(i + 1)/\(Self.documents[k].findings.count)"))
        #expect(detail.contains(String(f.message.prefix(12))))
        // The cursor bar keeps the flagged cell's colour.
        if case .content(_, .table, let cursor, let scroll, _) = b.top {
            let y = 4 + cursor - scroll
            let styles = (0..<200).map { b.render().style(atColumn: $0, row: y) }
            #expect(styles.contains(.selected))
            if f.column != nil, f.severity != .info {
                #expect(styles.contains(.selectedError) || styles.contains(.selectedWarning))
            }
        } else {
            Issue.record("Enter on a finding did not open its table")
        }
    }

    @Test func sourceFromTheFindingsListCentresTheCitedLine() throws {
        let k = try #require(Self.documents.firstIndex { d in d.findings.contains { $0.line != nil } })
        let i = Self.documents[k].findings.firstIndex { $0.line != nil }!
        let line = Self.documents[k].findings[i].line!
        var b = browser(120, 40)
        b.stack = [.library(cursor: 0, scroll: 0), .document(doc: k, cursor: 0, scroll: 0)]
        b.stack.append(.content(doc: k, item: .findings, cursor: i, scroll: 0, column: 0))
        b.handle(.char("s"))
        let screen = b.render()
        let marked = screen.lines.firstIndex { $0.contains("▶" + String(format: "%5d ", line)) }
        let y = try #require(marked)
        if line > 30 { #expect(abs(y - 20) <= 2) }  // the middle of a 40-line screen
        // ← → scroll the source sideways.
        let before = screen.line(y)
        b.handle(.right)
        #expect(b.render().line(y) != before)
        #expect(b.render().line(y).contains(String(format: "%5d ", line)))
    }

    @Test func oneLanguageAndEverySymbolExplained() {
        let k = Self.documents.firstIndex { $0.disclosure.unit.contains("阿克陶") }!
        var b = browser(120, 40)
        b.stack = [.library(cursor: 0, scroll: 0), .document(doc: k, cursor: 0, scroll: 0)]
        let screen = b.render()
        #expect(screen.line(0).contains("✗1 错误 !3 警告 ·6 提示"))
        #expect(screen.text.contains("问题 (10)"))
        for word in ["errors", "warnings", "Findings", "info"] { #expect(!screen.text.contains(word)) }
        b.handle(.char("?"))
        let help = b.render().text
        for symbol in ["✗ 错误", "! 警告", "· 提示", "●", "…", "◀ ▶", "▸ ▾"] { #expect(help.contains(symbol)) }
    }

    @Test func theSplitNeedsRoomForTwoPanesAndKeysWaitWhileTooSmall() {
        var b = browser(110, 40, [.char("v")])
        #expect(!b.split)
        #expect(!b.render().text.contains("终端太小"))
        b = browser(121, 40, [.char("v")])
        #expect(b.split)
        #expect(!b.render().text.contains("终端太小"))
        var small = browser(50, 10)
        let before = small.stack
        small.handle(.enter)
        small.handle(.char("F"))
        #expect(small.stack == before)
    }
}

@Suite struct AnalystSearchTests {
    @Test func searchCountsMatchesAndSaysWhenItWrapsAround() {
        var b = Browser(documents: BrowserTests.documents, width: 120, height: 40)
        let k = BrowserTests.documents.firstIndex { $0.disclosure.unit.contains("喀什") }!
        let t = BrowserTests.documents[k].disclosure.tables.firstIndex { $0.kind == .expenseSummary }!
        b.stack = [.library(cursor: 0, scroll: 0), .document(doc: k, cursor: t + 1, scroll: 0)]
        b.stack.append(b.tableFrame(doc: k, table: t, row: 0, column: 0))
        let rows = BrowserTests.documents[k].disclosure.tables[t].rows
        let total = rows.filter { ($0.code ?? "").contains("20801") }.count
        for key in [Key.char("/")] + "20801".map({ Key.char($0) }) + [.enter] { b.handle(key) }
        #expect(b.render().line(39).contains("“20801” 1/\(total)"))
        for _ in 1..<total { b.handle(.char("n")) }
        #expect(b.render().line(39).contains("“20801” \(total)/\(total)"))
        b.handle(.char("n"))
        #expect(b.render().line(39).contains("后面没有了"))
    }

    @Test func escapeClearsAKeptFilter() {
        var b = Browser(documents: BrowserTests.documents, width: 120, height: 30)
        for key in [Key.char("f"), .char("克"), .char("孜"), .enter] { b.handle(key) }
        #expect(b.library.shown == 3)  // 克孜勒苏 2026, 2022, and 阿克陶县 in 克孜勒苏州
        b.handle(.escape)
        #expect(b.library.shown == 5)
        #expect(!b.render().line(0).contains("筛选"))
    }
}
