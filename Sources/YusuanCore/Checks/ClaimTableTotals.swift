/// An amount the prose gives under a table's own name ("财政拨款基本支出预算 9964.07 万元" beside the
/// table 财政拨款基本支出预算表): that table's total, when one table bears the name.
enum ClaimTableTotals {
    static func resolve(_ f: NarrativeFact, in d: Disclosure) -> FactFigure? {
        // Only after the topic's own figure was not found (a 基本支出 with no 基本支出 column).
        guard [.other, .expenseBasic, .expenseProject].contains(f.topic) else { return nil }
        var s = CJK.compact(f.subject)
        while let c = s.unicodeScalars.first, !CJK.isHan(c) { s.removeFirst() }
        guard s.count >= 6 else { return nil }
        let key = NameMatch.key(s) + "表"
        // A table of two sides (收支总表) has no one total in its first column.
        let hits = d.tables.filter { t in
            t.kind != .incomeExpenseSummary && t.kind != .fiscalSummary && t.uncertain == nil
                && NameMatch.key(TableSegmenter.unqualified(CJK.compact(t.title))).hasSuffix(key)
        }
        guard hits.count == 1, let t = hits.first, let total = t.totalRow, let v = total.value(0), total.certain(0)
        else { return nil }
        return FactFigure(table: t, value: v, what: s, column: t.columns.first, row: total.name)
    }
}
