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
        var last: Row?

        /// `merged`: the row's left cells all came from one line, one token per cell.
        func finish(_ valueTokens: [String], weight: String?, line: Int, merged: Bool = false) {
            last = Row(
                left: pending, merged: merged, value: valueTokens, weight: weight,
                first: pendingFirst ?? line, levels: (level1, level2))
            var text = pending.map(CJK.compact).joined()
            var words: [(String, Int)] = []
            if merged, pending.count == 3 {
                // 一级, 二级 and the name side by side: the levels by their place, whatever they say.
                words = [(CJK.compact(pending[0]), 0), (CJK.compact(pending[1]), 1)]
                text = CJK.compact(pending[2])
            }
            // Level words lead the pending text: "产出指标" "数量指标" then the name.
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
            out.append(
                Indicator(
                    level1: level1, level2: level2, name: name, value: value.isEmpty ? nil : value,
                    basis: basis, lastValue: last, weight: weight, nameRepeats: repeats,
                    lines: SourceRange(pendingFirst ?? line, line)))
            pending = []
            pendingFirst = nil
            tail = ""
        }

        // Pieces of the name (or, beside a merged line, of each left cell) printed below the
        // row's main line: the row is read again with them.
        func amend(_ pieces: [String], line: Int) {
            guard var row = last, !out.isEmpty, !row.left.isEmpty else { return }
            if row.merged, pieces.count == row.left.count {
                row.left = zip(row.left, pieces).map { $0 + $1 }
            } else {
                row.left[row.left.count - 1] += pieces.joined()
            }
            let keptTail = tail
            out.removeLast()
            (level1, level2) = row.levels
            pending = row.left
            pendingFirst = row.first
            finish(row.value, weight: row.weight, line: line, merged: row.merged)
            tail = keptTail
            assignTail()
        }

        // Rule and evidence wrap in parallel columns, so their pieces interleave: gather the
        // pieces, then name the rule and the evidence they spell.
        func assignTail() {
            guard !tail.isEmpty, !out.isEmpty else { return }
            let (rule, evidence) = IndicatorVocabulary.tailNames(tail)
            out[out.count - 1].scoringRule = rule
            out[out.count - 1].evidence = evidence
        }

        func isTailPiece(_ piece: String) -> Bool {
            guard !piece.isEmpty else { return false }
            // The vocabulary is plain: for a plain piece, bytes decide as Characters would.
            let head = tail + piece
            if IndicatorVocabulary.tailWordsRun.starts(head) { return true }
            // "满意度" may start the next row's 满意度指标 as well as end a rule.
            let levelStart = IndicatorVocabulary.levelWordsRun.starts(piece)
            return !levelStart && IndicatorVocabulary.tailWordsRun.inside(piece)
        }

        var inTail = false
        // After a merged line, the lines down to the rule's next piece continue its left cells.
        var continuing = false
        for line in lines.dropFirst(start) {
            var tokens = Fragment.tokens(line.text)
            guard !tokens.isEmpty else { continue }
            let compact = line.compact
            if continuing, !isMainLine(tokens) {
                let (left, pieces) = splitTail(tokens, isPiece: isTailPiece)
                if !left.isEmpty { amend(left, line: line.number) }
                if !pieces.isEmpty { tail += pieces.joined(); assignTail(); continuing = false }
                continue
            }
            continuing = false
            if inTail, isTailPiece(compact) {
                tail += compact
                assignTail()
                continue
            }
            // A merged line: every cell's first piece, the rule's and evidence's after the weight.
            var carried: [String] = []
            let (row, pieces) = splitTail(tokens, isPiece: IndicatorVocabulary.tailWordsRun.inside)
            if !pieces.isEmpty, row.count >= 2, isMainLine(row) {
                tokens = row
                carried = pieces
            }
            // Cells of one row share a line: name pieces left of a rule or evidence piece
            // ("条件 赋分") still belong to the row above.
            if inTail, carried.isEmpty, tokens.count >= 2,
                case let (left, pieces) = splitTail(tokens, isPiece: isTailPiece),
                !left.isEmpty, !pieces.isEmpty, !isMainLine(left)
            {
                amend(left, line: line.number)
                tail += pieces.joined()
                assignTail()
                continue
            }
            inTail = false
            let wasEmpty = pending.isEmpty
            if isMainLine(tokens), let weight = tokens.last {
                // A main line: [name…] value basis last weight.
                if let v = tokens.firstIndex(where: IndicatorVocabulary.looksLikeValue), v < tokens.count - 1 {
                    if pendingFirst == nil { pendingFirst = line.number }
                    pending.append(contentsOf: tokens[..<v])
                    finish(
                        Array(tokens[v..<(tokens.count - 1)]), weight: weight, line: line.number,
                        merged: wasEmpty && !carried.isEmpty)
                    inTail = true
                    if !carried.isEmpty {
                        tail = carried.joined()
                        assignTail()
                        continuing = !isComplete(tail)
                    }
                    continue
                }
                // A value that wrapped over several lines ends at this weight.
                if let v = valueStart(pending) {
                    let valueTokens = Array(pending[v...]) + tokens.dropLast()
                    pending = Array(pending[..<v])
                    finish(valueTokens, weight: weight, line: line.number)
                    inTail = true
                    continue
                }
                // A value without a comparator ("2022年10月底前"): everything before the basis.
                if let b = tokens.firstIndex(where: IndicatorVocabulary.isBasis), b > 0 {
                    if pendingFirst == nil { pendingFirst = line.number }
                    finish(Array(tokens[0..<(tokens.count - 1)]), weight: weight, line: line.number)
                    inTail = true
                    continue
                }
                if tokens.count >= 4 {
                    if pendingFirst == nil { pendingFirst = line.number }
                    pending.append(contentsOf: tokens[..<(tokens.count - 4)])
                    finish(Array(tokens[(tokens.count - 4)..<(tokens.count - 1)]), weight: weight, line: line.number)
                    inTail = true
                    continue
                }
            }
            if pendingFirst == nil { pendingFirst = line.number }
            pending.append(contentsOf: tokens)
        }
        return out
    }

    struct Row {
        var left: [String]
        var merged: Bool
        var value: [String]
        var weight: String?
        var first: Int
        var levels: (String?, String?)
    }

    /// A line that ends a row: something, then a weight. "2023年 12" is a date wrapped
    /// before 月底前, not a weight.
    static func isMainLine(_ tokens: [String]) -> Bool {
        guard let weight = tokens.last, IndicatorVocabulary.isWeight(weight) else { return false }
        return !(tokens.count >= 2 && isYear(tokens[tokens.count - 2]))
    }

    /// "2023年", "=2023年"; not "50元/人/年".
    static func isYear(_ token: String) -> Bool {
        let digits = token.drop(while: IndicatorVocabulary.isComparison)
        return digits.count == 5 && digits.hasSuffix("年") && digits.dropLast().allSatisfy(\.isNumber)
    }

    /// Splits a line into its left tokens and the rule/evidence pieces that end it.
    static func splitTail(_ tokens: [String], isPiece: (String) -> Bool) -> ([String], [String]) {
        var i = tokens.count
        while i > 0, isPiece(CJK.compact(tokens[i - 1])) { i -= 1 }
        return (Array(tokens[..<i]), tokens[i...].map(CJK.compact))
    }

    /// Whether the pieces gathered spell a whole rule and a whole evidence.
    static func isComplete(_ tail: String) -> Bool {
        IndicatorVocabulary.rules.contains { tail.contains($0) }
            && IndicatorVocabulary.evidence.contains { tail.contains($0) }
    }

    /// Where a value that wrapped over lines starts among the pending tokens: a comparator
    /// before qualitative wording, since names also start with 保障 or 提升 ("保障支出").
    static func valueStart(_ pending: [String]) -> Int? {
        let basis = pending.firstIndex(where: IndicatorVocabulary.isBasis) ?? pending.count
        let head = pending[..<basis]
        return head.firstIndex { $0.first.map(IndicatorVocabulary.isComparison) ?? false }
            ?? pending.firstIndex(where: IndicatorVocabulary.looksLikeValue)
            ?? pending.firstIndex(where: { $0.first?.isNumber == true })
    }

    static func levelPrefix(_ text: String) -> String? {
        // The vocabulary is plain: in a plain text (nearly all) bytes decide as Characters would,
        // and its scalars are its Characters.
        let plain = text.isPlainScalars
        for word in IndicatorVocabulary.level1
        where text.hasPrefix(word, plain: plain) && !text.hasPrefix(word + "指标", plain: plain) {
            return word
        }
        for length in stride(from: min(8, text.count(plain: plain)), through: 2, by: -1) {
            let head = plain ? String(text.unicodeScalars.prefix(length)) : String(text.prefix(length))
            if head.hasSuffix("指标", plain: plain) || IndicatorVocabulary.level2Extra.contains(head, plain: plain) {
                return head
            }
        }
        return nil
    }
}
