/// Prose amounts that name a whole table's total or one of its printed group lines: the year's
/// income and expense totals ("本年收入预算合计", "本年支出预算合计"), the 政府性基金 expense (a stated 0
/// agrees with an empty table), and 政府采购's total and its 货物 / 工程 / 服务 lines.
enum ClaimTableLines {
    static func resolve(_ f: NarrativeFact, in d: Disclosure, _ std: StandardTables) -> FactFigure? {
        guard let amount = f.amount else { return nil }
        var s = CJK.compact(f.subject)
        s = CJK.fromFirstHan(s)
        if f.topic == .procurement { return procurement(s, amount, d.table(.procurement)) }
        guard f.topic == .income || f.topic == .other else { return nil }
        if let figure = grandTotal(s, std) { return figure }
        if f.topic == .other { return govFund(s, amount, d.table(.govFundExpense)) }
        return nil
    }

    /// "本年收入预算合计", "XX 厅本年支出预算合计": the whole year's income or expense, not one source's.
    static func grandTotal(_ s: String, _ std: StandardTables) -> FactFigure? {
        for (side, ends) in [("收入", ["收入预算合计", "收入预算总计", "收入合计", "收入总计"]), ("支出", ["支出预算合计", "支出预算总计", "支出合计", "支出总计"])]
        {
            guard let end = ends.first(where: { s.hasSuffix($0) }) else { continue }
            let rest = String(s.dropLast(end.count))
            guard rest.isEmpty || ["本年", "本部门", "本单位"].contains(where: rest.hasSuffix) else { return nil }
            let table = side == "收入" ? std.income : std.expense
            guard let t = table, t.uncertain == nil, !carriesOver(t), let total = t.totalRow, let v = total.value(0),
                total.certain(0)
            else { return nil }
            return FactFigure(table: t, value: v, what: s, column: t.columns.first, row: total.name)
        }
        return nil
    }

    /// A table whose total holds money carried over (上年结转, 结余, 结转下年 not zero): its total is
    /// not the year's own income or expense, which the prose may mean, so it is not compared.
    static func carriesOver(_ t: Table) -> Bool {
        func carry(_ name: String) -> Bool { name.contains("结转") || name.contains("结余") }
        let total = t.totalRow
        if t.columns.indices.contains(where: { carry(t.columns[$0]) && (total?.value($0)?.hundredths ?? 0) != 0 }) {
            return true
        }
        return t.rows.contains { carry($0.name) && ($0.value(0)?.hundredths ?? 0) != 0 }
    }

    /// "政府性基金支出预算支出 0 万元": the 政府性基金 table's total; an empty table states 0.
    static func govFund(_ s: String, _ amount: Amount, _ table: Table?) -> FactFigure? {
        guard s.contains("政府性基金"), s.contains("支出"), !s.contains("收入"), let t = table, t.uncertain == nil else {
            return nil
        }
        if let total = t.totalRow, let v = total.value(0), total.certain(0) {
            return FactFigure(table: t, value: v, what: s, column: t.columns.first, row: total.name)
        }
        // A blank table is no evidence of a figure the prose gives; it does agree with a 0.
        guard t.isEmpty, amount.hundredths == 0 else { return nil }
        return FactFigure(table: t, value: nil, what: s)
    }

    static let purchaseKinds = ["货物", "工程", "服务"]

    /// 政府采购's total, or its 货物 / 工程 / 服务 line ("一、货物A"). A kind the table prints no line
    /// for agrees with a stated 0 when the lines it prints add up to its total.
    static func procurement(_ s: String, _ amount: Amount, _ table: Table?) -> FactFigure? {
        guard let t = table, t.uncertain == nil, let total = t.totalRow, let sum = total.value(0), total.certain(0)
        else { return nil }
        let named = purchaseKinds.filter { s.contains($0) }
        if s.contains("中小") || s.contains("小微") || named.count > 1 { return nil }
        guard let kind = named.first else {
            guard s.contains("总") || s.contains("合计") else { return nil }
            return FactFigure(table: t, value: sum, what: s, column: t.columns.first, row: total.name)
        }
        let lines = purchaseKinds.map { k in t.rows.first { kindLine($0, k) } }
        if let row = lines[purchaseKinds.firstIndex(of: kind) ?? 0] {
            guard let v = row.value(0), row.certain(0) else { return nil }
            return FactFigure(table: t, value: v, what: s, column: t.columns.first, row: row.name)
        }
        let printed = lines.compactMap { $0?.value(0) }
        guard amount.hundredths == 0, !printed.isEmpty, Tolerance.sum(printed).sameValue(sum) else { return nil }
        return FactFigure(table: t, value: nil, what: s)
    }

    /// "一、货物A", "货物类", "工程": a line naming one kind of purchase and nothing else.
    static func kindLine(_ row: Row, _ kind: String) -> Bool {
        let name = ClaimAmounts.stripOutline(row.name)
        return !row.isTotal && name.hasPrefix(kind) && name.count <= kind.count + 2
    }
}
