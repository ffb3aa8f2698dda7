import Foundation
import Testing
@testable import YusuanCore

/// 绩效目标表 set as a spreadsheet prints them (`PDFFixture.sheetRuns`: wrapped cells, merged
/// head cells, 一级/二级 labels merged down their rows) read from the PDF as from the text.
@Suite(.enabled(if: PDFTests.hasPdftotext, "needs pdftotext (poppler-utils, installed by .ci/run)"))
struct PDFSheetTests {
    typealias Style = PDFFixture.Style

    static let styles: [Style] = [Style(), PDFStyleTests.all, Style(centredLevels: true)]

    /// kizilsu-2022's three sheets: their funding lines and indicators as the text has them.
    @Test(arguments: styles)
    func kizilsu2022SheetsReadLikeTheText(_ style: Style) throws {
        let (pdf, text) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2022, style)
        #expect(pdf.performanceSheets.count == 3)
        #expect(pdf.performanceSheets.map(\.project) == text.performanceSheets.map(\.project))
        #expect(pdf.performanceSheets.map(\.fundingLines) == text.performanceSheets.map(\.fundingLines))
        #expect(pdf.performanceSheets.map(\.goal) == text.performanceSheets.map(\.goal))
        #expect(pdf.performanceSheets.map(\.indicators) == text.performanceSheets.map(\.indicators))
    }

    /// 代办员经费: 年度资金总额 8.4 万元, 其中财政拨款 8.4 万元; 产出指标 › 数量指标 › 聘用代办员人数 = 16.
    @Test(arguments: styles)
    func agentsSheet(_ style: Style) throws {
        let (pdf, _) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2022, style)
        let sheet = try #require(pdf.performanceSheets.first { $0.project == "代办员经费" })
        #expect(sheet.fundingTotal == Amount(parsing: "8.40"))
        #expect(sheet.fundingFiscal == Amount(parsing: "8.40"))
        let first = try #require(sheet.indicators.first)
        #expect([first.level1, first.level2, first.name, first.value] == ["产出指标", "数量指标", "聘用代办员人数", "16"])
        let last = try #require(sheet.indicators.last)
        #expect([last.level1, last.level2, last.name, last.value] == ["满意度指标", "满意度指标", "补助对象满意度", "≥95%"])
    }

    /// kizilsu-2026's 审计经费 sheet: 中央补助 0.00 / 本级配套 8.00 / 其他资金 0.00, and 质量指标's
    /// first indicator under 产出目标, its name once.
    @Test(arguments: styles)
    func auditSheet(_ style: Style) throws {
        let (pdf, _) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2026, style)
        #expect(pdf.performanceSheets.count == 5)
        let sheet = try #require(pdf.performanceSheets.first { $0.project == "社会保险经办审计经费项目" })
        #expect(sheet.fundingLines.map(\.label) == ["中央补助", "本级配套", "其他资金"])
        #expect(sheet.fundingLines.map(\.amount) == ["0.00", "8.00", "0.00"].map { Amount(parsing: $0) })
        let quality = try #require(sheet.indicators.first { $0.level2 == "质量指标" })
        #expect([quality.level1, quality.name, quality.value] == ["产出目标", "审计经费使用合规率(%)", "6"])
        #expect(sheet.indicators.count == 12)
    }

    /// The overall sheet's first indicator: 履职效能 › 数量指标, not the two run together.
    @Test(arguments: styles)
    func overallSheetLevels(_ style: Style) throws {
        let (pdf, _) = try PDFStyleTests.roundTrip(Fixtures.kizilsu2026, style)
        let first = try #require(pdf.performanceSheets.first?.indicators.first)
        #expect([first.level1, first.level2, first.value] == ["履职效能", "数量指标", ">=13.08万人"])
    }
}
