extension Comparison {
    /// Aligns everything the two documents have: tables by kind, projects, sheets, staffing, and
    /// the newer prose's claims about the year before.
    public init(old: Disclosure, new: Disclosure) {
        self.old = old
        self.new = new
        sameUnit = UnitName.key(old.unit) == UnitName.key(new.unit)
        tables = Comparison.alignTables(old: old.tables, new: new.tables)
        projects = Comparison.alignProjects(old: old.projects, new: new.projects)
        sheets = Comparison.alignSheets(old: old.performanceSheets, new: new.performanceSheets)
        staffing = Comparison.staffingPairs(old: old.overview.staffing, new: new.overview.staffing)
        priorYearClaims = PriorYearClaims.check(old: old, new: new)
    }

    /// Tables of a kind pair in printed order; kinds in the standard order, so 表九 of one year
    /// and 表10 of the other still meet.
    static func alignTables(old: [Table], new: [Table]) -> [TableComparison] {
        var out: [TableComparison] = []
        for kind in TableKind.allCases {
            let o = old.filter { $0.kind == kind }, n = new.filter { $0.kind == kind }
            for i in 0..<max(o.count, n.count) {
                out.append(TableAligner.align(kind: kind, old: i < o.count ? o[i] : nil, new: i < n.count ? n[i] : nil))
            }
        }
        return out
    }

    static func alignProjects(old: [Project], new: [Project]) -> [ProjectPair] {
        let oldKeys = old.map { Matching.nameKey($0.name) }, newKeys = new.map { Matching.nameKey($0.name) }
        let pairs = Matching.pairs(
            old: Array(old.indices), new: Array(new.indices), threshold: 0.5,
            key: ({ oldKeys[$0].isEmpty ? nil : oldKeys[$0] }, { newKeys[$0].isEmpty ? nil : newKeys[$0] })
        ) { o, n in
            Matching.score(keys: oldKeys[o], newKeys[n], floor: 0.5)
        }
        let score = Dictionary(pairs.map { ($0.new, $0.score) }, uniquingKeysWith: { a, _ in a })
        return Matching.merged(oldCount: old.count, newCount: new.count, pairs: pairs.map { ($0.old, $0.new) }).map {
            p in
            let o = p.old.map { old[$0] }, n = p.new.map { new[$0] }
            let amount = AmountChange(old: o?.amount, new: n?.amount)
            let status: ChangeStatus = o == nil ? .added : (n == nil ? .removed : (amount.differs ? .changed : .same))
            return ProjectPair(status: status, old: o, new: n, score: p.new.flatMap { score[$0] }, amount: amount)
        }
    }

    static func alignSheets(old: [PerformanceSheet], new: [PerformanceSheet]) -> [SheetComparison] {
        let pairs = Matching.pairs(
            old: Array(old.indices), new: Array(new.indices), threshold: 0.5,
            allowed: { old[$0].kind == new[$1].kind }
        ) { o, n in
            old[o].kind == .overall ? 1 : Matching.score(old[o].project ?? "", new[n].project ?? "", floor: 0.5)
        }
        let score = Dictionary(pairs.map { ($0.new, $0.score) }, uniquingKeysWith: { a, _ in a })
        return Matching.merged(oldCount: old.count, newCount: new.count, pairs: pairs.map { ($0.old, $0.new) }).map {
            p in
            let o = p.old.map { old[$0] }, n = p.new.map { new[$0] }
            let indicators = alignIndicators(old: o?.indicators ?? [], new: n?.indicators ?? [])
            let funding = AmountChange(old: o?.fundingTotal, new: n?.fundingTotal)
            let status: ChangeStatus =
                o == nil
                ? .added
                : (n == nil
                    ? .removed
                    : (funding.differs || indicators.contains { $0.status.isChange } ? .changed : .same))
            return SheetComparison(
                status: status, old: o, new: n, score: p.new.flatMap { score[$0] }, oldIndex: p.old,
                newIndex: p.new, funding: funding, indicators: indicators)
        }
    }

    /// Indicators by name, the same 二级 (数量指标, 质量指标 …) counting in favour.
    static func alignIndicators(old: [Indicator], new: [Indicator]) -> [IndicatorPair] {
        let oldKeys = old.map { (Matching.nameKey($0.name), Matching.nameKey($0.level2 ?? "")) }
        let newKeys = new.map { (Matching.nameKey($0.name), Matching.nameKey($0.level2 ?? "")) }
        // The same name under the same 二级 scores 1, and only that pair does.
        func key(_ k: (String, String)) -> String? { k.0.isEmpty ? nil : "\(k.1)\u{1F}\(k.0)" }
        let pairs = Matching.pairs(
            old: Array(old.indices), new: Array(new.indices), threshold: 0.6,
            key: ({ key(oldKeys[$0]) }, { key(newKeys[$0]) })
        ) { o, n in
            Matching.score(keys: oldKeys[o].0, newKeys[n].0, floor: 0.6) * (oldKeys[o].1 == newKeys[n].1 ? 1 : 0.9)
        }
        let score = Dictionary(pairs.map { ($0.new, $0.score) }, uniquingKeysWith: { a, _ in a })
        return Matching.merged(oldCount: old.count, newCount: new.count, pairs: pairs.map { ($0.old, $0.new) }).map {
            p in
            let o = p.old.map { old[$0] }, n = p.new.map { new[$0] }
            let status: ChangeStatus
            if o == nil {
                status = .added
            } else if n == nil {
                status = .removed
            } else if (o!.value ?? "") != (n!.value ?? "") {
                status = .changed
            } else if Matching.nameKey(o!.name) != Matching.nameKey(n!.name) {
                status = .renamed
            } else {
                status = .same
            }
            let shown = n ?? o!
            return IndicatorPair(
                status: status, level1: shown.level1, level2: shown.level2, name: shown.name,
                oldName: o?.name, oldValue: o?.value, newValue: n?.value, score: p.new.flatMap { score[$0] })
        }
    }

    static func staffingPairs(old: Staffing, new: Staffing) -> [FigurePair] {
        let fields: [(String, KeyPath<Staffing, Int?>)] = [
            ("编制数", \.authorized), ("实有人数", \.actual), ("在职人员", \.active),
            ("退休人员", \.retired), ("离休人员", \.lixiu)
        ]
        return fields.compactMap { label, path in
            old[keyPath: path] == nil && new[keyPath: path] == nil
                ? nil : FigurePair(label: label, old: old[keyPath: path], new: new[keyPath: path])
        }
    }
}

/// Which unit a document is about, whatever the title's wording: "…社会保险中心 2022 年单位预算"
/// and "2026 年…社会保险中心部门预算" are the same unit, and so are "中国共产党江苏省委员会办公厅",
/// "中共江苏省委办公厅" and "江苏省委办公厅".
public enum UnitName {
    public static func key(_ unit: String) -> String {
        var s = CJK.compact(unit)
        for (long, short) in [("中国共产党", "中共"), ("常务委员会", "常委会"), ("委员会", "委")] {
            s = s.replacingOccurrences(of: long, with: short)
        }
        if s.hasPrefix("中共"), s.count > 4 { s.removeFirst(2) }
        for suffix in ["（本级）", "(本级)", "本级", "部门", "单位"] where s.hasSuffix(suffix) && s.count > suffix.count + 2 {
            s.removeLast(suffix.count)
        }
        return NameMatch.key(s)
    }
}
