/// Header labels wrapped over lines in their cells, joined back into one label a cell.
extension PDFTableGrid {
    /// A label wrapped in its cell comes back whole: a column's text joins the text right above it
    /// in that column (lines of other cells may stand between, centred otherwise) when the two
    /// stand close and centred alike, and are about as wide as each other (a group's label over
    /// one of its columns is much wider; a caption over a wider label much narrower).
    static func joinWrappedLabels(_ rows: inout [(line: PDFLine, cells: [[PDFWord]])]) {
        let leading = headerLeading(rows)
        for r in rows.indices.reversed() {
            for c in rows[r].cells.indices where !rows[r].cells[c].isEmpty {
                guard let u = rows[..<r].lastIndex(where: { !$0.cells[c].isEmpty }),
                    rows[u].line.page == rows[r].line.page
                else { continue }
                // The cell below may hold lines joined already: its first line is the one to match.
                let below = rows[r].cells[c]
                let top = below.map(\.y0).min() ?? 0
                let (a, b) = (box(rows[u].cells[c]), box(below.filter { $0.y0 < top + 0.4 * $0.height }))
                let (wa, wb) = (a.x1 - a.x0, b.x1 - b.x0)
                let shift = abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2)
                // A label's last line may be one or two characters ("公务用车购置" / "费"): far
                // narrower than its first, but centred under it to the point.
                let tail = CJK.compact(cellText(below)).count <= 2 && shift <= 2
                // Lines set at the header's own leading, however wide it is, are one label's;
                // such lines may sit a character off centre, the first the shorter ("基" / "本支出").
                let led = leading.map { abs(b.y0 - a.y0 - $0) <= 1 } ?? false
                guard b.y0 - a.y1 < 0.8 * b.height || led,
                    shift <= 0.12 * max(wa, 10) + 2 || (led && shift <= 1.2 * b.height),
                    wa >= (led ? 0.3 : 0.7) * wb, wa <= 6 * wb || tail
                else { continue }
                rows[u].cells[c] += rows[r].cells[c]
                rows[r].cells[c] = []
            }
        }
    }

    /// The distance from line to line inside a header's cells, where the page sets them 1.4
    /// lines apart or more (double spacing): the one pitch, to half a point, that three labels or
    /// more stand at above the next label in their column.
    static func headerLeading(_ rows: [(line: PDFLine, cells: [[PDFWord]])]) -> Double? {
        var counts: [Double: Int] = [:]
        for r in rows.indices {
            for c in rows[r].cells.indices where !rows[r].cells[c].isEmpty {
                guard let u = rows[..<r].lastIndex(where: { !$0.cells[c].isEmpty }),
                    rows[u].line.page == rows[r].line.page
                else { continue }
                let (a, b) = (box(rows[u].cells[c]), box(rows[r].cells[c]))
                guard b.y0 - a.y0 >= 1.4 * b.height else { continue }
                counts[((b.y0 - a.y0) * 2).rounded() / 2, default: 0] += 1
            }
        }
        guard let best = counts.max(by: { $0.value < $1.value }), best.value >= 3,
            counts.values.filter({ $0 == best.value }).count == 1
        else { return nil }
        return best.key
    }

    /// A label of two lines or more, centred in its cell as the one-line labels beside it are
    /// ("附属单位" / "上缴收入" about "其他收入"), goes on the row of the line it is centred on, not
    /// the row of its first line (there it would head the columns after it as a group).
    static func recentreLabels(_ rows: inout [(line: PDFLine, cells: [[PDFWord]])]) {
        for r in rows.indices {
            for c in rows[r].cells.indices where !rows[r].cells[c].isEmpty {
                let b = box(rows[r].cells[c])
                guard b.y1 - b.y0 > 1.5 * b.height else { continue }
                let centre = (b.y0 + b.y1) / 2
                guard
                    let t = rows.indices.filter({
                        $0 != r && rows[$0].line.page == rows[r].line.page && rows[$0].cells[c].isEmpty
                            && abs(rows[$0].line.centerY - centre) <= 0.3 * b.height
                    }).min(by: { abs(rows[$0].line.centerY - centre) < abs(rows[$1].line.centerY - centre) })
                else { continue }
                rows[t].cells[c] = rows[r].cells[c]
                rows[r].cells[c] = []
            }
        }
    }
}

