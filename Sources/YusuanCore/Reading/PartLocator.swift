/// Where the four parts (第一部分 … 第四部分) begin. The contents list names them too, so the
/// body's heading is the last line that starts with each.
struct PartLocator {
    /// Index into `SourceText.lines` of each part's heading, by part number 1…4.
    var heads: [Int: Int] = [:]
    var contentsStart: Int?

    var found: Int { heads.count }

    static let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4]

    static func partNumber(_ compact: String) -> Int? {
        // Asked of every line: a first scalar that is plain and not 第 starts no Character equal
        // to 第 (a plain scalar decomposes to nothing else), so most lines are out at one scalar.
        guard let head = compact.unicodeScalars.first,
            head.value == 0x7B2C || !String.isPlainScalar(head.value)
        else { return nil }
        guard compact.hasPrefix("第"), compact.count >= 4 else { return nil }
        let chars = Array(compact)
        guard let n = numerals[chars[1]], chars[2] == "部", chars[3] == "分" else { return nil }
        return n
    }

    static func locate(_ source: SourceText) -> PartLocator {
        var out = PartLocator()
        for (i, line) in source.lines.enumerated() {
            let c = line.compact
            if out.contentsStart == nil, c == "目录" { out.contentsStart = i }
            if let n = partNumber(c) { out.heads[n] = i }
        }
        // Headings must come in order; a later part found before an earlier one is the contents'.
        var last = -1
        for n in 1...4 {
            guard let h = out.heads[n] else { continue }
            if h < last { out.heads[n] = nil } else { last = h }
        }
        return out
    }

    func start(_ part: Int) -> Int? { heads[part] }

    func end(of part: Int, total: Int) -> Int {
        for next in (part + 1)...5 { if let h = heads[next] { return h } }
        return total
    }

    /// Lines of 第二部分; without headings, the whole text.
    func tableRegion(in source: SourceText) -> Range<Int> {
        let total = source.lines.count
        guard let s = heads[2] else { return Self.span(heads[1] ?? 0, heads[3] ?? total) }
        return Self.span(s, end(of: 2, total: total))
    }

    /// 第三部分: prose and performance sheets. Without its heading, from 第二部分 on; without
    /// either, nothing (then 第四部分 alone must not make the start pass the end).
    func proseRegion(in source: SourceText) -> Range<Int> {
        let total = source.lines.count
        return Self.span(heads[3] ?? heads[2] ?? total, heads[4] ?? total)
    }

    /// `from..<to`, empty at `to` when a missing heading puts `from` after it: headings come
    /// from the input, so no pair of them may make an invalid range.
    static func span(_ from: Int, _ to: Int) -> Range<Int> { min(from, to)..<to }
}
