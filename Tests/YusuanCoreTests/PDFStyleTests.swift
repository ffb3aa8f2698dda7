import Foundation
import Testing
@testable import YusuanCore

/// The tab samples set as PDFs the way office programs set tables (`PDFFixture.Style`), one habit
/// at a time and all together: each must read back as the text does. (The other samples are
/// wrapped streams, not grids: their text sets no table to lay out.)
@Suite(.enabled(if: PDFTests.hasPdftotext, "needs pdftotext (poppler-utils, installed by .ci/run)"))
struct PDFStyleTests {
    static func roundTrip(_ name: String, _ style: PDFFixture.Style, linesPerPage: Int = 60) throws -> (
        pdf: Disclosure, text: Disclosure
    ) {
        let text = try String(contentsOfFile: Fixtures.path(name), encoding: .utf8)
        let pdf = PDFFixture.make(tabbed: text, style: style, linesPerPage: linesPerPage)
        return (try PDFFixture.parse(pdf), try DisclosureParser.parse(text: text, path: "\(name).txt"))
    }

    /// The indices of the tables that read otherwise than the text's.
    static func differing(_ name: String, _ style: PDFFixture.Style, linesPerPage: Int = 60) throws -> [Int] {
        let (d, original) = try roundTrip(name, style, linesPerPage: linesPerPage)
        let (a, b) = (ConverterLayoutTests.summary(d), ConverterLayoutTests.summary(original))
        #expect(a.count == b.count)
        return a.indices.filter { $0 >= b.count || a[$0] != b[$0] }
    }

    static let all = PDFFixture.Style(proportional: true, centredHeaders: true, titleSize: 16, bodySize: 9, rules: true)

    @Test(arguments: [
        PDFFixture.Style(), .init(proportional: true), .init(centredHeaders: true),
        .init(titleSize: 16, bodySize: 9), .init(rules: true), all
    ])
    func everyStyleReadsLikeTheText(_ style: PDFFixture.Style) throws {
        #expect(try Self.differing(Fixtures.kizilsu2022, style) == [])
        #expect(try Self.differing(Fixtures.bayingol, style) == [])
        #expect(try Self.differing(Fixtures.kizilsu2026, style) == [])
    }

    /// kizilsu-2026's 表7 sets its header at the foot of a page, its rows on the next: they are
    /// read as one table. Its project names hold spaces ("新财社（2025）225 号--2026 年…"), and no
    /// other row's text bridges them: each name is one cell, its amounts in their columns.
    @Test func headerAtAPageFootAndNamesWithSpaces() throws {
        let (d, _) = try Self.roundTrip(Fixtures.kizilsu2026, .init(proportional: true))
        let t = try #require(d.table(.gpbProjectExpense))
        #expect(t.row("208")?.printed.prefix(4) == ["59.93", "-", "34.93", "25.00"])
        let rows = t.rows.filter { $0.code == "2080199" }
        #expect(
            rows.map { Array($0.printed.prefix(4)) } == [
                ["17.33", "-", "17.33", "-"], ["9.60", "-", "9.60", "-"], ["8.00", "-", "8.00", "-"]
            ])
        #expect(rows.first?.project?.hasSuffix("2026年自治区财政社保经办机构补助经费资金") == true)
    }

    /// Amounts set flush right in a proportional font start at different x and end at one.
    @Test func proportionalDigits() throws {
        let (d, _) = try Self.roundTrip(Fixtures.kizilsu2022, .init(proportional: true))
        #expect(d.table(.expenseSummary)?.row("2080109")?.printed == ["325.07", "315.27", "9.80"])
        #expect(d.table(.expenseSummary)?.row("2080505")?.printed == ["32.88", "32.88", "-"])
    }

    /// 表八's group label "公务用车购置及运行费", centred over its three columns (合计, 购置费,
    /// 运行费), two of them empty in the one row, heads the first of them, as in the text.
    @Test func groupLabelCentredOverEmptyColumns() throws {
        let (d, _) = try Self.roundTrip(Fixtures.kizilsu2022, .init(centredHeaders: true))
        let three = try #require(d.table(.threePublic))
        #expect(
            three.rows.map { "\($0.name) \($0.values[0]?.description ?? "-")" }
                == ["合计 9.30", "因公出国（境）费 -", "公务用车购置及运行费 8.00", "公务用车购置费 -", "公务用车运行费 8.00", "公务接待费 1.30"])
    }

    /// A title larger than the body, the body smaller than 10 points, and cell borders drawn as
    /// rules change nothing the reader takes.
    @Test func sizesAndRules() throws {
        let (d, _) = try Self.roundTrip(Fixtures.kizilsu2026, Self.all)
        #expect(d.unit == "克孜勒苏柯尔克孜自治州社会保险中心")
        #expect(d.table(.expenseSummary)?.row("2101103")?.printed == ["9.29", "9.29", "-"])
        #expect(d.table(.expenseSummary)?.totalRow?.printed == ["633.02", "573.09", "59.93"])
    }
}

