/// Where the four parts (第一部分 … 第四部分) begin. The contents list names them too, so the
/// body's heading is the last line that starts with each.
struct PartLocator {
    /// Index into `SourceText.lines` of each part's heading, by part number 1…4.
    var heads: [Int: Int] = [:]
    var contentsStart: Int?

    var found: Int { heads.count }

    static let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4]

    static func partNumber(_ compact: String) -> Int? {
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
        guard let s = heads[2] else {
            let from = heads[1] ?? 0
            return from..<(heads[3] ?? total)
        }
        return s..<end(of: 2, total: total)
    }

    /// 第三部分: prose and performance sheets.
    func proseRegion(in source: SourceText) -> Range<Int> {
        let total = source.lines.count
        guard let s = heads[3] else { return (heads[2] ?? total)..<(heads[4] ?? total) }
        return s..<(heads[4] ?? total)
    }
}
