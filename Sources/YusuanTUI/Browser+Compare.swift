import YusuanCore

/// The compare screen: two years of one unit, reached with `d` from the library (or from a
/// document), or with `m` on one document and `d` on another.
extension Browser {
    /// `d`: compare `doc` with the marked document, else with the same unit's next older year
    /// (the next newer when `doc` is the oldest).
    mutating func startCompare(doc: Int) {
        let other: Int
        if let m = marked, m != doc {
            other = m
        } else {
            let key = unitKeys[doc]
            let year = documents[doc].disclosure.year ?? 0
            let same = documents.indices.filter { $0 != doc && unitKeys[$0] == key }
            let older = same.filter { (documents[$0].disclosure.year ?? 0) < year }.max {
                (documents[$0].disclosure.year ?? 0) < (documents[$1].disclosure.year ?? 0)
            }
            let newer = same.filter { (documents[$0].disclosure.year ?? 0) > year }.min {
                (documents[$0].disclosure.year ?? 0) < (documents[$1].disclosure.year ?? 0)
            }
            guard let o = older ?? newer else { message = "这个单位只有一个年度；先用 m 标记另一个文件，再按 d 比较"; return }
            other = o
        }
        marked = nil
        // The older year on the left, whichever was chosen first.
        let (a, b) =
            (documents[other].disclosure.year ?? 0) <= (documents[doc].disclosure.year ?? 0)
            ? (other, doc) : (doc, other)
        let pair: Int
        if let existing = comparisonDocs.firstIndex(where: { $0 == [a, b] }) {
            pair = existing
        } else {
            comparisons.append(Comparison(old: documents[a].disclosure, new: documents[b].disclosure))
            comparisonDocs.append([a, b])
            pair = comparisons.count - 1
        }
        stack.append(.compare(pair: pair, cursor: firstChangedItem(pair) ?? 0, scroll: 0))
        let cautions = comparisons[pair].cautions
        if !cautions.isEmpty { message = "注意：" + cautions.joined(separator: "，") + "；逐行比较仅供参考" }
    }

    /// `m`: mark the document under the cursor for `d`.
    mutating func toggleMark(_ doc: Int) {
        marked = marked == doc ? nil : doc
        message = marked == nil ? "已取消标记" : "已标记：\(documents[doc].title)；在另一个文件上按 d 比较"
    }

    func firstChangedItem(_ pair: Int) -> Int? {
        CompareItem.items(comparisons[pair]).firstIndex { $0.changes(comparisons[pair]) > 0 }
    }

    /// Lines of a compared table on screen: all, or (with `u`) the changes and the totals; a
    /// line with no amount in either year (a blank or a heading) is no place for the cursor; in
    /// the order `o` chose, income apart from expense.
    func visibleLines(pair: Int, table: Int) -> [Int] {
        let t = comparisons[pair].tables[table]
        let lines = t.lines
        let shown = lines.indices.filter { i in
            let l = lines[i]
            let hasAmount = l.cells.contains { $0.old != nil || $0.new != nil }
            return (hasAmount || l.isChange || l.isTotal) && (!hideUnchanged || l.isChange || l.isTotal)
        }
        return t.ordered(shown, by: compareOrder)
    }

    /// `o`: the next order, the cursor kept on its line.
    mutating func cycleCompareOrder(pair: Int, table t: Int, cursor: Int, column: Int) {
        let anchor = visibleLines(pair: pair, table: t)[safe: cursor]
        compareOrder = compareOrder.next
        let nc = anchor.flatMap { visibleLines(pair: pair, table: t).firstIndex(of: $0) } ?? 0
        replaceTop(
            .compareContent(
                pair: pair, item: .table(t), cursor: nc, scroll: scrollFor(nc, 0, compareRows(.table(t))),
                column: column))
        message = compareOrder.label + (compareOrder == .printed ? "" : "（o 切换：变动额 → 变动率 → 印刷顺序）")
    }

