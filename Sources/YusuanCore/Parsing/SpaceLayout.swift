/// Text laid out with runs of spaces instead of tabs (pdftotext -layout, some copy tools): each
/// table block is turned back into tab-separated cells, so one set of readers serves both.
///
/// Within a block, a cell is text between runs of two or more spaces; the block's columns are
/// the character positions some cell covers, and each cell goes to the column where it starts.
/// Empty cells come back as empty fields, as the tab layout prints them.
enum SpaceLayout {
    struct Cell { var start: Int; var end: Int; var text: String }

    /// True when the text has no tabs and enough lines of space-separated cells to be tables.
    static func applies(_ lines: [String]) -> Bool {
        if lines.contains(where: { $0.contains("\t") }) { return false }
        return lines.lazy.filter { cells($0).count >= 3 }.prefix(20).count >= 20
    }

    static func convert(_ lines: [String]) -> [String] {
        let split = lines.map(cells)
        var out = lines
        var i = 0
        while i < lines.count {
            guard split[i].count >= 2 else { i += 1; continue }
            // A block: lines with cells, and indented single cells among them (a row whose other
            // cells are empty), with at most two other lines between them; the next table's
            // label, title or 编制单位/单位 line ends it.
            var end = i
            var j = i + 1
            var gap = 0
            while j < lines.count, gap <= 2 {
                let row = split[j]
                if row.count >= 2 || (row.count == 1 && row[0].start >= 2) {
                    end = j
                    gap = 0
                } else if let only = row.first {
                    if startsTable(only.text) { break }
                    gap += 1
                }
                j += 1
            }
            for (k, line) in zip(i...end, tabbed(Array(lines[i...end]), cells: Array(split[i...end]))) { out[k] = line }
            i = end + 1
        }
        return out
    }

    /// One block's lines as tab-separated cells on shared columns. Columns come from the lines
    /// with many cells: a merged cell (a goal spanning the sheet, a header over five columns)
    /// would join columns together. Such a cell goes to the column at or after its start.
    static func tabbed(_ block: [String], cells rows: [[Cell]]? = nil) -> [String] {
        let rows = rows ?? block.map(cells)
        let richest = rows.map(\.count).max() ?? 0
        let width = rows.flatMap { $0.map(\.end) }.max() ?? 0
        var covered = Array(repeating: false, count: width + 1)
        for row in rows where row.count * 2 >= richest { for c in row { for x in c.start..<c.end { covered[x] = true } } }
        var columnOf = Array(repeating: 0, count: width + 1)
        var column = -1
        for x in 0...width {
            if covered[x], x == 0 || !covered[x - 1] { column += 1 }
            columnOf[x] = covered[x] ? column : column + 1
        }
        let count = max(column + 1, (columnOf.max() ?? 0) + 1)
        return zip(block, rows).map { line, row in
            guard !row.isEmpty else { return line }
            var fields = Array(repeating: "", count: count)
            for c in row {
                let k = columnOf[c.start]
                fields[k] = fields[k].isEmpty ? c.text : fields[k] + " " + c.text
            }
            while fields.count > 1, fields.last == "" { fields.removeLast() }
            return fields.joined(separator: "\t")
        }
    }

    static func startsTable(_ text: String) -> Bool {
        let c = CJK.compact(text)
        let line = SourceText.Line(number: 0, text: text)
        return c.hasPrefix("编制") || c.hasPrefix("单位：") || c.hasPrefix("单位:") || TableSegmenter.label(of: text) != nil
            || TableSegmenter.title(of: line) != nil || PerformanceSheetReader.isTitle(line)
    }

    /// Cells split by two or more spaces, with their character positions.
    static func cells(_ line: String) -> [Cell] {
        var out: [Cell] = []
        var start: Int?
        var text = ""
        var spaces = 0
        var x = 0
        for ch in line {
            if ch == " " {
                spaces += 1
            } else {
                if start != nil, spaces >= 2 {
                    out.append(Cell(start: start!, end: x - spaces, text: text))
                    start = nil
                    text = ""
                }
                if start == nil { start = x } else if spaces == 1 { text.append(" ") }
                text.append(ch)
                spaces = 0
            }
            x += 1
        }
        if let s = start { out.append(Cell(start: s, end: x - spaces, text: text)) }
        return out
    }
}
