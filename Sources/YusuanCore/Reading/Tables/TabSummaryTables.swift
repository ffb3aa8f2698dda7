/// Two-sided summaries (收支总体, 财政拨款收支总体) in the tab layout: income items beside expense 类,
/// or beside two expense sides (功能分类 and 支出用途) as Jiangsu prints them.
extension TabTableParser {
    /// The label a two-sided summary prints over its income amounts (the header's second cell):
    /// the lowest header row's, a few characters of text, not the caption of a side.
    static func printedAmountLabel(_ header: [[String]]) -> String? {
        for row in header.reversed() where row.count > 1 {
            let c = CJK.canonicalLabel(row[1])
            guard !c.isEmpty else { continue }
            let side = c == "收入" || c == "支出" || c.hasPrefix("收入") || c.hasPrefix("支出")
            guard !side, c.count >= 2, c.count <= 8, !c.contains(where: { $0.isNumber }) else { return nil }
            return c
        }
        return nil
    }

    static func twoSided(kind: TableKind, lines: [SourceText.Line]) -> (columns: [String], rows: [Row]) {
        var grid = lines.map(\.cells)
        // The 类 code in a column of its own before the expense name ("201", "一般公共服务支出"):
        // the two make one label, as templates that print "201 一般公共服务支出" in one cell.
        // (A code is ASCII digits: its bytes are its Characters.)
        let split = grid.filter { $0.count > 3 }.map { (code: CJK.compact($0[2]), next: CJK.compact($0[3])) }
        if split.contains(where: { isCodeCell($0.code) && $0.code.utf8.count == 3 }),
            split.allSatisfy({
                $0.code.isEmpty || isCodeCell($0.code) || Amount(parsing: $0.next) == nil && $0.next.isEmpty
            }),
            !split.contains(where: { Amount(parsing: $0.next) != nil && isCodeCell($0.code) })
        {
            grid = grid.map { row in
                guard row.count > 3 else { return row }
                var r = row
                r[2] = [row[2], row[3]].filter { !$0.isEmpty }.joined(separator: " ")
                r.remove(at: 3)
                return r
            }
        }
        // Each cell's compact form, made once for the tests below.
        let compactGrid = grid.map { $0.map(CJK.compact) }
        let firstData =
            grid.indices.first { r in
                compactGrid[r].contains { Amount(parsing: $0) != nil }
                    || grid[r].contains { ExpenseLabel.parse($0)?.code != nil }
            } ?? grid.count
        let header = Array(grid[0..<firstData])
        var columns = ColumnLayout.canonical(kind)
        // One amount a side (name, amount, name, amount): a single column, labelled as printed
        // over the income side's amounts (金额, 预算数, 决算数).
        let width = grid.map(\.count).max() ?? 4
        let oneColumn = kind == .fiscalSummary && width <= 4 && !grid.contains(where: { $0.count > 4 })
        if kind == .incomeExpenseSummary || oneColumn {
            columns = [printedAmountLabel(header) ?? (oneColumn ? "金额" : columns[0])]
        } else if kind == .fiscalSummary {
            let labels = ColumnLayout.flatten(header: header, from: 3, count: max(1, width - 3))
            let useful = labels.filter { !$0.isEmpty }
            if useful.count >= 2 { columns = useful }
        }
        // Templates that print the expense side twice over (功能分类 and 支出用途, a name and an
        // amount each) have text past the fourth cell: each name takes the amount after it.
        let pairs = compactGrid[firstData...].contains { cells in
            cells.count > 4 && cells[4...].contains { !$0.isEmpty && Amount(parsing: $0) == nil }
        }
        var rows: [Row] = []
        for (offset, cells) in grid.enumerated() where offset >= firstData {
            let line = lines[offset]
            let compactCells = compactGrid[offset]
            let range = SourceRange(line: line.number)
            let incomeName = cells.first.map(CJK.joinWrapped) ?? ""
            let incomeValue = cells.count > 1 ? Amount(parsing: compactCells[1]) : nil
            if !incomeName.isEmpty {
                var values = Array<Amount?>(repeating: nil, count: columns.count)
                values[0] = incomeValue
                SummaryItem.append(
                    SummaryItem.row(name: incomeName, side: .income, values: values, lines: range), to: &rows)
            }
            if pairs {
                for item in expenseItems(cells, compact: compactCells) {
                    var values = Array<Amount?>(repeating: nil, count: columns.count)
                    values[0] = item.value
                    let parsed =
                        ExpenseLabel.parse(item.label) ?? ExpenseLabel(code: nil, name: CJK.joinWrapped(item.label))
                    var row = SummaryItem.row(name: parsed.name, side: .expense, values: values, lines: range)
                    row.code = parsed.code
                    SummaryItem.append(row, to: &rows)
                }
            } else if cells.count > 2 {
                let label = cells[2]
                let values = (0..<columns.count).map { c -> Amount? in
                    3 + c < cells.count ? Amount(parsing: compactCells[3 + c]) : nil
                }
                if !compactCells[2].isEmpty || values.contains(where: { $0 != nil }) {
                    let parsed = ExpenseLabel.parse(label) ?? ExpenseLabel(code: nil, name: CJK.joinWrapped(label))
                    var row = SummaryItem.row(name: parsed.name, side: .expense, values: values, lines: range)
                    row.code = parsed.code
                    SummaryItem.append(row, to: &rows)
                }
            }
        }
        return (columns, rows)
    }

