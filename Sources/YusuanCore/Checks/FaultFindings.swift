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
        if let w = fault.witness {
            let other = tables[w].number.map { "\($0)\(tables[w].title)" } ?? tables[w].title
            return "；疑误单元格：\(name)“\(ref.column ?? "")”印为 \(printed)，按此算术应为 \(expected)，\(other)同一行也与此相符"
        }
        return count > 1
            ? "；疑误单元格：\(name)“\(ref.column ?? "")”印为 \(printed)，表内 \(count) 处算术均指向 \(expected)"
            : "；疑误单元格：\(name)“\(ref.column ?? "")”印为 \(printed)，按此算术应为 \(expected)"
    }
}

extension Faults {
    /// Findings elsewhere that a blamed cell explains join its finding: another table, a
    /// performance sheet or the prose that states the value the table's own sums ask for against
    /// the value printed, or a sum over the same code off by just the blamed cell's error. One
    /// wrong cell, one finding, however many places it shows.
    static func absorb(_ findings: inout [Finding], in d: Disclosure) {
        let elsewhere: Set<Finding.Category> = [.crossTable, .narrative, .performance]
        var absorbed = Set<Int>()
        for head in findings.indices {
            guard let b = findings[head].blamed, let printed = b.printed, let expected = b.expected,
                let t = d.tables.first(where: { $0.kind == b.table && $0.number == b.tableNumber })
            else { continue }
            let (p, x) = (printed.inWan(from: t.amountUnit), expected.inWan(from: t.amountUnit))
            for k in findings.indices where k != head && !absorbed.contains(k) {
                let f = findings[k]
                guard f.severity != .info, elsewhere.contains(f.category), let e = f.expected, let a = f.actual
                else { continue }
                // The other place states the printed value against what the sums ask (as closely
                // as it was rounded), in either order.
                let other = e.sameValue(p) ? a : (a.sameValue(p) ? e : nil)
                let states = other.map { Tolerance.compare(x, $0, terms: [$0]) != .mismatch } ?? false
                // A sum over the blamed cell's code (or a code above it) off by the same amount.
                let sameLine = f.code.map { code in b.code?.hasPrefix(code) == true } ?? false
                let offByIt = abs((a - e).hundredths) == abs((p - x).hundredths)
                guard (states && (f.code == nil || f.code == b.code)) || (sameLine && offByIt) else { continue }
                findings[head].related.append(f)
                absorbed.insert(k)
            }
        }
        findings = findings.indices.filter { !absorbed.contains($0) }.map { findings[$0] }
    }
}
