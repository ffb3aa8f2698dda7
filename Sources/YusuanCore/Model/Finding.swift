/// One inconsistency, located as precisely as the document allows.
public struct Finding: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case error, warning, info
        var rank: Int { self == .error ? 0 : (self == .warning ? 1 : 2) }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public enum Category: String, Sendable, CaseIterable {
        case arithmetic, rounding, crossTable = "cross-table", narrative, missingTable = "missing-table", naming,
            performance, structure
    }

    public var rule: String
    public var severity: Severity
    public var category: Category
    public var message: String
    public var table: TableKind?
    public var tableNumber: String?
    public var code: String?
    /// The row's name when it has no code (合计, a 三公 item, a project).
    public var row: String?
    public var column: String?
    public var expected: Amount?
    public var actual: Amount?
    /// The source line the finding points at.
    public var line: Int?
    /// The one printed cell that explains every failing sum around it (a copied figure, a
    /// misprint); nil when no single cell does, or the finding is not arithmetic.
    public var blamed: CellRef?
    /// The other failing sums the blamed cell explains: one fault, one finding.
    public var related: [Finding] = []

    public init(
        rule: Rule, message: String, severity: Severity? = nil, category: Category? = nil, table: Table? = nil,
        code: String? = nil, row: String? = nil, column: String? = nil, expected: Amount? = nil,
        actual: Amount? = nil, line: Int? = nil
    ) {
        self.init(
            stored: rule.id, severity: severity ?? rule.severity, category: category ?? rule.category, message: message,
            table: table?.kind, tableNumber: table?.number, code: code, row: row, column: column, expected: expected,
            actual: actual, line: line)
    }

    /// "表3 支出总体 2080109 基本支出": where to look, in the document's own terms.
    public var location: String {
        var parts: [String] = []
        if let n = tableNumber { parts.append(n) }
        if let t = table { parts.append(t.shortName) }
        if let c = code { parts.append(c) } else if let r = row { parts.append(r) }
        if let col = column { parts.append(col) }
        if let l = line { parts.append("line \(l)") }
        return parts.joined(separator: " · ")
    }
}

/// A rule: stable id, one-line description, category and default severity.
public struct Rule: Sendable, Hashable {
    public let id: String
    public let description: String
    public let category: Finding.Category
    public let severity: Finding.Severity
}

extension Finding {
    /// A finding as a cache stored it (the rule by id, everything else as it was).
    public init(
        stored rule: String, severity: Severity, category: Category, message: String, table: TableKind?,
        tableNumber: String?,
        code: String?, row: String?, column: String?, expected: Amount?, actual: Amount?, line: Int?
    ) {
        self.rule = rule
        self.severity = severity
        self.category = category
        self.message = message
        self.table = table
        self.tableNumber = tableNumber
        self.code = code
        self.row = row
        self.column = column
        self.expected = expected
        self.actual = actual
        self.line = line
    }
}
