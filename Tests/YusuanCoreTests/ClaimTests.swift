import Foundation
import Testing
@testable import YusuanCore

/// Each claim of the prose, edited one at a time: one new finding naming the wrong figure or word.
@Suite struct ClaimTests {
    static let kizilsu: String =
        (try? String(contentsOfFile: Fixtures.path(Fixtures.kizilsu2022), encoding: .utf8)) ?? ""

    /// The 2022 sample as its 决算: 表五 with 年初预算数 beside 决算数, and a paragraph in the
    /// national 决算 form's sentences (final-accounts-template-2024.pdf), filled from the tables.
    static let finalAccounts: String = {
        guard let lines = Fixtures.withFinalAccountsTable(kizilsu) else { return "" }
        var text = lines.joined(separator: "\n").replacingOccurrences(of: "预算公开", with: "决算公开")
        for (budget, final) in [
            ("单位收支总体情况表", "收入支出决算总表"), ("单位收入总体情况表", "收入决算表"),
            ("单位支出总体情况表", "支出决算表"), ("财政拨款收支预算总体情况表", "财政拨款收入支出决算总表"),
            ("一般公共预算基本支出情况表", "一般公共预算财政拨款基本支出决算表"),
            ("一般公共预算项目支出情况表", "一般公共预算财政拨款项目支出决算表"),
            ("一般公共预算“三公”经费支出情况表", "财政拨款“三公”经费支出决算表"),
            ("政府性基金预算支出情况表", "政府性基金预算财政拨款收入支出决算表")
        ] {
            text = text.replacingOccurrences(of: budget, with: final)
        }
        let paragraph = [
            "一般公共预算财政拨款支出年初预算为 360.00 万元，支出决算为 368.55 万元，完成年初预算的 102.38%。决算数大于预算数的主要原因：人员增加。",
            "",
            "1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。主要用于：离退休人员经费。年初预算为 15.00 万元，支出决算为 15.40 万元。决算数大于预算数的主要原因：离休人员增加。",
            "",
            "“三公”经费财政拨款支出年初预算为 10.00 万元，支出决算为 9.30 万元，完成预算的 93.00%。2022 年度“三公”经费支出决算数小于预算数的主要原因：厉行节约。",
            "",
            "截至 2022 年 12 月 31 日，本单位共有车辆 1 辆。", ""
        ].joined(separator: "\n")
        let anchor = "六、关于克孜勒苏柯尔克孜自治州社会保险中心 2022 年一般公共预算基本支出情况说明"
        text = text.replacingOccurrences(of: anchor, with: paragraph + "\n" + anchor)
        return text
    }()

    static func signatures(_ text: String) throws -> [String] {
        let d = try DisclosureParser.parse(text: text, path: "claims.txt")
        return Checker.check(d).map { "\($0.rule)|\($0.message)" }
    }

    /// The findings an edit adds to those of the text it was made from.
    static func added(_ base: String, _ from: String, _ to: String) throws -> [String] {
        #expect(base.components(separatedBy: from).count == 2, "the edit's text occurs once: \(from)")
        let before = Set(try signatures(base))
        return try signatures(base.replacingOccurrences(of: from, with: to)).filter { !before.contains($0) }
    }

