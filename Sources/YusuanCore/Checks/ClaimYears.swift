/// Years in the prose outside the document's, and words written twice (`prose.year`, `prose.doubled`).
enum ClaimYears {
    /// Years that are neither the document's nor the one before, and words written twice.
    static func yearsAndWords(_ sink: inout FindingSink) {
        let d = sink.disclosure
        guard let year = d.year else { return }
        let dated = [Rules.proseDate.id, Rules.proseHeadingYear.id]
        var reported = Set(sink.findings.filter { dated.contains($0.rule) }.compactMap(\.line))
        // Only the lines `isProse` keeps are made: from the first section to the glossary.
        guard let first = d.sections.first?.lines.first else { return }
        let end = min(d.sourceLines.count, (d.glossary.first?.line).map { $0 - 1 } ?? Int.max)
        let start = max(first, 1)
        guard start <= end else { return }
        for line in start...end {
            if d.performanceSheets.contains(where: { $0.lines.first <= line && line <= $0.lines.last }) { continue }
            let raw = d.sourceLines[line - 1]
            if CJK.anyByte(raw, { $0 == 9 }) { continue }
            let text = CharacterLine(raw)
            let scalars = text.scalars
            var i = 0
            while i + 4 < text.count {
                // "20" and two more ASCII digits (a Character with one plain scalar is that scalar;
                // any other Character is 0 here and was no ASCII digit).
                guard scalars[i] == 0x32, scalars[i + 1] == 0x30, isDigit(scalars[i + 2]), isDigit(scalars[i + 3])
                else {
                    i += 1
                    continue
                }
                let y = 2000 + Int(scalars[i + 2] - 0x30) * 10 + Int(scalars[i + 3] - 0x30)
                if i == 0 || !(text.character(i - 1).isNumber || opensBracket(text.character(i - 1).loneScalar)) {
                    var j = i + 4
                    while j < text.count, scalars[j] == 0x20 { j += 1 }
                    if j < text.count, text.character(j) == "年", y != year, y != year - 1, y >= year - 4, y <= year + 2,
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

    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// One of 〔【[(（{ as a Character's lone scalar: none equals any other scalar or sequence.
    static func opensBracket(_ scalar: UInt32?) -> Bool {
        switch scalar {
        case 0x3014, 0x3010, 0x5B, 0x28, 0xFF08, 0x7B: return true
        default: return false
        }
    }

    static func isProse(_ line: Int, _ d: Disclosure) -> Bool {
        guard let first = d.sections.first?.lines.first else { return false }
        if line < first { return false }
        if d.performanceSheets.contains(where: { $0.lines.first <= line && line <= $0.lines.last }) { return false }
        if let g = d.glossary.first, line >= g.line { return false }
        return !CJK.anyByte(d.sourceLines[line - 1]) { $0 == 9 }
    }

    /// "预算预算", "增加行政单位离退休经费增加行政单位离退休经费": a Han phrase of 2–16 characters
    /// written twice in a row.
    static func doubledPhrase(_ text: CharacterLine) -> String? {
        // Only runs of Han characters can hold one, so a long line of digits or Latin costs one pass.
        var runs: [Range<Int>] = []
        var start: Int?
        for i in 0...text.count {
            let inRun = i < text.count && text.han[i]
            if inRun, start == nil { start = i }
            if !inRun, let s = start { if i - s >= 4 { runs.append(s..<i) }; start = nil }
        }
        for length in stride(from: 16, through: 2, by: -1) {
            for run in runs where 2 * length <= run.count {
                var i = run.lowerBound
                while i + 2 * length <= run.upperBound {
                    // A plain line's Characters are equal where their scalars are (`CharacterLine.equal`).
                    let same =
                        text.plain
                        ? text.scalars.withUnsafeBufferPointer { s in
                            var k = 0
                            while k < length, s[i + k] == s[i + length + k] { k += 1 }
                            return k == length
                        } : (0..<length).allSatisfy({ CharacterLine.equal(text, i + $0, text, i + length + $0) })
                    if same {
                        let phrase = text.string(i..<i + length)
                        if Set(phrase).count > 1 { return phrase }
                    }
                    i += 1
                }
            }
        }
        return nil
    }
}
