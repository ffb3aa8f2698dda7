/// A table's lines on the page → rows of cells, the grid the tab layout gives.
///
/// Columns come from where the amounts and names stand in the data rows (the first row with an
/// amount or a code, and every row after it): words whose spans overlap share a column, so a
/// right-aligned amount column and a left-aligned name column each make one run of x. Header
/// words then join the column under them; a header word over no data (a column left empty in
/// every row) makes a column of its own where it stands. Rows come from baselines: a line
/// closer to the one above than rows are to each other (a wrapped cell, an amount centred
/// beside a two-line name) belongs to that row.
enum PDFTableGrid {
    struct Column {
        var x0: Double
        var x1: Double
        var amounts = 0
        var words = 0
        /// Words of digits alone (amounts printed as integers, or codes), and how far their left
        /// and right edges spread: integers set flush right are amounts, codes flush left are not.
        var integers = 0
        var leftSpread = 0.0
        var rightSpread = 0.0
        var rightAligned: Bool {
            if amounts * 2 > words { return true }
            return integers * 2 > words && integers >= 3 && rightSpread + 1 < leftSpread
        }
    }

    /// The index of the first line that carries data, if any.
    static func dataStart(_ lines: [PDFLine]) -> Int? {
        lines.firstIndex { $0.hasFigures || $0.startsWithCode }
    }

    static func rows(_ lines: [PDFLine]) -> [[String]] {
        guard let found = dataStart(lines) ?? blankStart(lines) else { return lines.map { [$0.text] } }
        // A header is a few lines; more before the first amount are rows of text (a performance
        // sheet's indicators), read as rows.
        var start = found <= 8 ? found : 0
        // The first row's name may wrap above the line of its amounts, centred beside it.
        if start > 0, start + 1 < lines.count,
            PDFRowSpans.span(
                above: lines[start - 1], middle: lines[start], below: lines[start + 1],
                rowPitch: PDFRowSpans.rowPitch(Array(lines[start...]))) == .wrapped
        {
            start -= 1
        }
        let header = Array(lines[..<start]), data = Array(lines[start...])
        let rowBands = bands(data)
        var columns = joiningFlushLeftWholes(dataColumns(data), rows: rowBands)
        // A blank form: no amount, and no column of whole numbers set flush right.
        let blank = !columns.contains { $0.amounts > 0 || $0.rightAligned }
        let headerColumn = placeHeader(header, columns: &columns, blank: blank)
        let order = columns.indices.sorted { columns[$0].x0 < columns[$1].x0 }
        var position = Array(repeating: 0, count: columns.count)
        for (p, c) in order.enumerated() { position[c] = p }
        func column(of w: PDFWord) -> Int { position[nearestColumn(w, columns)] }

        var out: [[String]] = []
        // Header: one row per line, then the labels wrapped in their cells joined back.
        var headerRows: [(line: PDFLine, cells: [[PDFWord]])] = header.map { line in
            var cells = Array(repeating: [PDFWord](), count: columns.count)
            for w in line.words { if let c = headerColumn[WordKey(w)] { cells[position[c]].append(w) } }
            return (line, cells)
        }
        joinWrappedLabels(&headerRows)
        recentreLabels(&headerRows)
        for row in headerRows where row.cells.contains(where: { !$0.isEmpty }) {
            out.append(row.cells.map(cellText))
        }
        for band in rowBands {
            var cells = Array(repeating: [PDFWord](), count: columns.count)
            for line in band {
                // A row the page break cut: its words on the next page read after those above.
                let below = Double(line.page - band[0].page) * 1e5
                for w in line.words {
                    cells[column(of: w)].append(
                        PDFWord(text: w.text, x0: w.x0, y0: w.y0 + below, x1: w.x1, y1: w.y1 + below))
                }
            }
            out.append(cells.map(cellText))
        }
        return out
    }

    /// The box around some words.
    static func box(_ words: [PDFWord]) -> (x0: Double, x1: Double, y0: Double, y1: Double, height: Double) {
        (
            words.map(\.x0).min() ?? 0, words.map(\.x1).max() ?? 0, words.map(\.y0).min() ?? 0,
            words.map(\.y1).max() ?? 0, words.map(\.height).max() ?? 0
        )
    }

