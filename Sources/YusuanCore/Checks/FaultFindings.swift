/// One fault, one finding: the failing sums a blamed cell explains become one finding that names
/// the cell, with the other sums listed under it (`related`).
extension Faults {
    static func group(_ sink: inout FindingSink, _ attribution: Attribution) {
        let tables = sink.disclosure.tables
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
                f.message += blame(
                    ref, fault: fault, stated: sink.relations[fault.relations[0]].total == cell, tables)
            } else if !fault.candidates.isEmpty {
                sink.undecided[f.message] = fault.candidates.map { reference($0.cell, expected: $0.value, tables) }
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

    /// "；疑为此格印错，表内 3 处算术均指向 303.87"
    static func blame(_ ref: CellRef, fault: Fault, stated: Bool, _ tables: [Table]) -> String {
        let t = tables[fault.blamed!.table]
        // The sum shown first is the blamed cell's own (its 款 against its 项): no need to name it again.
        let said =
            stated
            ? "；疑为此格印错，"
            : "；疑为\(TableArithmetic.label(t.rows[fault.blamed!.row]))“\(ref.column ?? "")”印错（印 \(ref.printed?.description ?? "空")），"
        let expected = ref.expected?.description ?? "空"
        if let w = fault.witness {
            let other = tables[w].number.map { "\($0)\(tables[w].title)" } ?? tables[w].title
            return said + "按此算术应为 \(expected)，\(other)同一行也与此相符"
        }
        let count = fault.relations.count
        return said + (count > 1 ? "表内 \(count) 处算术均指向 \(expected)" : "按此算术应为 \(expected)")
    }
}

extension Faults {
    /// Findings elsewhere that a blamed cell explains join its finding: another table, a
    /// performance sheet or the prose that states the value the table's own sums ask for against
    /// the value printed, or a sum over the same code off by just the blamed cell's error. One
    /// wrong cell, one finding, however many places it shows.
    static func absorb(_ sink: inout FindingSink, in d: Disclosure) {
        decide(&sink, in: d)
        var findings = sink.findings
        var absorbed = Set<Int>()
        for head in findings.indices {
            guard let b = findings[head].blamed, let (p, x) = inWan(b, d) else { continue }
            for k in findings.indices where k != head && !absorbed.contains(k) {
                let f = findings[k]
                guard elsewhere.contains(f.category), f.severity != .info, let e = f.expected, let a = f.actual
                else { continue }
                let states = Self.states(f, printed: p, asked: x)
                // A sum over the blamed cell's code (or a code above it) off by the same amount.
                let sameLine = f.code.map { code in b.code?.hasPrefix(code) == true } ?? false
                let offByIt = abs((a - e).hundredths) == abs((p - x).hundredths)
                guard (states && (f.code == nil || f.code == b.code)) || (sameLine && offByIt) else { continue }
                findings[head].related.append(f)
                absorbed.insert(k)
            }
        }
        sink.findings = findings.indices.filter { !absorbed.contains($0) }.map { findings[$0] }
    }
}

extension Faults {
    static let elsewhere: Set<Finding.Category> = [.crossTable, .narrative, .performance]

    /// A cell's printed value and the value its sums ask, in 万元 as the checks across tables use.
    static func inWan(_ c: CellRef, _ d: Disclosure) -> (Amount, Amount)? {
        guard let printed = c.printed, let expected = c.expected,
            let t = d.tables.first(where: { $0.kind == c.table && $0.number == c.tableNumber })
        else { return nil }
        return (printed.inWan(from: t.amountUnit), expected.inWan(from: t.amountUnit))
    }

    /// Whether a finding states the printed value against the value the sums ask (as closely as
    /// it was rounded), in either order.
    static func states(_ f: Finding, printed p: Amount, asked x: Amount) -> Bool {
        guard let e = f.expected, let a = f.actual else { return false }
        let other = e.sameValue(p) ? a : (a.sameValue(p) ? e : nil)
        return other.map { Tolerance.compare(x, $0, terms: [$0]) != .mismatch } ?? false
    }

    /// A sum whose table could not tell its wrong cell (one sum, several cells free in it) is
    /// decided by a finding elsewhere that states, for just one of those cells, the value the sum
    /// asks against the one printed: the prose quoting 公务接待费 as the items' sum says it is.
    static func decide(_ sink: inout FindingSink, in d: Disclosure) {
        for i in sink.findings.indices where sink.findings[i].blamed == nil {
            guard let candidates = sink.undecided[sink.findings[i].message] else { continue }
            let told = candidates.filter { c in
                guard let (p, x) = inWan(c, d) else { return false }
                return sink.findings.contains { f in
                    elsewhere.contains(f.category) && f.severity != .info && (f.code == nil || f.code == c.code)
                        && states(f, printed: p, asked: x)
                }
            }
            guard told.count == 1, let pick = told.first else { continue }
            sink.findings[i].blamed = pick
            let name = [pick.code, pick.row].compactMap { $0 }.joined(separator: " ")
            sink.findings[i].message +=
                "；疑为\(name)“\(pick.column ?? "")”印错（印 \(pick.printed?.description ?? "空")），按此算术应为 \(pick.expected?.description ?? "空")，他处所述与此相符"
        }
    }
}
