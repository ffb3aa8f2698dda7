import YusuanCore

extension Browser {
    /// A click: on the outline selects an item, on content moves the cursor to the row.
    mutating func click(x: Int, y: Int) -> Bool {
        guard y >= 1, y < height - 1 else { return false }
        switch top {
        case .document(let doc, _, _) where x < outlineWidth, .content(let doc, _, _, _, _) where x < outlineWidth:
            let s = outlineState(doc: doc).1
            let items = OutlineItem.items(documents[doc])
            let i = s + y - 1
            guard i < items.count else { return true }
            while stack.count > 1, case .content = top { stack.removeLast() }
            replaceTop(.document(doc: doc, cursor: i, scroll: s))
            return true
        case .content(let doc, let item, _, let scroll, let column):
            let firstRow = { if case .table = item { return 4 } else { return 1 } }()
            let i = scroll + y - firstRow
            guard i >= 0 else { return true }
            replaceTop(.content(doc: doc, item: item, cursor: i, scroll: scroll, column: column))
            handle(.down); handle(.up)  // clamps the cursor to the rows there are
            return true
        case .compare(let pair, _, let scroll) where x < outlineWidth:
            let i = scroll + y - 1
            guard i < CompareItem.items(comparisons[pair]).count else { return true }
            replaceTop(.compare(pair: pair, cursor: i, scroll: scroll))
            return true
        case .compareContent(let pair, let item, _, let scroll, let column) where x >= contentLayout.x:
            let firstRow = { if case .table = item { return 4 } else { return 1 } }()
            let i = scroll + y - firstRow
            guard i >= 0 else { return true }
            replaceTop(.compareContent(pair: pair, item: item, cursor: i, scroll: scroll, column: column))
            handle(.down); handle(.up)
            return true
        default:
            return false
        }
    }

}