/// Header labels and long names wrapped inside their cells (`Style.wrappedHeaders`,
/// `Style.wrappedNames`), as real budget PDFs set them: every table reads as the text does.
@Suite(.enabled(if: PDFTests.hasPdftotext, "needs pdftotext (poppler-utils, installed by .ci/run)"))
struct PDFWrappedCellTests {
    typealias Style = PDFFixture.Style

    /// The tables that read otherwise than the text's, none now: kizilsu-2022, bayingol,
    /// kizilsu-2026.
    static let misread: [(Style, [[Int]])] = [
        (Style(wrappedHeaders: true), [[], [], []]),
        (Style(wrappedNames: .top), [[], [], []]),
        (Style(wrappedNames: .centred), [[], [], []]),
        // bayingol's 表10 then breaks over a page, its row 公务用车购置及运行费（小计） first on the
        // next, its amounts "6" and "6" at the page's head.
        (Style(wrappedHeaders: true, wrappedNames: .centred), [[], [], []]),
        (
            Style(proportional: true, centredHeaders: true, rules: true, wrappedHeaders: true, wrappedNames: .top),
            [[], [], []]
        ),
        (
            Style(proportional: true, centredHeaders: true, rules: true, wrappedHeaders: true, wrappedNames: .centred),
            [[], [], []]
        )
    ]

    @Test(arguments: misread.indices)
    func wrappedCellsReadLikeTheText(_ k: Int) throws {
        let (style, expected) = Self.misread[k]
        #expect(try PDFStyleTests.differing(Fixtures.kizilsu2022, style) == expected[0])
        #expect(try PDFStyleTests.differing(Fixtures.bayingol, style) == expected[1])
        #expect(try PDFStyleTests.differing(Fixtures.kizilsu2026, style) == expected[2])
    }

    /// Pages of other lengths break the tables elsewhere: a header at a page's foot, its first
    /// row (a name alone, or a row of whole numbers) at the next page's head; a header's first
    /// line alone at the foot; a page opening with a wrapped row, then names alone in their rows.
    /// Each style reads as at 60 lines a page.
    @Test(arguments: [35, 40, 45, 50, 55])
    func pageBreaksElsewhere(_ linesPerPage: Int) throws {
        for style in [Style(), Style(wrappedNames: .centred), Style(wrappedHeaders: true, wrappedNames: .centred)] {
            #expect(try PDFStyleTests.differing(Fixtures.kizilsu2022, style, linesPerPage: linesPerPage) == [])
            #expect(try PDFStyleTests.differing(Fixtures.bayingol, style, linesPerPage: linesPerPage) == [])
            #expect(try PDFStyleTests.differing(Fixtures.kizilsu2026, style, linesPerPage: linesPerPage) == [])
        }
    }

