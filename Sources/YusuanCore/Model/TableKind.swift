/// The standard tables of a budget disclosure, identified by title (never by number).
public enum TableKind: String, CaseIterable, Sendable, Codable {
    case incomeExpenseSummary = "income_expense_summary"
    case incomeSummary = "income_summary"
    case expenseSummary = "expense_summary"
    case fiscalSummary = "fiscal_summary"
    case gpbExpense = "gpb_expense"
    case gpbBasicExpense = "gpb_basic_expense"
    case gpbProjectExpense = "gpb_project_expense"
    case govFundExpense = "gov_fund_expense"
    case stateCapitalExpense = "state_capital_expense"
    case threePublic = "three_public"
    case entrustedBusiness = "entrusted_business"
    case carryover = "carryover"
    case operatingExpense = "operating_expense"
    case procurement = "procurement"
    case unknown = "unknown"

    /// Short Chinese label for outlines and screens.
    public var shortName: String {
        switch self {
        case .incomeExpenseSummary: return "收支总体"
        case .incomeSummary: return "收入总体"
        case .expenseSummary: return "支出总体"
        case .fiscalSummary: return "财政拨款收支总体"
        case .gpbExpense: return "一般公共预算支出"
        case .gpbBasicExpense: return "一般公共预算基本支出"
        case .gpbProjectExpense: return "一般公共预算项目支出"
        case .govFundExpense: return "政府性基金预算支出"
        case .stateCapitalExpense: return "国有资本经营预算支出"
        case .threePublic: return "“三公”经费支出"
        case .entrustedBusiness: return "委托业务费支出"
        case .carryover: return "上年结转结余"
        case .operatingExpense: return "机关运行经费支出"
        case .procurement: return "政府采购支出"
        case .unknown: return "未识别表"
        }
    }

    /// Tables whose rows are keyed by 功能分类 codes (类/款/项).
    public var isFunctional: Bool {
        switch self {
        case .incomeSummary, .expenseSummary, .gpbExpense, .gpbProjectExpense, .govFundExpense,
            .stateCapitalExpense:
            return true
        default:
            return false
        }
    }

    /// Tables printed as two sides: income items beside expense 类.
    /// Tables whose rows are keyed by 经济分类 codes (类/款).
    public var isEconomic: Bool { self == .gpbBasicExpense || self == .operatingExpense }

    public var isTwoSided: Bool { self == .incomeExpenseSummary || self == .fiscalSummary }

    /// The kind a title names, or nil when the line is not a table title at all.
    /// Titles vary by province and year, so kinds are recognised by patterns kept as data.
    public static func classify(title raw: String) -> TableKind? {
        let title = raw.filter { !$0.isWhitespace }
        for (kind, patterns) in titlePatterns {
            for pattern in patterns where pattern.allSatisfy({ title.contains($0) }) {
                return kind
            }
        }
        return nil
    }

    /// Ordered: the first kind whose pattern (all fragments present) matches wins. 政府性基金 and
    /// 国有资本经营 come before 财政拨款收支, as their 决算 titles say "财政拨款收入支出决算表" too;
    /// the 一般公共预算 tables before 支出总体, as "一般公共预算财政拨款支出决算表" ends in 支出决算表.
    static let titlePatterns: [(TableKind, [[String]])] = [
        (.threePublic, [["三公"]]),
        (.operatingExpense, [["机关运行经费"]]),
        (.procurement, [["政府采购"]]),
        (.entrustedBusiness, [["委托业务费"]]),
        (.carryover, [["结转结余", "表"], ["结转", "结余", "明细表"]]),
        (.govFundExpense, [["政府性基金", "支出"]]),
        (.stateCapitalExpense, [["国有资本经营", "支出"]]),
        (.fiscalSummary, [["财政拨款收支"], ["财政拨款收入支出"]]),
        (.incomeExpenseSummary, [["收支总体"], ["收支预算总表"], ["收支总表"], ["收入支出决算总表"], ["财务收支"]]),
        (.gpbBasicExpense, [["基本支出"]]),
        (.gpbProjectExpense, [["项目支出", "情况表"], ["项目支出", "预算表"], ["项目支出", "决算表"]]),
        (.gpbExpense, [["一般公共预算支出"], ["一般公共预算财政拨款支出"], ["财政拨款支出预算表"]]),
        (.incomeSummary, [["收入总体"], ["收入预算总表"], ["收入决算表"], ["收入预算表"]]),
        (.expenseSummary, [["支出总体"], ["支出预算总表"], ["支出决算表"]])
    ]
}
