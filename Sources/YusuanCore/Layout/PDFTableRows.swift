/// A table's data lines gathered into rows (`PDFTableGrid.rows`): a cell's wrapped lines and the
/// cells centred beside them join their row; rows stand apart.
extension PDFTableGrid {
    /// A line of text alone: no amount, no code.
    static func isNameOnly(_ line: PDFLine) -> Bool {
        !line.hasAmount && !line.words.contains { PDFLine.isCode($0.text) } && !line.words.isEmpty
    }

    /// Data lines gathered into rows. Where the gaps between lines fall in two groups, narrow
    /// ones (a cell's wrapped lines) and wide ones (between rows), a narrow gap joins its lines
    /// into one row; a line overlapping the one above always does.
    static func bands(_ data: [PDFLine]) -> [[PDFLine]] {
        var gaps: [Double] = []
        for (a, b) in zip(data, data.dropFirst()) where a.page == b.page { gaps.append(b.y0 - a.y1) }
        gaps.sort()
        let h = data.map(\.height).sorted().dropFirst(data.count / 2).first ?? 10
        var threshold = -Double.infinity
        var widest = 0.0
        for (k, (low, high)) in zip(gaps, gaps.dropFirst()).enumerated()
        where low < 0.8 * h && high >= 1.6 * low && high - low >= 0.3 * h && high - low > widest {
            // Text set line under line, paragraphs a blank line apart, is no table of wrapped
            // cells: there the narrow gaps are most, and the wide ones a whole line.
            if (k + 1) * 10 > gaps.count * 6, high >= 1.2 * h { continue }
            widest = high - low
            threshold = min((low + high) / 2, 0.9 * h)
        }
        var out: [[PDFLine]] = []
        var nameGoesOn = false
        let spans = PDFRowSpans.joins(data)
        let rowPitch = PDFRowSpans.rowPitch(data)
        let linePitch = PDFLayout.linePitch(data[...]) ?? 0
        for (i, line) in data.enumerated() {
            if spans.joins[i], !out.isEmpty {
                out[out.count - 1].append(line)
                continue
            }
            if let last = out.last?.last, !spans.firsts.contains(i),
                PDFRowSpans.continuesAcrossPages(line, after: last, data: data)
            {
                out[out.count - 1].append(line)
                continue
            }
            if nameGoesOn {
                out[out.count - 1].append(line)
                nameGoesOn = false
                continue
            }
            // A code set midway down a name of three lines, the lines evenly spaced: the line above
            // and the line below are its name's, though rows stand as close.
            if i > 0, i + 1 < data.count, line.startsWithCode, let band = out.last, band.count == 1,
                band[0] == data[i - 1], isNameOnly(data[i - 1]), isNameOnly(data[i + 1]),
                data[i - 1].page == line.page, data[i + 1].page == line.page,
                abs((data[i - 1].centerY + data[i + 1].centerY) / 2 - line.centerY) < 0.2 * line.height,
                data[i - 1].x0 > line.x0 + line.height
            {
                out[out.count - 1].append(line)
                nameGoesOn = true
                continue
            }
            if let last = out.last?.last, last.page == line.page {
                let gap = line.y0 - last.y1
                // Two amounts one above the other are two rows, however close.
                let amounts = out[out.count - 1].flatMap(\.words).filter { Amount.isPrinted($0.text) }
                let stacked = line.words.contains { w in
                    Amount.isPrinted(w.text) && amounts.contains { min($0.x1, w.x1) - max($0.x0, w.x0) > 0 }
                }
                // A line reaching into the row above, with words only where that row has none:
                // cells of one row centred a little differently.
                let beside =
                    gap < 0
                    && !line.words.contains { w in
                        out[out.count - 1].flatMap(\.words).contains { min($0.x1, w.x1) - max($0.x0, w.x0) > 0 }
                    }
                // Text over text in one column a row's pitch apart: two rows (a group's label
                // centred between them sits close to both).
                let rowsApart =
                    rowPitch.map { p in
                        out[out.count - 1].contains { above in
                            line.centerY - above.centerY >= p - 0.3
                                && line.words.contains { w in
                                    above.words.contains { min($0.x1, w.x1) - max($0.x0, w.x0) > 0 }
                                }
                        }
                    } ?? false
                // Text under text in one column that starts an item ("其中：…", "2.…") starts a row.
                let item =
                    CJK.compact(line.text).hasPrefix("其中") || PDFParagraphs.startsItem(CJK.compact(line.text))
                let newItem =
                    item
                    && line.words.contains { w in
                        out[out.count - 1].flatMap(\.words).contains {
                            !Amount.isPrinted($0.text) && min($0.x1, w.x1) - max($0.x0, w.x0) > 0
                        }
                    }
                if !stacked, !rowsApart, !newItem, !PDFRowSpans.startsRow(line, after: last, data: data),
                    gap < -0.3 * min(line.height, last.height) || gap < threshold || beside
                        || (!spans.firsts.contains(i)
                            && PDFRowSpans.continuesName(line, after: last, data: data, pitch: linePitch))
                {
                    out[out.count - 1].append(line)
                    continue
                }
            }
            out.append([line])
        }
        return out
    }
}