    /// Labels broken in narrow header cells ("基本" / "支出") come back whole: kizilsu-2022's
    /// 表三 reads its three columns as the text does.
    @Test func wrappedHeaderLabels() throws {
        let (d, _) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2022, Style(wrappedHeaders: true))
        #expect(d.table(.expenseSummary)?.row("2080109")?.printed == ["325.07", "315.27", "9.80"])
        #expect(d.table(.expenseSummary)?.totalRow?.printed == ["389.75", "363.55", "26.20"])
    }

    /// A label wrapped in its cell ("一般公" / "共预算") above and below labels centred in the
    /// header row ("政府性基金  国有资本经营预算", their columns empty in every row) stands beside
    /// them: bayingol's 表10 reads its four amount columns, as the text does.
    @Test func wrappedLabelBesideCentredLabels() throws {
        let (d, text) = try PDFStyleTests.roundTrip(Fixtures.bayingol, Style(wrappedHeaders: true))
        let three = try #require(d.table(.threePublic))
        #expect(three.columns == text.table(.threePublic)?.columns)
        #expect(three.columns.count == 4)
        #expect(three.rows.first { $0.name == "公务接待费" }?.printed == ["0.40", "0.40", "-", "-"])
    }

    /// A long name broken over two lines, its amounts on the first, is one row.
    @Test func wrappedNameAmountsOnTop() throws {
        let (d, _) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2022, Style(wrappedNames: .top))
        let row = try #require(d.table(.expenseSummary)?.row("2080199"))
        #expect(row.name == "其他人力资源和社会保障管理事务支出")
        #expect(row.printed == ["16.40", "-", "16.40"])
    }

    /// A long name broken over two lines, its code and amounts centred between them, is one row;
    /// so is the row under it, whose one-line name stands a row below the name's last line.
    @Test func wrappedNameAmountsCentred() throws {
        let (d, _) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2022, Style(wrappedNames: .centred))
        let t = try #require(d.table(.expenseSummary))
        #expect(t.row("20801")?.name == "人力资源和社会保障管理事务")
        #expect(t.row("20801")?.printed == ["341.47", "315.27", "26.20"])
        #expect(t.row("2080109")?.printed == ["325.07", "315.27", "9.80"])
        #expect(t.row("2080199")?.name == "其他人力资源和社会保障管理事务支出")
        #expect(t.row("2080199")?.printed == ["16.40", "-", "16.40"])
    }

    /// The two-sided 收支总表 with names wrapped, cells centred: a name wrapped beside the other
    /// side's one-line name ("用事业基金弥补收支差" / "额" beside "211 节能环保支出"), and a
    /// name wrapped where the other side is empty ("215 资源勘探工业" / "信息等支出"), each one row.
    @Test func twoSidedSummaryWithCentredCells() throws {
        let (d, text) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2022, Style(wrappedNames: .centred))
        let t = try #require(d.table(.incomeExpenseSummary))
        let income = t.rows.filter { $0.side == .income }.map(\.name)
        let expense = t.rows.filter { $0.side == .expense }
        #expect(income.contains("用事业基金弥补收支差额"))
        #expect(expense.contains { $0.code == "211" && $0.name == "节能环保支出" })
        #expect(expense.contains { $0.code == "215" && $0.name == "资源勘探工业信息等支出" })
        #expect(expense.first { $0.code == "208" }?.values.first??.description == "389.75")
        #expect(expense.count == text.table(.incomeExpenseSummary)?.rows.filter { $0.side == .expense }.count)
    }

    /// Rows of one-line names set evenly, amounts on the middle one only ("因公出国（境）费",
    /// "公务接待费 0.40", then "公务用车购置及运行" / "费（小计）" beside 6.00): three rows, not
    /// one name of three lines.
    @Test func evenRowsAreNoThreeLineName() throws {
        let (d, _) = try PDFStyleTests.roundTrip(Fixtures.bayingol, Style(wrappedNames: .centred))
        let three = try #require(d.table(.threePublic))
        #expect(
            three.rows.map { "\($0.name) \($0.values[0]?.description ?? "-")" } == [
                "合计 6.40", "因公出国（境）费 -", "公务接待费 0.40", "公务用车购置及运行费（小计） 6.00",
                "其中：公务用车购置费 -", "公务用车运行费 6.00"
            ])
    }

    /// One-line rows evenly set between rows whose names wrap, amounts sparse, stay rows: a line
    /// with a classification code is no wrapped name's last line (bayingol's 表4: 220 and 222
    /// wrap or stand beside, 221 alone holds amounts).
    @Test func rowsWithCodesBesideWrappedNames() throws {
        let (d, _) = try PDFStyleTests.roundTrip(Fixtures.bayingol, Style(wrappedNames: .top))
        let t = try #require(d.table(.fiscalSummary))
        #expect(t.row("220")?.name == "自然资源海洋气象等支出")
        #expect(t.row("221")?.printed.prefix(2) == ["38.09", "38.09"])
        #expect(t.row("222")?.name == "粮油物资储备支出")
    }
}
