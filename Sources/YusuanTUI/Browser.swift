import YusuanCore

/// The whole browser as a value: documents, a stack of views, and the key that changes them.
/// `render` turns it into a `ScreenBuffer`; nothing here touches a terminal.
public struct Browser: Sendable {
    public enum Frame: Equatable, Sendable {
        case library(cursor: Int, scroll: Int)
        case document(doc: Int, cursor: Int, scroll: Int)
        case content(doc: Int, item: OutlineItem, cursor: Int, scroll: Int, column: Int)
        /// Every finding of every document, most severe first.
        case allFindings(cursor: Int, scroll: Int)
        /// Two documents compared: the outline of what changed, and one item of it.
        case compare(pair: Int, cursor: Int, scroll: Int)
        case compareContent(pair: Int, item: CompareItem, cursor: Int, scroll: Int, column: Int)
    }

    public let documents: DocumentShelf
    public internal(set) var stack: [Frame]
    public var width: Int
    public var height: Int
    public var showHelp = false
    public private(set) var quit = false
    var searching: String?
    var lastSearch: String?
    var message: String?
    /// Index of the finding `e`/`E` last went to, per document.
    var findingCursor: [Int: Int] = [:]
    /// Folded 类/款 codes per table ("doc:table").
    var folded: [String: Set<String>] = [:]
    /// `v`: two panes side by side. The right one follows the left one's cursor (a row's code
    /// across the tables, a project's performance sheet) until Tab gives it a stack of its own.
    public internal(set) var split = false
    /// The right pane's own views; nil while it follows the left pane.
    var rightStack: [Frame]?
    var focusRight = false
    /// Set on the copy that draws one pane: no outline beside content, the pane's own width.
    var paneMode = false
    /// Which pane has focus, shown in the title line while split.
    var paneTitle: String?
    /// Comparisons opened so far, and the (older, newer) documents of each.
    public internal(set) var comparisons: [Comparison] = []
    var comparisonDocs: [[Int]] = []
    /// `m`: the document chosen as one side of the next `d`.
    var marked: Int?
    /// `u`: compared tables show only the lines that changed (and totals).
    var hideUnchanged = false

    /// Each document's unit, as compared across years (`UnitName.key`), and how many documents
    /// each unit has: made once, so a library of thousands draws at once.
    let unitKeys: [String]
    let documentsPerUnit: [String: Int]
    let libraryErrors: Int
    /// The documents in unit order, the library's rows as grouped and filtered now, and how.
    let unitOrder: [Int]
    var library: LibraryList
    var grouping = LibraryList.Grouping.unit
    var libraryFilter = ""
    var foldedGroups: Set<String> = []
    /// The filter being typed (`f`): the list narrows with each key.
    var filtering: String?
    /// Set while documents are still being read: (done, total), shown in the status line.
    public var loading: (done: Int, total: Int)?

    public init(documents: [LoadedDocument], width: Int, height: Int) {
        self.init(
            shelf: DocumentShelf(documents: documents), order: Array(documents.indices), width: width, height: height)
    }

    /// The library in unit order: units A–Z, the years of one unit together, newest first.
    public init(shelf: DocumentShelf, width: Int, height: Int) {
        self.init(shelf: shelf, order: nil, width: width, height: height)
    }

    /// `order`: the library's order when not by unit (the documents as given, for tests).
    init(shelf: DocumentShelf, order: [Int]?, width: Int, height: Int) {
        documents = shelf
        let keys = shelf.indices.map { UnitName.key(shelf.entry($0).unit) }
        unitKeys = keys
        documentsPerUnit = unitKeys.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        libraryErrors = shelf.indices.reduce(0) { $0 + shelf.entry($1).errors }
        unitOrder =
            order
            ?? shelf.indices.sorted { a, b in
                keys[a] != keys[b] ? keys[a] < keys[b] : (shelf.entry(a).year ?? 0, b) > (shelf.entry(b).year ?? 0, a)
            }
        library = LibraryList(entries: shelf.library.entries, order: unitOrder, grouping: .unit, filter: "", folded: [])
        self.width = width
        self.height = height
        stack = [.library(cursor: 0, scroll: 0)]
        // One document: open it straight away, the library is one Esc away.
        if shelf.count == 1, shelf.problem(opening: 0) == nil { stack.append(.document(doc: 0, cursor: 0, scroll: 0)) }
    }

