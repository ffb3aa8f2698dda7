/// The 决算's 三公 table: the items across the header (合计, 因公出国（境）费, 公务用车购置及运行维护费
/// with its 小计 / 购置费 / 运行维护费, 公务接待费), each over the same few measures (预算数, 决算数),
/// and one line of amounts below, or none in a blank form. Read as the other 三公 layouts are:
/// one row an item, one column a measure.
enum PairedThreePublic {
    static func parse(_ lines: [SourceText.Line]) -> (columns: [String], rows: [Row])? {
        let grid = lines.map { $0.cells.map(CJK.compact) }
        let data = grid.firstIndex { row in
            let filled = row.filter { !$0.isEmpty }
            return !filled.isEmpty && filled.allSatisfy { Amount(parsing: $0) != nil }
        }
        // The measures: the header's last line, a few labels repeated in the same order.
        guard let m = (0..<(data ?? grid.count)).last(where: { cycle(grid[$0]) != nil }), let cycle = cycle(grid[m])
        else { return nil }
        // One line of amounts: a table of several (by source, by unit) is another layout.
        if let d = data, grid[(d + 1)...].contains(where: { $0.contains { Amount(parsing: $0) != nil } }) { return nil }
        let header = Array(grid[..<m])
        guard CJK.compact(header.map { $0.joined() }.joined()).contains("因公出国") else { return nil }
        let groups = stride(from: 0, to: grid[m].count, by: cycle.count).map { $0 }
        // Each group's item: the lowest label over its columns.
        let items: [(row: Int, column: Int, name: String)?] = groups.map { g in
            for r in header.indices.reversed() {
                if let c = (g..<(g + cycle.count)).first(where: { $0 < header[r].count && !header[r][$0].isEmpty }) {
                    return (r, c, header[r][c])
                }
            }
            return nil
        }
        let placed = Set(items.compactMap { $0.map { "\($0.row)|\($0.column)" } })
        var rows: [Row] = []
        let range = SourceRange(line: lines[data ?? m].number)
        for (k, g) in groups.enumerated() {
            guard let item = items[k] else { continue }
            var name = item.name
            // A 小计 takes the name of the caption over it: the nearest label above, over its group
            // or the two after it (a caption is centred over its parts) or left of them, that is no
            // other group's item.
            if name == "小计" {
                for r in header.indices[..<item.row].reversed() {
                    if let c = header[r].indices.last(where: {
                        $0 < g + 3 * cycle.count && !header[r][$0].isEmpty && !placed.contains("\(r)|\($0)")
                    }) {
                        name = header[r][c]
                        break
                    }
                }
            }
            let values = cycle.indices.map { i -> Amount? in
                guard let d = data, g + i < grid[d].count else { return nil }
                return Amount(parsing: grid[d][g + i])
            }
            rows.append(
                Row(
                    code: nil, name: name, isTotal: TabTableParser.isTotalName(name),
                    isSubtotal: item.name == "小计", values: values, lines: range))
        }
        return (cycle, rows)
    }

    /// Labels that repeat, in one order, across a whole line ("预算数 决算数 预算数 决算数 …"):
    /// one round of them, or nil.
    static func cycle(_ row: [String]) -> [String]? {
        guard row.count >= 4, row.allSatisfy({ !$0.isEmpty && Amount(parsing: $0) == nil }) else { return nil }
        for k in 2...3 where row.count % k == 0 && row.count / k >= 2 {
            let first = Array(row[..<k])
            if Set(first).count == k, row.indices.allSatisfy({ row[$0] == first[$0 % k] }) { return first }
        }
        return nil
    }
}