    @Test(arguments: [
        // An amount against its table: 表一 prints 389.75.
        ("收支总预算 389.75 万元", "收支总预算 398.75 万元", "prose.amount", "398.75"),
        // A change's percentage against its amounts: 43.95 / (352.15 − 43.95) = 14.26%.
        ("增加 43.95 万元，增长 14.26%", "增加 43.95 万元，增长 16.26%", "prose.change", "16.26"),
        // A change's words: 增加 with 下降.
        ("增加 43.95 万元，增长 14.26%", "增加 43.95 万元，下降 14.26%", "prose.change_word", "下降"),
        // A share: 11.40 / 389.75 = 2.93%.
        ("上级专项收入 11.40 万元，占 2.93%", "上级专项收入 11.40 万元，占 3.93%", "prose.share", "3.93"),
        // A 预算's reporting date is the year before's end.
        ("截至 2021 年底", "截至 2020 年底", "prose.date", "2020"),
        // A heading's year.
        ("三、关于克孜勒苏柯尔克孜自治州社会保险中心2022年", "三、关于克孜勒苏柯尔克孜自治州社会保险中心2021年", "prose.heading_year", "2021"),
        // A heading naming another unit.
        ("三、关于克孜勒苏柯尔克孜自治州社会保险中心2022年", "三、关于阿图什市人力资源和社会保障局2022年", "prose.unit_name", "阿图什市人力资源和社会保障局"),
        // An economic item against 表六's line of that name (30101 基本工资 93.21).
        ("基本工资 93.21 万元", "基本工资 93.12 万元", "prose.amount", "93.12"),
        // A placeholder of the blank form left in.
        ("克孜勒苏柯尔克孜自治州社会保险中心收入预算 389.75", "XX局收入预算 389.75", "prose.placeholder", "XX局")
    ])
    func budgetEdits(_ from: String, _ to: String, _ rule: String, _ named: String) throws {
        let added = try Self.added(Self.kizilsu, from, to)
        #expect(added.count == 1, "\(added)")
        #expect(added.first?.hasPrefix(rule + "|") == true, "\(added)")
        #expect(added.first?.contains(named) == true, "\(added)")
    }

    @Test(arguments: [
        // 年初预算 against 表五's 年初预算数 (360.00).
        ("年初预算为 360.00 万元", "年初预算为 350.00 万元", "prose.amount", "350.00"),
        // 决算 against 表五's 决算数 of 2080501 (15.40).
        ("支出决算为 15.40 万元", "支出决算为 15.60 万元", "prose.amount", "15.60"),
        // 完成率: 368.55 / 360.00 = 102.38%.
        ("完成年初预算的 102.38%", "完成年初预算的 103.38%", "prose.completion", "103.38"),
        // The word: 368.55 is more than 360.00.
        ("完成年初预算的 102.38%。决算数大于", "完成年初预算的 102.38%。决算数小于", "prose.final_vs_budget", "小于"),
        // The 三公 word: 9.30 is less than 10.00.
        ("决算数小于预算数的主要原因：厉行节约", "决算数大于预算数的主要原因：厉行节约", "prose.final_vs_budget", "大于"),
        // The 三公 completion: 9.30 / 10.00 = 93%.
        ("完成预算的 93.00%", "完成预算的 95.00%", "prose.completion", "95.00"),
        // A 决算's reporting date is its own year's end.
        ("截至 2022 年 12 月 31 日", "截至 2021 年 12 月 31 日", "prose.date", "2021"),
        // The reason the form asks for where 决算 and 预算 differ.
        ("决算数大于预算数的主要原因：离休人员增加。", "", "prose.reason", "15.40")
    ])
    func finalAccountsEdits(_ from: String, _ to: String, _ rule: String, _ named: String) throws {
        let added = try Self.added(Self.finalAccounts, from, to)
        #expect(added.count == 1, "\(added)")
        #expect(added.first?.hasPrefix(rule + "|") == true, "\(added)")
        #expect(added.first?.contains(named) == true, "\(added)")
    }

