/// Aligns one table kind across two years: columns by label, rows by code, project or name.
enum TableAligner {
    static func align(kind: TableKind, old: Table?, new: Table?) -> TableComparison {
        let columns = alignColumns(old: old?.columns ?? [], new: new?.columns ?? [])
        let oldRows = old?.rows ?? [], newRows = new?.rows ?? []
        let matches = alignRows(oldRows, newRows)
        let order = Matching.merged(
            oldCount: oldRows.count, newCount: newRows.count,
            pairs: matches.map { ($0.old, $0.new) })
        let scoreOf = Dictionary(matches.map { ($0.new, $0.score) }, uniquingKeysWith: { a, _ in a })
        let lines = order.map { pair -> AlignedLine in
            let o = pair.old.map { oldRows[$0] }, n = pair.new.map { newRows[$0] }
            let cells = columns.map { c in
                AmountChange(
                    old: o.flatMap { r in r.value(c.old)?.inWan(from: old!.amountUnit) },
                    new: n.flatMap { r in r.value(c.new)?.inWan(from: new!.amountUnit) })
            }
            var line = AlignedLine(
                status: .same, code: n?.code ?? o?.code, oldCode: o?.code, name: n?.name ?? o?.name ?? "",
                oldName: o?.name, project: n?.project ?? o?.project, oldProject: o?.project,
                score: pair.new.flatMap { scoreOf[$0] ?? nil }, oldRow: pair.old, newRow: pair.new,
                isTotal: (n ?? o)?.isTotal ?? false, side: (n ?? o)?.side, cells: cells)
            line.status = status(old: o, new: n, cells: cells)
            return line
        }
        return TableComparison(kind: kind, old: old, new: new, columns: columns, lines: lines)
    }

    static func status(old o: Row?, new n: Row?, cells: [AmountChange]) -> ChangeStatus {
        guard let o else { return .added }
        guard let n else { return .removed }
        if let oc = o.code, let nc = n.code, oc != nc { return .moved }
        if o.project == nil, n.project == nil, o.code != nil, NameMatch.key(o.name) != NameMatch.key(n.name),
            Matching.nameKey(o.name) != Matching.nameKey(n.name)
        {
            return .renamed
        }
        return cells.contains { $0.differs } ? .changed : .same
    }

    // MARK: rows

