#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What headings and lines say of the document itself: the year it is for, the unit it names,
/// and placeholders of the blank form (XX局, XXX万元) left unfilled.
enum HeadingReader {
    /// Lines that title the document or a part of it: "第三部分 …", "一、关于…", "（一）…".
    static func headings(_ d: Disclosure) -> [(line: Int, text: String, compact: String)] {
        var out: [(Int, String, String)] = []
        // Tabs looked for by byte: a Character search walks graphemes, on every line of the text.
        d.sourceLines.forEachLineBytes { i, bytes in
            // Most lines are neither a part's title nor a numbered heading: say so from the line's
            // bytes, before making it a String, looking for tabs, trimming and compacting.
            guard
                SectionReader.leadMayBe(
                    bytes: bytes, { $0 == 0xFF08 || $0 == 0x28 || SectionReader.isNumeral(scalar: $0) || $0 == 0x7B2C })
            else { return }
            // A line with a tab is no heading whatever it opens with: refused before it is made a String.
            guard !bytes.contains(9) else { return }
            let raw = String(decoding: bytes, as: UTF8.self)
            let numbered = SectionReader.heading(raw) != nil
            guard numbered || SectionReader.leadMayBe(raw, { $0 == 0x7B2C }) else { return }  // 第
            let t = raw.trimmed()
            guard numbered || t.first == "第" else { return }
            let compact = CJK.compact(t)
            let part = compact.hasPrefix("第") && compact.prefix(6).contains("部分")
            // At most 80 bytes is at most 80 Characters: counted only past that.
            // Scalars counted where each is a Character (`scalarsAreCharacters`).
            guard part || numbered,
                compact.utf8.count <= 80
                    || (CJK.scalarsAreCharacters(compact) ? compact.unicodeScalars.count : compact.count) <= 80
            else { return }
            out.append((i + 1, t, compact))
        }
        return out
    }

    static func claims(_ d: Disclosure) -> [Claim] {
        var out: [Claim] = []
        for (line, text, compact) in headings(d) {
            // Only a heading that speaks of the document's own 预算 or 决算 states its year.
            if compact.contains("预算") || compact.contains("决算"), !compact.contains("执行") {
                for y in years(in: compact) {
                    out.append(
                        Claim(
                            kind: .date, subject: "标题年度", sentence: text, line: line,
                            figures: [Claim.Figure("年", Amount(whole: y))], words: ["\(y)年"]))
                }
            }
            if let name = unitName(in: compact) {
                out.append(Claim(kind: .unitName, subject: name, sentence: text, line: line, words: [name]))
            }
        }
        // Most documents hold no X at all: one pass over the whole text says so.
        guard hasPlaceholderMark(d.sourceLines.text) else { return out }
        // A line's Characters are those of its own String: each line is made only where its bytes
        // hold a mark and no tab.
        d.sourceLines.forEachLineBytes { i, bytes in
            guard !bytes.contains(9), hasPlaceholderMark(bytes: bytes) else { return }
            let raw = String(decoding: bytes, as: UTF8.self)
            if let p = placeholder(in: raw) {
                out.append(Claim(kind: .unitName, subject: "占位符", sentence: raw.trimmed(), line: i + 1, words: [p]))
            }
        }
        return out
    }

