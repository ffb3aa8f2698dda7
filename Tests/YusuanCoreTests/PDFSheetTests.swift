import Foundation
import Testing
@testable import YusuanCore

/// 绩效目标表 set as a spreadsheet prints them (`PDFFixture.sheetRuns`: wrapped cells, merged
/// head cells, 一级/二级 labels merged down their rows) read from the PDF as from the text.
@Suite(.enabled(if: PDFTests.hasPdftotext, "needs pdftotext (poppler-utils, installed by .ci/run)"))
struct PDFSheetTests {
    typealias Style = PDFFixture.Style

    static let styles: [Style] = [Style(), PDFStyleTests.all, Style(wrappedNames: .top)]
    /// Labels centred in their merged cells, some parted by a page break.
    static let centred = Style(centredLevels: true)

    /// A sheet as compared: project, goal, funding lines and every indicator's columns.
    static func summary(_ s: PerformanceSheet) -> [String] {
        [s.project ?? "-", s.goal ?? "-"] + s.fundingLines.map { "\($0.label)=\($0.amount?.description ?? "-")" }
            + s.indicators.map { i in
                [i.level1, i.level2, i.name, i.value, i.basis, i.lastValue, i.weight, i.scoringRule, i.evidence]
                    .map { $0 ?? "-" }.joined(separator: "|")
            }
    }

    static func sheets(_ name: String, _ style: Style) throws -> (pdf: [[String]], text: [[String]]) {
        let (pdf, text) = try PDFStyleTests.roundTrip(name, style)
        return (pdf.performanceSheets.map(summary), text.performanceSheets.map(summary))
    }

    /// kizilsu-2022's three sheets and bayingol's two read as the text does, labels on their
    /// blocks' first rows or centred in them. But for bayingol's second sheet with labels
    /// centred: its text prints them mid-block already (产出指标 on the third of its rows), so the
    /// PDF, centring each over the rows from there to the next label, sets 数量指标 lower than
    /// its first rows; read back, its block takes two of 质量指标's rows.
    @Test(arguments: styles + [centred])
    func sheetsReadLikeTheText(_ style: Style) throws {
        let (pdf, text) = try Self.sheets(Fixtures.kizilsu2022, style)
        #expect(pdf.count == 3)
        #expect(pdf == text)
        let (a, b) = try Self.sheets(Fixtures.bayingol, style)
        #expect(a.count == 2)
        #expect(a.indices.filter { $0 >= b.count || a[$0] != b[$0] } == (style.centredLevels ? [1] : []))
    }

    /// kizilsu-2026's five sheets: all but the third read as the text does. The third's text has
    /// a blank line inside its grid and a row of four cells after it, its 10 in a column of its
    /// own: the PDF, one grid, sets that 10 in an empty column beside the name.
    @Test(arguments: styles + [centred])
    func kizilsu2026Sheets(_ style: Style) throws {
        let (pdf, text) = try Self.sheets(Fixtures.kizilsu2026, style)
        #expect(pdf.count == 5)
        #expect(pdf.indices.filter { $0 >= text.count || pdf[$0] != text[$0] } == [2])
    }

    /// 代办员经费: 年度资金总额 8.4 万元, 其中财政拨款 8.4 万元; 产出指标 › 数量指标 › 聘用代办员人数 = 16.
    @Test(arguments: styles + [centred])
    func agentsSheet(_ style: Style) throws {
        let (pdf, _) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2022, style)
        let sheet = try #require(pdf.performanceSheets.first { $0.project == "代办员经费" })
        #expect(sheet.fundingTotal?.description == "8.40")
        #expect(sheet.fundingFiscal?.description == "8.40")
        let first = try #require(sheet.indicators.first)
        #expect([first.level1, first.level2, first.name, first.value] == ["产出指标", "数量指标", "聘用代办员人数", "16"])
        let last = try #require(sheet.indicators.last)
        #expect([last.level1, last.level2, last.name, last.value] == ["满意度指标", "满意度指标", "补助对象满意度", "≥95%"])
    }

    /// kizilsu-2026's 审计经费 sheet: 中央补助 0.00 / 本级配套 8.00 / 其他资金 0.00; 质量指标's
    /// first indicator under 产出目标, its name once (the sample prints it three times).
    @Test(arguments: styles + [centred])
    func auditSheet(_ style: Style) throws {
        let (pdf, _) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2026, style)
        let sheet = try #require(pdf.performanceSheets.first { $0.project == "社会保险经办审计经费项目" })
        #expect(sheet.fundingLines.map(\.label) == ["中央补助", "本级配套", "其他资金"])
        #expect(sheet.fundingLines.map { $0.amount?.description } == ["0.00", "8.00", "0.00"])
        let quality = try #require(sheet.indicators.first { $0.level2 == "质量指标" })
        #expect([quality.level1, quality.name, quality.value] == ["产出目标", "审计经费使用合规率(%)", "6"])
        #expect(sheet.indicators.count == 14)
    }

    /// bayingol's first sheet, nine columns: 缴纳92-93辞现保公人员社保费人数 =37人, 计划标准, 上年
    /// 36人, 分值 2, 按照完成比例赋分, 原始凭证; 年度预算总额 153.24.
    @Test(arguments: styles + [centred])
    func nineColumns(_ style: Style) throws {
        let (pdf, _) = try PDFStyleTests.roundTrip(Fixtures.bayingol, style)
        let sheet = try #require(pdf.performanceSheets.first)
        #expect(sheet.fundingTotal?.description == "153.24")
        let i = try #require(sheet.indicators.first)
        #expect(
            [i.level1, i.level2, i.value, i.basis, i.lastValue, i.weight, i.scoringRule, i.evidence] == [
                "产出指标", "数量指标", "=37人", "计划标准", "36人", "2", "按照完成比例赋分", "原始凭证"
            ])
    }

    /// The overall sheet's first indicator: 履职效能 › 数量指标, not the two run together.
    @Test(arguments: styles + [centred])
    func overallSheetLevels(_ style: Style) throws {
        let (pdf, _) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2026, style)
        let first = try #require(pdf.performanceSheets.first?.indicators.first)
        #expect([first.level1, first.level2, first.value] == ["履职效能", "数量指标", ">=13.08万人"])
    }
}

