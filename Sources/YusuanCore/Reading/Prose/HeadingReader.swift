/// What headings and lines say of the document itself: the year it is for, the unit it names,
/// and placeholders of the blank form (XX局, XXX万元) left unfilled.
enum HeadingReader {
    /// Lines that title the document or a part of it: "第三部分 …", "一、关于…", "（一）…".
    static func headings(_ d: Disclosure) -> [(line: Int, text: String, compact: String)] {
        var out: [(Int, String, String)] = []
        // Tabs looked for by byte: a Character search walks graphemes, on every line of the text.
        for (i, line) in d.sourceLines.enumerated() {
            // Most lines are neither a part's title nor a numbered heading: say so before making
            // the line a String, looking for tabs, trimming and compacting.
            guard SectionReader.mayBeHeading(line) || SectionReader.leadMayBe(line, { $0 == 0x7B2C }) else { continue }
            let raw = String(line)
            let numbered = SectionReader.heading(raw) != nil
            guard numbered || SectionReader.leadMayBe(raw, { $0 == 0x7B2C }) else { continue }  // 第
            guard !raw.utf8.contains(9) else { continue }
            let t = raw.trimmed()
            guard numbered || t.first == "第" else { continue }
            let compact = CJK.compact(t)
            let part = compact.hasPrefix("第") && compact.prefix(6).contains("部分")
            guard part || numbered, compact.count <= 80 else { continue }
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
        for (i, raw) in d.sourceLines.enumerated() where !raw.utf8.contains(9) {
            if let p = placeholder(in: raw) {
                out.append(
                    Claim(kind: .unitName, subject: "占位符", sentence: String(raw).trimmed(), line: i + 1, words: [p]))
            }
        }
        return out
    }

    /// The four-digit years followed by 年 in a line.
    static func years(in s: String) -> [Int] {
        // An ASCII digit Character is one ASCII byte: without any, no year.
        guard s.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return [] }
        let chars = Array(s)
        var out: [Int] = []
        var i = 0
        while i + 4 < chars.count {
            let window = chars[i..<i + 4]
            if window.allSatisfy({ $0.isASCII && $0.isNumber }), chars[i + 4] == "年",
                i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber), let y = Int(String(window)), y >= 1990,
                y <= 2100
            {
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
        let chars = Array(compact)
        guard
            let yearAt = (0..<max(0, chars.count - 4)).first(where: { i in
                chars[i..<i + 4].allSatisfy { $0.isASCII && $0.isNumber } && chars[i + 4] == "年"
            })
        else { return nil }
        var start = 0
        let head = String(chars[..<yearAt])
        if let r = head.isPlainScalars ? head.lastRange(of: "关于") : head.range(of: "关于", options: .backwards) {
            start = head.distance(from: head.startIndex, to: r.upperBound)
        } else if let r = head.range(of: "部分") {
            start = head.distance(from: head.startIndex, to: r.upperBound)
        } else {
            return nil
        }
        let name = String(chars[start..<yearAt])
        guard name.count >= 4, let last = name.last, orgEndings.contains(last) else { return nil }
        return name
    }

    /// The last character of a body's name: 局, 中心, 委员会, 法院 …
    static let orgEndings: Set<Character> = Set("局心厅会院所室处部站队馆校办府署社团委司协联")

    /// "XX", "XXX", "××" standing where a name or a number should.
    static func placeholder(in line: some StringProtocol) -> String? {
        // Most lines hold no X at all: one pass over scalars before any characters are made.
        guard line.unicodeScalars.contains(where: { $0 == "X" || $0 == "×" || $0 == "Ｘ" }) else { return nil }
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
                let after = chars[j..<min(chars.count, j + 2)]
                return String(chars[i..<j]) + String(after)
            }
            i = j
        }
        return nil
    }
}
