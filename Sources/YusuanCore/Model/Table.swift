/// One printed table: its kind, header, rows, and where it stood in the source.
public struct Table: Hashable, Sendable {
    public var kind: TableKind
    /// The label as printed ("表一", "表 1", "表1:"), normalised to "表一" / "表1".
    public var number: String?
    public var title: String
    /// 编制单位 / 编制部门 as printed.
    public var preparer: String?
    /// "万元" or "元", from the table's 单位 line.
    public var amountUnit: String
    public var columns: [String]
    public var rows: [Row]
    /// The sentence saying why the table is empty (…为空表), when printed.
    public var emptyNote: String?
    public var lines: SourceRange
    /// Why the reading of this table is in doubt (its own sums fail in more rows than a printing
    /// error explains); nil when its arithmetic holds or fails as a publisher's error would.
    /// Its cells are then no evidence against other tables or the prose.
    public var uncertain: String?
    /// How the text was laid out: cells split by tabs, or a stream of wrapped fragments.
    public var layout: Layout

    public enum Layout: String, Sendable { case tabs, wrapped }

    /// Present and empty: no row carries an amount other than zero.
    public var isEmpty: Bool {
        !rows.contains { row in row.values.contains { ($0?.hundredths ?? 0) != 0 } }
    }

    /// The row printed as the table's total (合计/总计); for two-sided tables, the expense side's.
    public var totalRow: Row? { totalRowIndex.map { rows[$0] } }

    public var totalRowIndex: Int? {
        rows.lastIndex { $0.isTotal && $0.side != .income } ?? rows.lastIndex { $0.isTotal }
    }

    /// Index of the first column whose label contains `fragment` (spaces ignored).
    public func column(_ fragment: String) -> Int? {
        columns.firstIndex { $0.contains(fragment) }
    }

    public init(
        kind: TableKind, number: String?, title: String, preparer: String?, amountUnit: String,
        columns: [String], rows: [Row], emptyNote: String?, lines: SourceRange, layout: Layout
    ) {
        self.kind = kind
        self.number = number
        self.title = title
        self.preparer = preparer
        self.amountUnit = amountUnit
        self.columns = columns
        self.rows = rows
        self.emptyNote = emptyNote
        self.lines = lines
        self.layout = layout
    }
}

/// One logical row, rebuilt from however many printed lines it took.
public struct Row: Hashable, Sendable {
    /// The code's digits alone: "208", "20801", "2080109", "30101"; nil for totals and items.
    public var code: String?
    public var name: String
    /// 项目名称, in the project-expense table.
    public var project: String?
    /// One per table column; nil for a blank cell.
    public var values: Cells
    /// Cells whose column the layout did not say, placed by the document's own arithmetic.
    public var inferred: [Bool]
    public var lines: SourceRange
    // The one-byte fields last, where they share the struct's tail padding.
    /// 合计 / 总计 rows.
    public var isTotal: Bool
    /// 小计 rows of the two-sided summaries (本年收入小计 …).
    public var isSubtotal: Bool
    /// Income or expense side, in the two-sided summary tables.
    public var side: Side?

    public enum Side: String, Sendable { case income, expense }

    public init(
        code: String?, name: String, project: String? = nil, isTotal: Bool = false,
        isSubtotal: Bool = false, side: Side? = nil, values: some Sequence<Amount?>, inferred: [Bool]? = nil,
        lines: SourceRange
    ) {
        self.code = code
        self.name = name
        self.project = project
        self.isTotal = isTotal
        self.isSubtotal = isSubtotal
        self.side = side
        self.values = Cells(values)
        self.inferred = inferred ?? Row.noneInferred(self.values.count)
        self.lines = lines
    }

    /// All-false flags for `count` cells, one array shared by every row of that width: most rows
    /// have no inferred cell, and an array of their own cost each row a heap block.
    static func noneInferred(_ count: Int) -> [Bool] {
        count < sharedNoneInferred.count ? sharedNoneInferred[count] : Array(repeating: false, count: count)
    }
    private static let sharedNoneInferred: [[Bool]] = (0..<32).map { Array(repeating: false, count: $0) }

    /// 1 for a 类 (3 digits), 2 for a 款, 3 for a 项; 0 without a code.
    public var level: Int { Row.level(code) }

    public static func level(_ code: String?) -> Int {
        switch code?.count {
        case 3: return 1
        case 5: return 2
        case 7: return 3
        default: return 0
        }
    }

    public func value(_ column: Int?) -> Amount? {
        guard let column, column >= 0, column < values.count else { return nil }
        return values[column]
    }
}