    mutating func handleCompare(_ key: Key, pair: Int, cursor: Int, scroll: Int) {
        let items = CompareItem.items(comparisons[pair])
        if key == .char("]") || key == .char("[") {
            let step = key == .char("]") ? 1 : -1
            var i = cursor + step
            while i >= 0, i < items.count, items[i].changes(comparisons[pair]) == 0 { i += step }
            if i >= 0, i < items.count {
                replaceTop(.compare(pair: pair, cursor: i, scroll: scrollFor(i, scroll, bodyHeight)))
            } else {
                message = "没有更多变动"
            }
            return
        }
        if key == .char("u") { hideUnchanged.toggle(); return }
        let (c, s, enter) = move(key, cursor: cursor, scroll: scroll, count: items.count, rows: bodyHeight)
        replaceTop(.compare(pair: pair, cursor: c, scroll: s))
        if enter || key == .right || key == .char("l"), c < items.count { openCompareItem(items[c], pair: pair) }
    }

    mutating func openCompareItem(_ item: CompareItem, pair: Int) {
        var cursor = 0
        if case .table(let t) = item {
            cursor =
                visibleLines(pair: pair, table: t).firstIndex { comparisons[pair].tables[t].lines[$0].isChange } ?? 0
        } else {
            cursor = CompareLines.selectable(
                CompareLines.build(item, comparisons[pair], width: compareWidth), from: 0, towards: 1)
        }
        let rows = compareRows(item)
        stack.append(
            .compareContent(pair: pair, item: item, cursor: cursor, scroll: scrollFor(cursor, 0, rows), column: 0))
    }

    /// Rows of content below the headers.
    func compareRows(_ item: CompareItem) -> Int {
        if case .table = item { return max(1, bodyHeight - 3) }
        return bodyHeight
    }

    /// The scroll that shows `cursor`: unchanged when it is on screen, else centred on it.
    func scrollFor(_ cursor: Int, _ scroll: Int, _ rows: Int) -> Int {
        cursor < scroll || cursor >= scroll + rows ? max(0, cursor - rows / 2) : scroll
    }

    mutating func handleCompareContent(_ key: Key, pair: Int, item: CompareItem, cursor: Int, scroll: Int, column: Int)
    {
        let c = comparisons[pair]
        let rows = compareRows(item)
        if case .table(let t) = item {
            var col = column
            let columns = CompareTableView.columns(c.tables[t]).count
            if key == .left || key == .char("h") { col = max(0, col - 1) }
            if key == .right || key == .char("l") { col = min(max(0, columns - 1), col + 1) }
            if key == .char("u") {
                // Keep the cursor on the same line when rows appear or go.
                let anchor = visibleLines(pair: pair, table: t)[safe: cursor]
                hideUnchanged.toggle()
                let visible = visibleLines(pair: pair, table: t)
                // The line itself, else the nearest printed line before it.
                let nc =
                    anchor.flatMap { a in visible.firstIndex(of: a) ?? visible.lastIndex { $0 <= a } } ?? 0
                replaceTop(
                    .compareContent(pair: pair, item: item, cursor: nc, scroll: scrollFor(nc, 0, rows), column: col))
                return
            }
            if key == .char("o") { cycleCompareOrder(pair: pair, table: t, cursor: cursor, column: col); return }
            let visible = visibleLines(pair: pair, table: t)
            if key == .char("]") || key == .char("[") {
                jumpToChange(pair: pair, table: t, from: cursor, step: key == .char("]") ? 1 : -1, column: col); return
            }
            let (nc, s, enter) = move(key, cursor: cursor, scroll: scroll, count: visible.count, rows: rows)
            replaceTop(.compareContent(pair: pair, item: item, cursor: nc, scroll: s, column: col))
            if enter || key == .char("c"), nc < visible.count, let code = c.tables[t].lines[visible[nc]].code,
                code.hasPrefix("2"),
                c.tables[t].kind != .gpbBasicExpense
            {
                openCompareItem(.code(code), pair: pair)
            }
            return
        }
        let lines = CompareLines.build(item, c, width: compareWidth)
        var (nc, s, enter) = move(key, cursor: cursor, scroll: scroll, count: lines.count, rows: rows)
        nc = CompareLines.selectable(lines, from: nc, towards: nc >= cursor ? 1 : -1)
        s = scrollFor(nc, s, rows)
        replaceTop(.compareContent(pair: pair, item: item, cursor: nc, scroll: s, column: column))
        guard enter || key == .right, nc < lines.count, let target = lines[nc].target else { return }
        switch target {
        case .compare(let next): openCompareItem(next, pair: pair)
        case .compareLine(let t, let line):
            let visible = visibleLines(pair: pair, table: t)
            let i = visible.firstIndex(of: line) ?? 0
            stack.append(
                .compareContent(
                    pair: pair, item: .table(t), cursor: i, scroll: scrollFor(i, 0, max(1, bodyHeight - 3)), column: 0))
        default: break
        }
    }

