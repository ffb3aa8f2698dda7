/// A 绩效目标表 read from a PDF page as a spreadsheet prints it: text wrapped inside cells, a
/// head of labels and values in merged cells, an indicators' header (一级指标 二级指标 三级指标
/// 指标值 …) and under it rows whose 一级/二级 labels stand once for a block of rows, on its first
/// row or centred in it. The result is the sheet's rows as tab-separated cells, each label on
/// the first row of its block, as the text samples have them.
enum PDFSheetGrid {
    /// A cell: the segments of consecutive lines that overlap across and stand closer than rows
    /// do (a text wrapped inside its cell).
    struct Cell {
        var lines: [[PDFWord]]
        var x0: Double, x1: Double, y0: Double, y1: Double
        let height: Double
        let page: Int

        init(_ words: [PDFWord], page: Int) {
            self.page = page
            lines = [words]
            x0 = words.map(\.x0).min() ?? 0
            x1 = words.map(\.x1).max() ?? 0
            y0 = words.map(\.y0).min() ?? 0
            y1 = words.map(\.y1).max() ?? 0
            height = words.map(\.height).max() ?? 0
        }

        var text: String { CJK.joinWrapped(lines.map(PDFLine.join).joined()) }
        var centerX: Double { (x0 + x1) / 2 }
        var centerY: Double { (y0 + y1) / 2 }

        mutating func append(_ words: [PDFWord]) {
            lines.append(words)
            x0 = min(x0, words.map(\.x0).min() ?? x0)
            x1 = max(x1, words.map(\.x1).max() ?? x1)
            y1 = max(y1, words.map(\.y1).max() ?? y1)
        }
    }

    static func rows(_ lines: [PDFLine]) -> [String] {
        let cells = self.cells(lines)
        let rows = rowsOf(cells)
        guard let h = rows.firstIndex(where: { $0.contains { CJK.compact($0.text).hasPrefix("一级指标") } }) else {
            return rows.map(line)
        }
        let header = rows[h].sorted { $0.x0 < $1.x0 }
        let body = rows[(h + 1)...].flatMap { $0 }
        return rows[..<h].map(line) + [header.map(\.text).joined(separator: "\t")]
            + PDFSheetLevels.indicatorRows(header: header, body: body)
    }

    /// A row's cells left to right, tab-separated.
    static func line(_ row: [Cell]) -> String {
        row.sorted { $0.x0 < $1.x0 }.map(\.text).joined(separator: "\t")
    }

    /// The sheet's cells: each line cut where its words stand a cell's padding apart, a piece
    /// that lies under the last line of a cell above it, near and overlapping across, added to it.
    static func cells(_ lines: [PDFLine]) -> [Cell] {
        let within = wrapGap(lines)
        var out: [Cell] = []
        for line in lines {
            var taken: Set<Int> = []  // a line adds one piece to a cell at most
            for segment in pieces(line) {
                let piece = Cell(segment, page: line.page)
                // A label centred beside a wrapped cell may stand on a line between two of its lines.
                let above = out.indices.reversed().prefix(40).first { k in
                    let c = out[k]
                    return !taken.contains(k) && c.page == piece.page && piece.y0 > c.y0
                        && piece.y0 - c.y1 < within * max(c.height, piece.height)
                        && min(c.x1, piece.x1) > max(c.x0, piece.x0)
                }
                if let k = above {
                    out[k].append(segment)
                    taken.insert(k)
                } else {
                    out.append(piece)
                    taken.insert(out.count - 1)
                }
            }
        }
        return out
    }

    /// How near, in line heights, a line must stand under a cell's last to be its next: nearer
    /// than rows, where the gaps under pieces of lines in one column fall in groups. Lines that
    /// touch (a text wrapped at its font's pitch) are a cell's, and any gap clearly wider is a
    /// row's padding (a bordered form: single rows a little apart, tall rows more); else the
    /// widest jump between a cell's lines and rows; none where nothing tells what wraps (a row a
    /// line). Gaps over a line high (a blank line) are no padding.
    static func wrapGap(_ lines: [PDFLine]) -> Double {
        var gaps: [Double] = []
        var above: [(piece: Cell, line: Int)] = []
        for (n, line) in lines.enumerated() {
            let pieces = self.pieces(line).map { Cell($0, page: line.page) }
            for p in pieces {
                // The nearest piece above in the same column, on an earlier line of the page.
                let up = above.last { a in
                    a.line < n && a.piece.page == p.page && min(a.piece.x1, p.x1) > max(a.piece.x0, p.x0)
                }
                if let up { gaps.append((p.y0 - up.piece.y1) / max(1, min(up.piece.height, p.height))) }
            }
            above += pieces.map { ($0, n) }
            if above.count > 80 { above.removeFirst(above.count - 80) }
        }
        let touching = gaps.filter { abs($0) <= 0.1 }
        let apart = gaps.filter { $0 > 0.1 && $0 <= 1.2 }.sorted()
        if let wrap = touching.max(), let row = apart.first, row - wrap >= 0.15 { return (wrap + row) / 2 }
        let sorted = gaps.filter { $0 > 0 && $0 <= 1.2 }.sorted()
        let jump = zip(sorted, sorted.dropFirst()).max { $0.1 - $0.0 < $1.1 - $1.0 }
        guard let (below, over) = jump, over - below >= 0.3 else { return 0 }
        return (below + over) / 2
    }

    /// A line's runs of words a cell's padding apart, and apart where a label ending in a colon
    /// follows an amount ("0.00 本级配套:", cells bordered close together: no label ends a cell's
    /// amount).
    static func pieces(_ line: PDFLine) -> [[PDFWord]] {
        line.segments(gap: PDFLayout.cellGap(line)).flatMap { run -> [[PDFWord]] in
            var out: [[PDFWord]] = []
            for w in run {
                if let p = out.last?.last, Amount.isPrinted(p.text), w.text.hasSuffix(":") || w.text.hasSuffix("：") {
                    out.append([w])
                } else if out.isEmpty {
                    out.append([w])
                } else {
                    out[out.count - 1].append(w)
                }
            }
            return out
        }
    }

    /// Cells in rows: those whose heights overlap (a one-line cell beside a wrapped one) are one
    /// row, top to bottom.
    static func rowsOf(_ cells: [Cell]) -> [[Cell]] {
        var rows: [[Cell]] = []
        var bottom = -Double.infinity
        var page = -1
        for c in cells.sorted(by: { ($0.page, $0.y0) < ($1.page, $1.y0) }) {
            if !rows.isEmpty, c.page == page, c.y0 < bottom - 0.2 * c.height {
                rows[rows.count - 1].append(c)
                bottom = max(bottom, c.y1)
            } else {
                rows.append([c])
                (bottom, page) = (c.y1, c.page)
            }
        }
        return rows
    }
}
