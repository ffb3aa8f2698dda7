import Foundation
import Testing
@testable import YusuanCore

/// Kizilsu 2022 against 2026: the same centre, titles worded differently, tables renumbered
/// (表八 “三公” is 表10 in 2026), four table kinds new in 2026.
@Suite struct CompareTests {
    let c: Comparison
    init() throws {
        c = Comparison(old: try Fixtures.load(Fixtures.kizilsu2022), new: try Fixtures.load(Fixtures.kizilsu2026))
    }

    func table(_ kind: TableKind) throws -> TableComparison { try #require(c.tables.first { $0.kind == kind }) }

    func line(_ t: TableComparison, _ code: String) -> AlignedLine? {
        t.lines.first { $0.code == code && $0.project == nil }
    }

    @Test func sameUnitDespiteTitles() {
        #expect(c.sameUnit)
        #expect(UnitName.key("克孜勒苏柯尔克孜自治州社会保险中心部门") == UnitName.key("克孜勒苏柯尔克孜自治州社会保险中心"))
        #expect(UnitName.key("阿克陶县社会保险中心") != UnitName.key("克孜勒苏柯尔克孜自治州社会保险中心"))
    }

    @Test func tablesPairedByKindNotNumber() throws {
        let three = try table(.threePublic)
        #expect(three.old?.number == "表八")
        #expect(three.new?.number == "表10")
        #expect(
            c.tables.filter { $0.presence == .new }.map(\.kind) == [
                .govFundExpense, .stateCapitalExpense, .entrustedBusiness, .carryover
            ])
        #expect(c.tables.filter { $0.presence == .old }.isEmpty)
    }

    @Test func expenseRowsByCode() throws {
        let t = try table(.expenseSummary)
        let office = try #require(line(t, "2080109"))
        #expect(office.status == .changed)
        #expect(office.primary.old?.description == "325.07")
        #expect(office.primary.new?.description == "387.00")
        #expect(office.primary.delta?.description == "61.93")
        #expect(String(format: "%.2f", office.primary.percent ?? 0) == "19.05")
        let pension = try #require(line(t, "2080505"))
        #expect(pension.primary.old?.description == "32.88")
        #expect(pension.primary.new?.description == "49.57")
        #expect(line(t, "2080506")?.status == .added)
        #expect(line(t, "2080506")?.primary.new?.description == "24.78")
        #expect(line(t, "2101101")?.status == .added)
        #expect(t.lines.last?.isTotal == true)
        #expect(t.total.old?.description == "389.75")
        #expect(t.total.new?.description == "633.02")
    }

    @Test func renamedKeepsItsCode() throws {
        // 表五 2022 prints 2080109 as "人力资源和社会保障管理事务社会保险经办支出".
        let office = try #require(line(try table(.gpbExpense), "2080109"))
        #expect(office.status == .renamed)
        #expect(office.oldName == "人力资源和社会保障管理事务社会保险经办支出")
        #expect(office.name == "社会保险经办机构")
        // 经济分类: 30199 gone, 30109 new.
        let basic = try table(.gpbBasicExpense)
        #expect(line(basic, "30199")?.status == .removed)
        #expect(line(basic, "30109")?.status == .added)
        #expect(line(basic, "30217")?.primary.delta?.description == "-0.50")
    }

    @Test func projectsMatchedByName() throws {
        let t = try table(.gpbProjectExpense)
        let lease = try #require(t.lines.first { $0.project == "线路租赁费" })
        #expect(lease.oldProject == "线路租赁费")
        #expect(lease.primary.old?.description == "5.00")
        #expect(lease.primary.new?.description == "9.60")
        #expect(t.lines.first { $0.project == "代办员经费" }?.status == .removed)
        #expect(t.lines.first { $0.project == "社会保险经办审计经费项目" }?.status == .added)
        let pair = try #require(c.projects.first { $0.name == "线路租赁费" })
        #expect(pair.status == .changed)
        #expect(pair.amount.delta?.description == "4.60")
        // Unrelated names are not forced together.
        #expect(c.projects.filter { $0.old != nil && $0.new != nil }.count == 1)
    }

