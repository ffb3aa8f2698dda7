import Foundation
import Testing
@testable import YusuanCore

/// Other provinces' titles, 决算 documents, labels and tables of kinds not known here.
@Suite struct TemplateTests {
    static let kizilsu: String =
        (try? String(contentsOfFile: Fixtures.path(Fixtures.kizilsu2022), encoding: .utf8)) ?? ""

    @Test(arguments: [
        ("财务收支预算总表", TableKind.incomeExpenseSummary), ("收支预算总表", .incomeExpenseSummary),
        ("收入预算总表", .incomeSummary), ("支出预算总表", .expenseSummary),
        ("财政拨款收支预算总表", .fiscalSummary), ("一般公共预算支出功能分类预算表", .gpbExpense),
        ("财政拨款支出预算表", .gpbExpense), ("一般公共预算基本支出部门预算经济分类预算表", .gpbBasicExpense),
        ("“三公”经费和机关运行经费预算表", .threePublic),
        // 决算 titles map to the same kinds.
        ("收入支出决算总表", .incomeExpenseSummary), ("收入决算表", .incomeSummary), ("支出决算表", .expenseSummary),
        ("财政拨款收入支出决算总表", .fiscalSummary), ("一般公共预算财政拨款支出决算表", .gpbExpense),
        ("一般公共预算财政拨款基本支出决算表", .gpbBasicExpense), ("财政拨款“三公”经费支出决算表", .threePublic),
        ("政府性基金预算财政拨款收入支出决算表", .govFundExpense), ("国有资本经营预算财政拨款收入支出决算表", .stateCapitalExpense)
    ])
    func titleSynonyms(_ title: String, _ kind: TableKind) {
        #expect(TableKind.classify(title: title) == kind)
        #expect(TableSegmenter.title(of: SourceText.Line(number: 1, text: title))?.1 == kind)
    }

    @Test func titlesOfUnknownKindAreStillTitles() {
        for title in ["国有资产配置预算表", "一般公共预算专项转移支付预算表"] {
            let found = TableSegmenter.title(of: SourceText.Line(number: 1, text: title))
            #expect(found?.0 == title)
            #expect(found?.1 == nil)
        }
        // Jiangsu's template prints these two as tables of their own kinds.
        #expect(TableKind.classify(title: "政府采购支出预算表") == .procurement)
        #expect(TableKind.classify(title: "一般公共预算机关运行经费支出预算表") == .operatingExpense)
        // A title qualified after its 表, and a label under its title.
        #expect(TableSegmenter.title(of: SourceText.Line(number: 1, text: "财政拨款支出预算表（功能科目）"))?.1 == .gpbExpense)
        #expect(TableSegmenter.label(of: "公开表四") == "公开表四")
        // Neither the heading of the whole set nor a sentence is a table title.
        #expect(TableSegmenter.title(of: SourceText.Line(number: 1, text: "第二部分 2022 年某单位预算公开表")) == nil)
        #expect(TableSegmenter.title(of: SourceText.Line(number: 1, text: "本单位无政府性基金预算，故此表为空表。")) == nil)
        #expect(TableSegmenter.label(of: "公开 03 表") == "公开03表")
    }

    /// The 2022 sample retitled as its 决算 would be: same tables, same values, read as a 决算.
    @Test func finalAccountsAreRecognised() throws {
        var text = Self.kizilsu.replacingOccurrences(of: "预算公开", with: "决算公开")
        for (budget, final) in [
            ("单位收支总体情况表", "收入支出决算总表"), ("单位收入总体情况表", "收入决算表"),
            ("单位支出总体情况表", "支出决算表"), ("财政拨款收支预算总体情况表", "财政拨款收入支出决算总表"),
            ("一般公共预算支出情况表", "一般公共预算财政拨款支出决算表"),
            ("一般公共预算基本支出情况表", "一般公共预算财政拨款基本支出决算表"),
            ("一般公共预算项目支出情况表", "一般公共预算财政拨款项目支出决算表"),
            ("一般公共预算“三公”经费支出情况表", "财政拨款“三公”经费支出决算表"),
            ("政府性基金预算支出情况表", "政府性基金预算财政拨款收入支出决算表")
        ] {
            text = text.replacingOccurrences(of: budget, with: final)
        }
        let d = try DisclosureParser.parse(text: text, path: "final.txt")
        let original = try Fixtures.load(Fixtures.kizilsu2022)
        #expect(d.documentKind == "决算")
        #expect(original.documentKind == "预算")
        #expect(d.tables.map(\.kind) == original.tables.map(\.kind))
        #expect(d.tables.map(\.title).first == "收入支出决算总表")
        #expect(d.table(.gpbExpense)?.row("2080109")?.printed == ["303.87", "303.87", "-"])
        #expect(d.contents.last?.kind == .govFundExpense)
    }