extension PDFTableGrid {
    /// The first word of the labels a group's label heads: two labels or more side by side on the
    /// next header line that has labels under it, the group's label centred over them as a whole
    /// ("公务用车购置及运行费" over "合计", "购置费", "运行费"), and no other label of the group's
    /// line standing over them. Nil for a label of one column (a wrapped label's next line under
    /// it, or labels under its neighbours as well).
    static func firstLabelUnder(
        _ unit: [PDFWord], among line: [[PDFWord]], below: ArraySlice<[[PDFWord]]>
    ) -> PDFWord? {
        let b = box(unit)
        let centre = (b.x0 + b.x1) / 2
        func overlaps(_ u: [PDFWord]) -> Bool { min(box(u).x1, b.x1) - max(box(u).x0, b.x0) > 0 }
        guard let next = below.first(where: { $0.contains(where: overlaps) }) else { return nil }
        let labels = next.sorted { box($0).x0 < box($1).x0 }
        let others = line.filter { $0 != unit }.map { (box($0).x0 + box($0).x1) / 2 }
        var best: (count: Int, off: Double, first: PDFWord)?
        for a in labels.indices {
            for z in labels.indices where z > a {
                let s = box(Array(labels[a...z].joined()))
                let off = abs((s.x0 + s.x1) / 2 - centre)
                guard off <= max(b.height, 0.1 * (b.x1 - b.x0)), labels[a...z].contains(where: overlaps),
                    !others.contains(where: { $0 > s.x0 && $0 < s.x1 })
                else { continue }
                let count = z - a + 1
                if best.map({ count < $0.count || count == $0.count && off < $0.off }) ?? true {
                    best = (count, off, labels[a][0])
                }
            }
        }
        return best?.first
    }

    /// Labels side by side on one header line are labels of different columns: where several
    /// stand over one data column (a row of labels over columns left empty in every row), the one
    /// nearest its amounts keeps it and each other makes a column of its own. A label wrapped
    /// over the lines above and below one, the labels on it centred between its two lines, stands
    /// beside them as well ("一般公" / "共预算" about "政府性基金  国有资本经营预算").
    static func separateSideBySide(
        _ header: [PDFLine], dataCount: Int, columns: inout [Column], placed: inout [WordKey: Int]
    ) {
        for (k, line) in header.enumerated() {
            let around =
                k > 0 && k + 1 < header.count
                    && PDFRowSpans.span(above: header[k - 1], middle: line, below: header[k + 1], rowPitch: nil)
                        == .wrapped
                ? (header[k - 1].words, header[k + 1].words) : nil
            for c in 0..<dataCount {
                var runs = line.segments(gap: 0.6 * max(line.height, 6)).filter { run in
                    run.allSatisfy { placed[WordKey($0)] == c }
                }
                if let (above, below) = around {
                    let wrapped = (above.filter { placed[WordKey($0)] == c }, below.filter { placed[WordKey($0)] == c })
                    if !runs.isEmpty, !wrapped.0.isEmpty, !wrapped.1.isEmpty { runs.append(wrapped.0 + wrapped.1) }
                }
                // Letters spaced apart ("合    计") are one label.
                guard runs.count > 1, runs.allSatisfy({ CJK.compact(PDFLine.join($0)).count > 1 }) else { continue }
                let spans = runs.map { (x0: $0.map(\.x0).min()!, x1: $0.map(\.x1).max()!) }
                // A run over two data columns or more is a group's label: nothing to separate.
                if spans.contains(where: { s in
                    (0..<dataCount).filter { min(columns[$0].x1, s.x1) - max(columns[$0].x0, s.x0) > 0.5 }.count > 1
                }) {
                    continue
                }
                let centre = (columns[c].x0 + columns[c].x1) / 2
                let keep = spans.indices.min {
                    abs((spans[$0].x0 + spans[$0].x1) / 2 - centre) < abs((spans[$1].x0 + spans[$1].x1) / 2 - centre)
                }
                let order = (0..<dataCount).sorted { columns[$0].x0 < columns[$1].x0 }
                let here = Set(line.words.compactMap { placed[WordKey($0)] })
                for (k, run) in runs.enumerated() where k != keep {
                    let s = spans[k]
                    // The data column beside, on the side the label leans to, if this line names
                    // none; else a column where the label stands, shared by labels over it.
                    let p = order.firstIndex(of: c)!
                    let side = (s.x0 + s.x1) / 2 > centre ? p + 1 : p - 1
                    let beside = order.indices.contains(side) && !here.contains(order[side]) ? order[side] : nil
                    let target =
                        beside
                        ?? (dataCount..<columns.count).first {
                            min(columns[$0].x1, s.x1) - max(columns[$0].x0, s.x0) > 0
                        }
                        ?? {
                            columns.append(Column(x0: s.x0, x1: s.x1)); return columns.count - 1
                        }()
                    columns[target].x0 = min(columns[target].x0, s.x0)
                    columns[target].x1 = max(columns[target].x1, s.x1)
                    for w in run { placed[WordKey(w)] = target }
                }
            }
        }
    }
}
