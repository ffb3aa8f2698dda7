/// Tables whose cells are separated by tabs, one printed row per line (wrapped names and
/// split codes continue on the next line).
enum TabTableParser {
    static func parse(kind: TableKind, lines: [SourceText.Line]) -> (columns: [String], rows: [Row]) {
        if kind.isTwoSided { return twoSided(kind: kind, lines: lines) }
        if kind == .threePublic, let paired = PairedThreePublic.parse(lines) { return paired }
        if kind == .threePublic, let horizontal = horizontalThreePublic(lines) { return horizontal }
        // A 收入总体 printed as a list of sources, with no code in any row, reads as items.
        // (ASCII digits alone: a byte is a Character.)
        let coded = lines.contains { line in
            line.cells.prefix(3).contains {
                let c = CJK.compact($0)
                return isCodeCell(c) && c.utf8.count >= 3
            }
        }
        if kind == .incomeSummary, !coded { return itemized(kind: kind, lines: lines) }
        if (kind.isFunctional || kind.isEconomic) && !coded, let across = totalsAcross(lines) { return across }
        if kind.isFunctional || kind.isEconomic { return classified(kind: kind, lines: lines) }
        return itemized(kind: kind, lines: lines)
    }

    /// A table printed as one line of totals under its labels (支出预算总表: 合计, 基本支出, 项目支出,
    /// …, and their amounts below): one total row.
    static func totalsAcross(_ lines: [SourceText.Line]) -> (columns: [String], rows: [Row])? {
        let grid = lines.map(\.cells)
        guard let data = grid.firstIndex(where: { $0.contains { amount($0) != nil } }), data > 0,
            let first = grid[data].first, amount(first) != nil,
            grid[(data + 1)...].allSatisfy({ !$0.contains { amount($0) != nil } })
        else { return nil }
        let width = grid.map(\.count).max() ?? 0
        let columns = ColumnLayout.flatten(header: Array(grid[..<data]), from: 0, count: width)
        guard columns.contains(where: ColumnLayout.isTotalLabel) else { return nil }
        let values = (0..<width).map { c in c < grid[data].count ? amount(grid[data][c]) : nil }
        let row = Row(
            code: nil, name: "合计", isTotal: true, values: values, lines: SourceRange(line: lines[data].number))
        return (columns, [row])
    }

