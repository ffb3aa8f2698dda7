/// Traces a table's failing sums to the printed cells that explain them. A publisher's fault is
/// one or two wrong cells, and a wrong cell breaks exactly the sums that run through it, all
/// asking the same value of it (Kizilsu 2022 表五: 20801's 基本支出 copied from 208 breaks its
/// row, its 款 and its 类, and each says 303.87). A misreading breaks sums that no one cell
/// explains: those leave the table uncertain.
enum Faults {
    struct Fault {
        /// The failing relations, by index, the first one the finding to show.
        var relations: [Int]
        /// The cell that explains them all; nil when several could.
        var blamed: TableCell?
        /// What the other cells say the blamed one should be.
        var expected: Amount?
        /// Another table that prints the blamed cell's line with the value the sums ask for, when
        /// its own sums could not tell the cell (one failing sum, several cells free in it).
        var witness: Int?
        /// The cells that could each explain it alone, with what the sum asks of each, when no
        /// table could tell them apart: a finding elsewhere still may (`Faults.absorb`).
        var candidates: [(cell: TableCell, value: Amount)] = []
    }

    struct Attribution {
        var faults: [Fault] = []
        /// Failing relations no single cell explains, by table index.
        var unexplained: [Int: Int] = [:]
    }

    static func attribute(_ relations: [Relation], in tables: [Table]) -> Attribution {
        var out = Attribution()
        let failing = relations.indices.filter { !relations[$0].held }
        let twins = Twins(tables)
        // The sums that hold, by the cells they run through: what a candidate must not break.
        var holding: [TableCell: [Int]] = [:]
        for (i, r) in relations.enumerated() where r.held { for c in r.cells { holding[c, default: []].append(i) } }
        let byTable = Dictionary(grouping: failing) { relations[$0].total.table }
        for (_, failing) in byTable.sorted(by: { $0.key < $1.key }) {
            var attributed: [Fault] = []
            for component in components(failing, relations) {
                if let fault = explain(component, relations, holding, tables, twins) {
                    attributed.append(fault)
                } else {
                    out.unexplained[relations[component[0]].total.table, default: 0] += component.count
                }
            }
            out.faults += attributed
        }
        return out
    }

