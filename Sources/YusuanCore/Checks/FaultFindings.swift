/// One fault, one finding: the failing sums a blamed cell explains become one finding that names
/// the cell, with the other sums listed under it (`related`).
extension Faults {
    static func group(_ sink: inout FindingSink) {
        let tables = sink.disclosure.tables
        let attribution = attribute(sink.relations, in: tables)
        var replaced: [Int: Finding] = [:]
        var dropped = Set<Int>()
        for fault in attribution.faults {
            let indices = fault.relations.compactMap { sink.relations[$0].finding }
            guard let head = indices.first else { continue }
            var f = sink.findings[head]
            f.related = indices.dropFirst().map { sink.findings[$0] }
            if let cell = fault.blamed {
                let ref = reference(cell, expected: fault.expected, tables)
                f.blamed = ref
                f.message += blame(ref, fault: fault, sink.relations, tables)
            }
            replaced[head] = f
            dropped.formUnion(indices.dropFirst())
        }
        sink.findings = sink.findings.indices.compactMap { i in
            dropped.contains(i) ? nil : (replaced[i] ?? sink.findings[i])
        }
    }

    static func reference(_ cell: TableCell, expected: Amount?, _ tables: [Table]) -> CellRef {
        let t = tables[cell.table]
        let row = t.rows[cell.row]
        return CellRef(
            table: t.kind, tableNumber: t.number, code: row.code, row: row.code == nil ? row.name : nil,
            column: t.columns[cell.column], line: row.lines.first, printed: row.value(cell.column), expected: expected)
    }

    /// "；疑误单元格：20801 人力资源和社会保障管理事务“基本支出”印为 352.15，表内 3 处算术均指向 303.87"
    static func blame(_ ref: CellRef, fault: Fault, _ relations: [Relation], _ tables: [Table]) -> String {
        let t = tables[fault.blamed!.table]
        let row = t.rows[fault.blamed!.row]
        let name = TableArithmetic.label(row)
        let printed = ref.printed?.description ?? "空"
        let expected = ref.expected?.description ?? "空"
        let columns = Set(
            fault.relations.flatMap { relations[$0].cells }.filter { $0.row == fault.blamed!.row }.map(\.column))
        if !fault.strict, columns.count > 1 {
            return "；疑误行：\(name)，其“\(ref.column ?? "")”印为 \(printed)，表内各列之和均指向该行（共 \(fault.relations.count) 处不符）"
        }
        let count = fault.relations.count
        return count > 1
            ? "；疑误单元格：\(name)“\(ref.column ?? "")”印为 \(printed)，表内 \(count) 处算术均指向 \(expected)"
            : "；疑误单元格：\(name)“\(ref.column ?? "")”印为 \(printed)，按此算术应为 \(expected)"
    }
}
