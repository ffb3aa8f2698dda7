/// Builds the `WorkbookPlan` of a set of checked disclosures.
extension Array {
    fileprivate subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}

extension WorkbookPlan {
    public init(_ documents: [(Disclosure, [Finding])]) {
        var taken = Set<String>()
        var tableSheets: [Sheet] = []
        var findingRows: [[Cell]] = []
        let several = documents.count > 1
        for (n, (d, findings)) in documents.enumerated() {
            // Where each table's rows and columns landed, to colour cells and link findings.
            var placed: [Int: (sheet: String, rows: [RowPosition])] = [:]
            for (ti, t) in d.tables.enumerated() {
                let wanted = (several ? "\(n + 1) " : "") + "\(t.number ?? "") \(t.kind.shortName)"
                var sheet = Sheet(name: WorkbookPlan.sheetName(wanted, taken: &taken))
                placed[ti] = (sheet.name, WorkbookPlan.layTable(t, d, into: &sheet))
                tableSheets.append(sheet)
            }
            for f in findings {
                var row: [Cell] = []
                func put(_ c: Int, _ v: Value, _ look: Look = .text) {
                    row.append(Cell(row: 0, column: c, value: v, look: look, comment: nil))
                }
                let look: Look = f.severity == .error ? .error : (f.severity == .warning ? .warning : .info)
                put(0, .text(WorkbookPlan.safe(d.unit)))
                put(1, .text(d.year.map(String.init) ?? ""))
                put(2, .text(f.severity == .error ? "错误" : (f.severity == .warning ? "警告" : "提示")), look)
                put(3, .text(f.rule))
                put(4, .text(WorkbookPlan.safe(f.message)))
                if let cell = FindingCell.locate(f, in: d), let p = placed[cell.table] {
                    // A finding on no row links to the table's title; on a row but no column,
                    // to the row's name.
                    let at = cell.row.flatMap { p.rows[safe: $0] }
                    let r = at?.row ?? 0
                    let c = at.map { at in cell.column.map { at.firstAmount + $0 } ?? at.name } ?? 0
                    let name = WorkbookPlan.cellName(row: r, column: c)
                    put(5, .link(p.sheet, name, "\(p.sheet)!\(name)"))
                    // The flagged cell: coloured, the finding as its comment (the worst when several).
                    if let s = tableSheets.firstIndex(where: { $0.name == p.sheet }),
                        let k = tableSheets[s].cells.firstIndex(where: { $0.row == r && $0.column == c })
                    {
                        let old = tableSheets[s].cells[k]
                        let worse = [Look.error, .warning, .info].firstIndex(of: old.look).map {
                            $0 > [Look.error, .warning, .info].firstIndex(of: look)!
                        }
                        if worse ?? true { tableSheets[s].cells[k].look = look }
                        let text = "[\(f.rule)] \(f.message)"
                        tableSheets[s].cells[k].comment = old.comment.map { $0 + "\n" + text } ?? text
                    }
                } else {
                    put(5, .text(f.line.map { "第 \($0) 行" } ?? ""))
                }
                findingRows.append(row)
            }
        }
        var findingsSheet = Sheet(name: WorkbookPlan.sheetName("问题", taken: &taken))
        for (c, h) in ["单位", "年度", "严重程度", "规则", "问题", "单元格"].enumerated() {
            findingsSheet.cells.append(Cell(row: 0, column: c, value: .text(h), look: .header, comment: nil))
        }
        for (i, row) in findingRows.enumerated() {
            findingsSheet.cells += row.map {
                var c = $0; c.row = i + 1; return c
            }
        }
        findingsSheet.widths = [0: 30, 1: 6, 2: 8, 3: 18, 4: 80, 5: 22]
        findingsSheet.frozen = (1, 0)
        sheets = [findingsSheet] + tableSheets + [WorkbookPlan.amounts(documents.map(\.0), taken: &taken)]
    }

    /// A text cell a spreadsheet would run as a formula is neutralised as the CSV does.
    static func safe(_ s: String) -> String { TableExport.text(s) }

    /// Where a table row landed on its sheet: its sheet row, name column and first amount column.
    struct RowPosition {
        var row: Int
        var name: Int
        var firstAmount: Int
    }

