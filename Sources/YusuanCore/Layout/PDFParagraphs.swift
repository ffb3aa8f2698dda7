/// Prose lines the page wrapped, put back together: a line that runs to the right margin and
/// ends without a stop continues on the next line when that one starts at the left margin (a
/// paragraph's first line is indented), on this page or the next.
struct PDFParagraphs {
    var margins: [Int: (left: Double, right: Double)] = [:]

    init(_ lines: [PDFLine]) {
        for line in lines where CJK.compact(line.text).count >= 8 {
            let m = margins[line.page] ?? (line.x0, line.x1)
            margins[line.page] = (min(m.left, line.x0), max(m.right, line.x1))
        }
    }

    static let stops: Set<Character> = ["。", "！", "？", "；", "：", "!", "?", ";", ":"]

    func continues(_ previous: PDFLine, with next: PDFLine) -> Bool {
        guard let a = margins[previous.page], let b = margins[next.page] else { return false }
        // The cheap tests first: most lines fail on where they stand.
        let em = max(previous.height, 6)
        guard previous.x1 >= a.right - 1.5 * em, next.x0 <= b.left + 0.6 * em else { return false }
        let text = CJK.compact(previous.text)
        guard let last = text.last, !Self.stops.contains(last), text.count >= 8 else { return false }
        // Prose runs as one stretch of words; a line of cells far apart is a table's, joined or not.
        guard !PDFLayout.isTabular(previous), !PDFLayout.isTabular(next) else { return false }
        return !PDFLayout.isTitle(previous) && !Self.startsItem(CJK.compact(next.text)) && !PDFLayout.isTitle(next)
    }

    /// "第二部分…", "三、…", "（四）…", "1.…", "2、…", "（3）…": a heading or an item starts its own line.
    static func startsItem(_ c: String) -> Bool {
        let numeral = TableSegmenter.chineseNumerals
        if PartLocator.partNumber(c) != nil { return true }
        let head = c.prefix { numeral.contains($0) }
        if !head.isEmpty, c.dropFirst(head.count).first == "、" { return true }
        // "1." is an item's number, "1.5" an amount: the dot must not be a decimal point.
        let digits = c.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2 {
            let rest = c.dropFirst(digits.count)
            if rest.first == "、" { return true }
            if let dot = rest.first, dot == "." || dot == "．",
                let after = rest.dropFirst().first, !(after.isASCII && after.isNumber)
            {
                return true
            }
        }
        guard c.first == "（" || c.first == "(" else { return false }
        let inner = c.dropFirst().prefix { numeral.contains($0) || ($0.isASCII && $0.isNumber) }
        let close = c.dropFirst(1 + inner.count).first
        return !inner.isEmpty && (close == "）" || close == ")")
    }
}
