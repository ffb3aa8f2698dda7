/// 决算 against 年初预算: the figures against the table's two columns, the 完成率 against their
/// ratio, the word (大于/小于/等于) against their order, and the reason where they differ.
/// One finding per claim, the first fault in that order: a wrong figure breaks the rest.
enum ClaimBudgetVsFinal {
    struct Target {
        var table: Table
        var row: Row
        var budget: Amount?
        var budgetColumn: String?
        var final: Amount?
    }

    static func run(_ sink: inout FindingSink, _ claims: [Claim]) {
        for c in claims where c.kind == .budgetVsFinal && c.unchecked == nil { check(c, &sink) }
    }

    /// The table row a claim speaks of: a 功能分类 code or the total of 一般公共预算支出, or the 三公 total.
    static func target(_ c: Claim, _ d: Disclosure) -> Target? {
        let std = StandardTables(d)
        let s = CJK.compact(c.subject)
        var table: Table?, row: Row?
        if let code = c.code, let t = std.gpb {
            table = t; row = t.codeRow(code)
        } else if s.contains("三公"), let t = std.threePublic {
            table = t; row = t.totalRow
        } else if s.hasPrefix("一般公共预算财政拨款"), !s.contains("基本"), !s.contains("项目"), let t = std.gpb {
            table = t; row = t.totalRow
        }
        guard let table, let row else { return nil }
        let budgetColumn = table.columns.indices.first { i in
            let label = CJK.compact(table.columns[i])
            return label.contains("预算") && !label.contains("决算") && !label.contains("一般公共预算")
        }
        return Target(
            table: table, row: row, budget: budgetColumn.flatMap(row.value),
            budgetColumn: budgetColumn.map { table.columns[$0] }, final: row.value(0))
    }

    static func check(_ c: Claim, _ sink: inout FindingSink) {
        let t = target(c, sink.disclosure)
        let quote = "情况说明“\(short(c.sentence))”"
        let where_ = t.map { "\($0.table.number ?? "")\($0.table.kind.shortName)表" } ?? ""
        if let a = c.figure("年初预算"), let tb = t?.budget, let t, Tolerance.compare(tb, a) == .mismatch {
            sink.add(
                Finding(
                    rule: Rules.proseAmount, message: "\(quote)称年初预算 \(a) 万元，\(where_)\(t.budgetColumn ?? "")为 \(tb)",
                    table: t.table, code: c.code, row: c.code == nil ? t.row.name : nil, column: t.budgetColumn,
                    expected: tb, actual: a, line: c.line))
            return
        }
        if let b = c.figure("决算"), let tf = t?.final, let t, Tolerance.compare(tf, b) == .mismatch {
            sink.add(
                Finding(
                    rule: Rules.proseAmount, message: "\(quote)称决算 \(b) 万元，\(where_)决算数为 \(tf)",
                    table: t.table, code: c.code, row: c.code == nil ? t.row.name : nil, column: t.table.columns.first,
                    expected: tf, actual: b, line: c.line))
            return
        }
        let budget = c.figure("年初预算") ?? t?.budget
        let final = c.figure("决算") ?? t?.final
        // A figure taken from the table makes it evidence: ReadingDoubt weighs findings by their table.
        let borrowed = c.figure("年初预算") == nil || c.figure("决算") == nil ? t?.table : nil
        if let p = c.figure("完成率"), let a = budget, let b = final, a.hundredths > 0 {
            let computed = Double(b.hundredths) / Double(a.hundredths) * 100
            // The stated figures are rounded to 0.01 万元: allow for it, and for the rate's own rounding.
            let slack = 100 * 0.5 / Double(a.hundredths) * (1 + computed / 100)
            let tolerance = (p.decimals >= 2 ? 0.0051 : (p.decimals == 1 ? 0.051 : 0.51)) + slack
            if abs(computed - Double(p.hundredths) / 100) > tolerance {
                sink.add(
                    Finding(
                        rule: Rules.proseCompletion,
                        message: "\(quote)称完成预算的 \(p)%，决算 \(b) ÷ 预算 \(a) = \(String(format: "%.2f", computed))%",
                        table: borrowed, expected: Amount(approximately: computed), actual: p, line: c.line))
                return
            }
        }
        if let word = c.words.first(where: BudgetVsFinalReader.comparisons.contains) {
            var order: Int?
            if let a = budget, let b = final { order = b.hundredths == a.hundredths ? 0 : (b > a ? 1 : -1) }
            if order == nil, let p = c.figure("完成率") {
                order = p.hundredths == 10000 ? 0 : (p.hundredths > 10000 ? 1 : -1)
            }
            let says = ["大于": 1, "高于": 1, "小于": -1, "低于": -1, "等于": 0, "持平": 0][word] ?? 0
            if let order, order != says {
                let truth = order == 0 ? "等于" : (order > 0 ? "大于" : "小于")
                let numbers =
                    budget.flatMap { a in final.map { "决算 \($0) 万元、预算 \(a) 万元" } }
                    ?? "完成率 \(c.figure("完成率") ?? Amount(hundredths: 0))%"
                sink.add(
                    Finding(
                        rule: Rules.proseFinalVsBudget,
                        message: "\(quote)称决算数“\(word)”预算数，而\(numbers)，应为“\(truth)”", table: borrowed,
                        line: c.line))
                return
            }
        }
        if let a = c.figure("年初预算"), let b = c.figure("决算"), Tolerance.compare(a, b) == .mismatch,
            !c.words.contains("原因")
        {
            sink.add(
                Finding(
                    rule: Rules.proseReason, message: "\(quote)决算 \(b) 万元与年初预算 \(a) 万元不同，未说明主要原因", line: c.line))
        }
    }

    /// A sentence cut for a message.
    static func short(_ s: String) -> String { s.count <= 40 ? s : String(s.prefix(38)) + "…" }
}
