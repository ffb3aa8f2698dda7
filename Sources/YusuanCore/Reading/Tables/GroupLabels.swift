/// A list of sources whose first column names groups of rows, each label centred over its group
/// in a cell merged down it, and whose groups each open with a 小计 row (收入预算总表:
/// "一般公共预算资金" over 小计 / 公共财政拨款(补助)资金 / 专项收入). The grid gives the label
/// to whichever row it stood beside; read as printed, it names its group's 小计, and the item
/// it stood beside keeps its own name.
enum GroupLabels {
    /// The grid with each group's label moved onto its 小计 row's name cell (column 1), and the
    /// label column emptied; unchanged where the first two columns are not labels over items with
    /// 小计 rows.
    static func ontoSubtotals(_ grid: [[String]], firstData: Int) -> [[String]] {
        guard firstData < grid.count else { return grid }
        func text(_ r: Int, _ c: Int) -> String { c < grid[r].count ? CJK.compact(grid[r][c]) : "" }
        let data = Array(firstData..<grid.count)
        let subtotals = data.filter { text($0, 1) == "小计" }
        let labelled = data.filter { !text($0, 0).isEmpty }
        // Labels stand on fewer rows than items, and no label is an amount.
        guard subtotals.count >= 2, !labelled.isEmpty, labelled.count < data.filter({ !text($0, 1).isEmpty }).count,
            !labelled.contains(where: { TabTableParser.amount(grid[$0][0]) != nil })
        else { return grid }
        var out = grid
        for (k, start) in subtotals.enumerated() {
            let end = k + 1 < subtotals.count ? subtotals[k + 1] : grid.count
            // A line of text alone after the table (one cell) is no label.
            let label = (start..<end).filter { grid[$0].count > 1 }.map { text($0, 0) }.joined()
            for r in start..<end where r < out.count && !out[r].isEmpty { out[r][0] = "" }
            if !label.isEmpty { out[start][1] = label + "小计" }
        }
        // A label before the first group (a row of its own) keeps its row.
        return out
    }
}