    /// A cell's words, line by line, joined as one text.
    static func cellText(_ words: [PDFWord]) -> String {
        guard words.count > 1 else { return words.first?.text ?? "" }
        let sorted = words.sorted {
            abs($0.centerY - $1.centerY) > 0.4 * $0.height ? $0.centerY < $1.centerY : $0.x0 < $1.x0
        }
        var out = ""
        for (i, w) in sorted.enumerated() {
            if i > 0 {
                let p = sorted[i - 1]
                let sameLine = abs(w.centerY - p.centerY) <= 0.4 * w.height
                if sameLine
                    ? w.x0 - p.x1 > 0.2 * w.height
                    : (p.text.last?.isASCII == true && w.text.first?.isASCII == true && p.text.last?.isNumber == false)
                {
                    out += " "
                }
            }
            out += w.text
        }
        return out
    }

    /// Runs of x covered by the data rows' words. Labels centred across merged cells (合计,
    /// 当年支出小计, 结转下年资金) and text spread over several cells would bridge the columns they
    /// pass over: they take their column after, the nearest.
    static func dataColumns(_ data: [PDFLine]) -> [Column] {
        let all = data.flatMap(phrases)
        let span = (all.map(\.x1).max() ?? 0) - (all.map(\.x0).min() ?? 0)
        let narrow = all.filter { $0.width <= 0.4 * span }
        let labels = narrow.filter { isSpanningLabel($0.text) && !Amount.isPrinted($0.text) }
        let others = narrow.filter { !isSpanningLabel($0.text) || Amount.isPrinted($0.text) }
        guard !others.isEmpty else { return runs(all) }
        // A label inside one column's run belongs to it; one between runs or across two is centred.
        let base = runs(others)
        let inside = labels.filter { w in base.filter { min($0.x1, w.x1) - max($0.x0, w.x0) > 0 }.count == 1 }
        return runs(others + inside)
    }

    /// A line's words of text, those a space apart made one (a project's name "…225 号--2026 年…"):
    /// its cell is one column, though no other row's text bridges the spaces. Only words of two
    /// characters or more, CJK among them, are joined: a code or an amount beside a name (which the
    /// converter may have run together) and letters spaced apart ("本 年 支 出 小 计") stay as
    /// they are.
    static func phrases(_ line: PDFLine) -> [PDFWord] {
        var out: [PDFWord] = []
        func loose(_ w: PDFWord) -> Bool { w.text.count >= 2 && w.text.unicodeScalars.contains { !$0.isASCII } }
        for w in line.words.sorted(by: { $0.x0 < $1.x0 }) {
            if let p = out.last, loose(p), loose(w), w.x0 >= p.x1, w.x0 - p.x1 < 0.35 * max(p.height, w.height),
                abs(w.centerY - p.centerY) < 0.4 * p.height
            {
                out[out.count - 1] = PDFWord(
                    text: p.text + " " + w.text, x0: p.x0, y0: min(p.y0, w.y0), x1: w.x1, y1: max(p.y1, w.y1))
                continue
            }
            out.append(w)
        }
        return out
    }

    /// The labels summaries centre across merged cells: totals, subtotals, carry-overs.
    static func isSpanningLabel(_ text: String) -> Bool {
        let c = CJK.compact(text)
        // The three suffixes end in 计, one scalar: a text whose bytes do not end so has none of them.
        let total =
            c.utf8.reversed().starts(with: "计".utf8.reversed())
            && (c.hasSuffix("合计") || c.hasSuffix("总计") || c.hasSuffix("小计"))
        return total || c.contains("结转") || c.contains("结余")
    }