    /// `]` / `[` in a table: the next or previous changed line, on into the next table with changes.
    mutating func jumpToChange(pair: Int, table t: Int, from cursor: Int, step: Int, column: Int) {
        let c = comparisons[pair]
        let visible = visibleLines(pair: pair, table: t)
        var i = cursor + step
        while i >= 0, i < visible.count, !c.tables[t].lines[visible[i]].isChange { i += step }
        let rows = max(1, bodyHeight - 3)
        if i >= 0, i < visible.count {
            replaceTop(
                .compareContent(
                    pair: pair, item: .table(t), cursor: i, scroll: scrollFor(i, currentScroll, rows), column: column))
            return
        }
        // Past the table's last change: the next table that has one.
        var next = t + step
        while next >= 0, next < c.tables.count, c.tables[next].presence != .both || c.tables[next].changedLines == 0 {
            next += step
        }
        guard next >= 0, next < c.tables.count else { message = "没有更多变动"; return }
        let lines = visibleLines(pair: pair, table: next)
        let changed = lines.indices.filter { c.tables[next].lines[lines[$0]].isChange }
        let target = (step > 0 ? changed.first : changed.last) ?? 0
        replaceTop(
            .compareContent(
                pair: pair, item: .table(next), cursor: target, scroll: scrollFor(target, 0, rows), column: 0))
        // The outline follows.
        if stack.count >= 2, case .compare(let p, _, let s) = stack[stack.count - 2],
            let o = CompareItem.items(c).firstIndex(of: .table(next))
        {
            stack[stack.count - 2] = .compare(pair: p, cursor: o, scroll: scrollFor(o, s, bodyHeight))
        }
        message = "\(CompareItem.table(next).label(c))"
    }

    var currentScroll: Int {
        if case .compareContent(_, _, _, let s, _) = top { return s }
        return 0
    }

    var compareWidth: Int { contentLayout.width - 1 }

    /// `s` in a compared table: the newer document's lines for the row (the older one's if the row is gone).
    mutating func openCompareSource(pair: Int, table t: Int, cursor: Int) {
        let tc = comparisons[pair].tables[t]
        guard let li = visibleLines(pair: pair, table: t)[safe: cursor] else { return }
        let line = tc.lines[li]
        let docs = comparisonDocs[pair]
        if let r = line.newRow, let table = tc.new {
            let range = table.rows[r].lines
            stack.append(
                .content(
                    doc: docs[1], item: .source(range, "\(table.number ?? "") 第 \(range.first)–\(range.last) 行"),
                    cursor: 0, scroll: 0, column: 0))
        } else if let r = line.oldRow, let table = tc.old {
            let range = table.rows[r].lines
            stack.append(
                .content(
                    doc: docs[0], item: .source(range, "\(table.number ?? "") 第 \(range.first)–\(range.last) 行"),
                    cursor: 0, scroll: 0, column: 0))
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
