import Testing
@testable import YusuanCore

/// Akto 2024: thousands separators, 表8 promised and never printed, 表6 without its 301 row.
@Suite struct AktoTests {
    let d: Disclosure
    init() throws { d = try Fixtures.load(Fixtures.akto) }

    @Test func header() {
        #expect(d.unit == "阿克陶县社会保险中心")
        #expect(d.year == 2024)
        #expect(d.scope == "单位")
    }

    @Test func promisedTableMissing() {
        #expect(d.contents.count == 11)
        #expect(d.tables.count == 10)
        #expect(d.table(.govFundExpense) == nil)
        #expect(d.contents.contains { $0.kind == .govFundExpense })
    }

    @Test func thousandsSeparators() throws {
        let t = try #require(d.table(.incomeExpenseSummary))
        #expect(t.rows.first { $0.side == .income && $0.isTotal }?.values.first??.description == "3547.87")
        #expect(d.table(.expenseSummary)?.row("2082602")?.printed == ["3095.00", "-", "3095.00"])
    }

    @Test func missingEconomicClassRowIsAnUnprintedNode() throws {
        let t = try #require(d.table(.gpbBasicExpense))
        #expect(t.row("301") == nil)
        #expect(t.row("30101")?.printed == ["73.78", "73.78", "-"])
        let node = try #require(d.economicTree.first { $0.code == "301" })
        #expect(node.printed == false)
        #expect(node.children.count == 7)
        #expect(d.economicTree.first { $0.code == "302" }?.printed == true)
    }

    @Test func incomeSummaryUnitFunds() throws {
        let t = try #require(d.table(.incomeSummary))
        let unitFunds = try #require(t.column("单位资金"))
        #expect(t.row("2080109")?.values[unitFunds]?.description == "0.50")
        #expect(t.row("2080109")?.values[0]?.description == "333.80")
        #expect(t.rows.filter { $0.code != nil }.count == 17)
    }

    @Test func projectsAndSheets() throws {
        #expect(d.projects.count == 7)
        #expect(d.projects.first { $0.name.contains("中央财政") }?.amount?.description == "1616.00")
        #expect(d.performanceSheets.count == 4)
        let overall = d.performanceSheets[0]
        #expect(overall.kind == .overall)
        #expect(overall.fundingLines.map(\.label) == ["上级安排", "本级安排", "其他"])
        let network = d.performanceSheets[1]
        #expect(network.indicators.count == 7)
        #expect(network.indicators[0].name == "城乡居民养老网络消费覆盖乡镇场数量(个)")
        #expect(network.indicators[0].value == ">=15个")
        #expect(network.indicators[0].weight == "10")
        #expect(network.indicators[0].evidence == "工作资料")
    }

    @Test func staffing() {
        #expect(d.overview.staffing.active == 17)
        #expect(d.overview.staffing.activeChange == -6)
        #expect(d.overview.staffing.retiredChange == 2)
    }
}

/// Bayingol 2023: 表2 rounded for display, 表6 and 表7 promised and never printed, a sheet whose
/// head is one cell per line.
@Suite struct BayingolTests {
    let d: Disclosure
    init() throws { d = try Fixtures.load(Fixtures.bayingol) }

    @Test func tables() {
        #expect(d.contents.count == 10)
        #expect(d.tables.map(\.kind).contains(.gpbBasicExpense) == false)
        #expect(d.tables.map(\.kind).contains(.gpbProjectExpense) == false)
        #expect(d.tables.count == 8)
    }

    @Test func roundedColumnsKeepTheirPrecision() throws {
        let t = try #require(d.table(.incomeSummary))
        let row = try #require(t.row("208"))
        #expect(row.values[0]?.description == "619.80")
        #expect(row.values[1]?.description == "620.00")
        #expect(row.values[1]?.decimals == 0)
        #expect(t.row("20805")?.values[1]?.decimals == 1)
    }

    @Test func sheets() throws {
        #expect(d.performanceSheets.count == 2)
        let first = d.performanceSheets[0]
        #expect(first.project == "社会保险经办服务和中心运行经费")
        #expect(first.manager == "魏杰")
        #expect(first.fundingTotal?.description == "153.24")
        #expect(first.indicators.count == 27)
        let second = d.performanceSheets[1]
        #expect(second.fundingTotal?.description == "13.00")
        #expect(second.fundingFiscal?.description == "153.24")
        // Rows printed above their merged 一级/二级 cell take its levels.
        #expect(second.indicators[0].level1 == "产出指标")
        #expect(second.indicators[0].level2 == "数量指标")
    }

    @Test func staffing() {
        #expect(d.overview.staffing.authorized == 33)
        #expect(d.overview.staffing.actual == 60)
        #expect(d.overview.departments.count == 10)
    }
}
