/// A 绩效目标表: one per project, or one for the whole unit (整体).
public struct PerformanceSheet: Hashable, Sendable {
    public enum Kind: String, Sendable { case project, overall }

    public var kind: Kind
    public var unit: String?
    public var project: String?
    public var manager: String?
    /// Funding lines exactly as labelled (年度资金总额, 其中财政拨款, 其他资金, 中央补助, 本级配套 …).
    public var fundingLines: [FundingLine]
    public var goal: String?
    public var indicators: [Indicator]
    public var lines: SourceRange

    public struct FundingLine: Hashable, Sendable {
        public var label: String
        public var amount: Amount?
        public var text: String
    }

    /// 年度资金总额 (or the sum of 中央补助/本级配套/其他资金 when the sheet splits it so).
    public var fundingTotal: Amount? {
        if let line = fundingLines.first(where: { $0.label.contains("总额") || $0.label.contains("合计") }) {
            return line.amount
        }
        let parts = fundingLines.compactMap(\.amount)
        return parts.isEmpty ? nil : parts.reduce(.zero, +)
    }

    /// 其中财政拨款, or 本级配套 + 中央补助, or the 财政资金 lines of an overall sheet.
    public var fundingFiscal: Amount? {
        if let line = fundingLines.first(where: { $0.label.contains("财政拨款") }) { return line.amount }
        let parts = fundingLines.filter {
            $0.label.contains("中央补助") || $0.label.contains("本级配套") || $0.label.contains("上级安排")
                || $0.label.contains("本级安排")
        }.compactMap(\.amount)
        return parts.isEmpty ? nil : parts.reduce(.zero, +)
    }

    public var fundingOther: Amount? {
        fundingLines.first { $0.label.contains("其他") }?.amount
    }

    public init(
        kind: Kind, unit: String? = nil, project: String? = nil, manager: String? = nil,
        fundingLines: [FundingLine] = [], goal: String? = nil, indicators: [Indicator] = [],
        lines: SourceRange
    ) {
        self.kind = kind
        self.unit = unit
        self.project = project
        self.manager = manager
        self.fundingLines = fundingLines
        self.goal = goal
        self.indicators = indicators
        self.lines = lines
    }
}

/// One indicator row: 一级 › 二级 › 三级 with its value and the other columns the sheet has.
public struct Indicator: Hashable, Sendable {
    public var level1: String?
    public var level2: String?
    public var name: String
    public var value: String?
    public var basis: String?
    public var lastValue: String?
    public var weight: String?
    public var scoringRule: String?
    public var evidence: String?
    /// How many times the printed cell repeated the same phrase (1 when clean).
    public var nameRepeats: Int
    public var lines: SourceRange

    public init(
        level1: String?, level2: String?, name: String, value: String?, basis: String? = nil,
        lastValue: String? = nil, weight: String? = nil, scoringRule: String? = nil,
        evidence: String? = nil, nameRepeats: Int = 1, lines: SourceRange
    ) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.value = value
        self.basis = basis
        self.lastValue = lastValue
        self.weight = weight
        self.scoringRule = scoringRule
        self.evidence = evidence
        self.nameRepeats = nameRepeats
        self.lines = lines
    }
}
