/// The indicator rows of a sheet read from a PDF (`PDFSheetGrid`): cells put in the columns of
/// the header's labels, and each 一级/二级 label, printed once for the rows of its merged cell,
/// put on the first of them.
enum PDFSheetLevels {
    typealias Cell = PDFSheetGrid.Cell

    static func indicatorRows(header: [Cell], body: [Cell]) -> [String] {
        let bounds = boundaries(header, body)
        func column(_ c: Cell) -> Int { bounds.firstIndex { c.centerX < $0 } ?? header.count - 1 }
        // The level columns: 一级指标's and 二级指标's, where the header has it.
        let levels = (header.firstIndex { CJK.compact($0.text).hasPrefix("二级") } ?? 0) + 1
        var labels: [[Cell]] = Array(repeating: [], count: levels)
        var content: [Cell] = []
        for c in body {
            let k = column(c)
            if k < levels, IndicatorVocabulary.isLevelWord(c.text) { labels[k].append(c) } else { content.append(c) }
        }
        let rows = PDFSheetGrid.rowsOf(content)
        // Centred where the labels say so and their blocks, so read, cover the rows; else each
        // label heads the rows down to the next.
        var placed = place(labels, rows, centred: false).rows
        if isCentred(labels, rows) {
            let centred = place(labels, rows, centred: true)
            if centred.covers { placed = centred.rows }
        }
        return rows.indices.map { r in
            var cells = Array(repeating: "", count: header.count)
            for k in 0..<levels { cells[k] = placed[r][k] }
            var shifted: [Int: String] = [:]  // a level word left of the name in its column
            let row = rows[r].sorted { $0.x0 < $1.x0 }
            for (i, c) in row.enumerated() {
                let k = column(c)
                if IndicatorVocabulary.isLevelWord(c.text), row[(i + 1)...].contains(where: { column($0) == k }) {
                    shifted[k, default: ""] += c.text
                } else {
                    cells[k] += c.text
                }
            }
            // Set as a cell of its own before the name's, as the text has it.
            for k in shifted.keys.sorted(by: >) { cells.insert(shifted[k]!, at: k) }
            return cells.joined(separator: "\t")
        }
    }

    /// Each row's labels, one a level column, on the first row of their blocks; `covers` when
    /// every 一级 label, centred, has its block and the blocks go down to the last row.
    static func place(_ labels: [[Cell]], _ rows: [[Cell]], centred: Bool) -> (rows: [[String]], covers: Bool) {
        var placed = rows.map { _ in Array(repeating: "", count: labels.count) }
        guard !rows.isEmpty else { return (placed, false) }
        var covers = true
        var blocks: [ClosedRange<Int>] = []  // the 一级 labels' rows, which hold the 二级 labels'
        for k in labels.indices {
            var next = 0
            for (i, label) in labels[k].enumerated() {
                var r = rowAt(label, rows)...rowAt(label, rows)
                if centred {
                    // Of the blocks that fit, the first after which the next label's fits too.
                    func fits(_ label: Cell, after next: Int, _ i: Int) -> [ClosedRange<Int>] {
                        let from = start(label, rows, after: next, within: blocks)
                        return self.blocks(of: label, rows, from: from, last: k == 0 && i == labels[k].count - 1)
                    }
                    let found = fits(label, after: next, i)
                    let nextFits = { (b: ClosedRange<Int>) in
                        i + 1 == labels[k].count || !fits(labels[k][i + 1], after: b.upperBound + 1, i + 1).isEmpty
                    }
                    if let b = found.first(where: nextFits) ?? found.first {
                        r = b
                    } else if k == 0 {
                        covers = false
                    }
                }
                placed[r.lowerBound][k] += label.text
                next = r.upperBound + 1
                if k == 0 { blocks.append(r) }
            }
        }
        return (placed, covers && blocks.last?.upperBound == rows.count - 1)
    }

