/// 机关运行经费 against the 基本支出 table's 公用经费 (`prose.operating_cost`).
enum ClaimOperatingCost {
    static func check(_ f: NarrativeFact, _ amount: Amount, _ std: StandardTables, _ sink: inout FindingSink) {
        if let b = std.basic, let c = b.columnEnding(["公用经费"]), let v = b.totalRow?.value(c) {
            if Tolerance.compare(v, amount) == .mismatch {
                sink.add(
                    Finding(
                        rule: Rules.operatingCost,
                        message: "情况说明的机关运行经费 \(amount) 与\(b.number ?? "")基本支出表公用经费 \(v) 不一致",
                        table: b, column: b.columns[c], expected: v, actual: amount, line: f.line))
            }
        } else if f.subject.contains("机关运行经费") {
            sink.cannot("机关运行经费 \(amount) 万元：基本支出表未印出，无法与公用经费核对")
        }
    }
}