    static func runs(_ words: [PDFWord]) -> [Column] {
        var columns: [Column] = []
        var members: [[PDFWord]] = []
        for w in words.sorted(by: { $0.x0 < $1.x0 }) {
            let amount = Amount.isPrinted(w.text) ? 1 : 0
            let integer = !w.text.isEmpty && w.text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } ? 1 : 0
            if var last = columns.last, w.x0 <= last.x1 + 1 {
                last.x1 = max(last.x1, w.x1)
                last.amounts += amount
                last.integers += integer
                last.words += 1
                columns[columns.count - 1] = last
                members[members.count - 1].append(w)
            } else {
                columns.append(Column(x0: w.x0, x1: w.x1, amounts: amount, words: 1, integers: integer))
                members.append([w])
            }
        }
        for (i, m) in members.enumerated() {
            let (x0s, x1s) = (m.map(\.x0), m.map(\.x1))
            columns[i].leftSpread = (x0s.max() ?? 0) - (x0s.min() ?? 0)
            columns[i].rightSpread = (x1s.max() ?? 0) - (x1s.min() ?? 0)
        }
        return columns
    }

    struct WordKey: Hashable {
        var x: Double, y: Double, text: String
        init(_ w: PDFWord) { x = w.x0; y = w.y0; text = w.text }
    }

    /// Each header word's column: the leftmost data column under it (a group label spans its
    /// columns from the first), else the column whose cell the gap it stands in belongs to (a
    /// name column's cell runs right of its left-aligned names, an amount column's left of its
    /// right-aligned amounts), else a new column for a label over no data at all.
    /// `blank`: a form with no amounts in it (codes and names only, or labels alone).
    static func placeHeader(_ header: [PDFLine], columns: inout [Column], blank: Bool = false) -> [WordKey: Int] {
        var placed: [WordKey: Int] = [:]
        let amountEdges = columns.filter(\.rightAligned).map(\.x1).sorted()
        let pitches = zip(amountEdges.dropFirst(), amountEdges).map { $0 - $1 }.sorted()
        let pitch = pitches.isEmpty ? nil : pitches[pitches.count / 2]
        let dataCount = columns.count
        // Words a space apart are one label ("上级一般 公共预算 安排的转 移支付"), placed as one.
        // A run over two data columns or more is labels set a space apart, each placed alone.
        let lineUnits = header.map { line in
            line.segments(gap: 0.35 * max(line.height, 1)).flatMap { run in
                let b = box(run)
                let spanned = (0..<columns.count).filter {
                    min(columns[$0].x1, b.x1) - max(columns[$0].x0, b.x0) > 0.5
                }
                return run.count > 1 && spanned.count > 1 ? run.map { [$0] } : [run]
            }
        }
        let units = lineUnits.enumerated().flatMap { k, line in line.map { (unit: $0, line: k) } }
        // A group's label centred over its columns' labels, with no data under it (its columns
        // empty in every row, or too narrow to reach it), goes where the first of those labels
        // goes, placed once they are.
        var groups: [(unit: [PDFWord], first: PDFWord)] = []
        // Each label's cells it is centred on as a group's label (`firstOfCellsCentred`), found once.
        let centredOn = units.map { unit, k in
            firstOfCellsCentred(unit, among: lineUnits[k], below: lineUnits[(k + 1)...])
        }
        // Labels with amounts under them: their cells' places. A group's label over one of them
        // is none of theirs.
        let overData: [(x0: Double, column: Int)] = units.indices.compactMap { i in
            guard centredOn[i] == nil else { return nil }
            let b = box(units[i].unit)
            let under = (0..<dataCount).first { min(columns[$0].x1, b.x1) - max(columns[$0].x0, b.x0) > 0.5 }
            return under.map { (b.x0, $0) }
        }
        for (i, (unit, k)) in units.enumerated() {
            let b = box(unit)
            let w = PDFWord(text: PDFLine.join(unit), x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1)
            func place(_ c: Int) { for m in unit { placed[WordKey(m)] = c } }
            let under = (0..<dataCount).filter { min(columns[$0].x1, w.x1) - max(columns[$0].x0, w.x0) > 0.5 }
            if !under.isEmpty, let first = centredOn[i] {
                groups.append((unit, first))
                continue
            }
            if let first = under.first { place(first); continue }
            if let first = firstLabelUnder(unit, among: lineUnits[k], below: lineUnits[(k + 1)...]) {
                groups.append((unit, first))
                continue
            }
            if let first = firstColumnOfSpan(
                unit, line: lineUnits[k], below: lineUnits[(k + 1)...], columns: columns, dataCount: dataCount)
            {
                place(first)
                continue
            }
            let left = (0..<dataCount).last { columns[$0].x1 <= w.x0 }
            let right = (0..<dataCount).first { columns[$0].x0 >= w.x1 }
            var choice: Int?
            // A blank form's label standing clear of the text beside it heads a column of its own.
            let clear =
                blank && (left.map { w.x0 - columns[$0].x1 >= w.height } ?? true)
                && (right.map { columns[$0].x0 - w.x1 >= w.height } ?? true)
            switch clear ? (nil, nil) : (left, right) {
            case let (l?, r?):
                let (L, R) = (columns[l], columns[r])
                // A label wholly between one amount column's amounts and the next one's own
                // label heads a column between them with nothing in it. So does one with a label
                // of its line or a lower one nearer those amounts, wholly right of it and short of
                // their right edge (a group's 合计 under its label, "因公出国（境）费" left of it).
                let nearer = units.contains { u, j in
                    let v = box(u)
                    return j >= k && v.x0 > w.x1 && (v.x0 + v.x1) / 2 < R.x1 && v.x1 < R.x0
                }
                let between =
                    L.rightAligned && R.rightAligned && w.x0 > L.x1
                    && (overData.contains { $0.column == r && $0.x0 > w.x1 } || nearer)
                if R.rightAligned, let p = pitch, R.x1 - w.centerX > 1.2 * p {
                    choice = nil  // a column between them with nothing in it
                } else if between {
                    choice = nil
                } else if R.rightAligned {
                    choice = L.rightAligned ? r : (R.x1 - w.centerX <= w.centerX - L.x0 ? r : l)
                } else {
                    choice = L.rightAligned ? (w.x0 - L.x1 < R.x0 - w.x1 ? l : r) : l
                }
            case let (l?, nil):
                // An amount's label is centred over its cell, so left of the amounts' right edge.
                // A name's cell runs right of its names, but not four characters past the longest
                // where no column of data reaches out right of the label.
                let L = columns[l]
                let last = !(0..<dataCount).contains { columns[$0].x1 > w.x1 }
                choice =
                    L.rightAligned
                    ? (w.centerX <= L.x1 + 2 ? l : nil) : (last && w.x0 - L.x1 > 4 * w.height ? nil : l)
            case let (nil, r?):
                let R = columns[r]
                choice = !R.rightAligned || pitch.map { R.x1 - w.centerX <= 1.2 * $0 } ?? true ? r : nil
            case (nil, nil):
                choice = nil
            }
            if let c = choice { place(c); continue }
            // A column of its own, shared by the label's other words over the same place.
            if let existing = (dataCount..<columns.count).first(where: {
                min(columns[$0].x1, w.x1) - max(columns[$0].x0, w.x0) > 0
            }) {
                columns[existing].x0 = min(columns[existing].x0, w.x0)
                columns[existing].x1 = max(columns[existing].x1, w.x1)
                place(existing)
            } else {
                columns.append(Column(x0: w.x0, x1: w.x1))
                place(columns.count - 1)
            }
        }
        for g in groups.reversed() {  // lower lines first: a group over groups
            guard let c = placed[WordKey(g.first)] else { continue }
            for m in g.unit { placed[WordKey(m)] = c }
        }
        separateSideBySide(header, dataCount: dataCount, columns: &columns, placed: &placed)
        return placed
    }

    /// The column a data word stands in (the data columns were made from these very words).
    static func nearestColumn(_ w: PDFWord, _ columns: [Column]) -> Int {
        var best = 0, bestOverlap = -Double.infinity
        for (i, c) in columns.enumerated() {
            let overlap = min(c.x1, w.x1) - max(c.x0, w.x0)
            if overlap > bestOverlap { best = i; bestOverlap = overlap }
        }
        return best
    }
}
