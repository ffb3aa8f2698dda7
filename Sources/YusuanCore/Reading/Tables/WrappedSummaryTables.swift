/// Two-sided summaries (收支总体, 财政拨款收支总体) read from a stream of wrapped fragments.
extension WrappedTableParser {
    static func twoSided(kind: TableKind, lines: [SourceText.Line]) -> (columns: [String], rows: [Row]) {
        let columns = ColumnLayout.canonical(kind)
        // Without an amount (a blank template) nothing tells the two sides' rows apart: the
        // labels of both, wrapped, would run into one name.
        guard lines.contains(where: { Fragment.tokens($0.text).contains(where: Fragment.isNumeric) }) else {
            return (columns, [])
        }
        var rows: [Row] = []
        var incomeName = ""
        var incomeLines: SourceRange?
        var started = false
        var lastTextBeforeStart: (String, Int)?
        // The expense row that lines of amounts alone still add to: one cell per line puts a
        // row's amounts on lines of their own until the next label.
        var fillingExpense: Int?
        func emitIncome(_ value: Amount?) {
            guard !incomeName.isEmpty, let r = incomeLines else { return }
            var values = Array<Amount?>(repeating: nil, count: columns.count)
            values[0] = value
            rows.append(SummaryItem.row(name: CJK.joinWrapped(incomeName), side: .income, values: values, lines: r))
            incomeName = ""
            incomeLines = nil
        }
        for line in lines {
            let compact = line.compact
            if compact.hasPrefix("编制") || compact.hasPrefix("单位：") { continue }
            var tokens = Fragment.tokens(line.text)
            guard !tokens.isEmpty else { continue }
            // "1. 一般公共预算拨款": an item's number is part of its name, not an amount.
            if tokens.count > 1, tokens[0].count <= 3, tokens[0].hasSuffix("."),
                tokens[0].dropLast().allSatisfy(\.isNumber),
                !Fragment.isNumeric(tokens[1])
            {
                tokens = [tokens[0] + tokens[1]] + tokens.dropFirst(2)
            }
            // Amounts alone on a line, under an expense line that had none: that line's numbers
            // (a converter that puts a row's label and its numbers on separate lines).
            let amountsOnly = tokens.allSatisfy(Fragment.isNumeric)
            if started, incomeName.isEmpty, amountsOnly, let last = rows.indices.last, rows[last].side == .expense,
                rows[last].values.allSatisfy({ $0 == nil }) || fillingExpense == last
            {
                let amounts = tokens.compactMap { Amount(parsing: $0) }
                var filled = rows[last].values.prefix { $0 != nil }.count
                for a in amounts where filled < columns.count {
                    rows[last].values[filled] = a
                    filled += 1
                }
                for i in columns.indices {
                    rows[last].inferred[i] = i > 0 && filled < columns.count && rows[last].values[i] != nil
                }
                rows[last].lines = rows[last].lines.union(SourceRange(line: line.number))
                fillingExpense = last
                continue
            }
            fillingExpense = nil
            let codeIndex = tokens.indices.first { i in
                tokens[i].count == 3 && tokens[i].allSatisfy({ $0.isASCII && $0.isNumber }) && i + 1 < tokens.count
                    && !Fragment.isNumeric(tokens[i + 1])
            }
            // At a line's start only when the line is the label alone (one cell per line).
            let first = amountsOnly || tokens.contains(where: Fragment.isNumeric) ? 1 : 0
            let totalIndex =
                tokens.indices.first { i in i >= first && CJK.compact(tokens[i...].joined()).hasPrefix("支出总计") }
                ?? tokens.indices.first { i in i >= first && CJK.compact(tokens[i...].joined()).hasPrefix("本年支出") }
            let splitAt = codeIndex ?? totalIndex
            let hasAmount = tokens.contains { Fragment.isNumeric($0) }
            if !started {
                if splitAt == nil && !hasAmount {
                    lastTextBeforeStart = (line.text, line.number)
                    continue
                }
                started = true
                // The first item's label on the line above its amount.
                if amountsOnly, let (text, number) = lastTextBeforeStart {
                    incomeName = text
                    incomeLines = SourceRange(line: number)
                }
            }
            let left = splitAt.map { Array(tokens[..<$0]) } ?? tokens
            let right = splitAt.map { Array(tokens[$0...]) } ?? []
            // Income side: text then at most one amount.
            let leftText = left.filter { !Fragment.isNumeric($0) }.joined(separator: " ")
            let leftAmount = left.last.flatMap { Fragment.isNumeric($0) ? Amount(parsing: $0) : nil }
            if !leftText.isEmpty || leftAmount != nil {
                incomeName += (incomeName.isEmpty ? "" : " ") + leftText
                incomeLines = (incomeLines ?? SourceRange(line: line.number)).union(SourceRange(line: line.number))
                if leftAmount != nil || !right.isEmpty { emitIncome(leftAmount) }
            } else if !right.isEmpty {
                emitIncome(nil)
            }
            guard !right.isEmpty else { continue }
            let rightText = right.filter { !Fragment.isNumeric($0) || $0 == right.first && codeIndex != nil }
            var code: String?
            var nameTokens = rightText
            if codeIndex != nil { code = right.first; nameTokens = Array(rightText.dropFirst()) }
            let amounts = right.dropFirst(codeIndex != nil ? 1 : 0).filter(Fragment.isNumeric).compactMap {
                Amount(parsing: $0)
            }
            var values = Array<Amount?>(repeating: nil, count: columns.count)
            var inferred = Array(repeating: false, count: columns.count)
            for (i, a) in amounts.enumerated() where i < columns.count {
                values[i] = a; if i > 0 && amounts.count < columns.count { inferred[i] = true }
            }
            var row = SummaryItem.row(
                name: CJK.joinWrapped(nameTokens.joined(separator: " ")), side: .expense,
                values: values, lines: SourceRange(line: line.number))
            row.code = code
            row.inferred = inferred
            rows.append(row)
        }
        emitIncome(nil)
        return (columns, rows)
    }
}
