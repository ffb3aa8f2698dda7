/// Indicator rows from a converter that prints a row's text cells on one line, separated by
/// spaces, and its number cells on the next (the empty cells gone): the header's labels on a
/// line, then "产出目标 数量指标 购买办公用品（批次）" over "8". The rows are put back on tab lines
/// for `TabIndicators`.
enum LabelAboveIndicators {
    /// The header's labels share a line, separated by spaces: 一级指标 二级指标 …
    static func applies(_ lines: [SourceText.Line]) -> Bool {
        guard let first = lines.first, !first.hasTabs else { return false }
        let tokens = Fragment.tokens(first.text)
        return tokens.count >= 3 && tokens[0] == "一级指标" && tokens[1] == "二级指标"
    }

    static func isNumbers(_ line: SourceText.Line) -> Bool {
        let tokens = Fragment.tokens(line.text)
        return !tokens.isEmpty && tokens.allSatisfy { Fragment.isNumeric($0) || $0 == "-" }
    }

    static func tabbed(_ lines: [SourceText.Line]) -> [SourceText.Line] {
        let header = Fragment.tokens(lines[0].text).map(CJK.compact)
        let columns = TabIndicators.columns(header)
        let valueColumn = columns.value ?? 3
        let width = max(header.count, valueColumn + 1)
        var out = [SourceText.Line(number: lines[0].number, text: header.joined(separator: "\t"))]
        var index = 1
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.isBlank { continue }
            var numbers: [String] = []
            while index < lines.count, isNumbers(lines[index]) {
                numbers += Fragment.tokens(lines[index].text)
                index += 1
            }
            var tokens = Fragment.tokens(line.text)
            if isNumbers(line) { numbers = tokens + numbers; tokens = [] }
            var cells = Array(repeating: "", count: width)
            var words: [String] = []
            while words.count < 2, let t = tokens.first, IndicatorVocabulary.isLevelWord(t), tokens.count > 1 {
                words.append(t)
                tokens.removeFirst()
            }
            LevelWords.place(words, sheetStart: out.count == 1, into: &cells)
            // The name runs to the value's first word (a comparator, a percentage, a usual
            // qualitative start); a short unit after it belongs to the value; the rest is the basis.
            let valueStart = tokens.indices.dropFirst().first { i in
                IndicatorVocabulary.looksLikeValue(tokens[i])
                    || tokens[i].first.map { $0.isASCII && $0.isNumber } == true
                        && (i == tokens.count - 1 || isUnit(tokens[i + 1]) || tokens[i].contains("/"))
            }
            let nameEnd = valueStart ?? tokens.count
            cells[2] = tokens[..<nameEnd].joined(separator: " ")
            var text: [String] = []
            if let start = valueStart {
                var end = start + 1
                if end < tokens.count, isUnit(tokens[end]) { end += 1 }
                text.append(tokens[start..<end].joined())
                if end < tokens.count { text.append(tokens[end...].joined(separator: " ")) }
            }
            // Numbers fill the weight column (when there is one and the text gave the value, or
            // two numbers came) and the value column.
            var weight: String?
            if columns.weight != nil, let last = numbers.last, IndicatorVocabulary.isWeight(last),
                !text.isEmpty || numbers.count > 1
            {
                weight = numbers.removeLast()
            }
            let values = numbers + text
            var next = valueColumn
            for v in values where next < width {
                if next == columns.weight { next += 1 }
                guard next < width else { break }
                cells[next] = v
                next += 1
            }
            if let weight, let w = columns.weight, w < width { cells[w] = weight }
            out.append(SourceText.Line(number: line.number, text: cells.joined(separator: "\t")))
        }
        return out
    }

    /// "万人", "亿元", "%", "个月", "元/人/月": a unit printed apart from its number.
    static func isUnit(_ token: String) -> Bool {
        (token.count <= 3 || token.count <= 6 && token.contains("/"))
            && !token.contains(where: { $0.isASCII && $0.isNumber })
            && !IndicatorVocabulary.isLevelWord(token)
    }
}
