import YusuanCore

/// A document's content: a table's rows (folding, sideways scroll), the lines of everything
/// else, where Enter leads, and a project's performance sheet and back.
extension Browser {
    mutating func handleContent(_ key: Key, doc: Int, item: OutlineItem, cursor: Int, scroll: Int, column: Int) {
        let layout = contentLayout
        if case .table(let t) = item {
            let table = documents[doc].disclosure.tables[t]
            var col = column
            if key == .left || key == .char("h") { col = max(0, col - 1) }
            if key == .right || key == .char("l") { col = min(max(0, table.columns.count - 1), col + 1) }
            if key == .char("z") || key == .char("Z") {
                let anchor = rowIndex(doc: doc, table: t, cursor: cursor)
                toggleFold(doc: doc, table: t, row: key == .char("z") ? anchor : nil)
                let visible = visibleRows(doc: doc, table: t)
                let c = anchor.flatMap { a in visible.lastIndex { $0 <= a } } ?? 0
                replaceTop(.content(doc: doc, item: item, cursor: c, scroll: min(scroll, c), column: col))
                return
            }
            let visible = visibleRows(doc: doc, table: t)
            let (c, s, enter) = move(
                key, cursor: cursor, scroll: scroll, count: visible.count, rows: max(1, bodyHeight - 3))
            replaceTop(.content(doc: doc, item: item, cursor: c, scroll: s, column: col))
            if key == .char("p"), let r = rowIndex(doc: doc, table: t, cursor: c) {
                openSheetForProject(doc: doc, table: table, row: r)
            }
            if key == .char("c") || enter, let r = rowIndex(doc: doc, table: t, cursor: c),
                let code = table.rows[r].code, code.hasPrefix("2")
            {
                stack.append(.content(doc: doc, item: .code(code), cursor: 0, scroll: 0, column: 0))
            }
            return
        }
        var col = column
        // The source scrolls sideways, ten columns a step, so a wide line's amounts come into view.
        if case .source = item {
            if key == .left || key == .char("h") { col = max(0, col - 1) }
            if key == .right || key == .char("l") { col = min(40, col + 1) }
        }
        let lines = ContentLines.build(item, documents[doc], width: layout.width)
        let (c, s, enter) = move(key, cursor: cursor, scroll: scroll, count: lines.count, rows: bodyHeight)
        replaceTop(.content(doc: doc, item: item, cursor: c, scroll: s, column: col))
        if (enter || key == .right), c < lines.count, let target = lines[c].target { open(target, doc: doc) }
        if key == .char("p"), case .sheet(let i) = item { openProjectRow(doc: doc, sheet: i) }
    }

    /// Where Enter on a line leads.
    mutating func open(_ target: ContentLines.Target, doc: Int) {
        switch target {
        case .item(let item):
            stack.append(.content(doc: doc, item: item, cursor: 0, scroll: 0, column: 0))
        case .cell(let table, let row, let column):
            stack.append(tableFrame(doc: doc, table: table, row: row, column: column))
        case .finding(let index):
            guard index < documents[doc].findings.count else { return }
            findingCursor[doc] = index
            // Off a table there is no detail line: the status line says which finding this is.
            if documents[doc].targets[index]?.row == nil {
                let (text, _) = findingDetail(doc: doc, index: index)
                message = text
            }
            let all = places(doc: doc, index: index)
            if !all.isEmpty {
                // Enter again on the same finding goes to its next place.
                let again = landedPlace.map { $0.doc == doc && $0.finding == index } ?? false
                goToPlace(doc: doc, index: index, which: again ? ((landedPlace?.place ?? 0) + 1) % all.count : 0)
            } else if let line = documents[doc].findings[index].line,
                let sheet = documents[doc].disclosure.performanceSheets.firstIndex(where: {
                    $0.lines.first <= line && line <= $0.lines.last
                })
            {
                // A finding about a performance sheet opens the sheet; the detail lines show it whole.
                stack.append(.content(doc: doc, item: .sheet(sheet), cursor: 0, scroll: 0, column: 0))
                message = nil
            } else if let line = documents[doc].findings[index].line {
                stack.append(sourceFrame(doc: doc, range: SourceRange(line, line), label: "第 \(line) 行"))
            }
        case .compare, .compareLine:
            break  // compare-screen targets are followed by the compare screen
        }
    }

