import YusuanCore

/// Two views side by side. `v` splits: the right pane follows the left pane's cursor (on a
/// table row: the code across the tables, or the project's performance sheet; elsewhere the same
/// view). Tab moves between the panes; moving into a following pane gives it a stack of its own,
/// so any two views can stand side by side; `f` makes it follow again; `v` closes the split.
extension Browser {
    /// Two panes of the smallest width a view is drawn at, and the divider.
    static let minimumSplitWidth = 2 * minimumWidth + 1

    mutating func openSplit() {
        guard width >= Browser.minimumSplitWidth else { message = "分屏需要至少 \(Browser.minimumSplitWidth) 列宽的终端"; return }
        split = true
        rightStack = nil
        focusRight = false
        message = "分屏：右侧跟随光标；Tab 切换窗格，v 关闭"
    }

    mutating func closeSplit() {
        split = false
        rightStack = nil
        focusRight = false
    }

    var leftPaneWidth: Int { (width - 1) / 2 }

    /// Keys of the split itself, and every other key sent to the focused pane.
    mutating func handleSplit(_ key: Key) -> Bool {
        switch key {
        case .char("v"): closeSplit(); return true
        case .tab, .backTab:
            if !focusRight, rightStack == nil { rightStack = followStack }
            focusRight.toggle()
            return true
        case .char("f") where !atLibrary:
            rightStack = nil
            focusRight = false
            message = "右侧跟随光标"
            return true
        case .mouseClick(let x, let y):
            focusRight = x > leftPaneWidth
            if focusRight, rightStack == nil { rightStack = followStack }
            return focusRight ? delegateRight(.mouseClick(x: x - leftPaneWidth - 1, y: y)) : false
        default:
            return focusRight ? delegateRight(key) : false
        }
    }

    /// Runs a key on the right pane's stack; Esc or q at its bottom closes the split.
    mutating func delegateRight(_ key: Key) -> Bool {
        guard var right = rightStack else { return false }
        if key == .escape || key == .char("q"), right.count <= 1 { closeSplit(); return true }
        swap(&stack, &right)
        split = false
        let w = width
        width = width - leftPaneWidth - 1
        handle(key)
        width = w
        split = true
        swap(&stack, &right)
        rightStack = right
        return true
    }

    /// What a following right pane shows for the left pane's current row.
    var followStack: [Frame] {
        guard case .content(let doc, .table(let t), let cursor, _, _) = top,
            let r = rowIndex(doc: doc, table: t, cursor: cursor)
        else { return stack }
        let d = documents[doc].disclosure
        let row = d.tables[t].rows[r]
        let base: [Frame] = [.library(cursor: doc, scroll: 0), .document(doc: doc, cursor: 0, scroll: 0)]
        if let project = row.project, let i = NameMatch.best(project, in: d.performanceSheets.map { $0.project ?? "" })
        {
            return base + [.content(doc: doc, item: .sheet(i), cursor: 0, scroll: 0, column: 0)]
        }
        if let code = row.code, code.hasPrefix("2") {
            return base + [.content(doc: doc, item: .code(code), cursor: 0, scroll: 0, column: 0)]
        }
        return stack
    }

    /// Both panes drawn by copies of the browser at their own widths, side by side under one
    /// title and status line (the focused pane's).
    func renderSplit() -> ScreenBuffer {
        var left = self, right = self
        left.split = false; left.paneMode = true; left.width = leftPaneWidth; left.showHelp = false
        right.split = false; right.paneMode = true; right.width = width - leftPaneWidth - 1; right.showHelp = false
        right.stack = rightStack ?? followStack
        var full = self
        full.split = false
        full.paneTitle = focusRight ? (rightStack == nil ? "◨ 右（跟随）" : "◨ 右") : "◧ 左"
        if focusRight { full.stack = right.stack }
        var buffer = ScreenBuffer(width: width, height: height)
        full.renderTitle(&buffer)
        full.renderStatus(&buffer)
        // The pane without focus keeps its cursor visible but quiet.
        let quiet: (Style) -> Style = { $0 == .selected ? .key : $0 }
        buffer.copy(left.render(), toX: 0, rows: 1..<(height - 1), restyle: focusRight ? quiet : { $0 })
        buffer.copy(
            right.render(), toX: leftPaneWidth + 1, rows: 1..<(height - 1), restyle: focusRight ? { $0 } : quiet)
        for y in 1..<(height - 1) { buffer.put(leftPaneWidth, y, "│", .dim) }
        if showHelp { HelpView.render(&buffer, frame: full.top) }
        return buffer
    }
}