    /// The four-digit years followed by 年 in a line.
    static func years(in s: String) -> [Int] {
        // An ASCII digit Character is one ASCII byte: without any, no year.
        guard s.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return [] }
        // Where every scalar is a Character of its own (nearly always), read on the scalars.
        if CJK.scalarsAreCharacters(s) {
            return years(
                Array(s.unicodeScalars), digit: { $0.value >= 48 && $0.value <= 57 ? Int($0.value) - 48 : nil },
                isYear: { $0 == "年" })
        }
        return years(
            Array(s), digit: { $0.isASCII && $0.isNumber ? Int($0.asciiValue!) - 48 : nil }, isYear: { $0 == "年" })
    }

    /// `years(in:)` on the text's Characters, or on its scalars where those are its Characters;
    /// `digit` gives an ASCII digit's value.
    private static func years<Unit>(_ chars: [Unit], digit: (Unit) -> Int?, isYear: (Unit) -> Bool) -> [Int] {
        var out: [Int] = []
        var i = 0
        while i + 4 < chars.count {
            var year: Int? = 0
            for k in i..<i + 4 { year = year.flatMap { y in digit(chars[k]).map { y * 10 + $0 } } }
            if let y = year, isYear(chars[i + 4]), i == 0 || digit(chars[i - 1]) == nil, y >= 1990, y <= 2100 {
                out.append(y)
                i += 5
            } else {
                i += 1
            }
        }
        return out
    }

    /// "关于克孜勒苏…社会保险中心 2022 年…": the name between 关于 (or the part's number) and the year.
    static func unitName(in compact: String) -> String? {
        // The name ends at a year: an ASCII digit Character is one ASCII byte, so without any, none.
        guard compact.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
        // Where every scalar is a Character of its own (nearly always), read on the scalars:
        // no grapheme breaking, and pieces copied rather than rebuilt from Characters.
        if CJK.scalarsAreCharacters(compact) { return unitName(scalars: Array(compact.unicodeScalars)) }
        return unitName(
            Array(compact), isDigit: { $0.isASCII && $0.isNumber }, isYear: { $0 == "年" }, text: { String($0) })
    }

    /// `unitName(in:)` on the scalars of a text whose scalars are its Characters: a plain opening
    /// is searched on the scalars (as by bytes), and only the name is made a String.
    private static func unitName(scalars chars: [Unicode.Scalar]) -> String? {
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        guard
            let yearAt = (0..<max(0, chars.count - 4)).first(where: { i in
                chars[i..<i + 4].allSatisfy(isDigit) && chars[i + 4] == "年"
            })
        else { return nil }
        func text(_ piece: ArraySlice<Unicode.Scalar>) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(piece.count * 3)
            for s in piece { UTF8.encode(s) { bytes.append($0) } }
            return String(decoding: bytes, as: UTF8.self)
        }
        let head = chars[..<yearAt]
        var start = 0
        if head.allSatisfy({ String.isPlainScalar($0.value) }) {
            // The last 关于, else the first 部分 (the byte searches the String path makes).
            if let k = head.indices.dropLast().last(where: { head[$0] == "关" && head[$0 + 1] == "于" }) {
                start = k + 2
            } else if let k = head.indices.dropLast().first(where: { head[$0] == "部" && head[$0 + 1] == "分" }) {
                start = k + 2
            } else {
                return nil
            }
        } else {
            let h = text(head)
            if let r = h.range(of: "关于", options: .backwards) {
                start = h.distance(from: h.startIndex, to: r.upperBound)
            } else if let r = h.range(of: "部分") {
                start = h.distance(from: h.startIndex, to: r.upperBound)
            } else {
                return nil
            }
        }
        let name = chars[start..<yearAt]
        guard name.count >= 4, let last = name.last, orgEndings.contains(Character(last)) else { return nil }
        return text(name)
    }

    /// `unitName(in:)` on the text's Characters, or on its scalars where those are its Characters.
    private static func unitName<Unit>(
        _ chars: [Unit], isDigit: (Unit) -> Bool, isYear: (Unit) -> Bool, text: (ArraySlice<Unit>) -> String
    ) -> String? {
        guard
            let yearAt = (0..<max(0, chars.count - 4)).first(where: { i in
                chars[i..<i + 4].allSatisfy(isDigit) && isYear(chars[i + 4])
            })
        else { return nil }
        var start = 0
        let head = text(chars[..<yearAt])
        if let r = head.isPlainScalars ? head.lastRange(of: "关于") : head.range(of: "关于", options: .backwards) {
            start = head.distance(from: head.startIndex, to: r.upperBound)
        } else if let r = head.range(of: "部分") {
            start = head.distance(from: head.startIndex, to: r.upperBound)
        } else {
            return nil
        }
        let name = text(chars[start..<yearAt])
        guard name.count >= 4, let last = name.last, orgEndings.contains(last) else { return nil }
        return name
    }

    /// The last character of a body's name: 局, 中心, 委员会, 法院 …
    static let orgEndings: Set<Character> = Set("局心厅会院所室处部站队馆校办府署社团委司协联")

    /// "XX", "XXX", "××" standing where a name or a number should.
    static func placeholder(in line: some StringProtocol) -> String? {
        // Most lines hold no X at all: one pass over scalars before any characters are made.
        guard hasPlaceholderMark(line) else { return nil }
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "X" || c == "×" || c == "Ｘ" else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j] == c { j += 1 }
            let isolated =
                (i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isLetter))
                && (j == chars.count || !(chars[j].isASCII && chars[j].isLetter))
            if j - i >= 2, isolated {
                // With the word it stands for ("XX局", "XXX万元", "XX 局"), no further: not "XX局2".
                var k = j
                var taken = 0
                while k < chars.count, taken < 2 {
                    let c = chars[k]
                    if c == " ", taken == 0, k + 1 < chars.count, !chars[k + 1].isASCII { k += 1; continue }
                    guard !c.isASCII, !c.isPunctuation else { break }
                    k += 1
                    taken += 1
                    if orgEndings.contains(c) || "个人辆台元项".contains(c) { break }
                }
                return String(chars[i..<k])
            }
            i = j
        }
        return nil
    }

    /// Whether the UTF-8 holds X, × (C3 97) or Ｘ (EF BC B8): asked of every line, so the bytes
    /// are read where they lie, without decoding scalars.
    static func hasPlaceholderMark(_ line: some StringProtocol) -> Bool {
        line.utf8.withContiguousStorageIfAvailable(hasPlaceholderMark(bytes:))
            ?? Array(line.utf8).withUnsafeBufferPointer(hasPlaceholderMark(bytes:))
    }

    /// The same on the bytes: each mark looked for with `memchr` (vectorised; X and the lead byte
    /// C3 are rare in Chinese text) and, for Ｘ, `FastSearch`.
    static func hasPlaceholderMark(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        if memchr(base, 0x58, b.count) != nil { return true }
        var from = 0
        while from < b.count, let hit = memchr(base + from, 0xC3, b.count - from) {
            let k = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if k + 1 < b.count && b[k + 1] == 0x97 { return true }
            from = k + 1
        }
        return fullWidthX.withUnsafeBufferPointer { FastSearch.find(b, $0) != nil }
    }

    /// Ｘ in UTF-8.
    private static let fullWidthX: [UInt8] = [0xEF, 0xBC, 0xB8]
}
