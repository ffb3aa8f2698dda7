/// The normalised text as numbered lines, with the page furniture (page numbers) marked.
public struct SourceText: Sendable {
    public struct Line: Sendable {
        public let number: Int
        public let text: String
        /// The text without any space: labels printed one character per cell ("合 计") compare equal.
        public let compact: String
        public let hasTabs: Bool
        /// A page number ("- 6 -", "第 3 页"): found once here, for every reader that skips them.
        public let isPageNumber: Bool
        public var isBlank: Bool { compact.isEmpty }

        public init(number: Int, text: String) {
            self.number = number
            self.text = text
            self.compact = CJK.compact(text)
            self.hasTabs = text.utf8.contains(9)
            self.isPageNumber = SourceText.isPageNumber(compact: compact)
        }

        /// Tab-separated cells, trimmed.
        public var cells: [String] {
            // Split on the byte: a tab is never part of another character, and comparing bytes
            // is many times cheaper than comparing characters.
            text.utf8.split(separator: 9, omittingEmptySubsequences: false).map { String(Substring($0)).trimmed() }
        }
    }

    public var lines: [Line]

    public init(_ text: String) {
        // Split on the byte where no "\r" is (normalised text has none): a line feed is then a
        // Character of its own, as grapheme clusters break before and after it. ("\r\n" is one
        // Character, not "\n", and ends no line when split by Character.)
        if !CJK.anyByte(text, { $0 == 13 }) {
            self.init(
                lines: text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(Substring($0)) })
            return
        }
        self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// Lines numbered from 1, trailing blanks dropped.
    init(lines texts: [String]) {
        lines = texts.enumerated().map { i, raw in Line(number: i + 1, text: SourceText.dropTrailingBlanks(raw)) }
    }

    /// "- 6 -", "— 12 —", "第 3 页", "3/20": lines a PDF prints on every page.
    /// Dashes around a page number: made once, not on every call.
    static let dashes: Set<Character> = ["-", "—", "－", "–", "─"]

    public static func isPageNumber(_ text: String) -> Bool {
        // Twelve characters are at most 48 UTF-8 bytes; longer lines are prose or rows.
        guard text.utf8.count <= 48 || text.utf8.count(where: { $0 != 32 && $0 != 9 }) <= 48 else { return false }
        return isPageNumber(compact: CJK.compact(text))
    }

    /// The same for a text without spaces or tabs.
    static func isPageNumber(compact c: String) -> Bool {
        // Either form starts with a dash, an ASCII digit or 第, each a Character of one scalar:
        // any other first scalar answers no without walking the characters.
        guard c.utf8.count <= 48, let first = c.unicodeScalars.first else { return false }
        switch first.value {
        case 0x30...0x39, 0x7B2C, 0x2D, 0x2014, 0xFF0D, 0x2013, 0x2500: break  // digits, 第, the dashes
        default: return false
        }
        // "- 6 -" is dashes and digits alone; "第 3 页" ends with 页: any other line is none.
        guard
            c.unicodeScalars.last == "页"
                || c.unicodeScalars.allSatisfy({
                    switch $0.value {
                    case 0x30...0x39, 0x2D, 0x2014, 0xFF0D, 0x2013, 0x2500: true
                    default: false
                    }
                })
        else { return false }
        guard c.count <= 12 else { return false }
        let stripped = c.trimmingCharacters(in: dashes)
        if stripped != c, !stripped.isEmpty, stripped.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        if c.hasPrefix("第"), c.hasSuffix("页"),
            c.dropFirst().dropLast().allSatisfy({ $0.isNumber || $0 == "共" || $0 == "/" })
        {
            return true
        }
        return false
    }

    /// Trailing spaces and tabs dropped. A space or tab is one byte; the last one dropped is kept
    /// only where it joins the scalar before it into one Character (a Prepend), so that scalar
    /// must stand alone for the byte cut to be the Character cut.
    static func dropTrailingBlanks(_ raw: String) -> String {
        let fast: String?? = raw.utf8.withContiguousStorageIfAvailable { b in
            var end = b.count
            while end > 0, b[end - 1] == 32 || b[end - 1] == 9 { end -= 1 }
            if end == b.count { return raw }
            if end > 0, b[end - 1] >= 0x80 {
                var k = end - 1
                while b[k] & 0xC0 == 0x80 { k -= 1 }
                guard let scalar = Unicode.Scalar(CJK.scalar(b, at: k)), CJK.standsAlone(scalar.value) else {
                    return nil
                }
            }
            return String(decoding: b[..<end], as: UTF8.self)
        }
        if let fast = fast ?? nil { return fast }
        var s = Substring(raw)
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
