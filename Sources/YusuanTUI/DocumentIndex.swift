import Foundation
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
    /// Each table's column measures, made when the table is first drawn.
    let tableMeasures = TableMeasures()

    public typealias CellTarget = FindingCell.Place

    public init(disclosure: Disclosure, findings: [Finding]) {
        self.disclosure = disclosure
        self.findings = findings
        targets = findings.map { FindingCell.locate($0, in: disclosure) }
        agreeing = Set(findings.flatMap(\.related).compactMap { FindingCell.locate($0, in: disclosure) })
    }

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    public var infos: Int { findings.filter { $0.severity == .info }.count }

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

/// A document's table measures, kept from the first draw of each table (the document does not
/// change, so neither do they). Shared by the copies of a `LoadedDocument`.
final class TableMeasures: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Int: TableView.Measures] = [:]

    func of(_ table: Int, in disclosure: Disclosure) -> TableView.Measures {
        if let known = lock.withLock({ made[table] }) { return known }
        let measures = TableView.Measures(disclosure.tables[table])
        lock.withLock { made[table] = measures }
        return measures
    }
}
