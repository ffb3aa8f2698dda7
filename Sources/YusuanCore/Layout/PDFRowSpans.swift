/// Rows a line set midway between two others reveals. In a table whose cells are centred
/// vertically, a line standing halfway between the line above and the line below, with words only
/// where neither of them has any, is either
/// - the one-line cells of a row whose other cell wraps over those two lines (an amount centred
///   beside "一、财政" / "拨款"): the three lines are one row; or
/// - a cell merged over two rows (a project's name beside its first detail row, the two rows'
///   amounts stacked in one column): it belongs to the upper row, the first of the span.
/// Rows set that close stand nearer than two rows of amounts do, which keeps a plain table of
/// evenly spaced one-line rows out of it.
enum PDFRowSpans {
    enum Span: Equatable {
        case wrapped  // above, middle and below: one row
        case merged  // the middle joins the row above
    }

    /// How `middle` relates to the lines around it, if it stands midway between them.
    static func span(above a: PDFLine, middle m: PDFLine, below b: PDFLine, rowPitch: Double?) -> Span? {
        guard a.page == m.page, m.page == b.page else { return nil }
        let h = max(m.height, 1)
        guard abs((a.centerY + b.centerY) / 2 - m.centerY) <= 0.25 * h, m.centerY - a.centerY >= 0.5 * h else {
            return nil
        }
        // Two one-line rows are a row pitch apart; lines of one row, or a span's middle, nearer.
        guard b.centerY - a.centerY <= 1.5 * (rowPitch ?? 4 * h) else { return nil }
        // Touching counts (a first line indented past the second's end); the next cell, half an em
        // off, does not.
        func near(_ w: PDFWord, _ v: PDFWord) -> Bool { min(w.x1, v.x1) - max(w.x0, v.x0) > -0.3 * h }
        let outer = a.words + b.words
        // A name of three lines has its middle line here too, between its first and its last.
        let inner = m.words.filter { w in outer.contains { near(w, $0) } }
        guard inner.count < m.words.count else { return nil }
        if stacked(a, b) { return m.hasAmount || !inner.isEmpty ? nil : .merged }
        guard b.words.allSatisfy({ w in a.words.contains { near(w, $0) } }) else { return nil }
        // A line that starts an item ("其中：…", "2.…") is no name's second line.
        let bc = CJK.compact(b.text)
        guard !bc.hasPrefix("其中"), !PDFParagraphs.startsItem(bc) else { return nil }
        // Nor one with a classification code: that is a row of its own (rows of one-line names
        // evenly set, the amounts sparse, stand as a wrapped name's lines would).
        guard !b.words.contains(where: { PDFLine.isCode($0.text) && $0.text.utf8.count >= 3 }) else { return nil }
        // Two lines of one name stand nearer than two rows do, if only a little (a tight table).
        if inner.isEmpty, let p = rowPitch, b.centerY - a.centerY >= p - 0.3 { return nil }
        if !inner.isEmpty {
            // The name's middle line is one cell, under one of the first line's words; the row's
            // other cells, beside it, hold its amount (a label merged over three rows does not).
            // Its first and middle lines are full, so they end together, within a character (rows
            // of one-line names end where their names do).
            let rest = m.words.filter { w in !inner.contains(w) }
            let firstEnd = a.words.filter { v in inner.contains { near($0, v) } }.map(\.x1).max() ?? 0
            let middleEnd = inner.map(\.x1).max() ?? 0
            guard !a.hasAmount, !b.hasAmount, rest.contains(where: { Amount.isPrinted($0.text) }),
                abs(firstEnd - middleEnd) < 1.5 * h,
                a.words.contains(where: { v in inner.allSatisfy { near($0, v) } }),
                inner.allSatisfy({ w in !Amount.isPrinted(w.text) && b.words.contains { near(w, $0) } })
            else { return nil }
        }
        return .wrapped
    }

    /// Two amounts, one above the other in one column: two rows.
    static func stacked(_ a: PDFLine, _ b: PDFLine) -> Bool {
        b.words.contains { w in
            Amount.isPrinted(w.text)
                && a.words.contains { Amount.isPrinted($0.text) && min($0.x1, w.x1) - max($0.x0, w.x0) > 0 }
        }
    }

    /// The least distance between two amounts stacked in one column on one page, in lines of
    /// cells (not prose that names sums): a row's pitch at most.
    static func rowPitch(_ lines: [PDFLine]) -> Double? {
        var best: Double?
        let tabular = lines.map { $0.hasAmount && PDFLayout.isTabular($0) }
        for (i, a) in lines.enumerated() where tabular[i] {
            for j in (i + 1)..<lines.count where tabular[j] && lines[j].page == a.page && stacked(a, lines[j]) {
                let b = lines[j]
                let d = b.centerY - a.centerY
                if d > 0.5 * a.height, d < best ?? .infinity { best = d }
                break
            }
        }
        return best
    }