    /// Between each two header labels, the middle of a stretch no body cell crosses (the padding
    /// between two columns): the leftmost nearly as wide as the widest (a label centred over
    /// columns merged for it stands right of its first column's padding), else the middle
    /// between the labels.
    static func boundaries(_ header: [Cell], _ body: [Cell]) -> [Double] {
        zip(header, header.dropFirst()).map { left, right in
            // Between the two labels: a label stands inside its column.
            let (a, b) = (left.x1, right.x0)
            guard a < b else { return (left.centerX + right.centerX) / 2 }
            let spans = body.map { (max(a, $0.x0), min(b, $0.x1)) }.filter { $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
            var gaps: [(width: Double, at: Double)] = []
            var reached = a
            for (x0, x1) in spans {
                if x0 > reached { gaps.append((x0 - reached, (x0 + reached) / 2)) }
                reached = max(reached, x1)
            }
            if b > reached { gaps.append((b - reached, (b + reached) / 2)) }
            let widest = gaps.map(\.width).max() ?? 0
            return gaps.first { $0.width >= 0.6 * widest && $0.width > 0 }?.at ?? (a + b) / 2
        }
    }

    static func top(_ row: [Cell]) -> Double { row.map(\.y0).min() ?? 0 }
    static func bottom(_ row: [Cell]) -> Double { row.map(\.y1).max() ?? 0 }

    /// Whether labels stand centred in their merged cells: the first 一级 label below the first
    /// row, or two labels on no row's first line (one may be a row set apart from the grid).
    static func isCentred(_ labels: [[Cell]], _ rows: [[Cell]]) -> Bool {
        guard let first = rows.first else { return false }
        if let label = labels.first?.first, label.page == first.first?.page, label.y0 > bottom(first) {
            return true
        }
        return labels.joined().filter { label in
            !rows.contains { $0.first?.page == label.page && abs(top($0) - label.y0) <= 0.3 * label.height }
        }.count >= 2
    }

    /// The row a label stands on: the last on its page whose top is above the label's middle.
    static func rowAt(_ label: Cell, _ rows: [[Cell]]) -> Int {
        rows.lastIndex { ($0.first?.page ?? 0, top($0)) <= (label.page, label.centerY) } ?? 0
    }

    /// Where a centred label's block may start: after the block before it, and within the 一级
    /// label's block that holds its row.
    static func start(_ label: Cell, _ rows: [[Cell]], after next: Int, within blocks: [ClosedRange<Int>]) -> Int {
        let row = rowAt(label, rows)
        let outer = blocks.first { $0.contains(row) }?.lowerBound ?? 0
        return max(next, outer)
    }

    /// The blocks of rows from `s` whose middle, from the first's top to the last's bottom, is
    /// the label's middle within half a line, the one that fits best for each first row, by
    /// first row. Where row `s` starts a page or the label stands on a later one, the block
    /// before it may have gone on over the page break: the label's may start lower on its page.
    /// The last label's ends at the last row.
    static func blocks(of label: Cell, _ rows: [[Cell]], from s: Int, last: Bool = false) -> [ClosedRange<Int>] {
        guard s < rows.count else { return [] }
        let onPage = rows.indices.filter { $0 >= s && rows[$0].first?.page == label.page }
        // Row s at the top of the label's page: the block above may go on down to the label's.
        let pageTop = s == 0 || rows[s - 1].first?.page != rows[s].first?.page
        let starts = rows[s].first?.page == label.page && !pageTop ? [s] : onPage
        return starts.compactMap { a in
            let fits = onPage.filter { $0 >= a && (!last || $0 == rows.count - 1) }.map {
                (e: $0, error: abs((top(rows[a]) + bottom(rows[$0])) / 2 - label.centerY))
            }.filter { $0.error <= 0.5 * label.height }
            return fits.min { $0.error < $1.error }.map { a...$0.e }
        }
    }
}
