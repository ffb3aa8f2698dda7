/// An amount the prose gives under a table's own name ("财政拨款基本支出预算 9964.07 万元" beside the
/// table 财政拨款基本支出预算表): that table's total, when one table bears the name.
enum ClaimTableTotals {
    static func resolve(_ f: NarrativeFact, in d: Disclosure) -> FactFigure? {
        // Only after the topic's own figure was not found (a 基本支出 with no 基本支出 column).
        guard [.other, .expenseBasic, .expenseProject].contains(f.topic) else { return nil }
        var s = CJK.compact(f.subject)
        s = CJK.fromFirstHan(s)
        guard s.count >= 6 else { return nil }
        let key = NameMatch.key(s) + "表"
        // "财政拨款预算支出" names the table 财政拨款支出预算表 in the other order.
        let swapped = key.hasSuffix("预算支出表") ? String(key.dropLast(5)) + "支出预算表" : key
        // A table of two sides (收支总表) has no one total in its first column.
        var hits = d.tables.filter { t in
            let title = NameMatch.key(TableSegmenter.unqualified(CJK.compact(t.title)))
            return t.kind != .incomeExpenseSummary && t.kind != .fiscalSummary && t.uncertain == nil
                && (title.hasSuffix(key) || title.hasSuffix(swapped))
        }
        // "…政府性基金预算财政拨款支出预算表" ends with the name too: the table named by it alone has
        // only the unit, the year or its number before it.
        if hits.count > 1 { hits = hits.filter { namedAlone($0.title, key.count, d.unit) } }
        guard hits.count == 1, let t = hits.first, let total = t.totalRow, let v = total.value(0), total.certain(0)
        else { return nil }
        return FactFigure(table: t, value: v, what: s, column: t.columns.first, row: total.name)
    }

    /// Whether what stands before a title's last `length` characters is only its number, year or unit.
    static func namedAlone(_ title: String, _ length: Int, _ unit: String) -> Bool {
        let key = NameMatch.key(TableSegmenter.unqualified(CJK.compact(title)))
        let before = String(key.dropLast(length))
        guard let last = before.last else { return true }
        return last.isNumber || last == "、" || ["年度", "年", "部门", "单位"].contains(where: before.hasSuffix)
            || (!unit.isEmpty && before.hasSuffix(NameMatch.key(unit)))
    }
}
