import Testing

@testable import YusuanCore

/// The two sides of a comparison named, what makes them unlike said, and the orders a compared
/// table's lines are read in (Kizilsu 2022 单位预算 → 2026 部门预算; Kashgar 2023 → Akto 2024).
@Suite struct CompareOrderTests {
    let kizilsu: Comparison
    let kashgarAkto: Comparison

    init() throws {
        kizilsu = Comparison(old: try Fixtures.load(Fixtures.kizilsu2022), new: try Fixtures.load(Fixtures.kizilsu2026))
        kashgarAkto = Comparison(old: try Fixtures.load(Fixtures.kashgar), new: try Fixtures.load(Fixtures.akto))
    }

    @Test func headingNamesEachSidesUnitAndYear() {
        #expect(kizilsu.heading == "比较 克孜勒苏柯尔克孜自治州社会保险中心 2022 → 2026")
        #expect(kashgarAkto.heading == "比较 新疆维吾尔自治区喀什地区喀什市社会保险中心 2023 → 阿克陶县社会保险中心 2024")
        #expect(kashgarAkto.heading(short: true) == "比较 喀什市社会保险中心 2023 → 阿克陶县社会保险中心 2024")
        #expect(kashgarAkto.heading(short: true, unitWidth: 12) == "比较 喀什市社会… 2023 → 阿克陶县社… 2024")
    }

    @Test func cautionsSayScopeUnitAndGap() {
        #expect(kizilsu.cautions == ["范围不同（单位→部门）", "相隔 4 年"])
        #expect(kizilsu.cautions(short: true) == ["单位→部门", "隔 4 年"])
        #expect(kashgarAkto.cautions == ["单位不同", "范围不同（部门→单位）"])
        let text = DiffOutput.text(kashgarAkto)
        #expect(text.hasPrefix("比较 新疆维吾尔自治区喀什地区喀什市社会保险中心 2023 → 阿克陶县社会保险中心 2024："))
        #expect(text.contains("注意：单位不同，范围不同（部门→单位）；逐行比较仅供参考。"))
    }

    func summary(_ c: Comparison) throws -> TableComparison {
        try #require(c.tables.first { $0.kind == .incomeExpenseSummary })
    }

    @Test func twoSidedTableKeepsIncomeBeforeExpense() throws {
        let t = try summary(kizilsu)
        let order = t.ordered(Array(t.lines.indices), by: .printed)
        let sides = order.map { t.lines[$0].side == .income }
        // 收 … 收 then 支 … 支: the side changes once.
        #expect(zip(sides, sides.dropFirst()).filter { $0 != $1 }.count == 1)
        #expect(sides.first == true)
        // The CLI's line list says the side of each line.
        let text = DiffOutput.text(kizilsu)
        #expect(text.contains("->  收 一、本年收入"))
        #expect(text.contains("->  支 208 社会保障和就业支出"))
    }

    @Test func rankedByAbsoluteThenRelativeChange() throws {
        let t = try summary(kizilsu)
        let income = t.lines.indices.filter { t.lines[$0].side == .income }
        let absolute = t.ordered(income, by: .absolute).map { t.lines[$0].label }
        // 收入总计 (a total) first, then +590.69 其中：一般财力, -368.55 一、财政拨款（补助）, +264.47 ….
        #expect(Array(absolute.prefix(4)) == ["收入总计", "其中：一般财力", "一、财政拨款（补助）", "1.一般公共预算拨款"])
        let relative = t.ordered(income, by: .relative).map { t.lines[$0].label }
        // Growth from nothing (新增) above -100%, and -100% above +71.8%.
        #expect(relative[1] == "其中：一般财力")
        #expect(relative.firstIndex(of: "一、财政拨款（补助）")! < relative.firstIndex(of: "1.一般公共预算拨款")!)
        #expect(Set(absolute) == Set(income.map { t.lines[$0].label }))
        #expect(LineOrder.printed.next == .absolute && LineOrder.absolute.next == .relative)
        #expect(LineOrder.relative.next == .printed)
    }
}
