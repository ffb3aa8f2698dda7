import YusuanCore

/// A disclosure with its findings, and where each finding points: table, row and column.
public struct LoadedDocument: Sendable {
    public let disclosure: Disclosure
    public let findings: [Finding]
    /// For each finding, the (table index, row index, column index) it points at, when known:
    /// the cell a fault is blamed on, else the sum that failed.
    public let targets: [CellTarget?]
    /// Cells of the other sums a fault explains: they agree that the target is the wrong cell.
    let agreeing: Set<CellTarget>

    public struct CellTarget: Hashable, Sendable {
        public var table: Int
        public var row: Int?
        public var column: Int?
    }

    public init(disclosure: Disclosure, findings: [Finding]) {
        self.disclosure = disclosure
        self.findings = findings
        targets = findings.map { f in
            f.blamed.flatMap { LoadedDocument.locate($0, in: disclosure) } ?? LoadedDocument.locate(f, in: disclosure)
        }
        agreeing = Set(findings.flatMap(\.related).compactMap { LoadedDocument.locate($0, in: disclosure) })
    }

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    public var infos: Int { findings.filter { $0.severity == .info }.count }

    static func locate(_ f: Finding, in d: Disclosure) -> CellTarget? {
        locate(
            CellRef(
                table: f.table, tableNumber: f.tableNumber, code: f.code, row: f.row, column: f.column, line: f.line,
                printed: nil, expected: nil), in: d)
    }

    static func locate(_ f: CellRef, in d: Disclosure) -> CellTarget? {
        let tableIndex =
            d.tables.indices.first { i in
                d.tables[i].kind == f.table && (f.tableNumber == nil || d.tables[i].number == f.tableNumber)
            }
            ?? f.line.flatMap { line in
                d.tables.indices.first { d.tables[$0].lines.first <= line && line <= d.tables[$0].lines.last }
            }
        guard let ti = tableIndex else { return nil }
        let t = d.tables[ti]
        var row: Int?
        if let code = f.code {
            row = t.rows.firstIndex { $0.code == code && $0.project == nil } ?? t.rows.firstIndex { $0.code == code }
        }
        if row == nil, let name = f.row { row = t.rows.firstIndex { $0.name == name || $0.project == name } }
        if row == nil, let line = f.line { row = t.rows.firstIndex { $0.lines.first <= line && line <= $0.lines.last } }
        let column = f.column.flatMap { c in t.columns.firstIndex(of: c) }
        return CellTarget(table: ti, row: row, column: column)
    }

    /// Findings pointing at a row of a table (for marks and the status line).
    public func findings(table: Int, row: Int) -> [Finding] {
        findings.indices.filter { targets[$0]?.table == table && targets[$0]?.row == row }.map { findings[$0] }
    }

    /// The worst finding on a cell, to colour it.
    public func severity(table: Int, row: Int, column: Int) -> Finding.Severity? {
        findings.indices.filter {
            targets[$0]?.table == table && targets[$0]?.row == row && targets[$0]?.column == column
        }
        .map { findings[$0].severity }.min()
    }

    /// Whether a cell is one of the sums that agree on a fault's blamed cell, to mark it.
    public func agrees(table: Int, row: Int, column: Int) -> Bool {
        agreeing.contains(CellTarget(table: table, row: row, column: column))
    }

    public var title: String {
        let d = disclosure
        return "\(d.unit) \(d.year.map(String.init) ?? "") \(d.scope)\(d.documentKind)"
    }
}