    /// Failing relations joined where they share a cell: each group is one fault or none.
    static func components(_ failing: [Int], _ relations: [Relation]) -> [[Int]] {
        var parent = Array(failing.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        var owner: [TableCell: Int] = [:]
        for (k, r) in failing.enumerated() {
            for cell in relations[r].cells {
                if let other = owner[cell] { parent[root(k)] = root(other) } else { owner[cell] = k }
            }
        }
        var groups: [Int: [Int]] = [:]
        for k in failing.indices { groups[root(k), default: []].append(failing[k]) }
        return groups.values.map { $0 }.sorted { $0[0] < $1[0] }
    }

    /// The one cell in every failing relation of the group whose change would mend them all,
    /// preferring a cell that no holding sum needs as printed.
    static func explain(
        _ group: [Int], _ relations: [Relation], _ holding: [TableCell: [Int]], _ tables: [Table], _ twins: Twins
    ) -> Fault? {
        let failing = group.map { relations[$0] }
        var common = Set(failing[0].cells)
        for r in failing.dropFirst() { common.formIntersection(r.cells) }
        // Values printed to fewer decimals ask for the cell only as closely as they were rounded.
        let printed = failing.flatMap(\.cells).compactMap { value($0, tables) }
        let candidates: [(cell: TableCell, value: Amount)] = common.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
            .compactMap { cell in
                let asked = failing.map { required(of: cell, in: $0, tables) }
                guard let v = asked.first,
                    asked.allSatisfy({ Tolerance.compare($0, v, terms: printed) != .mismatch })
                else { return nil }
                return (cell, v)
            }
        // A cell that a holding sum needs as printed cannot be the wrong one: set to what the
        // failing sums ask, it would break that sum. Failures only such cells explain (a row that
        // adds up across but not with its children) need a whole row misprinted: the reader's doubt.
        let strict = candidates.filter { c in
            (c.value.hundredths >= 0 || (value(c.cell, tables)?.hundredths ?? 0) < 0)
                && !(holding[c.cell] ?? []).contains { !holds(relations[$0], with: c.cell, at: c.value, tables) }
        }
        if strict.count == 1 {
            let pick = strict[0]
            // Show first the relation that states the blamed cell as a total, if one does.
            let first = group.first { relations[$0].total == pick.cell } ?? group[0]
            return Fault(relations: [first] + group.filter { $0 != first }, blamed: pick.cell, expected: pick.value)
        }
        guard strict.count > 1 else { return nil }  // several sums with no common cell: no one cell explains them
        // One failing sum whose cells all stand free: the table alone cannot tell which cell is
        // wrong. Another table printing the same line can: the one cell whose twin holds the value
        // the sum asks for, where the twin of every other agrees with it as printed.
        let told = strict.compactMap { c in twins.witness(c.cell, asks: c.value, tables).map { (c, $0) } }
        if told.count == 1, let (pick, witness) = told.first {
            return Fault(relations: group, blamed: pick.cell, expected: pick.value, witness: witness)
        }
        return Fault(relations: group, blamed: nil, expected: nil, candidates: strict)
    }

    static func value(_ c: TableCell, _ tables: [Table]) -> Amount? { tables[c.table].rows[c.row].value(c.column) }

    /// Whether `relation` still holds with `cell` set to `value`, the others as printed.
    static func holds(_ relation: Relation, with cell: TableCell, at value: Amount, _ tables: [Table]) -> Bool {
        func amount(_ c: TableCell) -> Amount? { c == cell ? value : Self.value(c, tables) }
        let parts = relation.parts.compactMap(amount)
        return Tolerance.compare(Tolerance.sum(parts), amount(relation.total) ?? .zero, terms: parts) != .mismatch
    }

    /// The value `cell` must hold for `relation` to hold, the other cells as printed.
    static func required(of cell: TableCell, in relation: Relation, _ tables: [Table]) -> Amount {
        func value(_ c: TableCell) -> Int64 { tables[c.table].rows[c.row].value(c.column)?.hundredths ?? 0 }
        let parts = relation.sum.hundredths
        if cell == relation.total { return Amount(hundredths: parts) }
        return Amount(hundredths: Amount.sum(Amount.sum(value(relation.total), -parts), value(cell)))
    }
}

/// The same printed line in other tables: rows of one code (projects aside), the total rows,
/// and for a total row's cell, the line named as its column (a 支出总表's 项目支出 total is the
/// summary's 项目支出 line).
struct Twins {
    var byCode: [String: [(table: Int, row: Int)]] = [:]
    var totals: [(table: Int, row: Int)] = []
    var byName: [String: [(table: Int, row: Int)]] = [:]

    init(_ tables: [Table]) {
        for (ti, t) in tables.enumerated() {
            for (ri, row) in t.rows.enumerated() where row.project == nil {
                if let c = row.code {
                    byCode[c, default: []].append((ti, ri))
                } else if row.isTotal {
                    totals.append((ti, ri))
                } else {
                    byName[Self.key(row.name), default: []].append((ti, ri))
                }
            }
        }
    }

    static func key(_ name: String) -> String { TableSegmenter.unnumbered(CJK.compact(name)) }

    func lines(_ cell: TableCell, _ tables: [Table]) -> [(table: Int, row: Int)] {
        let t = tables[cell.table]
        let row = t.rows[cell.row]
        if let code = row.code { return byCode[code] ?? [] }
        guard row.isTotal else { return [] }
        let label = t.columns[cell.column].split(separator: "/").last.map(String.init) ?? ""
        return totals + (byName[Self.key(label)] ?? [])
    }

    /// The table that prints `cell`'s line with `value` (as closely as either was rounded, in 万元)
    /// and never with the value printed in `cell`.
    func witness(_ cell: TableCell, asks value: Amount, _ tables: [Table]) -> Int? {
        let t = tables[cell.table]
        let row = t.rows[cell.row]
        guard let printed = row.value(cell.column)?.inWan(from: t.amountUnit) else { return nil }
        let asked = value.inWan(from: t.amountUnit)
        let others = (row.code.map { byCode[$0] ?? [] } ?? (row.isTotal ? totals : [])).filter {
            $0.table != cell.table
        }
        var witness: Int?
        for (ti, ri) in others {
            let values = tables[ti].rows[ri].values.compactMap { $0?.inWan(from: tables[ti].amountUnit) }
            if values.contains(where: { $0.sameValue(printed) }) { return nil }
            if witness == nil, values.contains(where: { Tolerance.compare(asked, $0, terms: [$0]) != .mismatch }) {
                witness = ti
            }
        }
        return witness
    }
}