    public var top: Frame { stack[stack.count - 1] }

    /// Rows available for a list below the title line and above the status line.
    var bodyHeight: Int { max(1, height - 2) }

    // MARK: keys

    public mutating func handle(_ key: Key) {
        message = nil
        if searching != nil { handleSearch(key); return }
        if filtering != nil { handleFilter(key); return }
        if showHelp {
            if key == .char("q") || key == .escape || key == .char("?") || key == .enter { showHelp = false }
            return
        }
        // A terminal shrunk below the split's width shows one pane, and keys go to it.
        if split, width >= Browser.minimumSplitWidth, handleSplit(key) { return }
        switch key {
        case .resize: return
        case .char("?"): showHelp = true; return
        case .char("q"), .escape:
            if stack.count > 1 { stack.removeLast() } else if key == .char("q") { quit = true }
            return
        case .char("/"): searching = ""; return
        case .char("n"): repeatSearch(forward: true); return
        case .char("N"): repeatSearch(forward: false); return
        case .char("e"): jumpToFinding(step: 1); return
        case .char("E"): jumpToFinding(step: -1); return
        case .tab, .backTab: toggleFocus(); return
        case .char("s"): openSource(); return
        case .char("v"): openSplit(); return
        default: break
        }
        if case .mouseClick(let x, let y) = key, click(x: x, y: y) { return }
        switch top {
        case .library(let cursor, let scroll):
            handleLibrary(key, cursor: cursor, scroll: scroll)
        case .allFindings(let cursor, let scroll):
            let all = documents.allFindings
            let (c, s, enter) = move(key, cursor: cursor, scroll: scroll, count: all.count, rows: bodyHeight)
            replaceTop(.allFindings(cursor: c, scroll: s))
            if enter, c < all.count, openDocument(all[c].doc) { open(.finding(all[c].index), doc: all[c].doc) }
        case .document(let doc, let cursor, let scroll):
            if key == .char("d") { startCompare(doc: doc); return }
            let items = OutlineItem.items(documents[doc])
            let (c, s, enter) = move(key, cursor: cursor, scroll: scroll, count: items.count, rows: bodyHeight)
            replaceTop(.document(doc: doc, cursor: c, scroll: s))
            if enter || key == .right || key == .char("l") {
                stack.append(.content(doc: doc, item: items[c], cursor: 0, scroll: 0, column: 0))
            }
        case .content(let doc, let item, let cursor, let scroll, let column):
            handleContent(key, doc: doc, item: item, cursor: cursor, scroll: scroll, column: column)
        case .compare(let pair, let cursor, let scroll):
            handleCompare(key, pair: pair, cursor: cursor, scroll: scroll)
        case .compareContent(let pair, let item, let cursor, let scroll, let column):
            handleCompareContent(key, pair: pair, item: item, cursor: cursor, scroll: scroll, column: column)
        }
    }

    mutating func replaceTop(_ frame: Frame) { stack[stack.count - 1] = frame }

    var libraryRows: Int { max(1, bodyHeight - 2) }