    /// A table opened at a row: folded parents of that row are unfolded first.
    mutating func tableFrame(doc: Int, table: Int, row: Int, column: Int) -> Frame {
        let key = "\(doc):\(table)"
        let rows = documents[doc].disclosure.tables[table].rows
        if row < rows.count, let code = rows[row].code { folded[key] = folded[key]?.filter { !code.hasPrefix($0) } }
        let visible = visibleRows(doc: doc, table: table)
        let cursor = visible.firstIndex(of: row) ?? 0
        let height = max(1, bodyHeight - 3)
        return .content(
            doc: doc, item: .table(table), cursor: cursor, scroll: max(0, cursor - height / 2), column: max(0, column))
    }

    /// Rows shown, as indices into the table: rows under a folded 类 or 款 are hidden.
    func visibleRows(doc: Int, table: Int) -> [Int] {
        let rows = documents[doc].disclosure.tables[table].rows
        guard let closed = folded["\(doc):\(table)"], !closed.isEmpty else { return Array(rows.indices) }
        return rows.indices.filter { i in
            guard let code = rows[i].code else { return true }
            return !closed.contains { c in
                (code.count > c.count && code.hasPrefix(c)) || (rows[i].project != nil && code == c)
            }
        }
    }

    func rowIndex(doc: Int, table: Int, cursor: Int) -> Int? {
        let visible = visibleRows(doc: doc, table: table)
        return cursor >= 0 && cursor < visible.count ? visible[cursor] : nil
    }

    func isFolded(doc: Int, table: Int, code: String) -> Bool { folded["\(doc):\(table)"]?.contains(code) ?? false }

    /// `z` folds or unfolds the 类/款 under the cursor; `Z` folds every 类, or unfolds all.
    mutating func toggleFold(doc: Int, table: Int, row: Int?) {
        let key = "\(doc):\(table)"
        let rows = documents[doc].disclosure.tables[table].rows
        guard let row else {
            if folded[key]?.isEmpty ?? true {
                folded[key] = Set(rows.compactMap { $0.code?.count == 3 ? $0.code : nil })
            } else {
                folded[key] = []
            }
            return
        }
        guard let code = rows[row].code, rows[row].project == nil,
            rows.contains(where: {
                ($0.code.map { $0.count > code.count && $0.hasPrefix(code) } ?? false)
                    || ($0.project != nil && $0.code == code)
            })
        else { message = "这一行下面没有可折叠的科目"; return }
        if folded[key, default: []].contains(code) {
            folded[key]?.remove(code)
        } else {
            folded[key, default: []].insert(code)
        }
    }

    mutating func openSheetForProject(doc: Int, table: Table, row: Int) {
        guard row < table.rows.count, let project = table.rows[row].project else { message = "光标所在行不是项目"; return }
        let sheets = documents[doc].disclosure.performanceSheets
        guard let i = NameMatch.best(project, in: sheets.map { $0.project ?? "" }) else {
            message = "“\(project)”没有绩效目标表"; return
        }
        stack.append(.content(doc: doc, item: .sheet(i), cursor: 0, scroll: 0, column: 0))
    }

    mutating func openProjectRow(doc: Int, sheet: Int) {
        let d = documents[doc].disclosure
        guard let name = d.performanceSheets[sheet].project,
            let t = d.tables.firstIndex(where: { $0.kind == .gpbProjectExpense })
        else { message = "没有项目支出表"; return }
        let rows = d.tables[t].rows
        guard let r = NameMatch.best(name, in: rows.map { $0.project ?? "" }) else {
            message = "项目支出表中找不到“\(name)”"; return
        }
        stack.append(tableFrame(doc: doc, table: t, row: r, column: 0))
    }

}
