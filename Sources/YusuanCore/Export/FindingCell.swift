/// The table cell a finding points at, as indices into the disclosure: the blamed cell of a
/// fault, else the finding's own table, row and column. The workbook and the browser both land
/// findings with it.
public enum FindingCell {
    public struct Place: Hashable, Sendable {
        public var table: Int
        public var row: Int?
        public var column: Int?

        public init(table: Int, row: Int?, column: Int?) {
            self.table = table
            self.row = row
            self.column = column
        }
    }

    public static func locate(_ f: Finding, in d: Disclosure) -> Place? {
        if let b = f.blamed, let p = locate(b, in: d) { return p }
        return locate(
            CellRef(
                table: f.table, tableNumber: f.tableNumber, code: f.code, row: f.row, column: f.column, line: f.line,
                printed: nil, expected: nil), in: d)
    }

    public static func locate(_ f: CellRef, in d: Disclosure) -> Place? {
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
        return Place(table: ti, row: row, column: column)
    }
}