    /// The first and last lines of names (a cell's words, not prose: 30 characters a line at
    /// most, no sentence's stops) wrapped beside a line of amounts centred on them, a project's
    /// long name too ("新财社（2025）225号--2026年自治区财政" / "社保经办机构补助经费资金").
    static func lastLinesOfNames(_ lines: [PDFLine]) -> [Int] {
        guard lines.count >= 3 else { return [] }
        let pitch = rowPitch(lines)
        func prose(_ l: PDFLine) -> Bool { l.text.contains { "。，；".contains($0) } }
        func short(_ l: PDFLine) -> Bool { !l.hasFigures && CJK.compact(l.text).count <= 30 && !prose(l) }
        // The middle line's cells are short too: a sentence set justified is no row.
        func cells(_ l: PDFLine) -> Bool {
            !prose(l) && l.segments(gap: PDFLayout.cellGap(l)).allSatisfy { CJK.compact(PDFLine.join($0)).count <= 16 }
        }
        var out: [Int] = []
        for k in 2..<lines.count where lines[k - 1].hasFigures && short(lines[k - 2]) && short(lines[k]) {
            guard cells(lines[k - 1]) else { continue }
            let s = span(above: lines[k - 2], middle: lines[k - 1], below: lines[k], rowPitch: pitch)
            if s == .wrapped { out += [k - 2, k] }
        }
        return out
    }

    /// For each line, whether it joins the row of the line before it; and the first lines of
    /// names wrapped beside cells centred on them, each of which starts a row.
    static func joins(_ lines: [PDFLine]) -> (joins: [Bool], firsts: Set<Int>) {
        var out = Array(repeating: false, count: lines.count)
        var firsts: Set<Int> = []
        guard lines.count >= 3 else { return (out, firsts) }
        let pitch = rowPitch(lines)
        // The last line of one row's name is no first line of the next row's.
        var lastOfName = -1
        for i in 1..<(lines.count - 1) {
            switch span(above: lines[i - 1], middle: lines[i], below: lines[i + 1], rowPitch: pitch) {
            case .wrapped? where i - 1 == lastOfName: break
            case .wrapped?:
                out[i] = true
                out[i + 1] = true
                lastOfName = i + 1
                firsts.insert(i - 1)
            case .merged?: out[i] = true
            case nil: break
            }
        }
        return (out, firsts)
    }
}

extension PDFRowSpans {
    /// A row the page break cut: the first line of a page goes on the last row of the page before
    /// when it has no figures and no item's number, and each of its words starts where a run of
    /// words of that row's last line starts, a run that reaches its column's widest (the cell was
    /// full, so it wrapped).
    static func continuesAcrossPages(_ line: PDFLine, after last: PDFLine, data: [PDFLine]) -> Bool {
        guard line.page != last.page, isNameAlone(line) else { return false }
        let above = runs(last)
        let all = data.flatMap(runs)
        return line.words.allSatisfy { w in above.contains { r in abs(r.x0 - w.x0) <= 1 && isFull(r, all, within: 1) } }
    }

    /// Names' next lines in their cells, where the row's other cells stand on their first line or
    /// beside no line of them (names wrapped in a row whose other cells are empty): text alone,
    /// nearer the line above than rows stand (`pitch`), each run starting where a run of that
    /// line starts that reaches its column's widest, short of it by less than a character (the
    /// cell was full: the next character did not fit).
    static func continuesName(_ line: PDFLine, after last: PDFLine, data: [PDFLine], pitch: Double) -> Bool {
        guard line.page == last.page, line.centerY - last.centerY < 0.9 * pitch, isNameAlone(line),
            !line.words.contains(where: { PDFLine.isCode($0.text) })
        else { return false }
        let all = data.flatMap(runs)
        let above = runs(last)
        return runs(line).allSatisfy { w in
            above.contains { r in abs(r.x0 - w.x0) <= 1 && isFull(r, all, within: 0.8 * line.height) }
        }
    }

    /// No figures, no code first, no item's number ("其中：…", "2.…"): a name's wrapped line may be.
    static func isNameAlone(_ line: PDFLine) -> Bool {
        guard !line.hasFigures, !line.startsWithCode, !line.words.isEmpty else { return false }
        let c = CJK.compact(line.text)
        return !PDFParagraphs.startsItem(c) && !c.hasPrefix("其中")
            && c.first.map { !($0.isASCII && $0.isNumber) } ?? false
    }

    typealias Box = (x0: Double, x1: Double, y0: Double, y1: Double, height: Double)

    /// The boxes of a line's runs of words, a cell's width apart.
    static func runs(_ line: PDFLine) -> [Box] {
        line.segments(gap: PDFLayout.cellGap(line)).map { PDFTableGrid.box($0) }
    }

    /// A run that ends, within `tolerance`, where the longest run starting where it does ends.
    static func isFull(_ r: Box, _ all: [Box], within tolerance: Double) -> Bool {
        r.x1 >= (all.filter { abs($0.x0 - r.x0) <= 1 }.map(\.x1).max() ?? r.x1) - tolerance
    }
}
