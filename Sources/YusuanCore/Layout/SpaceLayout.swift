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
        if lines.contains(where: { CJK.anyByte($0) { $0 == 9 } }) { return false }
        return lines.lazy.filter { twoGaps($0) && cells($0).count >= 3 }.prefix(20).count >= 20
    }

    /// Two runs of two or more spaces with text between them, by bytes: three cells need two
    /// gaps, and a gap of space Characters is a run of space bytes, so a line without is no row.
    static func twoGaps(_ line: String) -> Bool {
        var gaps = 0
        var run = 0
        // A gap ends at a byte other than a space: the test counts it there.
        return CJK.anyByte(line) { b in
            if b == 32 {
                run += 1
                return false
            }
            if run >= 2 { gaps += 1 }
            run = 0
            return gaps == 2
        }
    }

    static func convert(_ lines: [String], pageStarts: Set<Int> = []) -> [String] {
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
            let pages = (i + 1...max(i + 1, end)).filter { pageStarts.contains($0) && $0 <= end }
            let tabbed = tabbed(Array(lines[i...end]), cells: Array(split[i...end]), pageBreaks: pages.map { $0 - i })
            for (k, line) in zip(i...end, tabbed) { out[k] = line }
            i = end + 1
        }
        return out
    }

    /// Where a block's columns lie: for each character position, its column.
    struct Grid {
        var columnOf: [Int]
        var spans: [ClosedRange<Int>]

        /// Columns come from the lines with many cells: a merged cell (a goal spanning the sheet,
        /// a header over five columns) would join columns together. Such a cell goes to the
        /// column at or after its start.
        init(_ rows: [[Cell]]) {
            let richest = rows.map(\.count).max() ?? 0
            let width = rows.flatMap { $0.map(\.end) }.max() ?? 0
            var covered = Array(repeating: false, count: width + 1)
            for row in rows where row.count * 2 >= richest {
                for c in row { for x in c.start..<c.end { covered[x] = true } }
            }
            var runs: [ClosedRange<Int>] = []
            for x in 0...width where covered[x] {
                if let last = runs.last, last.upperBound == x - 1 {
                    runs[runs.count - 1] = last.lowerBound...x
                } else {
                    runs.append(x...x)
                }
            }
            // Runs one character apart that no line has cells in both of are one column whose
            // cells sit a character apart ("09" over " 0"): a line's own cells are two apart.
            var merged: [ClosedRange<Int>] = []
            for run in runs {
                if let last = merged.last, run.lowerBound - last.upperBound == 2,
                    !rows.contains(where: { row in
                        row.contains { last.contains($0.start) } && row.contains { run.contains($0.start) }
                    })
                {
                    merged[merged.count - 1] = last.lowerBound...run.upperBound
                } else {
                    merged.append(run)
                }
            }
            spans = merged
            // A position between columns belongs to the column after it.
            columnOf = Array(repeating: 0, count: width + 1)
            var column = 0
            for x in 0...width {
                while column < spans.count, spans[column].upperBound < x { column += 1 }
                columnOf[x] = column
            }
        }

        /// This page's column k → the reference page's column it overlaps most (nearest if none):
        /// pdftotext lays out each page on its own grid, a few characters apart.
        func mapped(onto reference: Grid) -> [Int] {
            spans.map { span in
                let overlaps = reference.spans.indices.map { r -> Int in
                    let s = reference.spans[r]
                    return max(0, min(span.upperBound, s.upperBound) - max(span.lowerBound, s.lowerBound) + 1)
                }
                if let best = overlaps.max(), best > 0 { return overlaps.firstIndex(of: best)! }
                let centre = span.lowerBound + span.upperBound
                return reference.spans.indices.min { a, b in
                    abs(reference.spans[a].lowerBound + reference.spans[a].upperBound - centre)
                        < abs(reference.spans[b].lowerBound + reference.spans[b].upperBound - centre)
                } ?? 0
            }
        }
    }

    /// One block's lines as tab-separated cells on shared columns. A block that runs over page
    /// breaks takes each page's columns from that page, then puts them on one set of columns.
    static func tabbed(_ block: [String], cells rows: [[Cell]]? = nil, pageBreaks: [Int] = []) -> [String] {
        let rows = rows ?? block.map(cells)
        let bounds = [0] + pageBreaks + [rows.count]
        let pages = zip(bounds, bounds.dropFirst()).filter { $0 < $1 }.map { $0..<$1 }
        let grids = pages.map { Grid(Array(rows[$0])) }
        // The page with the most columns (then rows) is the reference; a page with as many
        // columns has the same ones, a page with fewer is mapped onto it by position.
        let filled = pages.map { rows[$0].filter { !$0.isEmpty }.count }
        let reference =
            pages.indices.max { a, b in
                (grids[a].spans.count, filled[a]) < (grids[b].spans.count, filled[b])
            } ?? 0
        var out = block
        for (p, range) in pages.enumerated() {
            let grid = grids[p]
            let same = grid.spans.count == grids[reference].spans.count
            let map = same ? Array(grid.spans.indices) : grid.mapped(onto: grids[reference])
            let count = max(grids[reference].spans.count, (map.max() ?? -1) + 1, grid.columnOf.last.map { $0 + 1 } ?? 0)
            for k in range {
                let row = rows[k]
                guard !row.isEmpty else { continue }
                var fields = Array(repeating: "", count: max(count, 1))
                for c in row {
                    let own = grid.columnOf[c.start]
                    // Past its page's last column: past the reference's last column too.
                    let column = own < map.count ? map[own] : grids[reference].spans.count + own - map.count
                    if column >= fields.count { fields += Array(repeating: "", count: column - fields.count + 1) }
                    fields[column] = fields[column].isEmpty ? c.text : fields[column] + " " + c.text
                }
                while fields.count > 1, fields.last == "" { fields.removeLast() }
                out[k] = fields.joined(separator: "\t")
            }
        }
        return out
    }

    static func startsTable(_ text: String) -> Bool {
        let c = CJK.compact(text)
        let line = SourceText.Line(number: 0, text: text)
        return c.hasPrefix("编制") || c.hasPrefix("单位：") || c.hasPrefix("单位:") || TableSegmenter.label(of: text) != nil
            || TableSegmenter.title(of: line) != nil || PerformanceSheetReader.isTitle(line)
    }

    /// Cells split by two or more spaces, with their character positions.
    static func cells(_ line: String) -> [Cell] {
        // Where every scalar is a Character of its own, positions count scalars, without walking
        // grapheme clusters; a space Character is then the space scalar.
        if CJK.scalarsAreCharacters(line) {
            return cells(line, at: line.unicodeScalars.indices) { line.unicodeScalars[$0] == " " }
        }
        return cells(line, at: line.indices) { line[$0] == " " }
    }

    /// A cell's text is the line from its first character to its last: the spaces inside it
    /// are single ones.
    private static func cells<Positions: Sequence<String.Index>>(
        _ line: String, at positions: Positions, isSpace: (String.Index) -> Bool
    ) -> [Cell] {
        var out: [Cell] = []
        var start: (x: Int, at: String.Index)?
        var last = line.startIndex  // the last character that is no space
        var spaces = 0
        var x = 0
        for i in positions {
            if isSpace(i) {
                spaces += 1
            } else {
                if let s = start, spaces >= 2 {
                    out.append(Cell(start: s.x, end: x - spaces, text: String(line[s.at...last])))
                    start = nil
                }
                if start == nil { start = (x, i) }
                last = i
                spaces = 0
            }
            x += 1
        }
        if let s = start { out.append(Cell(start: s.x, end: x - spaces, text: String(line[s.at...last]))) }
        return out
    }
}