    /// The table as printed: title, unit, a header of two rows (a group over its columns
    /// merged; a column with no group merged down both), then the rows. A two-sided table (收支
    /// 总表) has income on the left and expense on the right, line by line, as printed.
    static func layTable(_ t: Table, _ d: Disclosure, into sheet: inout Sheet) -> [RowPosition] {
        func text(_ r: Int, _ c: Int, _ s: String, _ look: Look = .text) {
            sheet.cells.append(Cell(row: r, column: c, value: .text(safe(s)), look: look, comment: nil))
        }
        let headerTop = 2, firstRow = 4
        let amounts = t.columns.count
        // Blocks of columns: (first column, has a code column, heading over the block).
        let blocks: [(side: Row.Side?, code: Int?, name: Int, firstAmount: Int, heading: String?)] =
            t.kind.isTwoSided
            ? [(.income, nil, 0, 1, "收入"), (.expense, 1 + amounts, 2 + amounts, 3 + amounts, "支出")]
            : [(nil, 0, 1, 2, nil)]
        let lastColumn = (blocks.last?.firstAmount ?? 2) + max(0, amounts - 1)
        text(0, 0, t.title, .header)
        sheet.merges.append(Merge(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: lastColumn, text: safe(t.title)))
        text(1, 0, "\(d.unit)  单位：\(t.amountUnit)")
        var positions = [RowPosition](repeating: RowPosition(row: 0, name: 0, firstAmount: 0), count: t.rows.count)
        for b in blocks {
            if let code = b.code { header(&sheet, top: headerTop, column: code, "科目编码") }
            header(&sheet, top: headerTop, column: b.name, b.heading.map { "\($0)项目" } ?? "科目名称")
            headerColumns(&sheet, t.columns, top: headerTop, first: b.firstAmount)
            sheet.widths[b.name] = 36
            if let code = b.code { sheet.widths[code] = 10 }
            for k in 0..<amounts { sheet.widths[b.firstAmount + k] = 14 }
            let rows = t.rows.indices.filter { b.side == nil || (t.rows[$0].side == .income) == (b.side == .income) }
            for (i, ri) in rows.enumerated() {
                let row = t.rows[ri], r = firstRow + i
                positions[ri] = RowPosition(row: r, name: b.name, firstAmount: b.firstAmount)
                let look: Look = row.isTotal || row.isSubtotal ? .total : .text
                // Codes as text: 2080109 is a code, not two million.
                if let c = b.code, let code = row.code { text(r, c, code, look) }
                if b.code == nil, let code = row.code {
                    text(r, b.name, code + " " + (row.project ?? row.name), look)
                } else {
                    text(r, b.name, row.project ?? row.name, look)
                }
                for (k, value) in row.values.enumerated() where k < amounts {
                    guard let value else { continue }
                    sheet.cells.append(
                        Cell(
                            row: r, column: b.firstAmount + k, value: .number(value),
                            look: look == .total ? .total : .amount, comment: nil))
                }
            }
        }
        sheet.frozen = (firstRow, t.kind.isTwoSided ? 0 : 2)
        return positions
    }

    /// A heading over one column, merged down both header rows.
    static func header(_ sheet: inout Sheet, top: Int, column: Int, _ text: String) {
        sheet.merges.append(Merge(firstRow: top, firstColumn: column, lastRow: top + 1, lastColumn: column, text: text))
    }

    /// The amount columns' headings: "财政拨款（补助）/一般公共预算" under a merged "财政拨款（补助）".
    static func headerColumns(_ sheet: inout Sheet, _ columns: [String], top: Int, first: Int) {
        var c = 0
        while c < columns.count {
            let parts = columns[c].split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                header(&sheet, top: top, column: first + c, safe(columns[c]))
                c += 1
                continue
            }
            var end = c
            while end + 1 < columns.count, columns[end + 1].hasPrefix(parts[0] + "/") { end += 1 }
            if end > c {
                sheet.merges.append(
                    Merge(
                        firstRow: top, firstColumn: first + c, lastRow: top, lastColumn: first + end,
                        text: safe(parts[0])))
            } else {
                sheet.cells.append(
                    Cell(row: top, column: first + c, value: .text(safe(parts[0])), look: .header, comment: nil))
            }
            for k in c...end {
                let leaf = columns[k].split(separator: "/", maxSplits: 1).last.map(String.init) ?? columns[k]
                sheet.cells.append(
                    Cell(row: top + 1, column: first + k, value: .text(safe(leaf)), look: .header, comment: nil))
            }
            c = end + 1
        }
    }

    /// The long-form amounts: the CSV's columns, one amount a line.
    static func amounts(_ documents: [Disclosure], taken: inout Set<String>) -> Sheet {
        var sheet = Sheet(name: sheetName("金额（长表）", taken: &taken))
        for (c, h) in TableExport.csvHeader.enumerated() {
            sheet.cells.append(Cell(row: 0, column: c, value: .text(h), look: .header, comment: nil))
        }
        var r = 1
        for d in documents {
            for rec in AmountRecord.records(d) {
                let fields: [Value] = [
                    .text(safe(rec.unit)), .text(rec.year.map(String.init) ?? ""), .text(rec.tableKind),
                    .text(rec.tableNumber ?? ""), .text(rec.code ?? ""), .text(safe(rec.name)),
                    .text(safe(rec.project ?? "")), .text(rec.side ?? ""), .text(safe(rec.column)), .number(rec.amount),
                    .text(rec.amountUnit), .number(rec.wan), .text(rec.inferred ? "true" : "false"), .text(rec.path)
                ]
                for (c, v) in fields.enumerated() {
                    if case .text(let s) = v, s.isEmpty { continue }
                    sheet.cells.append(
                        Cell(
                            row: r, column: c, value: v,
                            look: { if case .number = v { return .amount } else { return .text } }(), comment: nil))
                }
                r += 1
            }
        }
        sheet.frozen = (1, 0)
        return sheet
    }
}
