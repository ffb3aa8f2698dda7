/// Years in the prose outside the document's, and words written twice (`prose.year`, `prose.doubled`).
enum ClaimYears {
    /// Years that are neither the document's nor the one before, and words written twice.
    static func yearsAndWords(_ sink: inout FindingSink) {
        let d = sink.disclosure
        guard let year = d.year else { return }
        let dated = [Rules.proseDate.id, Rules.proseHeadingYear.id]
        var reported = Set(sink.findings.filter { dated.contains($0.rule) }.compactMap(\.line))
        for (index, raw) in d.sourceLines.enumerated() {
            let line = index + 1
            guard isProse(line, d) else { continue }
            let text = CharacterLine(raw)
            let chars = text.chars
            var i = 0
            while i + 4 < chars.count {
                guard text.scalars[i] == 0x32, text.scalars[i + 1] == 0x30 else { i += 1; continue }  // "20"
                let slice = String(chars[i..<i + 4])
                if slice.hasPrefix("20"), slice.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(slice),
                    (i == 0 || !(chars[i - 1].isNumber || "〔【[(（{".contains(chars[i - 1])))
                {
                    var j = i + 4
                    while j < chars.count, text.scalars[j] == 0x20 { j += 1 }
                    if j < chars.count, chars[j] == "年", y != year, y != year - 1, y >= year - 4, y <= year + 2,
                        !reported.contains(line)
                    {
                        reported.insert(line)
                        sink.add(
                            Finding(
                                rule: Rules.proseYear, message: "情况说明第 \(line) 行写有 \(y) 年，文件年度为 \(year) 年", line: line))
                    }
                }
                i += 1
            }
            if let doubled = doubledPhrase(text) {
                sink.add(Finding(rule: Rules.proseDoubled, message: "第 \(line) 行“\(doubled)”连写两次", line: line))
            }
        }
    }

    static func isProse(_ line: Int, _ d: Disclosure) -> Bool {
        guard let first = d.sections.first?.lines.first else { return false }
        if line < first { return false }
        if d.performanceSheets.contains(where: { $0.lines.first <= line && line <= $0.lines.last }) { return false }
        if let g = d.glossary.first, line >= g.line { return false }
        return !d.sourceLines[line - 1].utf8.contains(9)
    }

    /// "预算预算", "增加行政单位离退休经费增加行政单位离退休经费": a Han phrase of 2–16 characters
    /// written twice in a row.
    static func doubledPhrase(_ text: CharacterLine) -> String? {
        let chars = text.chars
        // Only runs of Han characters can hold one, so a long line of digits or Latin costs one pass.
        var runs: [Range<Int>] = []
        var start: Int?
        for i in 0...chars.count {
            let inRun = i < chars.count && text.han[i]
            if inRun, start == nil { start = i }
            if !inRun, let s = start { if i - s >= 4 { runs.append(s..<i) }; start = nil }
        }
        for length in stride(from: 16, through: 2, by: -1) {
            for run in runs where 2 * length <= run.count {
                var i = run.lowerBound
                while i + 2 * length <= run.upperBound {
                    if (0..<length).allSatisfy({ CharacterLine.equal(text, i + $0, text, i + length + $0) }) {
                        let phrase = String(chars[i..<i + length])
                        if Set(phrase).count > 1 { return phrase }
                    }
                    i += 1
                }
            }
        }
        return nil
    }
}
