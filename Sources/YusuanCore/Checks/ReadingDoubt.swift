/// A reading that breaks many of a table's own sums is a misreading, not the publisher's error:
/// a printed fault is one or two wrong cells, and each breaks only the few sums that run through
/// it (a 项 copied down breaks its row and its 款; a 类 printed off breaks its row, its 款 and the
/// total). Failures over three rows or more are the reader's doubt, said once for the table, and
/// its cells are no evidence against the other tables or the prose.
public enum ReadingDoubt {
    /// Failing rows from which a table's reading is in doubt.
    static let rows = 3

    /// Marks the tables read with doubt (`Table.uncertain`), from their own arithmetic and from
    /// an amount standing where a row's name should.
    public static func mark(_ d: inout Disclosure) {
        for i in d.tables.indices {
            if let row = d.tables[i].rows.first(where: { Amount.isPrinted(CJK.compact($0.name)) }) {
                d.tables[i].uncertain = "金额“\(row.name)”读在了行名的位置，各列可能错位"
            }
        }
        for (i, failures) in failures(d) {
            let rows = Set(failures.map { $0.code ?? $0.row ?? $0.message })
            // A summary whose two sides both fail to add up while their totals agree: no one
            // printed cell does that.
            let bothSides =
                d.tables[i].kind.isTwoSided && !failures.contains { $0.rule == Rules.summaryBalance.id }
                && rows.contains { $0.hasPrefix("收入") } && rows.contains { $0.hasPrefix("支出") }
            guard d.tables[i].uncertain == nil, rows.count >= Self.rows || bothSides else { continue }
            d.tables[i].uncertain = "\(failures.count) 处算术不符，涉及 \(rows.count) 行，无法归因于个别单元格"
        }
    }

    /// Each table's arithmetic errors, by the table's index.
    static func failures(_ d: Disclosure) -> [Int: [Finding]] {
        var sink = FindingSink(disclosure: d)
        TableArithmetic.run(&sink)
        var out: [Int: [Finding]] = [:]
        for f in sink.findings where f.severity == .error && f.category == .arithmetic {
            if let i = table(of: f, in: d) { out[i, default: []].append(f) }
        }
        return out
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
