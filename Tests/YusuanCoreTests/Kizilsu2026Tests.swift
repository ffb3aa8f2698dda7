import Testing
@testable import YusuanCore

/// Kizilsu 2026: twelve tables, four printed empty with notes, a header repeated after a page
/// break in 表2, sheets whose cells repeat one phrase three times.
@Suite struct Kizilsu2026Tests {
    let d: Disclosure
    init() throws { d = try Fixtures.load(Fixtures.kizilsu2026) }

    @Test func header() {
        #expect(d.unit == "克孜勒苏柯尔克孜自治州社会保险中心")
        #expect(d.year == 2026)
        #expect(d.scope == "部门")
    }

    @Test func twelveTablesFourEmpty() {
        #expect(d.tables.count == 12)
        #expect(d.contents.count == 12)
        #expect(
            d.tables.filter(\.isEmpty).map(\.kind) == [
                .govFundExpense, .stateCapitalExpense, .entrustedBusiness, .carryover
            ])
        #expect(d.table(.govFundExpense)?.emptyNote?.hasSuffix("政府性基金预算支出情况表为空表。") == true)
        #expect(d.tables.map { $0.number ?? "" } == (1...12).map { "表\($0)" })
    }

    @Test func incomeSummaryAcrossPageBreak() throws {
        let t = try #require(d.table(.incomeSummary))
        #expect(t.columns[1] == "财政拨款（补助）/小计")
        #expect(t.columns[3] == "财政拨款（补助）/上级一般公共预算安排的转移支付")
        #expect(
            t.row("2080199")?.values.prefix(4).map { $0?.description ?? "-" } == ["34.93", "34.93", "17.60", "17.33"])
        #expect(t.totalRow?.values.prefix(4).map { $0?.description ?? "-" } == ["633.02", "633.02", "590.69", "42.33"])
        #expect(t.rows.filter { $0.code != nil }.count == 17)
    }

    @Test func expenseTables() throws {
        let t = try #require(d.table(.expenseSummary))
        #expect(t.row("2080109")?.printed == ["387.00", "387.00", "-"])
        #expect(t.row("2080505")?.printed == ["49.57", "49.57", "-"])
        #expect(t.row("2080506")?.printed == ["24.78", "24.78", "-"])
        #expect(d.table(.gpbBasicExpense)?.totalRow?.printed == ["573.09", "545.75", "27.34"])
    }

    @Test func projectTable() throws {
        let t = try #require(d.table(.gpbProjectExpense))
        #expect(t.rows.compactMap(\.project).count == 4)
        #expect(t.rows.first { $0.project == "线路租赁费" }?.values[2]?.description == "9.60")
        // The unit's own line above the 类 rows is kept, without a code.
        #expect(t.rows.first?.code == nil && t.rows.first?.name == "克孜勒苏柯尔克孜自治州社会保险中心")
    }

    @Test func threePublic() throws {
        let t = try #require(d.table(.threePublic))
        #expect(t.totalRow?.printed.first == "4.80")
        #expect(t.rows.first { $0.name == "公务接待费" }?.printed.first == "0.80")
    }

    @Test func sheets() throws {
        #expect(d.performanceSheets.map(\.kind) == [.overall, .project, .project, .project, .project])
        let overall = d.performanceSheets[0]
        #expect(overall.fundingTotal?.description == "633.02")
        #expect(overall.indicators.count == 7)
        #expect(overall.indicators[0].value == ">=13.08万人")
        #expect(overall.indicators[0].weight == "15")
        let office = d.performanceSheets[2]
        #expect(office.project == "2026年自治区社保经办机构业务补助经费")
        #expect(office.manager == "李瑛")
        #expect(office.fundingTotal?.description == "17.33")
        let repeated = try #require(office.indicators.first { $0.name == "报销差旅费（批次）" })
        #expect(repeated.nameRepeats == 3)
        #expect(office.indicators.contains { $0.level1 == "效果目标" && $0.level2 == "社会效益" })
    }

    @Test func facts() throws {
        let item = try #require(d.facts.first { $0.code == "2080109" })
        #expect(item.amount?.description == "387.00")
        #expect(item.change?.description == "25.23")
        #expect(item.changePercent?.description == "6.97")
        let procurement = d.facts.filter { $0.topic == .procurement }.compactMap(\.amount).map(\.description)
        #expect(procurement.starts(with: ["6.06", "1.12", "0.00", "4.94", "18.06", "18.06"]))
    }

    /// A 三公 table that prints 公务用车购置 and 运行维护费 with no line summing them: its 总计 is
    /// 因公出国 + 公务接待 + 购置 + 运行 (4.80 = 0.80 + 4.00), not an error for leaving them out.
    /// (The sample's 表10 without its 小计 line; as printed, the 小计 holds the same 4.00.)
    @Test func threePublicWithoutTheVehiclesLine() throws {
        let text = try String(contentsOfFile: Fixtures.path(Fixtures.kizilsu2026), encoding: .utf8)
        let cut = text.components(separatedBy: "\n").filter { !$0.hasPrefix("公务用车购置及运行维护费（小计）") }
        #expect(cut.count == text.components(separatedBy: "\n").count - 1)
        let d = try DisclosureParser.parse(text: cut.joined(separator: "\n"), path: "cut.txt")
        let three = try #require(d.table(.threePublic))
        #expect(three.totalRow?.value(0)?.description == "4.80")
        #expect(!three.rows.contains { $0.name.contains("小计") })
        #expect(!Checker.check(d).contains { $0.table == .threePublic && $0.severity == .error })
    }
}