    /// Row pairs with the name score where the pair was made by name (nil for code and total matches).
    static func alignRows(_ old: [Row], _ new: [Row]) -> [(old: Int, new: Int, score: Double?)] {
        var out: [(old: Int, new: Int, score: Double?)] = []
        var freeOld = Set(old.indices), freeNew = Set(new.indices)
        func take(_ pairs: [(old: Int, new: Int, score: Double)], keepScore: Bool) {
            for p in pairs {
                out.append((p.old, p.new, keepScore ? p.score : nil))
                freeOld.remove(p.old)
                freeNew.remove(p.new)
            }
        }
        func free(_ set: Set<Int>, _ test: (Int) -> Bool) -> [Int] { set.sorted().filter(test) }
        let oldNames = old.map { Matching.nameKey($0.name) }, newNames = new.map { Matching.nameKey($0.name) }
        let oldProjects = old.map { $0.project.map(Matching.nameKey) ?? "" },
            newProjects = new.map { $0.project.map(Matching.nameKey) ?? "" }
        // Keys of the pairs that score 1 (the same name, and what `allowed` asks alike): paired
        // first, so that many rows of one code or name do not compare every row with every row.
        func nonEmpty(_ key: String) -> String? { key.isEmpty ? nil : key }
        func sided(_ row: Row, _ name: String) -> String? {
            nonEmpty(name).map { "\(row.side?.rawValue ?? "")\u{1F}\($0)" }
        }
        func leveled(_ row: Row, _ name: String) -> String? {
            nonEmpty(name).map { "\(row.code?.count ?? 0)\u{1F}\($0)" }
        }

        // 1. Totals with totals, on the same side (收入总计 / 支出总计; 合计 / 总计).
        take(
            Matching.pairs(
                old: free(freeOld) { old[$0].isTotal }, new: free(freeNew) { new[$0].isTotal }, threshold: 0,
                allowed: { old[$0].side == new[$1].side }
            ) { o, n in
                0.5 + Matching.score(keys: oldNames[o], newNames[n]) / 2
            }, keepScore: false)
        // 2. Classification rows by code (a project row also by its project's name).
        take(
            Matching.pairs(
                old: free(freeOld) { old[$0].code != nil && old[$0].project == nil },
                new: free(freeNew) { new[$0].code != nil && new[$0].project == nil }, threshold: 1,
                allowed: { old[$0].code == new[$1].code }, key: ({ old[$0].code }, { new[$0].code })
            ) { _, _ in 1 },
            keepScore: false)
        // 3. Projects by name: the same project may change its wording a little.
        take(
            Matching.pairs(
                old: free(freeOld) { old[$0].project != nil }, new: free(freeNew) { new[$0].project != nil },
                threshold: 0.5, key: ({ nonEmpty(oldProjects[$0]) }, { nonEmpty(newProjects[$0]) })
            ) { o, n in
                Matching.score(keys: oldProjects[o], newProjects[n], floor: 0.5)
            }, keepScore: true)
        // 4. Named lines (income sources, 三公 items, 小计) on the same side.
        take(
            Matching.pairs(
                old: free(freeOld) { old[$0].code == nil && !old[$0].isTotal },
                new: free(freeNew) { new[$0].code == nil && !new[$0].isTotal }, threshold: 0.7,
                allowed: { old[$0].side == new[$1].side },
                key: ({ sided(old[$0], oldNames[$0]) }, { sided(new[$0], newNames[$0]) })
            ) { o, n in
                Matching.score(keys: oldNames[o], newNames[n], floor: 0.7)
            }, keepScore: true)
        // 5. A code that moved: the same name at the same level under another code.
        take(
            Matching.pairs(
                old: free(freeOld) { old[$0].code != nil && old[$0].project == nil },
                new: free(freeNew) { new[$0].code != nil && new[$0].project == nil }, threshold: 0.9,
                allowed: { old[$0].code!.count == new[$1].code!.count },
                key: ({ leveled(old[$0], oldNames[$0]) }, { leveled(new[$0], newNames[$0]) })
            ) { o, n in
                Matching.score(keys: oldNames[o], newNames[n], floor: 0.9)
            }, keepScore: true)
        return out
    }

    // MARK: columns

    /// The first columns (合计 / 总计 / 项目支出合计) always pair; the others by label, the last part
    /// of a nested label counting most ("财政拨款（补助）/一般公共预算" ~ "一般公共预算拨款").
    static func alignColumns(old: [String], new: [String]) -> [TableComparison.ColumnPair] {
        func leaf(_ label: String) -> String { label.split(separator: "/").last.map(String.init) ?? label }
        var pairs: [(old: Int, new: Int)] = []
        if !old.isEmpty, !new.isEmpty { pairs.append((0, 0)) }
        let oldKeys = old.map { (Matching.nameKey(leaf($0)), Matching.nameKey($0)) },
            newKeys = new.map { (Matching.nameKey(leaf($0)), Matching.nameKey($0)) }
        let rest = Matching.pairs(
            old: Array(old.indices.dropFirst()), new: Array(new.indices.dropFirst()), threshold: 0.6
        ) { o, n in
            if old[o] == new[n] { return 2 }
            return Matching.score(keys: oldKeys[o].0, newKeys[n].0) + (oldKeys[o].1 == newKeys[n].1 ? 0.5 : 0)
        }
        pairs += rest.map { ($0.old, $0.new) }
        return Matching.merged(oldCount: old.count, newCount: new.count, pairs: pairs).map { p in
            TableComparison.ColumnPair(
                old: p.old, new: p.new, label: p.new.map { new[$0] } ?? p.old.map { old[$0] } ?? "")
        }
    }
}
