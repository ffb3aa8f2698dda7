/// A reading that breaks sums no one printed cell explains is a misreading, not the publisher's
/// error: a printed fault is one or two wrong cells, and each breaks only the sums that run
/// through it, all asking the same value of it (`Faults`). A table whose failures no single cell
/// explains, or that would need more wrong cells than a print holds, is the reader's doubt, said
/// once for the table, and its cells are no evidence against the other tables or the prose.
public enum ReadingDoubt {
    /// Independent faults from which a table's reading is in doubt.
    static let faults = 3

    /// Marks the tables read with doubt (`Table.uncertain`), from their own arithmetic and from
    /// an amount standing where a row's name should.
    public static func mark(_ d: inout Disclosure) {
        for i in d.tables.indices {
            if let row = d.tables[i].rows.first(where: { Amount.isPrinted(CJK.compact($0.name)) }) {
                d.tables[i].uncertain = "金额“\(row.name)”读在了行名的位置，各列可能错位"
            }
        }
        var sink = FindingSink(disclosure: d)
        let attribution = TableArithmetic.traced(&sink)
        let faults = Dictionary(grouping: attribution.faults) { sink.relations[$0.relations[0]].total.table }
        for i in d.tables.indices where d.tables[i].uncertain == nil {
            let failing = sink.relations.filter { !$0.held && $0.total.table == i }
            guard !failing.isEmpty else { continue }
            let rows = Set(failing.map(\.total.row))
            if let unexplained = attribution.unexplained[i] {
                d.tables[i].uncertain = "\(failing.count) 处算术不符，涉及 \(rows.count) 行，其中 \(unexplained) 处无法归因于个别单元格"
            } else if let found = faults[i], found.count >= Self.faults {
                d.tables[i].uncertain = "\(found.count) 处各自独立的算术不符，多于印刷错误所能解释，涉及 \(rows.count) 行"
            } else if bothSides(d.tables[i], failing) {
                // A summary whose two sides both fail to add up while their totals agree: no one
                // printed cell does that.
                d.tables[i].uncertain = "收入、支出两方各自不能相加，而两方总计相等，无法归因于个别单元格"
            }
        }
        // What a table's arithmetic says does not hang on its doubt: the checker takes it as is.
        d.arithmetic.keep(
            .init(tables: d.tables, findings: sink.findings, relations: sink.relations, attribution: attribution))
    }

    static func bothSides(_ t: Table, _ failing: [Relation]) -> Bool {
        let sides = Set(failing.compactMap { t.rows[$0.total.row].side })
        return t.kind.isTwoSided && sides.count == 2 && !failing.contains { $0.rule == Rules.summaryBalance.id }
    }

    /// The table a finding stands in, by its line.
    static func table(of f: Finding, in d: Disclosure) -> Int? {
        guard let line = f.line else { return nil }
        return d.tables.firstIndex { $0.lines.first <= line && line <= $0.lines.last }
    }

    /// The arithmetic errors of doubtful tables give way to one note each; findings that take a
    /// doubtful table's cells as evidence become notes too.
    static func apply(_ d: Disclosure, to sink: inout FindingSink, arithmeticOnly: Bool) {
        let doubtful = d.tables.indices.filter { d.tables[$0].uncertain != nil }
        guard !doubtful.isEmpty else { return }
        if arithmeticOnly {
            sink.findings.removeAll { f in
                f.category == .arithmetic && f.severity == .error && table(of: f, in: d).map(doubtful.contains) == true
            }
            for i in doubtful {
                let t = d.tables[i]
                let name = t.number.map { "\($0)\(t.title)" } ?? t.title
                sink.add(
                    Finding(
                        rule: Rules.uncertainReading,
                        message: "\(name)读取不确定：\(t.uncertain ?? "")，请对照原文", table: t, line: t.lines.first))
            }
            return
        }
        for k in sink.findings.indices where sink.findings[k].severity != .info {
            let f = sink.findings[k]
            guard f.category == .crossTable || f.category == .narrative else { continue }
            let involved = doubtful.contains { i in
                let t = d.tables[i]
                if f.table == t.kind, f.tableNumber == t.number { return true }
                if let n = t.number { return f.message.contains(n) }
                return f.message.contains("\(t.kind.shortName)表")
            }
            if involved {
                sink.findings[k].severity = .info
                sink.findings[k].message += "（所据表格读取不确定，未作为依据）"
            }
        }
    }
}
