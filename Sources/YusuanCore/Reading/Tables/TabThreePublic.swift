/// The 三公 table printed across: its items' names over one line of amounts.
extension TabTableParser {
    /// The one-row 三公 layout: item names across the header, amounts in one line below.
    static func horizontalThreePublic(_ lines: [SourceText.Line]) -> (columns: [String], rows: [Row])? {
        let grid = lines.map(\.cells)
        guard
            let dataIndex = grid.firstIndex(where: { row in
                let filled = row.filter { !$0.isEmpty }
                return !filled.isEmpty && filled.allSatisfy { amount($0) != nil }
            }), dataIndex > 0
        else { return nil }
        // A caption that came as a line of its own lost the columns it spans: it names none.
        let header = grid[0..<dataIndex].enumerated().filter { lines[$0.offset].hasTabs }.map(\.element)
        guard CJK.compact(grid[0..<dataIndex].map { $0.joined() }.joined()).contains("因公出国") else { return nil }
        let data = grid[dataIndex]
        let labels = ColumnLayout.flatten(header: header, from: 0, count: data.count)
        let captions = grid[0..<dataIndex].enumerated().filter { !lines[$0.offset].hasTabs }
            .map { CJK.compact($0.element.joined()) }
        let range = SourceRange(line: lines[dataIndex].number)
        var rows: [Row] = []
        for (i, label) in labels.enumerated() where !label.isEmpty {
            let name = label.split(separator: "/").last.map(String.init) ?? label
            let group = label.contains("/") ? String(label.split(separator: "/")[0]) : nil
            let isTotal = isTotalName(name) && group == nil
            var display = (isTotalName(name) && group != nil) ? group! : name
            let isSubtotal = CJK.compact(display) == "小计"
            if isSubtotal, let next = labels[(i + 1)...].first(where: { !$0.isEmpty }) {
                display = ThreePublicItem.subtotalName(before: next, captions: captions)
            }
            rows.append(
                Row(
                    code: nil, name: display, isTotal: isTotal, isSubtotal: isSubtotal,
                    values: [i < data.count ? amount(data[i]) : nil], lines: range))
        }
        return (["合计"], rows)
    }
}

enum ThreePublicItem {
    static func isItem(_ name: String) -> Bool {
        let c = CJK.compact(name)
        return c.contains("因公出国") || c.contains("公务接待") || c.contains("公务用车")
    }

    /// A 小计 whose group's caption stands on a line of its own (which columns it spans is lost),
    /// named for its group by the item after it: 公务用车购置费 follows the vehicles' 小计, another
    /// 三公 item the 三公's. The caption as printed where one is, else the template's.
    static func subtotalName(before next: String, captions: [String]) -> String {
        let c = CJK.compact(next)
        let vehicles = c.contains("公务用车")
        guard vehicles || isItem(c) else { return "小计" }
        let key = vehicles ? "公务用车" : "三公"
        let caption =
            captions.first { $0.contains(key) && $0.count <= 16 } ?? (vehicles ? "公务用车购置及运行维护费" : "“三公”经费")
        return caption + "小计"
    }
}
