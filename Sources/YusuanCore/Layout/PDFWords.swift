import Foundation

/// A word on a PDF page and its box, in points from the page's top-left corner.
struct PDFWord: Equatable {
    var text: String
    var x0: Double, y0: Double, x1: Double, y1: Double

    var height: Double { y1 - y0 }
    var width: Double { x1 - x0 }
    var centerX: Double { (x0 + x1) / 2 }
    var centerY: Double { (y0 + y1) / 2 }
}

/// One page's words, as poppler places them.
struct PDFPage {
    var number: Int
    var width: Double
    var height: Double
    var words: [PDFWord] = []
}

/// `pdftotext -tsv` → pages of words. Its columns: level, page, par, block, line, word, left, top,
/// width, height, conf, text; level 1 starts a page, level 5 is a word.
enum PDFWords {
    static func pages(tsv data: Data) -> [PDFPage] {
        var stream = PDFWordStream()
        var pages: [PDFPage] = []
        data.withUnsafeBytes { stream.feed($0) { pages.append($0) } }
        stream.finish { pages.append($0) }
        return pages
    }
}

/// The word list read as it streams in, chunk by chunk, each page handed on as soon as the next
/// one starts: its lines can be laid out while the converter still writes the pages after it.
/// Read as bytes: only pages (level 1) and words (level 5) are kept, and a word's text is made a
/// String alone.
struct PDFWordStream {
    private var current: PDFPage?
    private var count = 0
    /// The start of a row the last chunk cut off.
    private var pending: [UInt8] = []

    mutating func feed(_ chunk: UnsafeRawBufferPointer, page: (PDFPage) -> Void) {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var start = 0
        for end in bytes.indices where bytes[end] == 10 {
            if pending.isEmpty {
                row(UnsafeBufferPointer(rebasing: bytes[start..<end]), page: page)
            } else {
                pending += bytes[start..<end]
                let whole = pending
                pending.removeAll(keepingCapacity: true)
                whole.withUnsafeBufferPointer { row($0, page: page) }
            }
            start = end + 1
        }
        pending += bytes[start...]
    }

    /// The last row, if no newline ended it, and the last page.
    mutating func finish(page: (PDFPage) -> Void) {
        let rest = pending
        pending = []
        rest.withUnsafeBufferPointer { row($0, page: page) }
        if let last = current { page(last) }
        current = nil
    }

    /// One row: fields 6…9 are the box, field 11 the text.
    private mutating func row(_ row: UnsafeBufferPointer<UInt8>, page: (PDFPage) -> Void) {
        guard row.count > 1, row[0] == UInt8(ascii: "1") || row[0] == UInt8(ascii: "5"), row[1] == 9 else { return }
        var fields: [Range<Int>] = []
        fields.reserveCapacity(12)
        var from = 0
        for i in 0..<row.count where row[i] == 9 && fields.count < 11 {
            fields.append(from..<i)
            from = i + 1
        }
        fields.append(from..<row.count)
        guard fields.count == 12 else { return }
        func number(_ k: Int) -> Double? {
            let field = UnsafeBufferPointer(rebasing: row[fields[k]])
            return PDFWordStream.decimal(field) ?? Double(String(decoding: field, as: UTF8.self))
        }
        guard let left = number(6), let top = number(7), let width = number(8), let height = number(9),
            left.isFinite, top.isFinite, width.isFinite, height.isFinite
        else { return }
        if row[0] == UInt8(ascii: "1") {
            if let done = current { page(done) }
            count += 1
            current = PDFPage(number: count, width: width, height: height)
            return
        }
        let t = fields[11]
        let marker =
            // ###PAGE###
            t.count >= 3 && row[t.lowerBound] == 35 && row[t.lowerBound + 1] == 35 && row[t.lowerBound + 2] == 35
        guard current != nil, !t.isEmpty, !marker else { return }
        let text = String(decoding: UnsafeBufferPointer(rebasing: row[fields[11]]), as: UTF8.self)
        current?.words.append(
            PDFWord(text: text, x0: left, y0: top, x1: left + max(0, width), y1: top + max(0, height)))
    }
}

