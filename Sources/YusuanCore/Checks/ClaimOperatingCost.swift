/// 机关运行经费 the prose states, against the table that prints it: the 机关运行经费 table's total
/// where there is one, else the 基本支出 table's 公用经费 (`prose.operating_cost`).
enum ClaimOperatingCost {
    static func check(
        _ f: NarrativeFact, _ amount: Amount, _ std: StandardTables, _ d: Disclosure, _ sink: inout FindingSink
    ) {
        // Only a number the sentence names as the running cost: its items ("其中：办公费 …") are
        // in the same section but are no total.
        guard f.subject.contains("运行经费") else { return }
        if let (t, total) = operatingTotal(d) {
            guard let v = total.value(0) else { return }
            _ = ClaimAmounts.compare(f, amount, t, v, "机关运行经费", &sink, column: t.columns.first, row: total.name)
        } else if let b = std.basic, let c = b.columnEnding(["公用经费"]), let v = b.totalRow?.value(c) {
            if Tolerance.compare(v, amount) == .mismatch {
                sink.add(
                    Finding(
                        rule: Rules.operatingCost,
                        message: "情况说明的机关运行经费 \(amount) 与\(b.number ?? "")基本支出表公用经费 \(v) 不一致",
                        table: b, column: b.columns[c], expected: v, actual: amount, line: f.line))
            }
        } else {
            sink.cannot("机关运行经费 \(amount) 万元：\(uncheckedReason(std))")
        }
    }

    /// The 机关运行经费 table's total line, read for certain.
    static func operatingTotal(_ d: Disclosure) -> (Table, Row)? {
        guard let t = d.table(.operatingExpense), t.uncertain == nil, let total = t.totalRow, total.certain(0) else {
            return nil
        }
        return (t, total)
    }

    /// Why a 机关运行经费 figure has nothing to be compared with: said as the document stands.
    static func uncheckedReason(_ std: StandardTables) -> String {
        std.basic == nil ? "基本支出表未印出，无法与公用经费核对" : "基本支出表未分列公用经费，也未印出机关运行经费表，无从核对"
    }
}
