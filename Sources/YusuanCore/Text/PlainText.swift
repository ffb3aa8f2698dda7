/// Text on which scalars may stand for Characters. Swift compares Characters by canonical
/// equivalence and joins combining marks (and "\r\n") into one Character; in text made only of
/// the scalars below, every scalar is a Character of its own and already in NFC (no singleton
/// decompositions, no combining marks, no Hangul jamo, no CR), so two such texts hold the same
/// Characters exactly when they hold the same scalars. Prose and sheets nearly always pass; a
/// text that does not takes the Character path. (The ranges were checked scalar by scalar against
/// Foundation's NFC and Swift's grapheme breaking.) `CJK.standsAlone` asks less: only that a
/// scalar is a Character of its own (for cutting and counting), so it admits the compatibility
/// ideographs (年 U+F98E equals 年 U+5E74) that comparing bytes must not.
extension String {
    var isPlainScalars: Bool { CJK.allScalars(self, Self.isPlainScalar) }

    /// Whether the first `n` scalars (all, if fewer) are plain: then the first `n - 1` Characters
    /// are those scalars, and a plain word of fewer scalars is a prefix by Characters exactly when
    /// it is one by bytes.
    func hasPlainOpening(_ n: Int) -> Bool {
        var k = 0
        for s in unicodeScalars {
            guard k < n else { return true }
            guard Self.isPlainScalar(s.value) else { return false }
            k += 1
        }
        return true
    }

    @inline(__always) static func isPlainScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x0D: return false
        case 0x00...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2460...0x25FF,
            0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xFF01...0xFF9D, 0xFFE0...0xFFE6:
            return true
        default: return false
        }
    }
}

extension String {
    /// `hasPrefix`, compared as bytes when `plain` says both texts are plain (a fixed word and a
    /// text the caller checked): then bytes decide as Characters would.
    func hasPrefix(_ prefix: String, plain: Bool) -> Bool {
        guard plain else { return hasPrefix(prefix) }
        return Self.bytes(of: self, match: prefix, atEnd: false)
    }

    /// Whether `word`'s UTF-8 opens (or, `atEnd`, closes) `text`'s: compared where both lie
    /// contiguous (any native or literal String), not through two generic iterators.
    @inline(__always)
    static func bytes(of text: String, match word: String, atEnd: Bool) -> Bool {
        let n = word.utf8.count, count = text.utf8.count
        guard count >= n else { return false }
        let found: Bool?? = text.utf8.withContiguousStorageIfAvailable { t in
            word.utf8.withContiguousStorageIfAvailable { w in
                let offset = atEnd ? count - n : 0
                var i = 0
                while i < n {
                    guard t[offset + i] == w[i] else { return false }
                    i += 1
                }
                return true
            }
        }
        if let answer = found ?? nil { return answer }
        return atEnd ? text.utf8.suffix(n).elementsEqual(word.utf8) : text.utf8.starts(with: word.utf8)
    }
}

extension String {
    /// `hasSuffix`, compared as bytes when `plain` says both texts are plain.
    func hasSuffix(_ suffix: String, plain: Bool) -> Bool {
        guard plain else { return hasSuffix(suffix) }
        return Self.bytes(of: self, match: suffix, atEnd: true)
    }

    /// The number of Characters: of scalars when `plain` says the text is plain.
    func count(plain: Bool) -> Int { plain ? unicodeScalars.count : count }
}

extension Character {
    /// The scalar of a Character made of one scalar, else nil: a test against single-scalar
    /// punctuation without comparing strings.
    var loneScalar: UInt32? {
        let scalars = unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
            return nil
        }
        return first.value
    }

    /// One of ，,；;：:、。 — or U+037E, which Swift takes for ";" (canonically the same). No other
    /// scalar or sequence equals any of them.
    var isClauseStop: Bool { Self.isClauseStop(loneScalar) }

    /// The same for a Character's lone scalar.
    static func isClauseStop(_ scalar: UInt32?) -> Bool {
        switch scalar {
        case 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0x37E, 0xFF1A, 0x3A, 0x3001, 0x3002: return true
        default: return false
        }
    }
}

extension String {
    /// The last occurrence of `needle`, by bytes: for a plain text (and a plain needle) what
    /// Foundation's backward search finds, without it.
    func lastRange(of needle: String) -> Range<String.Index>? {
        let h = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= h.count else { return nil }
        var i = h.count - n.count
        while i >= 0 {
            if h[i..<(i + n.count)].elementsEqual(n) {
                let lower = utf8.index(utf8.startIndex, offsetBy: i)
                return lower..<utf8.index(lower, offsetBy: n.count)
            }
            i -= 1
        }
        return nil
    }
}

extension String {
    /// The same text in storage of its own size: a String grown by appending keeps the spare
    /// capacity of its last doubling, which a model holding it would keep too.
    var copiedToSize: String {
        String(unsafeUninitializedCapacity: utf8.count) { out in
            _ = out.initialize(fromContentsOf: utf8)
            return out.count
        }
    }
}