    /// A 决算 table printing 年初预算数 before its 决算数: the columns keep their labels, the
    /// 年初预算 is no sum of the 决算 columns, and rules comparing tables read the 决算数.
    @Test func finalAccountsColumnsKeepTheirMeaning() throws {
        let lines = try #require(Fixtures.withFinalAccountsTable(Self.kizilsu))
        let d = try DisclosureParser.parse(text: lines.joined(separator: "\n"), path: "final.txt")
        let t = try #require(d.table(.gpbExpense))
        #expect(t.columns == ["年初预算数", "决算数/合计", "决算数/基本支出", "决算数/项目支出"])
        #expect(t.row("20801")?.printed == ["310.00", "320.27", "303.87", "16.40"])
        let findings = Checker.check(d)
        // 决算数/合计 = 基本 + 项目 holds in every row; 年初预算数 is not checked against them.
        #expect(!findings.contains { $0.tableNumber == "表五" && $0.rule == Rules.rowSum.id })
        // 表四 and 表二 print 368.55 and 320.27, as 表五's 决算数 does: no rule compares them with
        // the 年初预算 (360.00, 310.00).
        #expect(!findings.contains { $0.message.contains("360.00") || $0.message.contains("310.00") })
    }

    @Test func aTableOfUnknownKindIsKeptAndReported() throws {
        var lines = Self.kizilsu.components(separatedBy: "\n")
        let at = lines.firstIndex {
            $0.hasPrefix("第三部分") && $0.contains("情况说明") && !$0.contains("目录") && $0.contains(" 预算")
        }!
        lines.insert(
            contentsOf: ["表十：", "", "一般公共预算专项转移支付预算表", "", "单位：万元", "", "项目\t金额", "办公设备\t5.00", "合计\t5.00", ""], at: at)
        let d = try DisclosureParser.parse(text: lines.joined(separator: "\n"), path: "gp.txt")
        let t = try #require(d.tables.first { $0.kind == .unknown })
        #expect(t.title == "一般公共预算专项转移支付预算表")
        #expect(t.number == "表十")
        #expect(t.totalRow?.value(0) == Amount(parsing: "5.00"))
        let finding = Checker.check(d).first { $0.rule == Rules.unknownTable.id }
        #expect(finding?.message.contains("一般公共预算专项转移支付预算表") == true)
        #expect(finding?.category == .structure)
    }

    /// The 决算's 三公 copied as tab-separated text: each item over its 预算数 and 决算数, the 小计
    /// under its caption. One row an item, the 小计 named for the caption; the sums hold in both
    /// columns, and a 合计 that does not is reported in its own column.
    @Test func finalAccountsThreePublicInPairs() throws {
        func text(_ total: String) -> String {
            [
                "2024年度部门决算", "", "财政拨款“三公”经费支出决算表", "单位：万元",
                "合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费",
                "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费",
                Array(repeating: "预算数\t决算数", count: 6).joined(separator: "\t"),
                "44.00\t\(total)\t10.00\t8.50\t32.00\t26.30\t20.00\t19.80\t12.00\t6.50\t2.00\t1.20", ""
            ].joined(separator: "\n")
        }
        let d = try DisclosureParser.parse(text: text("36.00"), path: "final.txt")
        let t = try #require(d.table(.threePublic))
        #expect(t.columns == ["预算数", "决算数"])
        #expect(t.rows.map(\.name) == ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费"])
        #expect(
            t.rows.map { $0.printed.joined(separator: "/") } == [
                "44.00/36.00", "10.00/8.50", "32.00/26.30", "20.00/19.80", "12.00/6.50", "2.00/1.20"
            ])
        #expect(!Checker.check(d).contains { $0.category == .arithmetic })
        let wrong = try DisclosureParser.parse(text: text("36.50"), path: "final.txt")
        let sums = Checker.check(wrong).filter { $0.category == .arithmetic }
        #expect(sums.count == 1)
        #expect(sums.first?.column == "决算数")
        #expect(sums.first?.row == "合计")
    }

    /// A 决算's 收入支出决算总表 in text: 本年收入合计 and 本年支出合计 sum the lines above them, and
    /// each 总计 adds the carry-overs after. A wrong 年末结转和结余 breaks the expense 总计 alone; a
    /// line that names no carry-over leaves the 总计 unchecked rather than called wrong.
    @Test func finalAccountsSummaryTotals() throws {
        func findings(closing: String = "22.00", extra: [String] = []) throws -> [Finding] {
            let lines =
                [
                    "2024年度部门决算", "", "收入支出决算总表", "单位：万元", "项目\t决算数\t项目\t决算数",
                    "一、一般公共预算财政拨款收入\t100.00\t一、一般公共服务支出\t90.00", "二、事业收入\t20.00\t二、教育支出\t20.00",
                    "本年收入合计\t120.00\t本年支出合计\t110.00"
                ] + extra + [
                    "使用非财政拨款结余\t5.00\t结余分配\t3.00", "年初结转和结余\t10.00\t年末结转和结余\t\(closing)",
                    "总计\t135.00\t总计\t135.00", ""
                ]
            let d = try DisclosureParser.parse(text: lines.joined(separator: "\n"), path: "final.txt")
            #expect(d.table(.incomeExpenseSummary)?.columns == ["决算数"])
            return Checker.check(d).filter { $0.category == .arithmetic }
        }
        #expect(try findings().isEmpty)
        let wrong = try findings(closing: "23.00")
        #expect(wrong.count == 1)
        #expect(wrong.first?.row == "总计")
        #expect(wrong.first?.message.contains("本年支出合计与其后各项之和为 136.00") == true)
        #expect(try findings(closing: "23.00", extra: ["\t\t其他调整\t1.00"]).isEmpty)
    }
}