    static func amount(_ cell: String) -> Amount? { Amount(parsing: CJK.compact(cell)) }
    /// ASCII digits only, tested by byte: any other byte fails as its Character would.
    static func isCodeCell(_ cell: String) -> Bool {
        !cell.isEmpty && cell.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    /// A 类, 款 or 项 code whole in one cell (its compact form): 3, 5 or 7 digits.
    static func isWholeCode(compact c: String) -> Bool {
        guard isCodeCell(c) else { return false }
        let n = c.utf8.count  // ASCII digits: a byte is a Character
        return n == 3 || n == 5 || n == 7
    }
    static func isTotalName(_ text: String) -> Bool {
        let c = CJK.compact(text)
        return c == "合计" || c == "总计" || c == "总合计" || c == "收入总计" || c == "支出总计"
    }

    // MARK: 类/款/项 tables

    static func classified(kind: TableKind, lines: [SourceText.Line]) -> (columns: [String], rows: [Row]) {
        // Each cell's compact form made once (`compactGrid`), for every test below.
        let (grid, compactGrid, lines) = sideBySide(codesApart(lines.map(\.cells)), lines)
        // The header ends at the row naming 类/款(/项); without one, before the first coded row.
        var headerEnd = compactGrid.firstIndex { row in
            row.contains { k in k == "类" || k.hasSuffix("类") && k.count <= 10 } && row.contains { $0 == "款" }
        }
        if headerEnd == nil,
            let firstData = grid.indices.first(where: { r in
                isCodeCell(grid[r].first ?? "") || compactGrid[r].contains { Amount(parsing: $0) != nil }
                    || compactGrid[r].prefix(2).contains(where: isTotalName)
            })
        {
            headerEnd = firstData - 1
        }
        let end = headerEnd ?? -1
        let header = end >= 0 ? Array(grid[0...end]) : []
        // The whole code in one column ("2010101", then the name) or its parts in 类/款/项 columns.
        let wholeCodes = compactGrid[(end + 1)...].filter { $0.count > 1 && isCodeCell($0[0]) }
        let oneCodeColumn =
            !wholeCodes.isEmpty
            && wholeCodes.allSatisfy { isWholeCode(compact: $0[0]) && !isCodeCell($0[1]) }
            && wholeCodes.contains { $0[0].utf8.count >= 5 }
        let codeLevels = oneCodeColumn ? 1 : kind.isEconomic ? 2 : 3
        var nameIndex = codeLevels
        var projectIndex: Int?
        for row in compactGrid[0..<(end + 1)] {
            for (i, cell) in row.enumerated() where cell.contains("名称") {
                if cell.contains("项目名称"), kind == .gpbProjectExpense {
                    projectIndex = i
                } else if i < 8 {
                    nameIndex = max(nameIndex, i)
                }
            }
        }
        if kind == .gpbProjectExpense, projectIndex == nil { projectIndex = nameIndex + 1 }
        if let p = projectIndex, p <= nameIndex { nameIndex = max(0, p - 1) }
        if let p = projectIndex, p <= nameIndex { projectIndex = nameIndex + 1 }
        let firstAmount = (projectIndex ?? nameIndex) + 1
        let width = max(grid.map(\.count).max() ?? 0, firstAmount + 1)
        var columnCount = width - firstAmount
        var columns = ColumnLayout.flatten(header: header, from: firstAmount, count: columnCount)
        // Trailing columns with no label and no value are tab debris.
        while columnCount > 1, columns[columnCount - 1].isEmpty,
            !grid[(end + 1)...].contains(where: {
                firstAmount + columnCount - 1 < $0.count && !$0[firstAmount + columnCount - 1].isEmpty
            })
        {
            columnCount -= 1
            columns.removeLast()
        }
        if columns.allSatisfy(\.isEmpty) { columns = Array(ColumnLayout.canonical(kind).prefix(columnCount)) }

        var rows: [Row] = []
        var codeParts: [[String]] = []
        for (offset, cells) in grid.enumerated() where offset > end {
            let line = lines[offset]
            let compactCells = compactGrid[offset]
            let values = (0..<columnCount).map { c -> Amount? in
                let idx = firstAmount + c
                return idx < cells.count ? Amount(parsing: compactCells[idx]) : nil
            }
            let codes = (0..<codeLevels).map { $0 < cells.count ? compactCells[$0] : "" }
            let nameCell = nameIndex < cells.count ? cells[nameIndex] : ""
            let projectCell = projectIndex.flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
            let hasValues = values.contains { $0 != nil }
            let leading = compactCells.prefix(firstAmount)
            if !hasValues, leading.allSatisfy({ $0.isEmpty }) { continue }
            // "…" lines a form prints for the rows it leaves out are no rows.
            if !hasValues, compactCells.allSatisfy({ $0.isEmpty || isFiller($0) }) { continue }
            // Nor is a note under the table, its text alone in the code's cell.
            if !hasValues, compactCells.filter({ !$0.isEmpty }).count == 1, let first = compactCells.first,
                !first.isEmpty, !isCodeCell(first), !isTotalName(first), first.hasSuffix("。") || first.hasSuffix("：")
            {
                continue
            }
            // A repeated header after a page break.
            if !hasValues, isHeaderLike(compact: compactCells) { continue }
            let codesAreDigits = codes.allSatisfy { $0.isEmpty || isCodeCell($0) }
            let totalCell = leading.first(where: isTotalName)
            // A half's total ("人员经费合计" under the 基本支出 table's left half) is a row of its own.
            let subtotal = codes.allSatisfy(\.isEmpty) && isPartTotalName(CJK.compact(nameCell))
            // A line with no amounts continues the row above: split codes ("20"/"8") and names.
            if !hasValues, totalCell == nil, !subtotal, !rows.isEmpty, codesAreDigits,
                codes.allSatisfy({ $0.count <= 2 }) || codes.allSatisfy(\.isEmpty)
            {
                var last = rows.removeLast()
                var parts = codeParts.removeLast()
                // A row kept without code parts (a total, a name in the code column) takes no digits.
                for i in 0..<min(codeLevels, parts.count) where !codes[i].isEmpty { parts[i] += codes[i] }
                last.name = CJK.joinWrapped(last.name + nameCell)
                if !projectCell.isEmpty { last.project = CJK.joinWrapped((last.project ?? "") + projectCell) }
                last.lines = last.lines.union(SourceRange(line: line.number))
                rows.append(last)
                codeParts.append(parts)
                continue
            }
            if let totalCell {
                rows.append(
                    Row(
                        code: nil, name: totalCell, isTotal: true, values: values, lines: SourceRange(line: line.number)
                    ))
                codeParts.append([])
                continue
            }
            let name = CJK.joinWrapped(nameCell)
            let project = projectCell.isEmpty ? nil : CJK.joinWrapped(projectCell)
            rows.append(
                Row(
                    code: nil, name: name, project: project, isSubtotal: subtotal, values: values,
                    lines: SourceRange(line: line.number)))
            codeParts.append(codesAreDigits ? codes : [])
        }
        for i in rows.indices { rows[i].code = CodeAssembler.code(from: codeParts[i]) }
        CodeAssembler.completeTruncated(&rows, parts: codeParts)
        return (columns, rows)
    }

    /// A code printed in its name's cell ("2080505机关事业单位…", "208 社会保障和就业支出") stands in
    /// a cell of its own: beside it where the next cell is empty, else every row gets a cell more
    /// when every coded row is printed so (the header a blank one).
    static func codesApart(_ grid: [[String]]) -> [[String]] {
        func parts(_ cell: String) -> (String, String)? {
            let c = CJK.compact(cell)
            let digits = c.prefix { $0.isASCII && $0.isNumber }
            guard [3, 5, 7].contains(digits.count), let next = c.dropFirst(digits.count).first, !next.isASCII else {
                return nil
            }
            return (String(digits), String(c.dropFirst(digits.count)))
        }
        let glued = grid.filter { $0.first.flatMap(parts) != nil }
        guard !glued.isEmpty else { return grid }
        // A cell more for every row only where a glued row has no empty cell beside to take its name.
        let crowded = glued.contains { $0.count > 1 && !CJK.compact($0[1]).isEmpty }
        let everyRow = crowded && !grid.contains { $0.first.map { isCodeCell(CJK.compact($0)) } == true }
        return grid.map { row in
            guard let first = row.first, let (code, name) = parts(first) else {
                return everyRow && row.count > 1 ? [row[0], ""] + row.dropFirst() : row
            }
            if row.count > 1, CJK.compact(row[1]).isEmpty { return [code, name] + row.dropFirst(2) }
            return everyRow ? [code, name] + row.dropFirst() : row
        }
    }

    /// A table printed in two halves side by side (人员经费 codes and amounts on the left, 公用经费
    /// on the right, as the national template prints 基本支出): the right half's rows follow the
    /// left half's, each with the source line it stood on.
    /// The cells come back with their compact forms, made once here.
    static func sideBySide(_ grid: [[String]], _ lines: [SourceText.Line]) -> (
        [[String]], compact: [[String]], [SourceText.Line]
    ) {
        let compact = grid.map { $0.map(CJK.compact) }
        var counts: [Int: Int] = [:]
        for c in compact where c.count > 3 {
            for k in 2..<(c.count - 1)
            where isWholeCode(compact: c[k]) && !c[k + 1].isEmpty && Amount(parsing: c[k + 1]) == nil
                && (isWholeCode(compact: c[0]) || c[0].isEmpty)
            {
                counts[k, default: 0] += 1
            }
        }
        guard let (k, n) = counts.max(by: { $0.value < $1.value }), n >= 3 else { return (grid, compact, lines) }
        let firstData = compact.firstIndex { isWholeCode(compact: $0.first ?? "") } ?? 0
        var left: [([String], [String], SourceText.Line)] = []
        var right: [([String], [String], SourceText.Line)] = []
        for (i, row) in grid.enumerated() {
            left.append((Array(row.prefix(k)), Array(compact[i].prefix(k)), lines[i]))
            if i >= firstData, row.count > k, compact[i][k...].contains(where: { !$0.isEmpty }) {
                right.append((Array(row[k...]), Array(compact[i][k...]), lines[i]))
            }
        }
        let all = left + right
        return (all.map(\.0), all.map(\.1), all.map(\.2))
    }

    /// Asked of a row's compact cells.
    static func isHeaderLike(compact cells: [String]) -> Bool {
        let text = cells.joined()
        let keys = ["科目", "编制", "单位：", "单位:", "功能分类", "经济分类", "支出预算", "资金来源"]
        if keys.contains(where: { text.contains($0) }) { return true }
        let nonEmpty = cells.filter { !$0.isEmpty }
        return nonEmpty.first.map { $0 == "类" || $0.hasSuffix("类") && !$0.contains("支出") } ?? false
    }

    // MARK: item tables (三公, 委托业务费, 结转结余, 政府采购, unknown)

    /// Columns after the first that hold text and never an amount (经济科目, 采购物品名称,
    /// 采购组织形式) describe the row: their text joins the row's name, so the amount columns
    /// alone remain as columns.
    static func describingColumnsInName(_ grid: [[String]], firstData: Int) -> [[String]] {
        let width = grid.map(\.count).max() ?? 0
        guard width > 2, firstData < grid.count else { return grid }
        let data = grid[firstData...]
        let text = (1..<width).filter { c in
            data.contains { c < $0.count && !CJK.compact($0[c]).isEmpty }
                && !data.contains { c < $0.count && amount($0[c]) != nil }
        }
        guard !text.isEmpty, text.count < width - 1 else { return grid }
        let drop = Set(text)
        let grid = mergedCellsFilled(grid, textColumns: [0] + text, from: firstData)
        return grid.enumerated().map { r, row in
            let kept = row.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            guard r >= firstData else { return kept }
            let parts = ([row.first ?? ""] + text.compactMap { $0 < row.count ? row[$0] : nil }).map { $0.trimmed() }
                .filter { !$0.isEmpty }
            var out = kept
            if out.isEmpty { out = [""] }
            out[0] = parts.joined(separator: " ")
            return out
        }
    }

    /// A cell merged down over rows prints its text on the first of them only ("物业管理服务" over
    /// its 部门集中采购 and 分散自行组织 rows): a row with an amount whose text starts one text
    /// column right of where the row above (with an amount too) starts, in a column that row fills
    /// too, is its sibling and takes its cell, so no row loses its item's name.
    static func mergedCellsFilled(_ grid: [[String]], textColumns: [Int], from firstData: Int) -> [[String]] {
        var grid = grid
        func filled(_ row: [String]) -> [Int] { textColumns.filter { $0 < row.count && !CJK.compact(row[$0]).isEmpty } }
        func hasAmount(_ row: [String]) -> Bool { row.dropFirst().contains { amount($0) != nil } }
        for r in grid.indices where r > firstData {
            let (row, above) = (grid[r], grid[r - 1])
            guard hasAmount(row), hasAmount(above), !isTotalName(row.first ?? ""), !isTotalName(above.first ?? ""),
                let k = filled(row).first, let j = filled(above).first, filled(above).contains(k),
                let kAt = textColumns.firstIndex(of: k), kAt > 0, textColumns[kAt - 1] == j, j < row.count
            else { continue }
            grid[r][j] = above[j]
        }
        return grid
    }

    static func itemized(kind: TableKind, lines: [SourceText.Line]) -> (columns: [String], rows: [Row]) {
        var grid = lines.map(\.cells)
        let firstData =
            grid.firstIndex { row in
                let first = CJK.compact(row.first ?? "")
                return row.dropFirst().contains { amount($0) != nil } || isTotalName(first)
                    || (kind == .threePublic && ThreePublicItem.isItem(first))
            } ?? grid.count
        if kind == .incomeSummary { grid = GroupLabels.ontoSubtotals(grid, firstData: firstData) }
        grid = describingColumnsInName(grid, firstData: firstData)
        let header = Array(grid[0..<firstData])
        let width = max(2, grid.map(\.count).max() ?? 2)
        var columns = ColumnLayout.flatten(header: header, from: 1, count: width - 1)
        while columns.count > 1, columns.last?.isEmpty == true,
            !grid[firstData...].contains(where: { columns.count < $0.count && !$0[columns.count].isEmpty })
        {
            columns.removeLast()
        }
        if columns.allSatisfy(\.isEmpty) { columns = Array(ColumnLayout.canonical(kind).prefix(columns.count)) }
        let longestName = grid[firstData...].map { CJK.joinWrapped($0.first ?? "").count }.max() ?? 0
        var lastOwnLength = 0  // the last row's name as its first line printed it
        var rows: [Row] = []
        for (offset, cells) in grid.enumerated() where offset >= firstData {
            let line = lines[offset]
            let name = CJK.joinWrapped(cells.first ?? "")
            let compactCells = cells.map(CJK.compact)
            let values = (0..<columns.count).map { c -> Amount? in
                c + 1 < cells.count ? Amount(parsing: compactCells[c + 1]) : nil
            }
            if name.isEmpty, !values.contains(where: { $0 != nil }) { continue }
            if !values.contains(where: { $0 != nil }), isHeaderLike(compact: compactCells) { continue }
            // Only a long name wraps: an item without an amount under a short one ("小计" then
            // "事业收入" in a list of sources) is a row of its own.
            let wrapped = kind != .incomeSummary && lastOwnLength * 10 >= longestName * 6
            if name.isEmpty
                || (!values.contains(where: { $0 != nil }) && wrapped && !isTotalName(name)
                    && kind != .threePublic && !ThreePublicItem.isItem(name))
            {
                // A wrapped name continues the row above.
                if var last = rows.popLast() {
                    last.name = CJK.joinWrapped(last.name + name)
                    for (i, v) in values.enumerated() where v != nil { last.values[i] = v }
                    last.lines = last.lines.union(SourceRange(line: line.number))
                    rows.append(last)
                    continue
                }
            }
            rows.append(
                Row(
                    code: nil, name: name, isTotal: isTotalName(name),
                    isSubtotal: kind == .incomeSummary && CJK.compact(name).hasSuffix("小计"), values: values,
                    lines: SourceRange(line: line.number)))
            lastOwnLength = name.count
        }
        return (columns, rows)
    }
}

/// Codes from 类/款/项 cells, including codes a PDF split across two lines ("20" / "8").
enum CodeAssembler {
    static func code(from parts: [String]) -> String? {
        guard let first = parts.first, !first.isEmpty else { return nil }
        if parts.count == 1 || parts.dropFirst().allSatisfy(\.isEmpty) {
            // "2080109" written in one cell.
            if [3, 5, 7].contains(first.count) { return first }
            return first
        }
        var out = first
        for p in parts.dropFirst() where !p.isEmpty {
            out += p.count == 1 ? "0" + p : p
        }
        return out
    }

    /// A 类 printed with a digit lost ("20" where the row below shows "208") takes the one
    /// complete 类 of the same table that starts with those digits.
    static func completeTruncated(_ rows: inout [Row], parts: [[String]]) {
        let complete = Set(
            parts.compactMap { p -> String? in
                guard let first = p.first, first.count == 3 else { return nil }
                return first
            })
        for i in rows.indices {
            guard let p = parts[i].first, !p.isEmpty, p.count < 3 else { continue }
            let candidates = complete.filter { $0.hasPrefix(p) }
            guard candidates.count == 1, let full = candidates.first else { continue }
            var fixed = parts[i]
            fixed[0] = full
            rows[i].code = code(from: fixed)
        }
    }
}
