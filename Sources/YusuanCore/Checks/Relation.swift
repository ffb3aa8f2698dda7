/// A cell by its place in the disclosure: table, row and column indices.
struct TableCell: Hashable {
    var table: Int
    var row: Int
    var column: Int
}

/// One sum a table prints (a total against its parts) and whether the cells read hold it.
/// Kept so that a failing sum can be traced to the cell that breaks it (`Faults`).
struct Relation {
    var rule: String
    var total: TableCell
    var parts: [TableCell]
    /// The parts' sum as printed, kept so tracing a failure costs no second pass over them.
    var sum: Amount
    var held: Bool
    /// The finding it gave, by its index in the sink, when it failed.
    var finding: Int?

    var cells: [TableCell] { [total] + parts }
}

extension FindingSink {
    /// Compares a total cell with the sum of its parts, records the relation, and reports a
    /// failure as `rule` with `message(printed total, sum of parts)`.
    mutating func relate(
        _ rule: Rule, total: TableCell, parts: [TableCell], message: (Amount?, Amount) -> String
    ) {
        let t = disclosure.tables[total.table]
        let values = parts.compactMap { t.rows[$0.row].value($0.column) }
        let row = t.rows[total.row]
        let actual = row.value(total.column)
        guard actual != nil || !values.isEmpty else { return }
        let expected = Tolerance.sum(values)
        let before = findings.count
        let held = compare(
            rule, expected: expected, actual: actual, terms: values, table: t, code: row.code,
            row: row.code == nil ? row.name : nil, column: t.columns[total.column], line: row.lines.first,
            message: message(actual, expected))
        relations.append(
            Relation(
                rule: rule.id, total: total, parts: parts, sum: expected, held: held,
                finding: held || findings.count == before ? nil : before))
    }
}
