import Foundation
import Testing
@testable import YusuanCore

/// The national 部门决算 template as published, blank (`../shared/corpus/templates`): each table's
/// rows and columns as a person reads them off its page, every cell empty.
@Suite struct FinalAccountsTemplateTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpus/templates/final-accounts-template-2024.pdf").standardizedFileURL
        .path
    static let available = FileManager.default.fileExists(atPath: path) && PDFTests.hasPdftotext
    static let skip: Comment = "needs ../shared/corpus/templates and pdftotext (poppler-utils)"

    static let classes = [
        "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "215", "216", "217",
        "219", "220", "221", "222", "223", "224", "229", "234"
    ]

    /// A row as the page prints it: its code and name, or its name.
    static func label(_ r: Row) -> String { r.code.map { "\($0) \(r.name)" } ?? r.name }

    static func table(_ d: Disclosure, _ title: String) throws -> Table {
        let t = try #require(d.tables.first { $0.title == title }, "\(title)")
        #expect(t.rows.allSatisfy { $0.values.allSatisfy { $0 == nil } }, "\(title): a blank form")
        return t
    }

    @Test(.enabled(if: available, skip)) func summariesListTheirItems() throws {
        let d = try DisclosureParser.parse(path: Self.path)
        let s = try Self.table(d, "收入支出决算总表")
        #expect(s.columns == ["决算数"])
        #expect(
            s.rows.filter { $0.side == .income }.map(Self.label) == [
                "一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入",
                "六、经营收入", "七、附属单位上缴收入", "八、其他收入", "本年收入合计", "使用非财政拨款结余", "年初结转和结余", "总计"
            ])
        let expense = s.rows.filter { $0.side == .expense }
        #expect(expense.compactMap(\.code) == Self.classes)
        #expect(expense.first.map(Self.label) == "201 一般公共服务支出")
        #expect(expense.filter { $0.code == nil }.map(\.name) == ["本年支出合计", "结余分配", "年末结转和结余", "总计"])
        #expect(s.rows.count == 40)

        let f = try Self.table(d, "财政拨款收入支出决算总表")
        #expect(f.columns == ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])
        let budgets = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"]
        #expect(
            f.rows.filter { $0.side == .income }.map(\.name)
                == budgets + ["本年收入合计", "年初财政拨款结转和结余"] + budgets + ["总计"])
        #expect(f.rows.filter { $0.side == .expense }.compactMap(\.code) == Self.classes)
        #expect(f.rows.filter { $0.side == .expense && $0.code == nil }.map(\.name) == ["本年支出合计", "年末财政拨款结转和结余", "总计"])
        #expect(f.rows.count == 36)
    }

    @Test(.enabled(if: available, skip)) func functionalTablesKeepTheirTotalsAndDropTheFillers() throws {
        let d = try DisclosureParser.parse(path: Self.path)
        let rows = ["205 教育支出", "20502 普通教育", "2050205 高等教育", "207 文化旅游体育与传媒支出", "20799 其他文化旅游体育与传媒支出"]
        let income = try Self.table(d, "收入决算表")
        #expect(income.columns == ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"])
        #expect(income.rows.map(Self.label) == ["合计"] + rows)
        #expect(income.rows.first?.isTotal == true)
        let expense = try Self.table(d, "支出决算表")
        #expect(expense.columns == ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"])
        #expect(expense.rows.map(Self.label) == ["合计"] + rows)
        let gpb = try Self.table(d, "一般公共预算财政拨款支出决算表")
        #expect(gpb.columns == ["合计", "基本支出", "项目支出"])
        #expect(gpb.rows.map(Self.label) == rows + ["合计"])
    }

    @Test(.enabled(if: available, skip)) func basicExpenseHalvesAndThreePublicItems() throws {
        let d = try DisclosureParser.parse(path: Self.path)
        let b = try Self.table(d, "一般公共预算财政拨款基本支出决算表")
        #expect(b.columns == ["决算数"])
        #expect(b.rows.count == 67)  // 65 codes and the two halves' totals
        #expect(b.rows.filter { $0.code != nil }.count == 65)
        let labels = b.rows.map(Self.label)
        let personnel = try #require(labels.firstIndex(of: "人员经费合计"))
        #expect(labels[personnel - 1] == "30399 其他对个人和家庭的补助")
        #expect(labels[personnel + 1] == "302 商品和服务支出")
        #expect(labels.suffix(2) == ["31099 其他资本性支出", "公用经费合计"])
        #expect(labels.contains("30207 邮电费") && labels.contains("31007 信息网络及软件购置更新"))

        let t = try Self.table(d, "财政拨款“三公”经费支出决算表")
        #expect(t.columns == ["预算数", "决算数"])
        #expect(t.rows.map(\.name) == ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费"])
        #expect(t.totalRow?.name == "合计")
    }
}
