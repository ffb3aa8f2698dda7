/// A page's words gathered into lines: words whose vertical centres lie within half a line of
/// each other, left to right.
struct PDFLine: Equatable {
    let words: [PDFWord]
    let page: Int
    /// The words as text: a space where the page leaves one between two words, none inside CJK.
    /// Kept, as every stage after asks for it.
    let text: String

    /// The box of all the words, and the tallest word's height: found once, asked often.
    let x0: Double, y0: Double, x1: Double, y1: Double, height: Double

    init(words: [PDFWord], page: Int) {
        self.words = words
        self.page = page
        text = PDFLine.join(words)
        var box = (
            x0: Double.infinity, y0: Double.infinity, x1: -Double.infinity, y1: -Double.infinity, h: -Double.infinity
        )
        for w in words {
            box = (min(box.x0, w.x0), min(box.y0, w.y0), max(box.x1, w.x1), max(box.y1, w.y1), max(box.h, w.height))
        }
        (x0, y0, x1, y1) = words.isEmpty ? (0, 0, 0, 0) : (box.x0, box.y0, box.x1, box.y1)
        height = words.isEmpty ? 0 : box.h
    }

    var centerY: Double { (y0 + y1) / 2 }

    static func join(_ words: [PDFWord]) -> String {
        var out = ""
        var previous: PDFWord?
        for w in words {
            if let p = previous,
                w.x0 - p.x1 > 0.2 * max(p.height, w.height)
                    || (p.text.last?.isASCII == true && w.text.first?.isASCII == true)
            {
                out += " "
            }
            out += w.text
            previous = w
        }
        return CJK.joinWrapped(out)
    }

    /// Runs of words separated by less than `gap` points.
    func segments(gap: Double) -> [[PDFWord]] {
        var out: [[PDFWord]] = []
        for w in words {
            if let last = out.last?.last, w.x0 - last.x1 < gap { out[out.count - 1].append(w) } else { out.append([w]) }
        }
        return out
    }

    /// How many runs `segments(gap:)` makes, without making them.
    func segmentCount(gap: Double) -> Int {
        var count = 0
        var last: PDFWord?
        for w in words {
            if let l = last, w.x0 - l.x1 < gap {} else { count += 1 }
            last = w
        }
        return count
    }

    /// A classification code as its column prints it: 3, 5 or 7 digits (类/款/项), or 2 (a part).
    static func isCode(_ text: String) -> Bool {
        [2, 3, 5, 7].contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    var hasAmount: Bool { words.contains { Amount.isPrinted($0.text) } }

    /// An amount, or two figures of whole numbers (a table in 元 printed without decimals; a year
    /// "2022" is no figure).
    var hasFigures: Bool {
        hasAmount
            || words.filter { w in
                let t = w.text.utf8
                return t.count >= 2 && t.allSatisfy { $0 >= 48 && $0 <= 57 }
                    && !(t.count == 4 && (w.text.hasPrefix("19") || w.text.hasPrefix("20")))
            }.count >= 2
    }
    var startsWithCode: Bool { words.count >= 2 && PDFLine.isCode(words[0].text) && words[0].text.utf8.count >= 3 }

    /// The page's words in lines, top to bottom.
    static func lines(of page: PDFPage) -> [PDFLine] {
        let sorted = page.words.sorted { $0.centerY < $1.centerY || ($0.centerY == $1.centerY && $0.x0 < $1.x0) }
        var lines: [PDFLine] = []
        var current: [PDFWord] = []
        var anchor = 0.0, anchorHeight = 0.0
        for w in sorted {
            if !current.isEmpty, abs(w.centerY - anchor) <= 0.4 * max(1, min(anchorHeight, w.height)) {
                current.append(w)
                continue
            }
            if !current.isEmpty { lines.append(PDFLine(words: current.sorted { $0.x0 < $1.x0 }, page: page.number)) }
            current = [w]
            anchor = w.centerY
            anchorHeight = w.height
        }
        if !current.isEmpty { lines.append(PDFLine(words: current.sorted { $0.x0 < $1.x0 }, page: page.number)) }
        return lines
    }
}
