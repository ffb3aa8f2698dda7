/// Indicator rows copied as fragments a few characters wide: level words and names wrap
/// ("产出指" / "标"), the value, basis, last value and weight usually share one line, and the
/// scoring rule and evidence wrap after it.
enum WrappedIndicators {
    static func read(_ lines: [SourceText.Line]) -> [Indicator] {
        // Skip the header: up to the line that completes its last column (佐证资料 or 权重).
        var start = 0
        var headerText = ""
        for (i, line) in lines.enumerated() {
            headerText += line.compact
            if headerText.contains("佐证资料") { start = i + 1; break }
            if i > 30 { break }
        }
        if start == 0, let i = lines.firstIndex(where: { $0.compact.contains("权重") }) { start = i + 1 }
        var out: [Indicator] = []
        var pending: [String] = []
        var pendingFirst: Int?
        var tail = ""
        var level1: String?
        var level2: String?
        let tailWords = IndicatorVocabulary.tailWords

        func finish(_ valueTokens: [String], weight: String?, line: Int) {
            var text = pending.map(CJK.compact).joined()
            // Level words lead the pending text: "产出指标" "数量指标" then the name.
            var words: [(String, Int)] = []
            while words.count < 2, let word = levelPrefix(text) {
                words.append((word, words.count))
                text.removeFirst(word.count)
            }
            let (rowL1, rowL2) = LevelWords.assign(words, currentL1: level1)
            if let l1 = rowL1 { level1 = l1; level2 = nil }
            if let l2 = rowL2 { level2 = l2 }
            // The value tokens: value, basis, last value (basis found by its wording).
            let joined = valueTokens.joined(separator: " ")
            var value = joined
            var basis: String?
            var last: String?
            let compactJoined = valueTokens.map(CJK.compact).joined()
            for b in IndicatorVocabulary.bases {
                if let r = compactJoined.range(of: b) {
                    value = String(compactJoined[..<r.lowerBound])
                    basis = b
                    let rest = String(compactJoined[r.upperBound...])
                    last = rest.isEmpty ? nil : rest
                    break
                }
            }
            let (name, repeats) = CJK.dedupeRepeated(text)
            out.append(Indicator(level1: level1, level2: level2, name: name, value: value.isEmpty ? nil : value,
                                 basis: basis, lastValue: last, weight: weight, nameRepeats: repeats,
                                 lines: SourceRange(pendingFirst ?? line, line)))
            pending = []
            pendingFirst = nil
            tail = ""
        }

        func assignTail() {
            guard !tail.isEmpty, !out.isEmpty else { return }
            var rule = tail
            var evidence: String?
            for e in IndicatorVocabulary.evidence where tail.hasSuffix(e) {
                rule = String(tail.dropLast(e.count)); evidence = e
            }
            out[out.count - 1].scoringRule = rule.isEmpty ? nil : rule
            out[out.count - 1].evidence = evidence
        }

        var inTail = false
        for line in lines.dropFirst(start) {
            let tokens = Fragment.tokens(line.text)
            guard !tokens.isEmpty else { continue }
            let compact = line.compact
            if inTail, tailWords.contains(where: { $0.hasPrefix(tail + compact) }) {
                tail += compact
                assignTail()
                continue
            }
            inTail = false
            // A main line: [name…] value basis last weight.
            if let weight = tokens.last, weight.allSatisfy(\.isNumber), weight.count <= 3,
               let v = tokens.firstIndex(where: IndicatorVocabulary.looksLikeValue) ?? (tokens.count >= 4 ? tokens.count - 4 : nil),
               v < tokens.count - 1 {
                if pendingFirst == nil { pendingFirst = line.number }
                pending.append(contentsOf: tokens[..<v])
                finish(Array(tokens[v..<(tokens.count - 1)]), weight: weight, line: line.number)
                inTail = true
                continue
            }
            // A value that wrapped over several lines ends at a lone weight.
            if tokens.count == 1, let w = tokens.first, w.allSatisfy(\.isNumber), w.count <= 3,
               let v = pending.firstIndex(where: IndicatorVocabulary.looksLikeValue) {
                let valueTokens = Array(pending[v...])
                pending = Array(pending[..<v])
                finish(valueTokens, weight: w, line: line.number)
                inTail = true
                continue
            }
            if pendingFirst == nil { pendingFirst = line.number }
            pending.append(contentsOf: tokens)
        }
        return out
    }

    static func levelPrefix(_ text: String) -> String? {
        for word in IndicatorVocabulary.level1 where text.hasPrefix(word) && !text.hasPrefix(word + "指标") { return word }
        for length in stride(from: min(8, text.count), through: 2, by: -1) {
            let head = String(text.prefix(length))
            if head.hasSuffix("指标") || IndicatorVocabulary.level2Extra.contains(head) { return head }
        }
        return nil
    }
}
