import Testing
@testable import YusuanCore

/// Kizilsu 2022: tab layout, codes split across lines ("20" / "8"), 表九 promised and not printed.
@Suite struct Kizilsu2022Tests {
    let d: Disclosure
    init() throws { d = try Fixtures.load(Fixtures.kizilsu2022) }

    @Test func header() {
        #expect(d.unit == "克孜勒苏柯尔克孜自治州社会保险中心")
        #expect(d.year == 2022)
        #expect(d.scope == "单位")
        #expect(d.documentKind == "预算")
    }

    @Test func tablesByKind() {
        #expect(
            d.tables.map(\.kind) == [
                .incomeExpenseSummary, .incomeSummary, .expenseSummary, .fiscalSummary,
                .gpbExpense, .gpbBasicExpense, .gpbProjectExpense, .threePublic
            ])
        #expect(d.tables.map { $0.number ?? "" } == ["表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八"])
        #expect(d.contents.count == 9)
        #expect(d.contents.last?.kind == .govFundExpense)
        #expect(d.orphanLabels.map(\.label) == ["表九"])
    }

    @Test func splitCodesAreRejoined() throws {
        let t = try #require(d.table(.expenseSummary))
        #expect(t.rows.compactMap(\.code) == ["208", "20801", "2080109", "2080199", "20805", "2080505", "2080501"])
        #expect(t.row("2080199")?.name == "其他人力资源和社会保障管理事务支出")
        #expect(t.row("2080109")?.printed == ["325.07", "315.27", "9.80"])
        #expect(t.row(nil)?.printed == ["389.75", "363.55", "26.20"])
    }

    @Test func wrappedNamesAreJoined() throws {
        let t = try #require(d.table(.incomeSummary))
        #expect(t.row("20801")?.name == "人力资源和社会保障管理事务")
        #expect(t.columns.first == "总计")
        #expect(t.columns.last == "单位上年结余（不含国库集中支付额度结余）")
        #expect(
            t.row("2080109")?.printed == ["325.07", "303.87", "-", "-", "-", "-", "-", "-", "-", "11.40", "-", "9.80"])
    }

    @Test func basicExpenseAndProjects() throws {
        let basic = try #require(d.table(.gpbBasicExpense))
        #expect(basic.row("30217")?.printed == ["1.30", "-", "1.30"])
        #expect(basic.row(nil)?.printed == ["352.15", "330.03", "22.12"])
        let projects = try #require(d.table(.gpbProjectExpense))
        #expect(projects.rows.compactMap(\.project) == ["线路租赁费", "代办员经费", "企业基本养老保险扩面"])
        #expect(d.projects.first { $0.name == "代办员经费" }?.amount?.description == "8.40")
        #expect(d.projects.first { $0.name == "线路租赁费" }?.statedScale?.description == "5.00")
    }

    @Test func threePublicHorizontalLayout() throws {
        let t = try #require(d.table(.threePublic))
        #expect(t.totalRow?.printed == ["9.30"])
        #expect(t.rows.first { $0.name == "公务接待费" }?.printed == ["1.30"])
        #expect(t.rows.first { $0.name == "公务用车运行费" }?.printed == ["8.00"])
    }

    @Test func staffing() {
        let s = d.overview.staffing
        #expect(s.authorized == 27)
        #expect(s.actual == 39)
        #expect(s.active == 22)
        #expect(s.activeChange == 1)
        #expect(s.retired == 17)
        #expect(s.lixiu == 0)
        #expect(d.overview.departments.count == 6)
    }

    @Test func performanceSheets() throws {
        #expect(d.performanceSheets.map(\.indicators.count) == [10, 8, 9])
        let first = try #require(d.performanceSheets.first)
        #expect(first.project == "线路租赁费")
        #expect(first.fundingTotal?.description == "5.00")
        #expect(first.fundingFiscal?.description == "5.00")
        #expect(first.indicators[0].name == "租用专线网络数量(条)")
        #expect(first.indicators[0].value == "9")
        #expect(first.indicators[0].level2 == "数量指标")
        #expect(first.indicators[5].level1 == "成本指标")
        #expect(first.indicators[5].value == "5")
        #expect(d.performanceSheets[1].indicators.first { $0.name == "每人补助月数" }?.value == "7个月")
    }

    @Test func proseFacts() throws {
        let total = try #require(d.facts.first { $0.topic == .totalBudget })
        #expect(total.amount?.description == "389.75")
        let gpb = try #require(d.facts.first { $0.topic == .income && $0.subject == "一般公共预算" && $0.share != nil })
        #expect(gpb.amount?.description == "368.55")
        #expect(gpb.share?.description == "94.56")
        #expect(gpb.change?.description == "54.05")
        #expect(gpb.changePercent?.description == "17.19")
        let item = try #require(d.facts.first { $0.topic == .classification && $0.code == "2080109" })
        #expect(item.amount?.description == "303.87")
        #expect(item.change?.description == "-5.63")
        let three = d.facts.filter { $0.topic == .threePublic && $0.subject.contains("公务接待费") }
        #expect(three.first?.amount?.description == "1.30")
    }

    @Test func glossaryAndSections() {
        #expect(d.glossary.count == 6)
        #expect(d.glossary.first?.term == "财政拨款")
        #expect(d.sections.count == 10)
        #expect(d.sections[9].children.map(\.number) == ["（一）", "（二）", "（三）", "（四）", "（五）"])
    }

    /// The same document with its tables printed in 元 (every amount of a table ×10,000, each
    /// 单位：万元 above a table made 单位：元; the sheets and the prose keep 万元): the same errors
    /// and warnings. A project's amount, read from the project table, is compared in 万元 with
    /// its sheet's (it was compared as 84,000.00 against 8.40).
    @Test func tablesInYuanGiveTheSameFindings() throws {
        let text = try String(contentsOfFile: Fixtures.path(Fixtures.kizilsu2022), encoding: .utf8)
        let yuan = text.components(separatedBy: "\n").map { line -> String in
            if CJK.compact(line) == "单位：万元" { return line.replacingOccurrences(of: "万元", with: "元") }
            guard line.contains("\t") else { return line }
            return line.components(separatedBy: "\t").map { cell in
                let c = cell.trimmed()
                guard Amount.isPrinted(c), let a = Amount(parsing: c) else { return cell }
                return Amount(hundredths: a.hundredths * 10_000).description
            }.joined(separator: "\t")
        }
        let d = try DisclosureParser.parse(text: yuan.joined(separator: "\n"), path: "yuan.txt")
        #expect(d.tables.filter { $0.amountUnit == "元" }.count == 8)
        #expect(d.table(.gpbProjectExpense)?.totalRow?.value(0)?.description == "164000.00")
        func serious(_ d: Disclosure) -> [String] {
            Checker.check(d).filter { $0.severity != .info }.map { "\($0.severity) \($0.rule)" }.sorted()
        }
        #expect(serious(d) == serious(self.d))
    }
}