/// The sheets of the office-printed PDFs (`OfficePDFTests`), set as forms set them: a label's
/// value merged across the empty cells after it, 一级/二级 merged down their blocks, rows as
/// tall as their wrapped text, every cell bordered. The head and header LibreOffice repeats atop
/// every page a sheet goes on to are read once, and amounts bordered close to the next label
/// ("0.00 本级配套:") stay apart.
@Suite(.enabled(if: PDFTests.hasPdftotext, "needs pdftotext (poppler-utils, installed by .ci/run)"))
struct OfficePDFSheetTests {
    /// Per fixture, the sheets (by index) that read as the text: project, goal, funding lines and
    /// every indicator's 一级, 二级, name and value. The others still differ: a sheet whose text
    /// sets its rows a cell off (kizilsu-2026's first project: 时效指标 in the 一级 column), a
    /// sheet's last rows on a page printed at another size with no header (kizilsu-2026's
    /// second, whose values fall in the name's column), a name and value centred beside rows
    /// whose 二级 labels lie between them (kizilsu-2026's third, bayingol's two), a value
    /// merged under a label that ends its row (kizilsu-2022's third: 其他资金).
    static let readAsText: [(String, [Int])] = [
        (Fixtures.kizilsu2026, [0, 4]),
        (Fixtures.kizilsu2022, [0, 1]),
        (Fixtures.bayingol, [])
    ]

    static func key(_ s: PerformanceSheet) -> String {
        ([s.project ?? "-", s.goal ?? "-"] + s.fundingLines.map { "\($0.label)=\($0.amount?.description ?? "-")" }
            + s.indicators.map {
                [$0.level1 ?? "-", $0.level2 ?? "-", $0.name, $0.value ?? "-"].joined(separator: "›")
            })
            .joined(separator: "|")
    }

    @Test(arguments: readAsText)
    func sheetsOfAnOfficePrintedPDF(name: String, same: [Int]) throws {
        let (pdf, text) = try OfficePDFTests.read(name)
        let (a, b) = (pdf.performanceSheets, text.performanceSheets)
        #expect(a.count == b.count && !a.isEmpty)
        #expect(
            zip(a, b).enumerated().filter { Self.key($0.element.0) == Self.key($0.element.1) }.map(\.offset) == same)
    }

    /// kizilsu-2026's 部门整体绩效目标表 (page 27) as a person reads it: each row's labels with
    /// the value beside them, the indicators under the header's columns.
    @Test func overallSheetAsPrinted() throws {
        let (pdf, _) = try OfficePDFTests.read(Fixtures.kizilsu2026)
        let sheet = try #require(pdf.performanceSheets.first)
        let funding = Dictionary(
            sheet.fundingLines.map { ($0.label, $0.amount?.description) }, uniquingKeysWith: { a, _ in a })
        #expect(funding["上级安排"] == "42.33" && funding["本级安排"] == "590.69" && funding["合计"] == "633.02")
        #expect(sheet.indicators.count == 7)
        let first = try #require(sheet.indicators.first)
        #expect(first.level1 == "履职效能" && first.level2 == "数量指标")
        #expect(first.name == "职工养老保险参保人数达到（人次）" && first.value == ">=13.08万人")
        #expect(sheet.indicators.last?.value == ">=23.56亿元")
    }

    /// A project's name merged across the empty cells after its label (kizilsu-2026's 线路租赁费,
    /// kizilsu-2022's 代办员经费), with its funds and a wrapped name's indicator.
    @Test func projectNameAndFundsAsPrinted() throws {
        let (pdf26, _) = try OfficePDFTests.read(Fixtures.kizilsu2026)
        let line = try #require(pdf26.performanceSheets.first { $0.project == "线路租赁费" })
        #expect(line.fundingLines.first { $0.label == "本级配套" }?.amount?.description == "9.60")
        #expect(line.indicators.first?.name == "租用专线网络数量(条)" && line.indicators.first?.value == "7")
        let (pdf22, _) = try OfficePDFTests.read(Fixtures.kizilsu2022)
        let agents = try #require(pdf22.performanceSheets.first { $0.project == "代办员经费" })
        #expect(agents.fundingLines.first { $0.label == "年度资金总额" }?.amount?.description == "8.40")
        #expect(agents.indicators.first?.name == "聘用代办员人数" && agents.indicators.first?.value == "16")
    }
}
