/// Search: `/` types a query, `n`/`N` go to the next and previous match.
extension Browser {
    mutating func handleSearch(_ key: Key) {
        guard var query = searching else { return }
        switch key {
        case .escape: searching = nil
        case .enter:
            searching = nil
            lastSearch = query.isEmpty ? lastSearch : query
            repeatSearch(forward: true, fromCurrent: true)
        case .backspace: query = String(query.dropLast()); searching = query
        case .char(let c): query.append(c); searching = query
        default: break
        }
    }

    /// Texts of the current list, in order, for `/`.
    func searchableTexts() -> [String] {
        switch top {
        case .library:
            return library.rows.map { row in
                switch row {
                case .header(let name, _, _): return name
                case .document(let i): return "\(documents.entry(i).title) \(documents.entry(i).path)"
                }
            }
        case .allFindings: return documents.allFindings.map(\.finding.message)
        case .document(let doc, _, _): return OutlineItem.items(documents[doc]).map { $0.label(documents[doc]) }
        case .content(let doc, let item, _, _, _):
            if case .table(let t) = item {
                let rows = documents[doc].disclosure.tables[t].rows
                return visibleRows(doc: doc, table: t).map {
                    "\(rows[$0].code ?? "") \(rows[$0].name) \(rows[$0].project ?? "")"
                }
            }
            return ContentLines.build(item, documents[doc], width: contentLayout.width).map(\.plain)
        case .compare(let pair, _, _): return CompareItem.items(comparisons[pair]).map { $0.label(comparisons[pair]) }
        case .compareContent(let pair, let item, _, _, _):
            let c = comparisons[pair]
            if case .table(let t) = item {
                return visibleLines(pair: pair, table: t).map {
                    "\(c.tables[t].lines[$0].code ?? "") \(c.tables[t].lines[$0].label) \(c.tables[t].lines[$0].oldName ?? "")"
                }
            }
            return CompareLines.build(item, c, width: compareWidth).map(\.plain)
        }
    }

    mutating func repeatSearch(forward: Bool, fromCurrent: Bool = false) {
        guard let query = lastSearch, !query.isEmpty else { message = "先用 / 输入要找的内容"; return }
        let texts = searchableTexts()
        let cursor: Int
        switch top {
        case .library(let c, _), .document(_, let c, _), .content(_, _, let c, _, _), .allFindings(let c, _),
            .compare(_, let c, _),
            .compareContent(_, _, let c, _, _):
            cursor = c
        }
        let matches = texts.indices.filter { texts[$0].localizedLowercase.contains(query.localizedLowercase) }
        guard !matches.isEmpty else { message = "找不到“\(query)”"; return }
        // The next match after the cursor (or at it, for a new search), else around the end again.
        let ahead = forward ? matches.first { fromCurrent ? $0 >= cursor : $0 > cursor } : matches.last { $0 < cursor }
        let i = ahead ?? (forward ? matches[0] : matches[matches.count - 1])
        setCursor(i)
        let k = (matches.firstIndex(of: i) ?? 0) + 1
        let wrapped = ahead == nil ? (forward ? "，后面没有了，回到第一个" : "，前面没有了，回到最后一个") : ""
        message = "“\(query)” \(k)/\(matches.count)\(wrapped)"
    }

    mutating func setCursor(_ i: Int) {
        let rows = bodyHeight
        func scrolled(_ scroll: Int, _ visible: Int) -> Int { scrollFor(i, scroll, visible) }
        switch top {
        case .library(_, let s): replaceTop(.library(cursor: i, scroll: scrolled(s, libraryRows)))
        case .allFindings(_, let s): replaceTop(.allFindings(cursor: i, scroll: scrolled(s, rows)))
        case .document(let d, _, let s): replaceTop(.document(doc: d, cursor: i, scroll: scrolled(s, rows)))
        case .content(let d, let item, _, let s, let col):
            let visible: Int
            if case .table = item { visible = max(1, rows - 3) } else { visible = rows }
            replaceTop(.content(doc: d, item: item, cursor: i, scroll: scrolled(s, visible), column: col))
        case .compare(let p, _, let s): replaceTop(.compare(pair: p, cursor: i, scroll: scrolled(s, rows)))
        case .compareContent(let p, let item, _, let s, let col):
            replaceTop(
                .compareContent(pair: p, item: item, cursor: i, scroll: scrolled(s, compareRows(item)), column: col))
        }
    }
}
