/// One disclosure of a library as the library screen and `check` need it, without its tables:
/// what the index keeps, so thousands open at once and the whole model is read only when opened.
public struct LibraryEntry: Hashable, Sendable {
    public var path: String
    /// `ContentHash` of the file's bytes.
    public var hash: String
    public var unit: String
    public var year: Int?
    public var scope: String
    public var documentKind: String
    /// The 收支总表's (else 支出总表's) total, in the table's own unit.
    public var total: Amount?
    public var tableCount: Int
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var region: Region
    /// The tables file read with this prose file as one disclosure (`DocumentPairs`).
    public var companion: String?

    public init(
        path: String, hash: String, unit: String, year: Int?, scope: String, documentKind: String, total: Amount?,
        tableCount: Int, errors: Int, warnings: Int, infos: Int
    ) {
        self.path = path
        self.hash = hash
        self.unit = unit
        self.year = year
        self.scope = scope
        self.documentKind = documentKind
        self.total = total
        self.tableCount = tableCount
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        region = Region(unit: unit)
    }

    public init(_ d: Disclosure, findings: [Finding], hash: String) {
        let total = d.table(.incomeExpenseSummary)?.totalRow?.value(0) ?? d.table(.expenseSummary)?.totalRow?.value(0)
        self.init(
            path: d.path, hash: hash, unit: d.unit, year: d.year, scope: d.scope, documentKind: d.documentKind,
            total: total, tableCount: d.tables.count,
            errors: findings.count { $0.severity == .error }, warnings: findings.count { $0.severity == .warning },
            infos: findings.count { $0.severity == .info })
        companion = d.companionPath
    }

    public var title: String { "\(unit) \(year.map(String.init) ?? "") \(scope)\(documentKind)" }
}