    /// An income line named by its bare name (单位资金 against 收支总体's 单位资金 line, 0.50).
    @Test func anIncomeLineByItsBareName() throws {
        let akto = try String(contentsOfFile: Fixtures.path(Fixtures.akto), encoding: .utf8)
        let added = try Self.added(akto, "单位资金 0.50 万元，占", "单位资金 0.60 万元，占")
        #expect(added.count == 1, "\(added)")
        #expect(added.first?.hasPrefix("prose.amount|") == true, "\(added)")
        #expect(added.first?.contains("0.60") == true, "\(added)")
        #expect(ClaimAmounts.incomeKey("）一般公共预算收入预算") == ClaimAmounts.incomeKey("1.一般公共预算"))
        #expect(ClaimAmounts.incomeKey("财政拨款收入预算总计") == ClaimAmounts.incomeKey("一、财政拨款"))
        #expect(ClaimAmounts.incomeKey("一般公共预算拨款") != ClaimAmounts.incomeKey("一般公共预算"))
        #expect(ClaimAmounts.incomeKey("支出预算总计", side: "支出") == ClaimAmounts.incomeKey("支出合计", side: "支出"))
        #expect(
            ClaimAmounts.incomeKey("单位预留机动经费预算", side: "支出") == ClaimAmounts.incomeKey("三、单位预留机动经费", side: "支出"))
    }

    /// A project's 预算安排规模 against its 项目支出 line (or, where it has a sheet, the sheet's
    /// funding, itself checked against the line): one finding either way.
    @Test(arguments: [
        (Fixtures.kashgar, "预算安排规模：3.50 万元", "预算安排规模：3.60 万元", "3.60"),
        (Fixtures.akto, "预算安排规模：5.25万元", "预算安排规模：5.35万元", "5.35")
    ])
    func aProjectScale(_ name: String, _ from: String, _ to: String, _ named: String) throws {
        let text = try String(contentsOfFile: Fixtures.path(name), encoding: .utf8)
        let added = try Self.added(text, from, to)
        #expect(added.count == 1, "\(added)")
        #expect(added.first?.contains(named) == true, "\(added)")
    }

    /// A 功能分类 item named without its code: a 类 by its name, a 项 by its name under its 款's.
    @Test func classCodesByName() throws {
        let d = try Fixtures.load(Fixtures.kizilsu2022)
        #expect(ClaimClassNames.code("2.社会保障和就业支出", ClassNames(d)) == "208")
        #expect(ClaimClassNames.code("人力资源和社会保障管理事务（款）社会保险经办机构（项）支出", ClassNames(d)) == "2080109")
        #expect(ClaimClassNames.code("行政事业单位养老支出（款）社会保险经办机构（项）", ClassNames(d)) == nil)
        #expect(ClaimClassNames.code("基本支出", ClassNames(d)) == nil)
    }

    /// An amount given under a table's own name is that table's total; a name two tables end with is
    /// neither's.
    @Test func aTableByItsName() throws {
        let d = try Fixtures.load(Fixtures.kizilsu2022)
        func fact(_ subject: String) -> NarrativeFact {
            NarrativeFact(
                topic: .other, subject: subject, amount: Amount(parsing: "1.00"), unit: "万元", sentence: "", line: 1)
        }
        let basic = try #require(d.table(.gpbBasicExpense))
        let figure = ClaimTableTotals.resolve(fact("一般公共预算基本支出情况"), in: d)
        #expect(figure?.value == basic.totalRow?.value(0))
        #expect(figure?.table.kind == .gpbBasicExpense)
        #expect(ClaimTableTotals.resolve(fact("支出情况"), in: d) == nil)
    }

    /// The basis of 代办员经费 as published: 38 × 750 × 7 = 19.95 万元 against 8.40 万元; 16 people
    /// would make 8.40.
    @Test func aBasisMultipliesOut() throws {
        let original = try Self.signatures(Self.kizilsu).filter { $0.hasPrefix("prose.basis|代办员经费") }
        #expect(original.count == 1)
        #expect(original.first?.contains("19.95") == true)
        #expect(original.first?.contains("8.40") == true)
        let mended = try Self.signatures(Self.kizilsu.replacingOccurrences(of: "聘用 38 名", with: "聘用 16 名"))
        #expect(!mended.contains { $0.hasPrefix("prose.basis|代办员经费") })
    }

    /// The 决算 paragraph as written gives no claim finding; its claims are read and checked.
    @Test func theFinalAccountsParagraphAgrees() throws {
        let d = try DisclosureParser.parse(text: Self.finalAccounts, path: "final.txt")
        #expect(d.documentKind == "决算")
        let claims = Claims.of(d).filter { $0.kind == .budgetVsFinal }
        #expect(claims.count == 3)
        #expect(claims.allSatisfy { $0.unchecked == nil })
        let item = try #require(claims.first { $0.code != nil })
        #expect(item.code == "2080501")
        #expect(item.figure("决算") == Amount(parsing: "15.40"))
        let rules = [
            "prose.completion", "prose.final_vs_budget", "prose.date", "prose.reason", "prose.amount",
            "prose.placeholder", "prose.heading_year"
        ]
        // The paragraph's own lines; the sample's prose around it speaks of its 预算 tables.
        let first = try #require(d.sourceLines.firstIndex { $0.contains("一般公共预算财政拨款支出年初预算") }) + 1
        let last = try #require(d.sourceLines.firstIndex { $0.contains("截至 2022 年 12 月 31 日") }) + 1
        let findings = Checker.check(d).filter { f in
            rules.contains(f.rule) && f.line.map { first <= $0 && $0 <= last } == true
        }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    /// Claims not understood are listed with their reason, in the model, the JSON and the outline.
    @Test func uncheckedClaimsAreListed() throws {
        let d = try Fixtures.load(Fixtures.kizilsu2022)
        let claims = Claims.of(d)
        // "基本工资 93.21 万元" is tied to 表六's line of that name; "职工基本医疗保险缴费" is not
        // (表六 prints 职工基本医疗保险费缴费).
        let wage = try #require(claims.first { $0.kind == .amount && $0.subject == "基本工资" })
        #expect(wage.unchecked == nil)
        let medical = try #require(claims.first { $0.kind == .amount && $0.subject == "职工基本医疗保险缴费" })
        #expect(medical.unchecked != nil)
        let outline = OutlineText.render(d)
        #expect(outline.contains("未核对的表述"))
        #expect(outline.contains("职工基本医疗保险缴费："))
        let json = DisclosureJSON.encode(d)
        guard case .object(let pairs) = json, let claimsJSON = pairs.first(where: { $0.0 == "claims" })?.1,
            case .array(let items) = claimsJSON
        else {
            Issue.record("no claims key")
            return
        }
        #expect(items.count == claims.count)
    }

    /// A change's reason may open the next sentence in other words than 主要原因.
    @Test func reasonsInTheNextSentence() throws {
        #expect(FactReader.givesReason("此项数据变动较大的原因是财政部对口径调整"))
        #expect(FactReader.givesReason("主要是由以下因素增减相抵，综合影响"))
        #expect(!FactReader.givesReason("项目支出 16.4 万元，原因是上年做预算时放在项目里"))
        let edited = Self.kizilsu.replacingOccurrences(
            of: "增长 14.26%。主要原因是：人员增加", with: "增长 14.26%。此项变动较大的原因是人员增加")
        #expect(try Self.signatures(edited) == (try Self.signatures(Self.kizilsu)))
    }

    @Test func readersOfDatesAndBases() {
        let date = ReportingDate("2024 年 12 月 31 日，")
        #expect(date?.year == 2024)
        #expect(date?.month == 12)
        #expect(date?.day == 31)
        #expect(ReportingDate("2021 年底")?.yearEnd == true)
        #expect(ReportingDate("目前") == nil)
        let basis = Basis("聘用 38 名代办员，按每人每月 750 元进行补助，全年补助 7 个月")
        #expect(basis?.product == 199_500)
        #expect(HeadingReader.placeholder(in: "上海市 XX 局 2024 年度") == "XX 局")
        #expect(HeadingReader.placeholder(in: "XBRL 格式") == nil)
        // The placeholder with the word it stands for, and nothing after.
        #expect(HeadingReader.placeholder(in: "上海市XX局2024年度部门决算") == "XX局")
        #expect(HeadingReader.placeholder(in: "机关运行经费支出XXX万元，比上年") == "XXX万元")
        #expect(HeadingReader.placeholder(in: "绩效评级为“不合格”的项目XX个。") == "XX个")
    }
}
