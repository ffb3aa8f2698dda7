/// Indicator rows in tab layout. Columns are found by the header; level cells that span rows
/// are carried down; cells shifted by a missing 二级 are put back by what they say.
enum TabIndicators {
    struct Columns {
        var value: Int?
        var basis: Int?
        var last: Int?
        var weight: Int?
        var rule: Int?
        var evidence: Int?
        var count: Int
    }

    static func columns(_ header: [String]) -> Columns {
        var cols = Columns(count: header.count)
        for (i, cell) in header.enumerated() {
            let c = CJK.compact(cell)
            if c.hasPrefix("指标值"), !c.contains("依据"), cols.value == nil { cols.value = i }
            if c.contains("依据") { cols.basis = i }
            if c.contains("上年") { cols.last = i }
            if c.contains("权重") || c.contains("分值") && !c.contains("规则") { cols.weight = i }
            if c.contains("赋分") || c.contains("规则") { cols.rule = i }
            if c.contains("佐证") { cols.evidence = i }
        }
        return cols
    }

    static func read(_ lines: [SourceText.Line]) -> [Indicator] {
        guard let headerLine = lines.first else { return [] }
        let cols = columns(headerLine.cells)
        var out: [Indicator] = []
        var level1: String?
        var level2: String?
        for line in lines.dropFirst() {
            let cells = line.cells
            let nonEmpty = cells.enumerated().filter { !$0.element.isEmpty }
            guard !nonEmpty.isEmpty else { continue }
            if cells.joined().contains("一级指标") { continue }
            // Level cells come first; the first cell that is not a level word is the name.
            var idx = 0
            var words: [(String, Int)] = []
            while idx < nonEmpty.count, IndicatorVocabulary.isLevelWord(nonEmpty[idx].element),
                nonEmpty[idx].offset < (cols.value ?? 99), words.count < 2
            {
                words.append((CJK.compact(nonEmpty[idx].element), nonEmpty[idx].offset))
                idx += 1
            }
            let (rowL1, rowL2) = LevelWords.assign(words, currentL1: level1)
            if let l1 = rowL1 { level1 = l1; level2 = nil }
            if let l2 = rowL2 { level2 = l2 }
            guard idx < nonEmpty.count else { continue }
            // A name wrapped onto a line of its own continues the indicator above.
            if words.isEmpty, nonEmpty.count == 1, let last = out.last, last.value != nil,
                last.lines.last + 3 >= line.number
            {
                out[out.count - 1].name += CJK.joinWrapped(nonEmpty[0].element)
                out[out.count - 1].lines = last.lines.union(SourceRange(line: line.number))
                continue
            }
            let nameCell = nonEmpty[idx]
            let (name, repeats) = CJK.dedupeRepeated(nameCell.element)
            let after = Array(nonEmpty[(idx + 1)...])
            func cell(_ column: Int?, order: Int) -> String? {
                if cells.count == cols.count, let column, column > nameCell.offset, column < cells.count {
                    let v = cells[column]
                    return v.isEmpty ? nil : CJK.joinWrapped(v)
                }
                return order < after.count ? CJK.joinWrapped(after[order].element) : nil
            }
            // A row whose only other cell is a number in the weight column has no value.
            var value = cell(cols.value, order: 0)
            var weight = cell(cols.weight, order: cols.weight.map { w in (cols.value.map { w - $0 } ?? 1) } ?? 99)
            if cols.weight != nil, cells.count != cols.count, after.count == 1 {
                // Only one cell after the name: it sits under 指标值 in the layout's intent.
                value = CJK.joinWrapped(after[0].element)
                weight = nil
            }
            out.append(
                Indicator(
                    level1: level1, level2: level2, name: name, value: value,
                    basis: cell(cols.basis, order: 1), lastValue: cell(cols.last, order: 2),
                    weight: weight, scoringRule: cell(cols.rule, order: 4), evidence: cell(cols.evidence, order: 5),
                    nameRepeats: repeats, lines: SourceRange(line: line.number)))
        }
        LevelWords.backfill(&out)
        return out
    }
}

/// Which of a row's level words is 一级 and which 二级, when merged cells moved them.
enum LevelWords {
    /// Where a stream's level words go on a rebuilt tab line: two are both levels; one is the
    /// first level at a sheet's start or when it can only be one, else the second (the first
    /// carries down from the rows above).
    static func place(_ words: [String], sheetStart: Bool, into cells: inout [String]) {
        if words.count >= 2 {
            cells[0] = words[0]; cells[1] = words[1]
        } else if let word = words.first {
            cells[sheetStart || IndicatorVocabulary.level1Only.contains(word) ? 0 : 1] = word
        }
    }

    static func assign(_ words: [(String, Int)], currentL1: String?) -> (String?, String?) {
        if words.count >= 2 { return (words[0].0, words[1].0) }
        guard let (word, position) = words.first else { return (nil, nil) }
        if IndicatorVocabulary.level2Only.contains(word) { return (nil, word) }
        if IndicatorVocabulary.level1Only.contains(word) { return (word, nil) }
        if position >= 2 { return (nil, word) }
        if word.hasSuffix("指标") || word.hasSuffix("目标") {
            return position == 0 || currentL1 == nil ? (word, nil) : (nil, word)
        }
        // 社会效益, 经济效益 …: under 效果目标/效益指标 they are the second level.
        if let l1 = currentL1, l1.contains("效") { return (nil, word) }
        return (word, nil)
    }

    /// A merged level cell is printed at its vertical middle, so rows above it in the same
    /// group have no level yet: they take the levels of the first row that has them.
    static func backfill(_ indicators: inout [Indicator]) {
        guard let first = indicators.firstIndex(where: { $0.level1 != nil }) else { return }
        for i in 0..<first {
            indicators[i].level1 = indicators[first].level1
            if indicators[i].level2 == nil { indicators[i].level2 = indicators[first].level2 }
        }
    }
}
