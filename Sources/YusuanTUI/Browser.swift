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
    /// The finding whose places Enter and Tab go through: (document, finding, place, the stack's
    /// depth there); nil when the finding has one place.
    var landedPlace: (doc: Int, finding: Int, place: Int, depth: Int)?
    /// Figures to pick out in the source view (a prose finding's claim).
    var sourceMarks: [String] = []
    /// `r`: the detail lists the related sums of the finding under the cursor.
    var showRelated = false
    /// The citing sentence `s` showed for a table row: (document, table, row, which, stack depth).
    var citing: (doc: Int, table: Int, row: Int, which: Int, depth: Int)?
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
    /// `o` in a compared table: printed order, or ranked by absolute or relative change.
    var compareOrder = LineOrder.printed

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
    var bodyHeight: Int { max(1, height - 2 - detailRows) }

    // MARK: keys

    public mutating func handle(_ key: Key) {
        message = nil
        if searching != nil { handleSearch(key); return }
        if filtering != nil { handleFilter(key); return }
        // While the screen says it is too small, only quitting and resizing act.
        if key != .resize, !(split && width >= Browser.minimumSplitWidth),
            width < Browser.minimumWidth || height < Browser.minimumHeight
        {
            if key == .char("q") && stack.count == 1 { quit = true }
            return
        }
        if showHelp {
            if key == .char("q") || key == .escape || key == .char("?") || key == .enter { showHelp = false }
            return
        }
        // A terminal shrunk below the split's width shows one pane, and keys go to it.
        if split, width >= Browser.minimumSplitWidth, handleSplit(key) { return }
        switch key {
        case .resize: return
        case .char("?"): showHelp = true; return
        case .escape where atLibrary && !libraryFilter.isEmpty:
            // Esc clears a kept filter before anything else.
            libraryFilter = ""
            rebuildLibrary(keeping: 0)
            return
        case .char("q"), .escape:
            if stack.count > 1 { stack.removeLast() } else if key == .char("q") { quit = true }
            return
        case .char("/"): searching = ""; return
        case .char("n"): repeatSearch(forward: true); return
        case .char("N"): repeatSearch(forward: false); return
        case .char("e"): jumpToFinding(step: 1); return
        case .char("E"): jumpToFinding(step: -1); return
        case .tab, .backTab:
            if !nextPlace(), !nextCitingSentence() { toggleFocus() }
            return
        case .char("s"): openSource(); return
        case .char("r") where findingUnderCursor.map({ !documents[$0.doc].findings[$0.index].related.isEmpty }) ?? false:
            showRelated.toggle()
            return
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

}