extension PDFWordStream {
    /// A plain decimal as pdftotext prints a box ("56.693333", "-3"), read without making a
    /// String: at most 15 digits make an integer held exactly, and 10^k up to 10^22 is exact, so
    /// one division rounds once, correctly, as `Double(String)` does (Clinger's fast path).
    /// Anything else (an exponent, more digits) is nil and read by `Double(String)`.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let negative = i < bytes.count && bytes[i] == 45
        if negative { i += 1 }
        var mantissa: Int64 = 0
        var digits = 0
        var decimals = 0
        var seenDot = false
        while i < bytes.count {
            let b = bytes[i]
            if b == 46, !seenDot {
                seenDot = true
            } else if b >= 48 && b <= 57 {
                digits += 1
                // More digits than an Int64 holds exactly (and would overflow): Double(String)'s.
                if digits > 15 { return nil }
                mantissa = mantissa * 10 + Int64(b - 48)
                if seenDot { decimals += 1 }
            } else {
                return nil
            }
            i += 1
        }
        // A digit on the side of the dot that has any ("5.", ".5" and "5" read; "." and "-" not).
        guard digits > 0, digits <= 15 else { return nil }
        if seenDot, bytes[bytes.count - 1] == 46 || bytes[negative ? 1 : 0] == 46 { return nil }
        let value = Double(mantissa) / powersOfTen[decimals]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }
}

extension PDFWord {
    /// A word the converter made of two cells set close together: a code and its name
    /// ("2080505机关事业单位…") or a name and its amount ("基本工资1,015.15"), split where the digits
    /// start or stop, the box shared out by the characters' widths (a CJK character one em, others
    /// half). Any other word is returned whole.
    func splitCells() -> [PDFWord] {
        // Both cuts stand beside a character outside ASCII: an amount or a code alone has none.
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return [self] }
        let chars = Array(text)
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        let lead = chars.prefix(while: isDigit).count
        if [3, 5, 7].contains(lead), lead < chars.count, let next = chars.dropFirst(lead).first, !next.isASCII {
            return split(at: lead, chars)
        }
        // An amount at the end: digits, separators and two decimals after a CJK character.
        if let cut = chars.lastIndex(where: { !(isDigit($0) || $0 == "," || $0 == ".") }), cut + 1 < chars.count,
            !chars[cut].isASCII, Amount.isPrinted(String(chars[(cut + 1)...]))
        {
            return split(at: cut + 1, chars)
        }
        return [self]
    }

    private func split(at k: Int, _ chars: [Character]) -> [PDFWord] {
        func weight(_ s: ArraySlice<Character>) -> Double { s.reduce(0) { $0 + ($1.isASCII ? 0.5 : 1) } }
        let total = weight(chars[...])
        guard total > 0 else { return [self] }
        let x = x0 + width * weight(chars[..<k]) / total
        // A point apart on each side, so the two cells' runs of x do not touch.
        return [
            PDFWord(text: String(chars[..<k]), x0: x0, y0: y0, x1: x - 1, y1: y1),
            PDFWord(text: String(chars[k...]), x0: x + 1, y0: y0, x1: x1, y1: y1)
        ]
    }
}

extension PDFWord {
    /// A total's label spaced out over merged cells ("合        计"): its two characters, nothing
    /// between them, made one word, so the label is one cell and spans as labels do.
    static func joinSpacedTotals(_ words: [PDFWord]) -> [PDFWord] {
        var out: [PDFWord] = []
        for w in words {
            if let p = out.last, p.text.count == 1, w.text.count == 1, !p.text.unicodeScalars.allSatisfy(\.isASCII),
                ["合计", "总计", "小计"].contains(p.text + w.text), w.x0 > p.x1,
                w.x0 - p.x1 <= 4 * max(p.height, w.height), abs(w.centerY - p.centerY) < 0.4 * p.height
            {
                out[out.count - 1] = PDFWord(
                    text: p.text + w.text, x0: p.x0, y0: min(p.y0, w.y0), x1: w.x1, y1: max(p.y1, w.y1))
                continue
            }
            out.append(w)
        }
        return out
    }
}
