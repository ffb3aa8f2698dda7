/// Summaries that print the year's lines apart from what is carried over (a 决算's 收入支出决算总表:
/// 本年收入合计, then 使用非财政拨款结余 and 年初结转和结余, then 总计). Sums are related only where
/// the lines say what they are: a line of another kind in between leaves the sum unchecked.
extension TableArithmetic {
    /// 本年收入合计 / 本年支出合计 = the numbered items (一、…) or 类 above it, on its side.
    static func yearLines(_ ti: Int, sub: Int, side: [Int], what: String, _ sink: inout FindingSink) {
        let t = sink.disclosure.tables[ti]
        let above = side.filter { $0 < sub && !t.rows[$0].isTotal && !t.rows[$0].isSubtotal }
        let lines = above.filter { numbered(t.rows[$0]) || t.rows[$0].code != nil }
        // A line neither numbered nor coded (a "其中" aside) may be part of another: say nothing.
        guard !above.contains(where: { !lines.contains($0) && !isAside(t.rows[$0]) && t.rows[$0].value(0) != nil })
        else { return }
        sink.relate(
            Rules.summaryColumn, total: TableCell(table: ti, row: sub, column: 0),
            parts: lines.map {
                TableCell(table: ti, row: $0, column: 0)
            }
        ) { e, sum in
            "\(t.number ?? "")\(t.rows[sub].name) \(e?.description ?? "空")，\(what)之和为 \(sum)"
        }
    }

    /// Below a side's 本年合计: its 总计 = that 合计 + the carry-overs after it (使用非财政拨款结余, 年初
    /// 结转和结余, 结余分配 …); numbered lines under one of those ("一、一般公共预算财政拨款" under
    /// 年初财政拨款结转和结余) are its parts.
    static func yearAndCarryOver(_ ti: Int, sub: Int, total: Int?, side: [Int], _ sink: inout FindingSink) {
        let t = sink.disclosure.tables[ti]
        func first(_ row: Int) -> TableCell { TableCell(table: ti, row: row, column: 0) }
        let after = side.filter { $0 > sub && $0 < (total ?? Int.max) && !t.rows[$0].isTotal }
        let heads = after.filter { !numbered(t.rows[$0]) && !isAside(t.rows[$0]) }
        for (k, head) in heads.enumerated() {
            let end = k + 1 < heads.count ? heads[k + 1] : Int.max
            let parts = after.filter { $0 > head && $0 < end && numbered(t.rows[$0]) }
            guard !parts.isEmpty else { continue }
            sink.relate(Rules.summaryColumn, total: first(head), parts: parts.map(first)) { e, sum in
                "\(t.number ?? "")\(t.rows[head].name) \(e?.description ?? "空")，其下各项之和为 \(sum)"
            }
        }
        // Only lines that name a carry-over are known to add to the 总计.
        let carried = ["结转", "结余", "弥补", "分配"]
        guard let total, heads.allSatisfy({ h in carried.contains { t.rows[h].name.contains($0) } }) else { return }
        sink.relate(Rules.summaryColumn, total: first(total), parts: ([sub] + heads).map(first)) { e, sum in
            "\(t.number ?? "")\(t.rows[total].name) \(e?.description ?? "空")，\(t.rows[sub].name)与其后各项之和为 \(sum)"
        }
    }

    /// "一、…", "十二、…": an item numbered in Chinese.
    static func numbered(_ row: Row) -> Bool {
        let c = CJK.compact(row.name)
        let number = c.prefix { "一二三四五六七八九十".contains($0) }
        return !number.isEmpty && c.dropFirst(number.count).first == "、"
    }

    /// "其中：…": a part of the line above, set aside.
    static func isAside(_ row: Row) -> Bool { CJK.compact(row.name).hasPrefix("其中") }
}
