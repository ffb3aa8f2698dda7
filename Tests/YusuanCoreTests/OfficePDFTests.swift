import Foundation
import Testing
@testable import YusuanCore

/// The tab samples set in a spreadsheet and printed to PDF by LibreOffice Calc
/// (`Scripts/office-pdf.py`; the PDFs are in Fixtures/office): PDFs of a real office program,
/// not of this project's own drawing (`PDFFixture`). Each table is a sheet of its own: group
/// labels merged across the columns they head and down over empty header rows, labels wrapped
/// inside narrow columns, the samples' letter-spaced labels ("项 目") kept, every cell bordered,
/// rows as tall as their most wrapped cell and cells centred in them. The prose between them is
/// set as a word processor sets it: lines broken at the page's width (never inside a number) and
/// justified, every line but a paragraph's last spread to the margin.
@Suite(.enabled(if: PDFTests.hasPdftotext, "needs pdftotext (poppler-utils, installed by .ci/run)"))
struct OfficePDFTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/office")

    static func read(_ name: String) throws -> (pdf: Disclosure, text: Disclosure) {
        (
            try DisclosureParser.parse(path: folder.appendingPathComponent("\(name).pdf").path),
            try Fixtures.load(name)
        )
    }

    /// A table as compared: its label, kind, columns and every row's code, name and cells.
    static func tables(_ d: Disclosure) -> [String] {
        zip(d.tables, ConverterLayoutTests.summary(d)).map { t, rows in t.columns.joined(separator: "|") + " " + rows }
    }

    /// The tables (by index) that read otherwise than the text now. What they misread: bayingol's 表2 reads every cell
    /// as the text (`wholeNumbersFlushLeftShareTheirColumn`) but sets its group label 财政拨款（补助） over 总计 too
    /// ("总计/财政拨款（补助）小计"); a label wrapped over three lines in a narrow column ("上级一般" / "公共预算安排的转" / "移支付") becomes
    /// three; the 三公 tables' sources' labels run together ("政府性基金国有资本经营预算"), as the labels over an empty table's
    /// columns do; kizilsu-2026's 表12 reads its two header rows as one ("小计项目支出小计项目支出").
    static let misread: [(String, [Int])] = [
        (Fixtures.kizilsu2022, []),
        (Fixtures.bayingol, [1, 7]),
        (Fixtures.kizilsu2026, [1, 9, 10, 11])
    ]

    @Test(arguments: misread.indices)
    func tablesReadAsTheText(_ k: Int) throws {
        let (name, expected) = Self.misread[k]
        let (pdf, text) = try Self.read(name)
        #expect(pdf.unit == text.unit && pdf.year == text.year && pdf.scope == text.scope)
        let (a, b) = (Self.tables(pdf), Self.tables(text))
        #expect(a.count == b.count)
        #expect(a.indices.filter { $0 >= b.count || a[$0] != b[$0] } == expected)
    }

    /// 表二 with its twelve columns, its labels wrapped over three lines in columns a number wide:
    /// read as printed (2080109 社会保险经办机构: 325.07 in all, 303.87 一般公共预算拨款, 11.40
    /// 上级专项收入, 9.80 单位上年结余).
    @Test func wrappedLabelsOverNarrowColumns() throws {
        let (pdf, _) = try Self.read(Fixtures.kizilsu2022)
        let t = try #require(pdf.table(.incomeSummary))
        #expect(t.columns.count == 12)
        #expect(t.columns.last == "单位上年结余（不含国库集中支付额度结余）")
        #expect(
            t.row("2080109")?.printed == ["325.07", "303.87", "-", "-", "-", "-", "-", "-", "-", "11.40", "-", "9.80"])
    }

    /// A group's label merged over the name's column and the amounts' (支出预算 over 功能分类科目名称,
    /// 合计, 基本支出, 项目支出), centred on them all, heads them from the first: the amounts'
    /// columns read 合计, 基本支出, 项目支出 (208 社会保障和就业支出: 389.75, 363.55, 26.20), and
    /// no column of its own stands empty before them.
    @Test func groupLabelMergedOverNameAndAmounts() throws {
        let (pdf, _) = try Self.read(Fixtures.kizilsu2022)
        let t = try #require(pdf.table(.expenseSummary))
        #expect(t.columns == ["合计", "基本支出", "项目支出"])
        #expect(t.row("208")?.printed == ["389.75", "363.55", "26.20"])
        let basic = try #require(pdf.table(.gpbBasicExpense))
        #expect(basic.columns == ["合计", "人员经费", "公用经费"])
        #expect(basic.row("301")?.printed == ["314.65", "314.65", "-"])
    }

    /// 财政拨款收支总表 (表四), its labels spaced out ("功 能 分 类", "合 计") or wrapped in narrow
    /// columns ("政府 性基 金预 算"), 财政拨款支出 merged over the expense side's five columns, and
    /// its header printed again on the next page above rows of names alone: four amount columns,
    /// 39 rows as printed, 208 社会保障和就业支出 368.55 in 合计 and in 一般公共预算, 支出总计 the same.
    @Test func fiscalSummaryAsPrinted() throws {
        let (pdf, _) = try Self.read(Fixtures.kizilsu2022)
        let t = try #require(pdf.table(.fiscalSummary))
        #expect(t.columns == ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"])
        #expect(t.rows.count == 39)
        #expect(t.row("208")?.printed == ["368.55", "368.55", "-", "-"])
        #expect(t.rows.last { $0.name == "支出总计" }?.printed == ["368.55", "368.55", "-", "-"])
        // bayingol's: 财政拨款支出 stands over 合计's amounts, centred on all five cells.
        let (other, _) = try Self.read(Fixtures.bayingol)
        let b = try #require(other.table(.fiscalSummary))
        #expect(b.columns == ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"])
        #expect(b.row("205")?.printed == ["1.44", "1.44", "-", "-"])
    }

    /// kizilsu-2022's 三公 table: 公务用车购置及运行费 merged over its 合计, 公务用车购置费 and
    /// 公务用车运行费 above the header's other labels, 因公出国（境）费 over a column left empty:
    /// read as printed, 公务用车购置及运行费 8.00 of 合计 9.30, 因公出国（境）费 blank.
    @Test func threePublicGroupAboveItsHeader() throws {
        let (pdf, _) = try Self.read(Fixtures.kizilsu2022)
        let t = try #require(pdf.table(.threePublic))
        func value(_ name: String) -> [String]? { t.rows.first { $0.name == name }?.printed }
        #expect(t.rows.map(\.name) == ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"])
        #expect(value("合计") == ["9.30"])
        #expect(value("因公出国（境）费") == ["-"])
        #expect(value("公务用车购置及运行费") == ["8.00"])
        #expect(value("公务用车运行费") == ["8.00"])
        #expect(value("公务接待费") == ["1.30"])
    }

    /// The 三公 table's rows of one line set close, the 合计 row's amounts beside it: 因公出国（境）费,
    /// blank, is a row of its own under 合计 (6.4), not the rest of its name; 公务接待费 (0.4) and
    /// 公务用车运行费 (6) likewise under the rows above them.
    @Test func closeOneLineRowsStayApart() throws {
        let (pdf, _) = try Self.read(Fixtures.bayingol)
        let lines = pdf.sourceLines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        func cells(_ name: String) -> [String]? {
            lines.first { $0.first == name }.map { $0.dropFirst().filter { !$0.isEmpty } }
        }
        #expect(cells("因公出国（境）费") == [])
        #expect(cells("公务接待费") == ["0.4", "0.4"])
        #expect(cells("其中：公务用车购置费") == [])
        #expect(cells("公务用车运行费") == ["6", "6"])
    }

    /// bayingol's 表2 prints its whole numbers as text, flush left in their cells ("620" in 小计,
    /// "607" in 一般公共预算), beside decimals flush right ("1.44"): each pair one column, so every
    /// row's cells read as the text's (208 社会保障和就业支出: 619.8, 620, 607, 13). Its labels still
    /// read otherwise (`misread`).
    @Test func wholeNumbersFlushLeftShareTheirColumn() throws {
        let (pdf, text) = try Self.read(Fixtures.bayingol)
        let (a, b) = (try #require(pdf.table(.incomeSummary)), try #require(text.table(.incomeSummary)))
        #expect(a.columns.count == b.columns.count)
        #expect(a.rows.map(\.values) == b.rows.map(\.values))
        #expect(a.row("208")?.printed.prefix(4) == ["619.80", "620.00", "607.00", "13.00"])
    }

    /// Every number the prose states, with its subject, change and percent, reads from the
    /// printed pages as from the text: paragraphs joined again across the justified lines.
    @Test(arguments: misread.map(\.0))
    func proseReadAsTheText(_ name: String) throws {
        let (pdf, text) = try Self.read(name)
        func facts(_ d: Disclosure) -> [String] {
            d.facts.map { f in
                [
                    f.subject, f.amount?.description, f.change?.description, f.changePercent?.description,
                    f.share?.description
                ]
                .map { $0 ?? "-" }.joined(separator: "|")
            }
        }
        #expect(facts(pdf) == facts(text))
        #expect(facts(text).count > 80)
    }

    /// Where the tables and sheets read as the text, the office PDF's errors and warnings are the
    /// text's: none the printing made (bayingol's value "<=1.67元/人/月", wider than its column, read
    /// into the next cell was once reported as a sheet without its 指标值). kizilsu-2026 is left out:
    /// its misread sheets lose two of the text's warnings.
    @Test(arguments: [Fixtures.kizilsu2022, Fixtures.bayingol])
    func findingsAsTheText(_ name: String) throws {
        let (pdf, text) = try Self.read(name)
        func faults(_ d: Disclosure) -> [String] {
            Checker.check(d).filter { $0.severity != .info }.map { "\($0.rule) \($0.message)" }.sorted()
        }
        #expect(faults(pdf) == faults(text))
        #expect(faults(text).count >= 3)
    }
}
