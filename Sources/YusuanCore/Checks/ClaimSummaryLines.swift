/// A line of 收支总体's expense side the prose names ("单位预留机动经费 196.72 万元", "支出预算总计
/// 20849.45 万元"): the one line of that bare name, read for certain.
enum ClaimSummaryLines {
    static func resolve(_ f: NarrativeFact, in tables: ProseTables) -> FactFigure? {
        // 财政拨款 and 一般公共预算 speak of their own tables, whose lines may share the name.
        let scope = f.sentence + f.context
        guard f.topic == .other, !scope.contains("财政拨款"), !scope.contains("一般公共预算"), let t = tables.std.summary,
            t.uncertain == nil
        else { return nil }
        let bare = ClaimAmounts.incomeKey(f.subject, side: "支出")
        guard bare.count >= 2 else { return nil }
        let keys = tables.summaryKeys
        let hits = t.rows.indices.filter { keys[$0] == bare }.map { t.rows[$0] }
        // A blank line read for certain states the 0 the prose may give.
        guard hits.count == 1, let row = hits.first, row.certain(0),
            row.value(0) != nil || f.amount?.hundredths == 0
        else { return nil }
        return FactFigure(
            table: t, value: row.value(0), what: ClaimAmounts.stripOutline(row.name), column: t.columns.first,
            row: row.name)
    }
}
