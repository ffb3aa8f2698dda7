/// Helpers for Chinese text rebuilt from PDF copies.
public enum CJK {
    /// Han ideographs and CJK/full-width punctuation: wrapped text re-joins across them.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool { isWide(value: scalar.value) }

    static func isWide(value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// `text` from its first Han character: the numbering, brackets and marks before a name dropped.
    static func fromFirstHan(_ text: String) -> String {
        guard let i = text.unicodeScalars.firstIndex(where: isHan) else { return "" }
        return String(text.unicodeScalars[i...])
    }

    /// Joins text that a PDF wrapped: "人力资源和 社会保障管理 事务" → "人力资源和社会保障管理事务".
    /// A space survives only between two non-CJK characters ("GB/T 22239").
    public static func joinWrapped(_ text: String) -> String {
        guard hasBlank(text) else { return text }
        // On the bytes: a space or tab is one byte in UTF-8, and only the two scalars around a run
        // of them are decoded, to decide whether one space stays. Written straight into the
        // result's storage (the text only shrinks).
        let joined: String? = text.utf8.withContiguousStorageIfAvailable { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    guard b == 32 || b == 9 else {
                        out[n] = b
                        n += 1
                        i += 1
                        continue
                    }
                    var j = i + 1
                    while j < bytes.count && (bytes[j] == 32 || bytes[j] == 9) { j += 1 }
                    if n > 0, j < bytes.count {
                        var k = n - 1
                        while k > 0, out[k] & 0xC0 == 0x80 { k -= 1 }  // back to the last scalar's first byte
                        if !isWide(value: scalar(out, at: k)), !isWide(value: scalar(bytes, at: j)) {
                            out[n] = 32
                            n += 1
                        }
                    }
                    i = j
                }
                return n
            }
        }
        return joined ?? joinWrappedByArray(text)
    }

    /// `joinWrapped` for a text whose bytes are not contiguous.
    private static func joinWrappedByArray(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 32 || bytes[i] == 9 else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var j = i
            while j < bytes.count && (bytes[j] == 32 || bytes[j] == 9) { j += 1 }
            if !out.isEmpty, j < bytes.count {
                var k = out.count - 1
                while k > 0, out[k] & 0xC0 == 0x80 { k -= 1 }
                if !isWide(value: scalar(out, at: k)), !isWide(value: scalar(bytes, at: j)) { out.append(32) }
            }
            i = j
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar whose UTF-8 starts at `i` of valid UTF-8.
    static func scalar<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes, at i: Bytes.Index) -> UInt32
    where Bytes.Index == Int {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return b0 }
        func next(_ k: Int) -> UInt32 { UInt32(b[i + k]) & 0x3F }
        if b0 < 0xE0 { return (b0 & 0x1F) << 6 | next(1) }
        if b0 < 0xF0 { return (b0 & 0x0F) << 12 | next(1) << 6 | next(2) }
        return (b0 & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)
    }

    /// Removes every space: for comparing labels printed one character per cell ("合 计").
    public static func compact(_ text: String) -> String {
        // Spaces and tabs are single bytes in UTF-8, so filtering bytes keeps the text valid.
        guard hasBlank(text) else { return text }
        var source = text
        return source.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                for b in bytes where b != 32 && b != 9 {
                    out[n] = b
                    n += 1
                }
                return n
            }
        }
    }

    /// A space or tab anywhere in `text`.
    static func hasBlank(_ text: String) -> Bool { anyByte(text) { $0 == 32 || $0 == 9 } }

    /// A UTF-8 byte of `text` that `test` accepts: asked of nearly every line many times over,
    /// so scanned as contiguous bytes where the string holds them so (a native string always
    /// does), not through the UTF-8 view's iterator.
    @inline(__always)
    static func anyByte(_ text: some StringProtocol, _ test: (UInt8) -> Bool) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in
            for b in bytes where test(b) { return true }
            return false
        }) {
            return found
        }
        return text.utf8.contains(where: test)
    }

    /// True for a scalar that is a Character of its own wherever it stands: it joins neither
    /// the scalar before it nor the one after (Unicode's grapheme break property Other or
    /// Control, no Prepend, Extend, SpacingMark, ZWJ, regional indicator or Hangul jamo). The
    /// ranges are the common scripts of these documents; anything else answers false and the
    /// caller takes the Character path.
    static func standsAlone(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x2BFF, 0x3000...0x3029,
            0x3030...0x303F, 0x3041...0x3096, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF01...0xFF9D, 0xFFE0...0xFFEE:
            return true
        default:
            return false
        }
    }

    /// True when every scalar of `text` stands alone: its scalars are then its Characters, and
    /// a scalar's position is a Character's position.
    static func scalarsAreCharacters(_ text: String) -> Bool { allScalars(text, standsAlone) }

    /// Whether `test` accepts every scalar of `text`: decoded from the contiguous UTF-8 in one
    /// pass (valid UTF-8, as every native String is), ASCII without decoding.
    @inline(__always)
    static func allScalars(_ text: String, _ test: (UInt32) -> Bool) -> Bool {
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { b in
            var i = 0
            while i < b.count {
                let b0 = b[i]
                if b0 < 0x80 {
                    guard test(UInt32(b0)) else { return false }
                    i += 1
                    continue
                }
                guard test(scalar(b, at: i)) else { return false }
                i += b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            }
            return true
        }
        return found ?? text.unicodeScalars.allSatisfy { test($0.value) }
    }

    /// Byte offsets of `String.trimmed()`'s result, or nil where the bytes cannot tell (a
    /// whitespace or joining scalar outside ASCII at a cut).
    static func trimBounds(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        func asciiSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
        var from = 0
        while from < b.count, asciiSpace(b[from]) { from += 1 }
        if from == b.count { return (0, 0) }
        // The first kept scalar must not be whitespace, nor join the space before it.
        if b[from] >= 0x80, !standsAloneNotSpace(scalar(b, at: from)) { return nil }
        var to = b.count
        while to > from, asciiSpace(b[to - 1]) { to -= 1 }
        // The last kept scalar must not be whitespace, nor be one (Prepend) that a space after
        // it joins, nor extend a space before it.
        if b[to - 1] >= 0x80 {
            var k = to - 1
            while b[k] & 0xC0 == 0x80 { k -= 1 }
            if !standsAloneNotSpace(scalar(b, at: k)) { return nil }
        }
        return (from, to)
    }

    /// Stands alone and is no whitespace: of the scalars that stand alone, U+0009, U+0020, U+00A0
    /// and U+3000 are Unicode's White_Space (asking the scalar's properties costs hundreds of
    /// instructions).
    private static func standsAloneNotSpace(_ v: UInt32) -> Bool {
        standsAlone(v) && v != 0x09 && v != 0x20 && v != 0xA0 && v != 0x3000
    }

    /// Half-width brackets and colons as full-width, for matching labels across layouts.
    public static func canonicalLabel(_ text: String) -> String {
        var s = compact(text)
        guard s.utf8.contains(where: { $0 == 0x28 || $0 == 0x29 || $0 == 0x3A }) else { return s }
        s = s.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        s = s.replacingOccurrences(of: ":", with: "：")
        return s
    }

    /// A cell that repeats one phrase k times ("A A A") → (phrase, k); (text, 1) otherwise.
    public static func dedupeRepeated(_ text: String) -> (String, Int) {
        let compacted = compact(text)
        let chars = Array(compacted)
        let n = chars.count
        guard n >= 4 else { return (joinWrapped(text), 1) }
        for k in stride(from: 4, through: 2, by: -1) where n % k == 0 {
            let len = n / k
            guard len >= 2 else { continue }
            let unit = chars[0..<len]
            var same = true
            for r in 1..<k where chars[(r * len)..<((r + 1) * len)] != unit { same = false; break }
            if same { return (String(unit), k) }
        }
        return (joinWrapped(text), 1)
    }
}

extension String {
    /// Without leading and trailing whitespace Characters (`Character.isWhitespace`, which asks
    /// the Character's first scalar). Worked out on the bytes: where the scalars at the cuts are
    /// plainly Characters of their own (`CJK.standsAlone`), a byte cut is the Character cut.
    func trimmed() -> String {
        let fast: String?? = utf8.withContiguousStorageIfAvailable { b in
            guard let (from, to) = CJK.trimBounds(b) else { return nil }
            return from == 0 && to == b.count ? self : String(decoding: b[from..<to], as: UTF8.self)
        }
        return (fast ?? nil) ?? trimmedByCharacter()
    }

    /// The same by Characters, for the strings the byte path cannot decide.
    private func trimmedByCharacter() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
