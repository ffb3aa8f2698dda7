/// One checkable statement of the prose: what it says, in its own words and figures, and where.
public struct Claim: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// An amount of a named total or subject.
        case amount
        /// A change against the prior year (增加/减少/持平, amount and %).
        case change
        /// 决算 against 年初预算 (大于/小于/等于, 完成…的 x%).
        case budgetVsFinal = "budget_vs_final"
        /// 占 x%.
        case share
        /// A count × rate × months basis against the amount it explains.
        case rate
        /// A date or a year ("截至…", "2024 年度" in a heading).
        case date
        /// The unit a heading or sentence names, or a placeholder (XX局) left in.
        case unitName = "unit_name"
    }

    /// A figure with the role it plays in the sentence ("金额", "年初预算", "决算", "完成率", "占比" …).
    public struct Figure: Hashable, Sendable {
        public var role: String
        public var value: Amount
        public init(_ role: String, _ value: Amount) {
            self.role = role
            self.value = value
        }
    }

    public var kind: Kind
    /// What the claim is about, in the document's words.
    public var subject: String
    public var sentence: String
    public var line: Int
    public var figures: [Figure]
    /// The words that carry the claim ("增加", "大于", "截至", "XX局").
    public var words: [String]
    /// The 功能分类 code the sentence names, once resolved.
    public var code: String?
    /// Why the claim could not be checked; nil when it was.
    public var unchecked: String?

    public init(
        kind: Kind, subject: String, sentence: String, line: Int, figures: [Figure] = [], words: [String] = [],
        code: String? = nil, unchecked: String? = nil
    ) {
        self.kind = kind
        self.subject = subject
        self.sentence = sentence
        self.line = line
        self.figures = figures
        self.words = words
        self.code = code
        self.unchecked = unchecked
    }

    /// The figure playing this role, if the sentence states one.
    public func figure(_ role: String) -> Amount? { figures.first { $0.role == role }?.value }
}
