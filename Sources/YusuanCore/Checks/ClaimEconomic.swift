/// An economic-class item the prose names ("基本工资 93.21 万元", "商品和服务支出（类）邮电费（款）支出
/// 70 万元") against the row of that name in the table its section speaks of: 机关运行经费 or 基本支出.
enum ClaimEconomic {
    static func resolve(_ f: NarrativeFact, in names: ClassNames) -> FactFigure? {
        // An item the 机关运行经费 section names ("其中：办公费 …") is topic .operatingCost too.
        let item = f.topic == .operatingCost && !f.subject.contains("运行经费")
        guard f.topic == .other || (f.topic == .classification && f.code == nil) || item else { return nil }
        // The section says which table: an item of 机关运行经费 is not the 基本支出 table's line of
        // the same name (a 公用经费 line holds more than the running cost).
        let kind: TableKind
        if f.context.contains("机关运行经费") {
            kind = .operatingExpense
        } else if (f.context + f.sentence).contains("基本支出") {
            kind = .gpbBasicExpense
        } else {
            return nil
        }
        let name = itemName(f.subject)
        guard name.count >= 2 else { return nil }
        let key = NameMatch.key(name)
        var hits: [(Table, Row)] = []
        for (t, byKey) in names.economicRows[kind] ?? [] {
            let rows = byKey[key] ?? []
            // Two lines of one name in a table: which one is meant is not known.
            guard rows.count <= 1 else { return nil }
            if let r = rows.first { hits.append((t, r)) }
        }
        // Two tables of the kind (财政拨款 and 一般公共预算 基本支出) that differ: not known which.
        guard let (t, row) = hits.first, row.certain(0), t.uncertain == nil,
            hits.allSatisfy({ $0.1.value(0) == row.value(0) && $0.1.certain(0) })
        else { return nil }
        return FactFigure(
            table: t, value: row.value(0), what: name, column: t.columns.first, code: row.code, row: row.name)
    }

    /// "）邮电费（款）支出" → "邮电费"; "1）离休费" → "离休费"; "工资福利支出（类）基本工资（款）" → "基本工资".
    static func itemName(_ subject: String) -> String {
        var s = CJK.compact(subject)
        if let r = s.range(of: "（类）", options: .backwards) { s = String(s[r.upperBound...]) }
        // The numbering and brackets left of the name.
        s = CJK.fromFirstHan(s)
        for suffix in ["（款）支出", "（款）"] where s.hasSuffix(suffix) {
            s.removeLast(suffix.count)
            break
        }
        return s
    }
}
