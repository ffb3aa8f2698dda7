import Testing
@testable import YusuanCore

/// Kashgar 2023: no tabs; cells wrapped a few characters per line, numbers broken across lines,
/// headers written vertically. Values checked against the document's cleaner tables (表3, 表5).
@Suite struct KashgarTests {
    let d: Disclosure
    init() throws { d = try Fixtures.load(Fixtures.kashgar) }

    @Test func header() {
        #expect(d.unit == "新疆维吾尔自治区喀什地区喀什市社会保险中心")
        #expect(d.year == 2023)
        #expect(d.scope == "部门")
        #expect(d.tables.count == 10)
        #expect(d.tables.allSatisfy { $0.layout == .wrapped })
    }

    @Test func expenseSummary() throws {
        let t = try #require(d.table(.expenseSummary))
        #expect(t.row("208")?.printed == ["9509.12", "534.63", "8974.49"])
        #expect(t.row("2080109")?.printed == ["9.60", "-", "9.60"])
        #expect(t.row("2080101")?.printed == ["499.91", "499.91", "-"])
        #expect(t.row("20805")?.printed == ["34.72", "34.72", "-"])
        #expect(t.row("2230105")?.name == "国有企业退休人员社会化管理补助支出")
        #expect(t.totalRow?.printed == ["9581.33", "576.95", "9004.39"])
        #expect(t.row("2080109")?.inferred == [false, false, true])
    }

    @Test func incomeSummaryRebuiltFromBrokenNumbers() throws {
        let t = try #require(d.table(.incomeSummary))
        let gpb = try #require(t.column("一般公共预算"))
        let transfer = try #require(t.column("上级一般公共预算安排的转移支付"))
        let carry = try #require(t.columns.firstIndex(of: "财政拨款结转"))
        let r208 = try #require(t.row("208"))
        #expect(r208.values[0]?.description == "9509.12")
        #expect(r208.values[1]?.description == "9423.79")  // = 表5's 208
        #expect(r208.values[gpb]?.description == "2049.09")
        #expect(r208.values[transfer]?.description == "7374.70")
        #expect(r208.values[carry]?.description == "85.33")
        #expect(t.row("2080109")?.values[gpb]?.description == "6.10")
        #expect(t.row("2080109")?.values[transfer]?.description == "3.50")
        // 就业补助 is funded by carry-over: in 表3, absent from 表5.
        #expect(t.row("20807")?.values[carry]?.description == "29.62")
        #expect(t.row("20807")?.values[1] == nil)
        #expect(t.row("2082602")?.values[gpb]?.description == "1058.66")
        #expect(t.rows.filter { $0.code != nil }.count == 27)
    }

    @Test func projectTable() throws {
        let t = try #require(d.table(.gpbProjectExpense))
        let goods = try #require(t.columns.firstIndex(of: "商品和服务支出"))
        let people = try #require(t.columns.firstIndex(of: "对个人和家庭的补助"))
        let fund = try #require(t.columns.firstIndex(of: "对社会保障基金补助"))
        #expect(t.row("208")?.values[goods]?.description == "9.60")
        #expect(t.row("208")?.values[people]?.description == "708.90")
        #expect(t.row("208")?.values[fund]?.description == "8170.66")
        let projects = t.rows.compactMap(\.project)
        #expect(projects.count == 9)
        #expect(projects.contains("2023年度自治区财政城乡居民基本养老保险项目"))
        #expect(t.rows.first { $0.project == "2023年度自治区财政城乡居民基本养老保险项目" }?.name == "财政对城乡居民基本养老保险基金的补助")
        #expect(t.rows.first { $0.project == "95年以前退休人员生活补贴" }?.values[0]?.description == "259.20")
        #expect(t.totalRow?.values[0]?.description == "8889.16")
    }

    @Test func basicExpense() throws {
        let t = try #require(d.table(.gpbBasicExpense))
        #expect(t.row("30108")?.name == "机关事业单位基本养老保险缴费")
        #expect(t.row("303")?.printed == ["20.77", "20.77", "-"])
        #expect(t.row("30211")?.printed == ["0.77", "-", "0.77"])
        #expect(t.totalRow?.printed == ["576.95", "572.36", "4.59"])
    }

    @Test func summaries() throws {
        let t = try #require(d.table(.incomeExpenseSummary))
        #expect(t.rows.first { $0.name == "上级一般公共预算安排转移支付" }?.values.first??.description == "7374.70")
        #expect(t.rows.first { $0.code == "223" }?.values.first??.description == "29.90")
        #expect(d.table(.threePublic)?.isEmpty == true)
    }

    @Test func sheetsAndStaffing() throws {
        #expect(d.performanceSheets.count == 9)
        let first = d.performanceSheets[0]
        #expect(first.project == "95年以前退休人员生活补贴")
        #expect(first.manager == "罗文刚")
        #expect(first.fundingTotal?.description == "259.20")
        #expect(first.indicators[0].name == "补助人数")
        #expect(first.indicators[0].value == ">=2099人")
        #expect(first.indicators[0].basis == "计划标准")
        #expect(first.indicators[0].weight == "10")
        let s = d.overview.staffing
        #expect([s.authorized, s.actual, s.active, s.retired] == [13, 58, 48, 10])
    }
}
