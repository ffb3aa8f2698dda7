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

    /// 三级指标 rows with a value, counted by hand in each sheet of the text.
    @Test func indicatorCountsAsPrinted() {
        let counts = d.performanceSheets.map { [$0.project ?? "?": $0.indicators.count] }
        #expect(
            counts == [
                ["95年以前退休人员生活补贴": 12],
                ["2023年城乡居民基本养老保险项目": 13],
                ["2023年城乡养老本级财政丧葬补助资金": 10],
                ["2023年度中央财政城乡居民基本养老保险项目": 12],
                ["2023年度自治区财政城乡居民基本养老保险项目": 14],
                ["2023年自治区社保经办机构业务经费": 15],
                ["城乡养老困难群体补助项目": 11],
                ["破产企业退休职工人员项目": 13],
                ["运转保障项目": 11]
            ])
    }

    /// Rows whose wrapped cells share a line with the next row's, or sit after its rule's pieces.
    @Test func indicatorsRecoveredFromMergedLines() throws {
        func row(_ sheet: Int, _ name: String) -> [String?]? {
            let found = d.performanceSheets[sheet].indicators.first { $0.name == name }
            return found.map { [$0.level1, $0.level2, $0.name, $0.value] }
        }
        try #require(d.performanceSheets.count == 9)
        // Line 3521: "效益指 社会效 改善人群 有效改善 计划标准 有效改善 10 按照完 工作资", then " 标 益指标 生活条件 成比例".
        #expect(row(1, "改善人群生活条件") == ["效益指标", "社会效益指标", "改善人群生活条件", "有效改善"])
        #expect(row(1, "落实城乡居民养老保险政策") == ["效益指标", "社会效益指标", "落实城乡居民养老保险政策", "有效落实"])
        // Line 4101: "城乡居民 =100% 计划标准 100% 6 按照完 工作资", the name going on below.
        #expect(row(3, "城乡居民养老保险补助政策知晓率") == ["效益指标", "社会效益指标", "城乡居民养老保险补助政策知晓率", "=100%"])
        #expect(row(3, "受益城乡老年居民满意度") == ["满意度指标", "满意度指标", "受益城乡老年居民满意度", ">=95%"])
        // Line 4366: "50元/人/年 5" is the last value and the weight, not a date.
        #expect(row(4, "城乡养老保险缴费补助标准") == ["成本指标", "经济成本指标", "城乡养老保险缴费补助标准", "=50元/人/年"])
        #expect(row(4, "城乡养老保险养老金补助标准") == ["成本指标", "经济成本指标", "城乡养老保险养老金补助标准", "=62元/人/月"])
        #expect(d.performanceSheets[4].indicators.first { $0.name == "城乡养老保险缴费补助标准" }?.lastValue == "50元/人/年")
        // Line 4715: "公用经费 =100% 计划标准 100% 5 按照完 原始凭", with a page number inside the row.
        #expect(row(5, "公用经费支付及时率") == ["产出指标", "时效指标", "公用经费支付及时率", "=100%"])
        #expect(row(5, "人均运转经费数") == ["成本指标", "经济成本指标", "人均运转经费数", "<=729.16元/人"])
        // Line 5421: " 条件 赋分", the end of the name beside the end of the rule.
        #expect(row(7, "改善发放人群生活条件") == ["效益指标", "社会效益指标", "改善发放人群生活条件", "有效改善"])
        #expect(row(7, "保障基本生活需求") == ["效益指标", "社会效益指标", "保障基本生活需求", "有效保障"])
        // Lines 5640-5644: the name "通讯线路 / 保障支出" starts like a value (有效保障) but is not one.
        #expect(row(8, "通讯线路保障支出") == ["成本指标", "经济成本指标", "通讯线路保障支出", "=180元/条/月"])
        // Line 5728, the sheet's last: "满意度 满意度 基层单位 >=95% 行业标准 0 10 满意度 工作资", cut off there.
        #expect(row(8, "基层单位") == ["满意度", "满意度", "基层单位", ">=95%"])
        #expect(row(8, "提升业务保障能力") == ["效益指标", "社会效益指标", "提升业务保障能力", "有效提升"])
    }

    @Test func businessFundSheetInFull() {
        let sheet = d.performanceSheets.first { $0.project == "2023年自治区社保经办机构业务经费" }
        #expect(
            sheet?.indicators.map(\.name) == [
                "机关事业单位养老保险参保职工人数", "企业基本养老保险参保职工人数", "工伤保险参保人数", "失业保险参保人数",
                "城乡居民养老保险参保人数", "保障办公人员数量", "工作任务完成率", "资金使用合规率", "经费保障月份",
                "公用经费支付及时率", "人均运转经费数", "提升业务保障能力", "提升公共服务水平", "办公人员满意度", "参保群众满意度"
            ])
        let weights = sheet?.indicators.map { $0.weight ?? "-" }
        #expect(weights == ["2", "3", "3", "4", "4", "4", "5", "5", "5", "5", "20", "10", "10", "5", "5"])
    }

    /// "收入预算包括：一般公共预算拨款 9466.10 万元" (line 2569) is 表1's line "1.一般公共预算拨款
    /// 9,466.10", this year's, not the line of the same name under 财政拨款结转 (85.33): checked,
    /// and it agrees.
    @Test func incomeLineNamedTwiceIsThisYears() {
        let claim = Claims.of(d).first { $0.line == 2569 && $0.kind == .amount }
        #expect(claim?.subject == "一般公共预算拨款")
        #expect(claim?.figure("金额")?.description == "9466.10")
        #expect(claim != nil && claim?.unchecked == nil)
        #expect(!Checker.check(d).contains { $0.line == 2569 })
    }
}
