/// The numbered sections of 第三部分 as a tree: 一、 › （一） › 1.
enum SectionReader {
    static let numerals = "一二三四五六七八九十"

    /// The scalar of one of 一…十: a switch, as this is asked of nearly every line (hashing the
    /// scalar for a set lookup cost more than the rest of the test).
    static func isNumeral(scalar v: UInt32) -> Bool {
        switch v {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true
        default: return false
        }
    }

    /// One of 一…十 (a scalar test: `String.contains(Character)` compared strings each time).
    static func isNumeral(_ c: Character) -> Bool {
        c.unicodeScalars.count == 1 && isNumeral(scalar: c.unicodeScalars.first!.value)
    }

    /// ("一", depth 1), ("（一）", depth 2), ("1", depth 3) for a heading line, else nil.
    static func heading(_ text: String) -> (String, Int, String)? {
        guard mayBeHeading(text) else { return nil }
        let t = text.trimmed()
        if let answer = headingByScalars(t) { return answer }
        guard let first = t.first else { return nil }
        // Only the opening characters decide: this runs on every line, so the rest is not walked.
        var i = t.startIndex
        while i < t.endIndex, isNumeral(t[i]) { i = t.index(after: i) }
        if i > t.startIndex, i < t.endIndex, t[i] == "、" {
            return (String(t[..<i]), 1, String(t[t.index(after: i)...]).trimmed())
        }
        if first == "（" || first == "(" {
            let start = t.index(after: t.startIndex)
            var j = start
            while j < t.endIndex, isNumeral(t[j]) { j = t.index(after: j) }
            if j > start, j < t.endIndex, t[j] == "）" || t[j] == ")" {
                return ("（" + String(t[start..<j]) + "）", 2, String(t[t.index(after: j)...]).trimmed())
            }
        }
        return nil
    }

    /// `heading` read on the scalars where those it looks at, and the one after each, are plain:
    /// each is then a Character of its own (numerals, brackets and "、" equal no other scalar or
    /// sequence). nil where they are not, for the Character path to decide.
    private static func headingByScalars(_ t: String) -> (String, Int, String)?? {
        let s = t.unicodeScalars
        func plain(at k: String.Index) -> Bool { k == s.endIndex || String.isPlainScalar(s[k].value) }
        var i = s.startIndex
        while i < s.endIndex, isNumeral(scalar: s[i].value) { i = s.index(after: i) }
        if i > s.startIndex {
            guard plain(at: i) else { return nil }
            guard i < s.endIndex, s[i] == "、" else { return .some(nil) }
            let after = s.index(after: i)
            guard plain(at: after) else { return nil }
            return .some((String(t[..<i]), 1, String(t[after...]).trimmed()))
        }
        guard i < s.endIndex, s[i] == "（" || s[i] == "(" else { return .some(nil) }
        let start = s.index(after: i)
        guard plain(at: start) else { return nil }
        var j = start
        while j < s.endIndex, isNumeral(scalar: s[j].value) { j = s.index(after: j) }
        guard j > start else { return .some(nil) }
        guard plain(at: j) else { return nil }
        guard j < s.endIndex, s[j] == "）" || s[j] == ")" else { return .some(nil) }
        let after = s.index(after: j)
        guard plain(at: after) else { return nil }
        return .some(("（" + String(t[start..<j]) + "）", 2, String(t[after...]).trimmed()))
    }

    /// False when `text` surely is no heading: most lines start with neither a numeral nor a
    /// bracket, said from the first scalar.
    static func mayBeHeading(_ text: some StringProtocol) -> Bool {
        leadMayBe(text, { $0 == 0xFF08 || $0 == 0x28 || isNumeral(scalar: $0) })
    }

    /// False when the first Character of `text.trimmed()` surely does not start with a scalar
    /// that `accepts` (true when it may). `trimmed` drops Characters whose first scalar is
    /// whitespace; a plain first scalar after them (see `isPlainScalars`) that is refused starts a
    /// Character that can equal none accepted: combining marks after it never make a lone numeral,
    /// bracket or ideograph. Any other first scalar leaves the decision to the Character path.
    static func leadMayBe(_ text: some StringProtocol, _ accepts: (UInt32) -> Bool) -> Bool {
        for s in text.unicodeScalars {
            let v = s.value
            // Whitespace as `Character.isWhitespace` sees it; ASCII and Han asked without the
            // property tables.
            let white =
                v < 0x80
                ? v == 32 || (9...13).contains(v) : (0x4E00...0x9FFF).contains(v) ? false : s.properties.isWhitespace
            if white { continue }
            return !String.isPlainScalar(v) || accepts(v)
        }
        return false
    }

    /// `leadMayBe` for a line's UTF-8 (valid, as a String's is).
    static func leadMayBe(bytes b: UnsafeBufferPointer<UInt8>, _ accepts: (UInt32) -> Bool) -> Bool {
        var i = 0
        while i < b.count {
            let b0 = b[i]
            let v = b0 < 0x80 ? UInt32(b0) : CJK.scalar(b, at: i)
            let white =
                v < 0x80
                ? v == 32 || (9...13).contains(v)
                : (0x4E00...0x9FFF).contains(v) ? false : Unicode.Scalar(v)!.properties.isWhitespace
            if white {
                i += b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
                continue
            }
            return !String.isPlainScalar(v) || accepts(v)
        }
        return false
    }

    /// A heading wrapped onto the next line ("…2023 年一般" / "公共预算当年拨款情况说明") is one title.
    static func continuation<Line: ProseLine>(of title: String, next: Line?) -> String? {
        guard let next, !next.hasTabs, heading(next.text) == nil else { return nil }
        let t = CJK.compact(title)
        // Plain texts are compared and counted by bytes and scalars (`isPlainScalars`).
        let plainTitle = t.isPlainScalars
        if t.hasSuffix("说明", plain: plainTitle) || t.hasSuffix("情况", plain: plainTitle)
            || t.hasSuffix("职能", plain: plainTitle) || t.hasSuffix("解释", plain: plainTitle)
        {
            return nil
        }
        let n = next.compact
        let plain = n.isPlainScalars
        guard n.count(plain: plain) <= 24, n.hasSuffix("说明", plain: plain) || n.hasSuffix("情况", plain: plain),
            !n.contains("，"), !n.contains("。")
        else {
            return nil
        }
        return n
    }

    static func read(_ lines: ArraySlice<SourceText.Line>) -> [ProseSection] {
        var roots: [ProseSection] = []
        var lastLine = lines.last?.number ?? 0
        for line in lines.reversed() where !line.isBlank { lastLine = line.number; break }
        var flat: [(ProseSection)] = []
        let body = lines.filter { !$0.isBlank }
        for (i, line) in body.enumerated() where !line.hasTabs {
            guard let (number, depth, title) = heading(line.text), title.count <= 80, !title.isEmpty else { continue }
            let rest = continuation(of: title, next: i + 1 < body.count ? body[i + 1] : nil) ?? ""
            flat.append(
                ProseSection(
                    number: number, title: CJK.joinWrapped(title) + rest, depth: depth,
                    lines: SourceRange(line: line.number)))
        }
        // Each section runs to the line before the next heading of the same or a higher level.
        for i in flat.indices {
            var end = lastLine
            if let next = flat[(i + 1)...].first(where: { $0.depth <= flat[i].depth }) { end = next.lines.first - 1 }
            flat[i].lines = SourceRange(flat[i].lines.first, max(flat[i].lines.first, end))
        }
        for s in flat {
            if s.depth == 1 || roots.isEmpty { roots.append(s) } else { roots[roots.count - 1].children.append(s) }
        }
        return roots
    }
}
