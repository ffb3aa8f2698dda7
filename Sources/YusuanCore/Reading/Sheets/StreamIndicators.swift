/// Indicator rows printed one cell per line (a converter that drops the grid and the empty
/// cells): the header's labels, then each row's level words, name and values. The rows are
/// put back on tab lines for `TabIndicators`, which then reads them as any tab sheet.
enum StreamIndicators {
    /// The header labels stand on lines of their own: 一级指标, 二级指标, …
    static func applies(_ lines: [SourceText.Line]) -> Bool {
        lines.count > 2 && lines[0].compact == "一级指标" && lines[1].compact == "二级指标"
    }

    static func isHeaderLabel(_ compact: String) -> Bool {
        guard compact.count <= 16 else { return false }
        return ["指标", "依据", "权重", "分值", "赋分", "规则", "佐证", "上年"].contains { compact.contains($0) }
            && !IndicatorVocabulary.isLevelWord(compact) || ["一级指标", "二级指标", "三级指标"].contains(compact)
    }

    static func tabbed(_ lines: [SourceText.Line]) -> [SourceText.Line] {
        var header: [String] = []
        var index = 0
        while index < lines.count, header.count < 10, isHeaderLabel(lines[index].compact) {
            header.append(lines[index].compact)
            index += 1
        }
        let columns = TabIndicators.columns(header)
        let valueCount = max(1, header.count - 3)
        var out = [SourceText.Line(number: lines[0].number, text: header.joined(separator: "\t"))]
        var levels: [String] = []
        var name: (String, Int)?
        var values: [String] = []
        var sawRow = false
        func emit() {
            guard let (text, number) = name else { return }
            var cells = Array(repeating: "", count: max(header.count, 3 + valueCount))
            LevelWords.place(levels, sheetStart: !sawRow, into: &cells)
            cells[2] = text
            // Values in column order; a bare number goes to the weight column when there is one.
            var next = 3
            for v in values {
                if let w = columns.weight, w >= next, w < cells.count, IndicatorVocabulary.isWeight(v),
                    next > (columns.value ?? 3)
                {
                    cells[w] = v
                    next = w + 1
                } else if next < cells.count {
                    cells[next] = v
                    next += 1
                }
            }
            out.append(SourceText.Line(number: number, text: cells.joined(separator: "\t")))
            levels = []
            name = nil
            values = []
            sawRow = true
        }
        for line in lines[index...] where !line.isBlank {
            let text = line.text.trimmed()
            if name == nil {
                if IndicatorVocabulary.isLevelWord(line.compact), levels.count < 2 {
                    levels.append(line.compact)
                } else {
                    name = (text, line.number)
                }
                continue
            }
            // A level word or a full row of values ends the row; the next name starts another.
            if IndicatorVocabulary.isLevelWord(line.compact) || values.count == valueCount {
                emit()
                if IndicatorVocabulary.isLevelWord(line.compact) {
                    levels.append(line.compact)
                } else {
                    name = (text, line.number)
                }
                continue
            }
            values.append(text)
            // A weight closes its row.
            if columns.weight != nil, values.count > 1, IndicatorVocabulary.isWeight(text) { emit() }
        }
        emit()
        return out
    }
}
