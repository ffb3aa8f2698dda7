/// Sums over named items rather than codes: a summary's income outline and the 三公 table.
extension TableArithmetic {
    /// The income side's outline: "一、本年收入" = its "1." … lines, "1.一般公共预算拨款" = its
    /// "其中：" lines, 收入总计 = the "一、" lines. 财政拨款收支总体's 财政拨款 = its three budgets.
    static func incomeSide(_ ti: Int, _ income: [Int], _ total: Int?, _ sink: inout FindingSink) {
        let t = sink.disclosure.tables[ti]
        func first(_ row: Int) -> TableCell { TableCell(table: ti, row: row, column: 0) }
        func level(_ row: Int) -> Int {
            let c = CJK.compact(t.rows[row].name)
            if let f = c.first, "一二三四五".contains(f), c.dropFirst().first == "、" { return 1 }
            if let f = c.first, f.isNumber, c.dropFirst().first == "." || c.dropFirst().first == "、" { return 2 }
            return 3
        }
        let items = income.filter { !t.rows[$0].isTotal && !t.rows[$0].isSubtotal }
        // 财政拨款收支总体's first line sums the budgets below it, unless it is numbered as their
        // sibling ("一、一般公共预算" beside "二、政府性基金预算").
        let firstSums =
            t.kind == .fiscalSummary
            && !(items.first.map(level) == 1 && items.dropFirst().contains { level($0) == 1 })
        for (i, parent) in items.enumerated() where level(parent) < 3 || (firstSums && i == 0) {
            let own = firstSums && i == 0 ? 0 : level(parent)
            var kids: [Int] = []
            for next in items[(i + 1)...] {
                let l = level(next)
                if own == 0 {
                    if CJK.compact(t.rows[next].name).hasSuffix("预算") { kids.append(next); continue } else { break }
                }
                if l <= own { break }
                if l == own + 1 || (own == 2 && l == 3) { kids.append(next) }
            }
            guard !kids.isEmpty else { continue }
            sink.relate(Rules.summaryColumn, total: first(parent), parts: kids.map(first)) { value, sum in
                "\(t.number ?? "")收入项“\(t.rows[parent].name)”为 \(value?.description ?? "空")，其下各项之和为 \(sum)"
            }
        }
        let tops = items.filter { level($0) == 1 }
        // Only an outline numbered all the way down (一、 › 1. › 其中) says what the total is made of.
        if let total, !tops.isEmpty, items.contains(where: { level($0) == 2 }) {
            sink.relate(Rules.summaryColumn, total: first(total), parts: tops.map(first)) { value, sum in
                "\(t.number ?? "")收入总计 \(value?.description ?? "空")，各收入大项之和为 \(sum)"
            }
        }
    }

    /// 三公: total = 因公出国 + 公务接待 + 公务用车购置及运行 (or, where no line sums the vehicles,
    /// 购置 + 运行); 公务用车购置及运行 = 购置 + 运行.
    static func threePublic(_ ti: Int, _ sink: inout FindingSink) {
        let t = sink.disclosure.tables[ti]
        let lines = ThreePublicLines(t)
        guard let total = t.totalRowIndex else { return }
        func cells(_ rows: [Int?], _ c: Int) -> [TableCell] {
            rows.compactMap { $0.map { TableCell(table: ti, row: $0, column: c) } }
        }
        // A table that prints 会议费 and 培训费 beside the 三公 items totals them all: its 合计 is
        // the sum of the items that are no subtotal (购置 and 运行 in place of their sum).
        if lines.totalHoldsOthers {
            let leaves = t.rows.indices.filter { r in
                let row = t.rows[r]
                return !row.isTotal && !row.isSubtotal
                    && !(r == lines.vehicles && (lines.purchase != nil || lines.running != nil))
            }
            for c in t.columns.indices {
                sink.relate(Rules.itemSum, total: cells([total], c)[0], parts: cells(leaves, c)) { value, sum in
                    "\(t.number ?? "")“三公”经费、会议费、培训费合计 \(value?.description ?? "空")，各项之和为 \(sum)"
                }
            }
        }
        // The 三公's own total: the 合计, or its 小计 where 会议费 and 培训费 stand beside it.
        let threeTotal = lines.totalHoldsOthers ? lines.subtotal : total
        for c in t.columns.indices {
            let vehicles = lines.vehicles.map { [$0] } ?? [lines.purchase, lines.running]
            if let three = threeTotal, vehicles.contains(where: { $0 != nil }) || lines.abroad != nil {
                sink.relate(
                    Rules.itemSum, total: cells([three], c)[0],
                    parts: cells([lines.abroad, lines.reception] + vehicles, c)
                ) { value, sum in
                    "\(t.number ?? "")\(three == total ? "“三公”经费合计" : t.rows[three].name) \(value?.description ?? "空")，各项之和为 \(sum)"
                }
            }
            if let v = lines.vehicles {
                sink.relate(Rules.itemSum, total: cells([v], c)[0], parts: cells([lines.purchase, lines.running], c)) {
                    value, sum in
                    "\(t.number ?? "")\(t.rows[v].name) \(value?.description ?? "空")，购置费与运行费之和为 \(sum)"
                }
            }
        }
    }
}