    @Test func threePublicLinesMatchedByWording() throws {
        let t = try table(.threePublic)
        #expect(t.total.old?.description == "9.30")
        #expect(t.total.new?.description == "4.80")
        let car = try #require(t.lines.first { $0.name == "公务用车运行维护费" })
        #expect(car.oldName == "公务用车运行费")
        #expect(car.primary.old?.description == "8.00")
        #expect(car.primary.new?.description == "4.00")
        let buy = try #require(t.lines.first { $0.name.contains("公务用车购置") && !$0.name.contains("运行") })
        #expect(buy.oldName == "公务用车购置费")
        #expect(t.lines.first { $0.name.contains("接待") }?.primary.new?.description == "0.80")
    }

    @Test func incomeColumnsPairedByLabel() throws {
        let t = try table(.incomeSummary)
        let gpb = try #require(t.columns.first { $0.label == "财政拨款（补助）/一般公共预算" })
        #expect(t.old?.columns[gpb.old ?? 0] == "一般公共预算拨款")
        let office = try #require(line(t, "2080109"))
        let i = try #require(t.columns.firstIndex(of: gpb))
        #expect(office.cells[i].old?.description == "303.87")
        #expect(office.cells[i].new?.description == "387.00")
    }

    @Test func sheetIndicatorsWithinMatchedProject() throws {
        let sheet = try #require(c.sheets.first { $0.title == "线路租赁费" })
        #expect(sheet.funding.old?.description == "5.00")
        #expect(sheet.funding.new?.description == "9.60")
        let lines = try #require(sheet.indicators.first { $0.name == "租用专线网络数量(条)" })
        #expect(lines.oldValue == "9")
        #expect(lines.status == .changed)
        #expect(c.sheets.first { $0.title == "代办员经费" }?.status == .removed)
    }

    /// A damaged file can run a sheet's lines together into one page-long "indicator name";
    /// comparing it must stay cheap: lengths that cannot reach the threshold are not compared,
    /// and only a name's first 512 characters take part.
    @Test func pageLongNamesAreComparedBriefly() {
        let long = String(repeating: "参保人员覆盖率", count: 2_000)
        #expect(Matching.score(keys: "参保人员覆盖率", long, floor: 0.6) == 0)
        #expect(Matching.score(keys: "参保人员覆盖率", "参保人员覆盖率达标", floor: 0.6) > 0.8)
        #expect(NameMatch.commonLength(keys: long, long + "率") == (512, 512, 512))
    }

    @Test func staffingStatedOnlyIn2022() {
        #expect(c.staffing.first { $0.label == "实有人数" }?.old == 39)
        #expect(c.staffing.first { $0.label == "实有人数" }?.new == nil)
    }

    @Test func priorYearClaimsNeedConsecutiveYears() throws {
        #expect(c.priorYearClaims.isEmpty)
        // The 2026 document relabelled 2025 stands as "last year": its 基本支出 is 573.09, while
        // 2026's prose says 573.09 is 62.99 more than last year (510.10).
        let text = try String(contentsOfFile: Fixtures.path(Fixtures.kizilsu2026), encoding: .utf8)
        let older = try DisclosureParser.parse(
            text: text.replacingOccurrences(of: "2026", with: "2025"), path: "2025.txt")
        let claims = Comparison(old: older, new: try Fixtures.load(Fixtures.kizilsu2026)).priorYearClaims
        let basic = try #require(claims.first { $0.fact.topic == .expenseBasic })
        #expect(basic.implied.description == "510.10")
        #expect(basic.actual.description == "573.09")
        #expect(!basic.agrees)
    }

    @Test func textReportMarks() {
        let text = DiffOutput.text(c)
        #expect(text.contains("+++ 2080506 机关事业单位职业年金缴费支出"))
        #expect(text.contains("--- 2080199 代办员经费"))
        #expect(text.contains("325.07->387.00"))
        #expect(text.contains("表八→表10 “三公”经费支出"))
        let changedOnly = DiffOutput.text(c, onlyChanged: true)
        #expect(changedOnly.contains("... "))
        #expect(!changedOnly.contains("    201 一般公共服务支出"))
    }

    @Test func jsonCarriesAlignedData() {
        let json = DiffOutput.json(c).render()
        #expect(json.contains("\"kind\": \"expense_summary\""))
        #expect(json.contains("\"presence\": \"new\""))
        #expect(json.contains("\"status\": \"added\""))
        #expect(json.contains("\"changePercent\": \"19.05\"") == false)
        #expect(json.contains("\"changePercent\": 19.05"))
    }
}