    /// The expense side's (name, amount) items of a row, left to right.
    /// `compact`: the cells' compact forms.
    static func expenseItems(_ cells: [String], compact: [String]) -> [(label: String, value: Amount?)] {
        var items: [(label: String, value: Amount?)] = []
        for (cell, c) in zip(cells, compact).dropFirst(2) where !c.isEmpty {
            if let a = Amount(parsing: c) {
                if let last = items.indices.last, items[last].value == nil {
                    items[last].value = a
                } else {
                    items.append(("", a))
                }
            } else {
                items.append((cell, nil))
            }
        }
        return items
    }

}

/// "208 社会保障和就业支出" / "208社会保障和就业支出" → (208, 社会保障和就业支出).
struct ExpenseLabel {
    var code: String?
    var name: String

    static func parse(_ raw: String) -> ExpenseLabel? {
        let text = raw.trimmed()
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 3 else {
            return FunctionalClasses.parse(text).map { ExpenseLabel(code: $0.code, name: $0.name) }
        }
        let rest = String(text.dropFirst(3)).trimmed()
        guard let first = rest.unicodeScalars.first, CJK.isHan(first) else { return nil }
        return ExpenseLabel(code: String(digits), name: CJK.joinWrapped(rest))
    }
}

/// Totals and subtotals of the two-sided summaries.
enum SummaryItem {
    /// Adds an item, or joins it to the expense item above when the page wrapped that one's 类
    /// name: "八、社会保障和就" then "业支出" is 208.
    static func append(_ row: Row, to rows: inout [Row]) {
        if let k = rows.lastIndex(where: { $0.side == row.side }), !rows[k].isTotal, !rows[k].isSubtotal {
            let above = rows[k]
            let joined = CJK.joinWrapped(above.name + row.name)
            let bare = !row.values.contains { $0 != nil } || !above.values.contains { $0 != nil }
            // Only a 类 name is known well enough to tell a wrapped line from an item of its own.
            let continues =
                row.side == .expense && above.code == nil && row.code == nil && bare
                && FunctionalClasses.parse(joined) != nil
            if continues {
                var merged = Self.row(
                    name: joined, side: row.side ?? .expense, values: zip(above.values, row.values).map { $0 ?? $1 },
                    lines: above.lines.union(row.lines))
                if row.side == .expense, let c = FunctionalClasses.parse(joined) {
                    merged.code = c.code
                    merged.name = c.name
                }
                rows[k] = merged
                return
            }
        }
        rows.append(row)
    }

    static func row(name: String, side: Row.Side, values: [Amount?], lines: SourceRange) -> Row {
        let c = CJK.compact(name)
        let isTotal = c.hasSuffix("总计") || c == "收入合计" || c == "支出合计"
        // "本年收入合计", "本年支出合计": the year's lines, before the carry-overs that make the 总计.
        let isSubtotal = c.hasSuffix("小计") || (c.hasSuffix("合计") && !isTotal && c.count > 2)
        return Row(
            code: nil, name: c.count < name.count ? c : name, isTotal: isTotal, isSubtotal: isSubtotal, side: side,
            values: values, lines: lines)
    }
}
