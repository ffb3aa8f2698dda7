import YusuanCore

/// Drawing the compare screen: the outline of table kinds and items with their change counts,
/// and the selected item beside it.
extension Browser {
    /// (comparison, item shown, cursor) when the top of the stack is the compare screen.
    var compareLocation: (Int, CompareItem?, Int)? {
        switch top {
        case .compare(let pair, _, _): return (pair, nil, 0)
        case .compareContent(let pair, let item, let cursor, _, _): return (pair, item, cursor)
        default: return nil
        }
    }

    func compareOutlineState(pair: Int) -> (Int, Int) {
        for frame in stack.reversed() { if case .compare(let p, let c, let s) = frame, p == pair { return (c, s) } }
        return (0, 0)
    }

    func renderCompareOutline(_ buffer: inout ScreenBuffer, pair: Int, cursor: Int, scroll: Int, focused: Bool) {
        let c = comparisons[pair]
        let items = CompareItem.items(c)
        drawOutline(&buffer, count: items.count, cursor: cursor, scroll: scroll, focused: focused) { i in
            let changes = items[i].changes(c)
            var style: Style = changes > 0 ? .normal : .dim
            if case .table(let t) = items[i], c.tables[t].presence != .both {
                style = c.tables[t].presence == .new ? .added : .removed
            }
            return (items[i].label(c), style, changes > 0 ? " \(changes)" : "")
        }
    }

    func renderCompareContent(
        _ buffer: inout ScreenBuffer, pair: Int, item: CompareItem, cursor: Int, scroll: Int, column: Int, focused: Bool
    ) {
        let layout = contentLayout
        if case .table(let t) = item {
            CompareTableView.render(
                &buffer, comparisons[pair], table: t, lines: visibleLines(pair: pair, table: t), x: layout.x, y: 1,
                width: layout.width, height: bodyHeight, cursor: cursor, scroll: scroll, firstColumn: column,
                focused: focused, hiding: hideUnchanged, order: compareOrder)
            return
        }
        let lines = CompareLines.build(item, comparisons[pair], width: compareWidth)
        drawLines(&buffer, lines, x: layout.x, width: layout.width, cursor: cursor, scroll: scroll, focused: focused)
    }
}
