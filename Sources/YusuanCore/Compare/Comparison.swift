/// Two disclosures aligned line by line: what grew, shrank, appeared and disappeared.
/// Built by `Comparison(old:new:)`; read by `diff`, its JSON and the browser's compare screen.
public struct Comparison: Sendable {
    public var old: Disclosure
    public var new: Disclosure
    /// Whether both documents name the same unit (`UnitName.key`).
    public var sameUnit: Bool
    /// One per table kind present in either year, in the newer document's order.
    public var tables: [TableComparison]
    /// Projects (项目支出 and the prose), matched by name.
    public var projects: [ProjectPair]
    /// Performance sheets matched by project, with their indicators matched within.
    public var sheets: [SheetComparison]
    /// 编制数, 实有人数 … where either year states them.
    public var staffing: [FigurePair]
    /// The newer prose's "比上年增加/减少" claims set against the older document's figures.
    public var priorYearClaims: [PriorYearClaim]
}

/// How a line fared from the older to the newer year.
public enum ChangeStatus: String, Sendable, CaseIterable {
    case same, changed, added, removed
    /// Same code, another name.
    case renamed
    /// Another code, matched by name.
    case moved

    /// The mark a text diff puts in front of the line.
    public var mark: String {
        switch self {
        case .same: return "   "
        case .changed, .renamed, .moved: return "-> "
        case .added: return "+++"
        case .removed: return "---"
        }
    }

    public var isChange: Bool { self != .same }
}

/// One table kind in both years.
public struct TableComparison: Sendable {
    public var kind: TableKind
    public var old: Table?
    public var new: Table?
    /// Column pairs: indices into the old and new table's columns (nil where one year lacks it).
    public var columns: [ColumnPair]
    public var lines: [AlignedLine]

    public struct ColumnPair: Hashable, Sendable {
        public var old: Int?
        public var new: Int?
        public var label: String
    }

    public enum Presence: String, Sendable { case both, old, new }

    public var presence: Presence { old == nil ? .new : (new == nil ? .old : .both) }
    public var changedLines: Int { lines.filter(\.isChange).count }

    /// The table's own total, old → new, in the column that carries its figures (the first, or
    /// a 决算's 决算数 where a 预算数 is printed before it).
    public var total: AmountChange {
        func total(_ t: Table) -> Amount? {
            t.totalRow?.value(ColumnLayout.primaryColumn(t.columns))?.inWan(from: t.amountUnit)
        }
        return AmountChange(old: old.flatMap(total), new: new.flatMap(total))
    }

    /// Indices of the lines worth reading first: changes other than totals, the largest first.
    public var largestChanges: [Int] {
        lines.indices.filter { lines[$0].isChange && !lines[$0].isTotal }
            .sorted { abs(lines[$0].primary.delta?.hundredths ?? 0) > abs(lines[$1].primary.delta?.hundredths ?? 0) }
    }

    /// Indices of the column pairs with an amount in either year (a blank column says nothing).
    public var columnsWithAmounts: [Int] {
        columns.indices.filter { i in lines.contains { $0.cells[i].old != nil || $0.cells[i].new != nil } }
    }
}

/// One aligned line of a table: a row of either year or both.
public struct AlignedLine: Sendable {
    public var status: ChangeStatus
    public var code: String?
    public var oldCode: String?
    public var name: String
    public var oldName: String?
    public var project: String?
    public var oldProject: String?
    /// Name similarity when the match was made by name (0…1); nil for code and exact matches.
    public var score: Double?
    /// Indices of the rows in the old and new table.
    public var oldRow: Int?
    public var newRow: Int?
    public var isTotal: Bool
    public var side: Row.Side?
    /// One per column pair of the table comparison, in 万元.
    public var cells: [AmountChange]

    /// A change worth a reader's eye: a line that appears or goes with no amount in either year
    /// (a template's blank line) is not one; a renamed or moved code is.
    public var isChange: Bool {
        switch status {
        case .same: return false
        case .renamed, .moved, .changed: return true
        case .added, .removed:
            return cells.contains { ($0.old?.hundredths ?? 0) != 0 || ($0.new?.hundredths ?? 0) != 0 }
        }
    }

    /// The first column (合计 / 总计): the amount a reader compares.
    public var primary: AmountChange { cells.first ?? AmountChange(old: nil, new: nil) }
    /// The label a reader knows the line by.
    public var label: String { project ?? name }
}

/// An amount in both years (万元), blank where a year has none.
public struct AmountChange: Hashable, Sendable {
    public var old: Amount?
    public var new: Amount?

    public init(old: Amount?, new: Amount?) {
        self.old = old
        self.new = new
    }

    /// New minus old, a blank counted as zero; nil when both are blank.
    public var delta: Amount? {
        guard old != nil || new != nil else { return nil }
        return Amount(hundredths: (new?.hundredths ?? 0) - (old?.hundredths ?? 0))
    }

    /// Change in percent of the old amount; nil when there was none.
    public var percent: Double? {
        guard let o = old, o.hundredths != 0, let d = delta else { return nil }
        return Double(d.hundredths) / Double(o.hundredths) * 100
    }

    /// Blank and 0.00 are the same amount.
    public var differs: Bool { (old?.hundredths ?? 0) != (new?.hundredths ?? 0) }
}

public struct ProjectPair: Sendable {
    public var status: ChangeStatus
    public var old: Project?
    public var new: Project?
    public var score: Double?
    public var amount: AmountChange
    public var name: String { new?.name ?? old?.name ?? "" }
}

public struct SheetComparison: Sendable {
    public var status: ChangeStatus
    public var old: PerformanceSheet?
    public var new: PerformanceSheet?
    public var score: Double?
    /// Indices into `performanceSheets` of each year.
    public var oldIndex: Int?
    public var newIndex: Int?
    public var funding: AmountChange
    public var indicators: [IndicatorPair]
    public var title: String { new?.project ?? old?.project ?? "整体绩效目标" }
}

public struct IndicatorPair: Sendable {
    public var status: ChangeStatus
    public var level1: String?
    public var level2: String?
    public var name: String
    public var oldName: String?
    public var oldValue: String?
    public var newValue: String?
    public var score: Double?
}

/// A figure stated in both years that is not a table amount (staffing).
public struct FigurePair: Hashable, Sendable {
    public var label: String
    public var old: Int?
    public var new: Int?
    public var status: ChangeStatus {
        switch (old, new) {
        case (nil, nil), (nil, _): return .added
        case (_, nil): return .removed
        case let (o?, n?): return o == n ? .same : .changed
        }
    }
}

/// "比上年增加 A 万元": the previous year's figure the claim implies, against the older document.
public struct PriorYearClaim: Sendable {
    public var fact: NarrativeFact
    /// amount − stated change.
    public var implied: Amount
    /// The older document's figure for the same thing, and where it stands.
    public var actual: Amount
    public var source: String
    public var agrees: Bool
}