    /// Cursor movement shared by every list; returns the new cursor, scroll and whether Enter was pressed.
    func move(_ key: Key, cursor: Int, scroll: Int, count: Int, rows: Int) -> (Int, Int, Bool) {
        guard count > 0 else { return (0, 0, false) }
        var c = cursor
        switch key {
        case .up, .char("k"), .wheelUp: c -= 1
        case .down, .char("j"), .wheelDown: c += 1
        case .pageUp: c -= rows
        case .pageDown, .char(" "): c += rows
        case .home, .char("g"): c = 0
        case .end, .char("G"): c = count - 1
        case .mouseClick(_, let y): c = scroll + (y - 1)
        case .enter: return (c, scroll, true)
        default: break
        }
        c = min(max(0, c), count - 1)
        var s = scroll
        if c < s { s = c }
        if c >= s + rows { s = c - rows + 1 }
        return (c, max(0, s), false)
    }

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
        let lines = ContentLines.build(item, documents[doc], width: layout.width)
        let (c, s, enter) = move(key, cursor: cursor, scroll: scroll, count: lines.count, rows: bodyHeight)
        replaceTop(.content(doc: doc, item: item, cursor: c, scroll: s, column: column))
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
            if let target = documents[doc].targets[index] {
                stack.append(
                    tableFrame(doc: doc, table: target.table, row: target.row ?? 0, column: target.column ?? 0))
            } else if let line = documents[doc].findings[index].line,
                let sheet = documents[doc].disclosure.performanceSheets.firstIndex(where: {
                    $0.lines.first <= line && line <= $0.lines.last
                })
            {
                // A finding about a performance sheet opens the sheet.
                stack.append(.content(doc: doc, item: .sheet(sheet), cursor: 0, scroll: 0, column: 0))
            } else if let line = documents[doc].findings[index].line {
                stack.append(
                    .content(
                        doc: doc, item: .source(SourceRange(line, line), "第 \(line) 行"), cursor: 0, scroll: 0, column: 0
                    ))
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

    /// `e` / `E`: the next or previous finding of the current document, at its cell.
    mutating func jumpToFinding(step: Int) {
        guard let doc = currentDocument else { message = "先打开一个文件（Enter）"; return }
        let findings = documents[doc].findings
        guard !findings.isEmpty else { message = "此文件没有发现问题"; return }
        let current = findingCursor[doc] ?? (step > 0 ? -1 : findings.count)
        let next = (current + step + findings.count) % findings.count
        findingCursor[doc] = next
        if case .content = top, stack.count > 2 { stack.removeLast() }
        open(.finding(next), doc: doc)
        message = "\(next + 1)/\(findings.count) \(findings[next].message)"
    }

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

    var currentDocument: Int? {
        switch top {
        case .library, .allFindings, .compare, .compareContent: return nil
        case .document(let doc, _, _), .content(let doc, _, _, _, _): return doc
        }
    }

    mutating func toggleFocus() {
        switch top {
        case .document(let doc, let cursor, _):
            let items = OutlineItem.items(documents[doc])
            stack.append(.content(doc: doc, item: items[cursor], cursor: 0, scroll: 0, column: 0))
        case .content, .compareContent: stack.removeLast()
        case .compare(let pair, let cursor, _):
            let items = CompareItem.items(comparisons[pair])
            if cursor < items.count { openCompareItem(items[cursor], pair: pair) }
        case .library, .allFindings: break
        }
    }

    /// `s`: the source lines behind the current row, table or sheet.
    mutating func openSource() {
        if case .compareContent(let pair, .table(let t), let cursor, _, _) = top {
            openCompareSource(pair: pair, table: t, cursor: cursor); return
        }
        guard case .content(let doc, let item, let cursor, _, _) = top else { return }
        let d = documents[doc].disclosure
        switch item {
        case .table(let t):
            let table = d.tables[t]
            let range = rowIndex(doc: doc, table: t, cursor: cursor).map { table.rows[$0].lines } ?? table.lines
            stack.append(
                .content(
                    doc: doc, item: .source(range, "\(table.number ?? "") 第 \(range.first)–\(range.last) 行"), cursor: 0,
                    scroll: 0, column: 0))
        case .sheet(let i):
            let range = d.performanceSheets[i].lines
            stack.append(
                .content(
                    doc: doc, item: .source(range, "绩效目标表 第 \(range.first)–\(range.last) 行"), cursor: 0, scroll: 0,
                    column: 0))
        default:
            message = "原文视图用于表格行和绩效目标表"
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
