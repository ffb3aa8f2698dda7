/// A numbered section of the prose (第三部分 and 概况), as a tree.
public struct ProseSection: Hashable, Sendable {
    /// "一", "（一）", "1" …, as printed.
    public var number: String
    public var title: String
    public var depth: Int
    public var lines: SourceRange
    public var children: [ProseSection]

    public init(number: String, title: String, depth: Int, lines: SourceRange, children: [ProseSection] = []) {
        self.number = number
        self.title = title
        self.depth = depth
        self.lines = lines
        self.children = children
    }
}

/// A number the prose states, tied to what it is about where the sentence says so.
public struct NarrativeFact: Hashable, Sendable {
    public enum Topic: String, Sendable {
        case totalBudget = "total_budget"
        case income
        case expenseBasic = "basic_expense"
        case expenseProject = "project_expense"
        case personnel = "personnel"
        case publicUse = "public_use"
        case classification
        case threePublic = "three_public"
        case operatingCost = "operating_cost"
        case procurement
        case assets
        case performance
        case fiscalTotal = "fiscal_total"
        case gpbTotal = "gpb_total"
        case project
        case other
    }

    public var topic: Topic
    /// Whether a reason (主要原因 …) follows a stated change.
    public var reasonGiven: Bool
    /// What the number is about, in the document's words ("一般公共预算", "公务接待费", "社会保险经办机构").
    public var subject: String
    /// The 功能分类 code the sentence names, once resolved against the tables.
    public var code: String?
    public var amount: Amount? {
        get { figures.amount.amount }
        set { figures.amount = PackedAmount(newValue) }
    }
    /// "万元", "%", "人", "个", "辆" …
    public var unit: String
    /// Stated change against last year: signed amount and percent.
    public var change: Amount? {
        get { figures.change.amount }
        set { figures.change = PackedAmount(newValue) }
    }
    public var changePercent: Amount? {
        get { figures.changePercent.amount }
        set { figures.changePercent = PackedAmount(newValue) }
    }
    /// Stated share "占 X%".
    public var share: Amount? {
        get { figures.share.amount }
        set { figures.share = PackedAmount(newValue) }
    }
    /// The four figures, held in 8 bytes each: a fact is kept for every number the prose states.
    private var figures = Figures()
    private struct Figures: Hashable, Sendable {
        var amount = PackedAmount(nil), change = PackedAmount(nil)
        var changePercent = PackedAmount(nil), share = PackedAmount(nil)
    }
    /// What the share is of, in the document's words ("“三公”经费的" of "占“三公”经费的 13.75%").
    public var shareOf: String?
    public var sentence: String
    /// The titles of the section and subsection the sentence stands in.
    public var context: String
    public var line: Int

    public init(
        topic: Topic, subject: String, code: String? = nil, amount: Amount?, unit: String,
        change: Amount? = nil, changePercent: Amount? = nil, share: Amount? = nil,
        reasonGiven: Bool = false, sentence: String, context: String = "", line: Int
    ) {
        self.topic = topic
        self.subject = subject
        self.code = code
        self.unit = unit
        self.reasonGiven = reasonGiven
        self.sentence = sentence
        self.context = context
        self.line = line
        figures = Figures(
            amount: PackedAmount(amount), change: PackedAmount(change), changePercent: PackedAmount(changePercent),
            share: PackedAmount(share))
    }
}

/// One 名词解释 entry.
public struct GlossaryEntry: Hashable, Sendable {
    public var term: String
    public var definition: String
    public var line: Int
}

/// A project: its row(s) in 项目支出 and its description in the prose.
public struct Project: Hashable, Sendable {
    public var name: String
    public var code: String?
    /// 项目支出合计 from the table.
    public var amount: Amount?
    /// Amounts by 经济分类 column, as (column label, amount).
    public var economic: [EconomicAmount]
    /// The prose's description: 设立的政策依据, 预算安排规模 … in printed order.
    public var details: [Detail]
    public var tableLines: SourceRange?
    public var proseLines: SourceRange?

    public struct EconomicAmount: Hashable, Sendable {
        public var column: String
        public var amount: Amount
    }
    public struct Detail: Hashable, Sendable {
        public var label: String
        public var text: String
    }

    /// 预算安排规模 parsed as an amount, when the prose gives it.
    public var statedScale: Amount? {
        guard let detail = details.first(where: { $0.label.contains("预算安排规模") }) else { return nil }
        return NumberScanner.firstAmount(in: detail.text)
    }
}
