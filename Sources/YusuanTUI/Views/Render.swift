import Foundation
import YusuanCore

extension Browser {
    /// Width of the outline on the left of a document, and where content starts.
    struct ContentLayout { var x: Int; var width: Int }

    var contentLayout: ContentLayout {
        if comparingFullWidth || paneMode { return ContentLayout(x: 0, width: width) }
        return ContentLayout(x: outlineWidth + 1, width: max(10, width - outlineWidth - 1))
    }

    /// Two years side by side need the room: under 100 columns a compared item takes the whole
    /// width (the outline is one Esc away).
    var comparingFullWidth: Bool {
        if case .compareContent = top { return width < 100 }
        return false
    }

    /// In a split pane the outline, when shown, takes the whole pane.
    var outlineWidth: Int { paneMode ? width - 1 : min(30, max(20, width / 4)) }

    static let minimumWidth = 60
    static let minimumHeight = 12

    /// The frame for the current state.
    public func render() -> ScreenBuffer {
        if split, !paneMode, width >= Browser.minimumSplitWidth { return renderSplit() }
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= Browser.minimumWidth, height >= Browser.minimumHeight else {
            let lines = ["终端太小", "至少需要 \(Browser.minimumWidth)×\(Browser.minimumHeight)", "当前 \(width)×\(height)"]
            for (i, l) in lines.enumerated() where i < height {
                buffer.put(
                    max(0, (width - DisplayWidth.of(l)) / 2), max(0, height / 2 - 1) + i, l, i == 0 ? .title : .normal)
            }
            return buffer
        }
        switch top {
        case .library(let cursor, let scroll): renderLibrary(&buffer, cursor: cursor, scroll: scroll)
        case .allFindings(let cursor, let scroll):
            // Only the rows in view are laid out: a library of thousands has hundreds of thousands.
            let all = documents.allFindings
            let shown = all.indices.dropFirst(scroll).prefix(bodyHeight)
            let unitWidth = min(
                max(18, width / 3), shown.map { DisplayWidth.of(documents.entry(all[$0].doc).unit) }.max() ?? 18)
            let lines = shown.map { k -> ContentLines.Line in
                let f = all[k].finding, e = documents.entry(all[k].doc)
                let style: Style = f.severity == .error ? .error : (f.severity == .warning ? .warning : .info)
                return ContentLines.Line(segments: [
                    (f.severity == .error ? "✗ " : (f.severity == .warning ? "! " : "· "), style),
                    // Units of one region share their start: keep the end, where they differ.
                    (
                        DisplayWidth.fitKeepingEnd(e.unit, max(18, width / 3)) + " \(e.year.map(String.init) ?? "") ",
                        .dim
                    ),
                    (f.message, .normal)
                ])
            }
            drawLines(&buffer, lines, x: 0, width: width, cursor: cursor - scroll, scroll: 0, focused: true)
            if all.isEmpty { buffer.put(1, 2, "没有发现问题。", .dim) }
        case .document(let doc, let cursor, let scroll):
            renderOutline(&buffer, doc: doc, cursor: cursor, scroll: scroll, focused: true)
            if !paneMode {
                let item = OutlineItem.items(documents[doc])[cursor]
                renderContent(&buffer, doc: doc, item: item, cursor: -1, scroll: 0, column: 0, focused: false)
            }
        case .content(let doc, let item, let cursor, let scroll, let column):
            if !paneMode {
                let (outlineCursor, outlineScroll) = outlineState(doc: doc)
                renderOutline(&buffer, doc: doc, cursor: outlineCursor, scroll: outlineScroll, focused: false)
            }
            renderContent(&buffer, doc: doc, item: item, cursor: cursor, scroll: scroll, column: column, focused: true)
        case .compare(let pair, let cursor, let scroll):
            renderCompareOutline(&buffer, pair: pair, cursor: cursor, scroll: scroll, focused: true)
            if !paneMode {
                renderCompareContent(
                    &buffer, pair: pair, item: CompareItem.items(comparisons[pair])[cursor], cursor: -1, scroll: 0,
                    column: 0, focused: false)
            }
        case .compareContent(let pair, let item, let cursor, let scroll, let column):
            if !comparingFullWidth && !paneMode {
                let (outlineCursor, outlineScroll) = compareOutlineState(pair: pair)
                renderCompareOutline(&buffer, pair: pair, cursor: outlineCursor, scroll: outlineScroll, focused: false)
            }
            renderCompareContent(
                &buffer, pair: pair, item: item, cursor: cursor, scroll: scroll, column: column, focused: true)
        }
        renderTitle(&buffer)
        renderDetail(&buffer)
        renderStatus(&buffer)
        if showHelp { HelpView.render(&buffer, frame: top) }
        return buffer
    }

    func outlineState(doc: Int) -> (Int, Int) {
        for frame in stack.reversed() { if case .document(let d, let c, let s) = frame, d == doc { return (c, s) } }
        return (0, 0)
    }

    func renderTitle(_ buffer: inout ScreenBuffer) {
        buffer.fill(0, .status)
        var path = ["yusuan" + (paneTitle.map { " " + $0 } ?? "")]
        var counts = ""
        if let doc = currentDocument {
            let d = documents[doc]
            path.append(d.title)
            counts = "✗\(d.errors) 错误 !\(d.warnings) 警告 ·\(d.infos) 提示"
            if case .content(_, let item, let cursor, _, _) = top {
                path.append(item.label(d))
                if case .table(let t) = item, let r = rowIndex(doc: doc, table: t, cursor: cursor) {
                    let row = d.disclosure.tables[t].rows[r]
                    path.append(row.project ?? row.code ?? row.name)
                }
            }
        } else if let (pair, item, cursor) = compareLocation {
            let c = comparisons[pair]
            // Each side's own unit and year, whole when it fits (the item and line are in the
            // panes below); what makes the two unlike sits with the counts, never cut.
            let changes = CompareItem.items(c).reduce(0) { $0 + $1.changes(c) }
            func note(_ short: Bool) -> String {
                let cautions = c.cautions(short: short)
                return (cautions.isEmpty ? "" : "⚠" + cautions.joined(separator: "·") + "  ") + "\(changes) 处变动"
            }
            func room(_ counts: String) -> Int { width - DisplayWidth.of(" " + counts + " ") - 2 }
            counts = note(false)
            if DisplayWidth.of(path[0] + " › " + c.heading) > room(counts) { counts = note(true) }
            var heading =
                DisplayWidth.of(path[0] + " › " + c.heading) <= room(counts) ? c.heading : c.heading(short: true)
            // A narrow terminal gives the program's name up before either side's name, and the
            // names' beginnings before a year.
            if DisplayWidth.of(path[0] + " › " + heading) > room(counts) { path = [] }
            var unitWidth = 40
            while DisplayWidth.of(heading) > room(counts), unitWidth > 4 {
                unitWidth -= 2
                heading = c.heading(short: true, unitWidth: unitWidth)
            }
            path.append(heading)
            // Then where the cursor is, as far as it fits whole (the panes below show it too).
            if let item {
                var deeper = [item.label(c)]
                if case .table(let t) = item, let li = visibleLines(pair: pair, table: t)[safe: cursor] {
                    let line = c.tables[t].lines[li]
                    deeper.append(line.project ?? line.code ?? line.name)
                }
                for part in deeper {
                    guard DisplayWidth.of((path + [part]).joined(separator: " › ")) <= room(counts) else { break }
                    path.append(part)
                }
            }
        } else {
            if case .allFindings = top { path.append("全部问题") }
            var files = "\(documents.count) 个文件"
            if case .library = top {
                if !libraryFilter.isEmpty { files = "筛选“\(libraryFilter)” \(library.shown)/" + files }
                if grouping != .unit { files = "按\(grouping.label) · " + files }
            }
            counts = files + "  ✗\(libraryErrors) 错误"
        }
        let right = " " + counts + " "
        let rightWidth = DisplayWidth.of(right)
        // The deepest parts of the path matter most: shorten the document's title first.
        let available = width - rightWidth - 2
        if path.count > 1 {
            let others =
                DisplayWidth.of(path.enumerated().filter { $0.offset != 1 }.map(\.element).joined(separator: " › ")) + 3
            if others + DisplayWidth.of(path[1]) > available {
                path[1] = DisplayWidth.fitKeepingEnd(path[1], max(8, available - others)).trimmingCharacters(
                    in: .whitespaces)
            }
            if DisplayWidth.of(path.joined(separator: " › ")) > available { path[1] = "…" }
        }
        buffer.put(1, 0, path.joined(separator: " › "), .status, maxWidth: available)
        buffer.put(width - rightWidth, 0, right, .status)
    }

    func renderStatus(_ buffer: inout ScreenBuffer) {
        let y = height - 1
        buffer.fill(y, .status)
        if let query = searching {
            buffer.put(0, y, "/" + query + "▏", .status)
            return
        }
        if let text = filtering {
            buffer.put(
                0, y, "筛选：" + text + "▏  \(library.shown)/\(documents.count) 个文件  Enter 确定  Esc 取消", .status,
                maxWidth: width)
            return
        }
        if let loading, case .library = top {
            buffer.put(1, y, "读取中 \(loading.done)/\(loading.total) 个文件…", .status, maxWidth: width - 2)
            return
        }
        if let message {
            buffer.put(1, y, message, .status, maxWidth: width - 2)
            return
        }
        // How the line under the cursor was matched across the years.
        if case .compareContent(let pair, .table(let t), let cursor, _, _) = top,
            let li = visibleLines(pair: pair, table: t)[safe: cursor],
            let note = CompareTableView.note(
                comparisons[pair].tables[t].lines[li], oldYear: CompareLines.years(comparisons[pair]).0,
                newYear: CompareLines.years(comparisons[pair]).1)
        {
            buffer.put(1, y, note, .status, maxWidth: width - 2)
            return
        }
        // A table read with doubt says why its rows are dimmed.
        if case .content(let doc, .table(let t), _, _, _) = top,
            let reason = documents[doc].disclosure.tables[safe: t]?.uncertain
        {
            buffer.put(1, y, "? 本表读取不确定（行已淡显）：\(reason)；s 查看原文", .status, maxWidth: width - 2)
            return
        }
        let keys: String
        switch top {
        case .library: keys = "Enter 打开  o 分组  f 筛选  d 比较  m 标记  F 全部问题  / 搜索  ? 帮助  q 退出"
        case .allFindings: keys = "↑↓ 移动  Enter 到问题所在单元格  s 原文  / 搜索  ? 帮助  q 返回"
        case .document: keys = "↑↓ 移动  Enter 查看  e 下一个问题  d 与另一年比较  / 搜索  ? 帮助  q 返回"
        case .content(_, .table, _, _, _): keys = "↑↓ 行  ←→ 列  Enter 跨表  z 折叠  s 原文  p 绩效表  e 问题  ? 帮助  q 返回"
        case .content(_, .source, _, _, _): keys = "↑↓ 移动  ←→ 左右滚动  e/E 问题  ? 帮助  q 返回"
        case .content: keys = "↑↓ 移动  Enter 跳转  s 原文  e/E 问题  / 搜索  ? 帮助  q 返回"
        case .compare: keys = "↑↓ 移动  Enter 查看  ] [ 下/上一处变动  u 隐藏未变行  / 搜索  ? 帮助  q 返回"
        case .compareContent(_, .table, _, _, _): keys = "↑↓ 行  ←→ 列  ] [ 下/上一处变动  u 隐藏未变行  o 排序  Enter 跨表  s 原文  q 返回"
        case .compareContent: keys = "↑↓ 移动  Enter 打开  ] [ 下/上一处变动  / 搜索  ? 帮助  q 返回"
        }
        buffer.put(1, y, keys, .status, maxWidth: width - 2)
    }

    func renderOutline(_ buffer: inout ScreenBuffer, doc: Int, cursor: Int, scroll: Int, focused: Bool) {
        let d = documents[doc]
        let items = OutlineItem.items(d)
        drawOutline(&buffer, count: items.count, cursor: cursor, scroll: scroll, focused: focused) { i in
            var style: Style = .normal
            if case .findings = items[i], d.errors > 0 { style = .error }
            if case .table(let t) = items[i],
                d.findings.indices.contains(where: { d.targets[$0]?.table == t && d.findings[$0].severity == .error })
            {
                style = .error
            }
            return (items[i].label(d), style, "")
        }
    }

    /// A list down the left edge with its divider: each entry's label, style and a count at its right.
    func drawOutline(
        _ buffer: inout ScreenBuffer, count: Int, cursor: Int, scroll: Int, focused: Bool,
        entry: (Int) -> (label: String, style: Style, count: String)
    ) {
        let w = outlineWidth
        for r in 0..<bodyHeight {
            let i = scroll + r
            let y = 1 + r
            buffer.put(w, y, "│", .dim)
            guard i < count else { continue }
            let e = entry(i)
            let countWidth = DisplayWidth.of(e.count)
            buffer.put(0, y, (i == cursor ? "▶" : " ") + DisplayWidth.fitMarked(e.label, w - 1 - countWidth), e.style)
            buffer.put(w - countWidth, y, e.count, .changed)
            if i == cursor { buffer.restyle(0, y, width: w, focused ? .selected : .key) }
        }
    }

    func renderContent(
        _ buffer: inout ScreenBuffer, doc: Int, item: OutlineItem, cursor: Int, scroll: Int, column: Int, focused: Bool
    ) {
        let layout = contentLayout
        if case .table(let t) = item {
            TableView.render(
                &buffer, documents[doc], table: t, rows: visibleRows(doc: doc, table: t),
                folded: folded["\(doc):\(t)"] ?? [], x: layout.x, y: 1, width: layout.width, height: bodyHeight,
                cursor: cursor, scroll: scroll, firstColumn: column, focused: focused)
            return
        }
        if case .code = item, layout.width >= 90, !paneMode {
            // Split: the code's tables and projects on the left, the project's sheet on the right.
            let left = layout.width / 2
            let lines = ContentLines.build(item, documents[doc], width: left - 1)
            drawLines(&buffer, lines, x: layout.x, width: left - 1, cursor: cursor, scroll: scroll, focused: focused)
            for r in 0..<bodyHeight { buffer.put(layout.x + left - 1, 1 + r, "│", .dim) }
            let preview = CodeAcross.preview(lines, cursor: cursor, documents[doc], width: layout.width - left - 1)
            drawLines(
                &buffer, preview, x: layout.x + left, width: layout.width - left, cursor: -1, scroll: 0, focused: false)
            return
        }
        var lines = ContentLines.build(item, documents[doc], width: layout.width - 1)
        if case .source(let range, _) = item {
            lines = ContentLines.source(
                documents[doc].disclosure, range, width: layout.width - 1, shift: column * 10, marks: sourceMarks)
        }
        drawLines(&buffer, lines, x: layout.x, width: layout.width, cursor: cursor, scroll: scroll, focused: focused)
    }

    func drawLines(
        _ buffer: inout ScreenBuffer, _ lines: [ContentLines.Line], x x0: Int, width: Int, cursor: Int, scroll: Int,
        focused: Bool
    ) {
        for r in 0..<bodyHeight {
            let i = scroll + r
            guard i < lines.count else { break }
            var x = x0
            for (text, style) in lines[i].segments {
                x = buffer.put(x, 1 + r, text, style, maxWidth: x0 + width - x)
            }
            if focused, i == cursor { buffer.restyleCursor(x0, 1 + r, width: width) }
        }
    }
}

/// `?`: every key of the current screen.
enum HelpView {
    static func lines(for frame: Browser.Frame) -> [String] {
        var out = [
            "按键", "",
            "↑ ↓  j k      上下移动          PgUp PgDn  翻页",
            "g G  Home End  到顶 / 到底       Enter  打开、跳转",
            "Esc  q        返回（最底层 q 退出） Tab  在目录与内容间切换",
            "/  n  N       搜索、下一个、上一个",
            "e  E          下一个 / 上一个问题（从任何位置）",
            "v             分屏：右侧跟随光标（跨表同科目、项目的绩效目标）；再按 v 关闭",
            "Tab           分屏时在左右窗格间切换（右窗格从此独立浏览）；f 右侧重新跟随",
            "F             文件库中全部文件的问题（在文件库界面）",
            "d             比较同一单位的两个年度（文件库或文件中）",
            "m             标记一个文件，再在另一个文件上按 d 比较二者",
            "o             文件库按单位 / 地区 / 年度分组；Enter 在组标题上展开或收起",
            "f             筛选文件库（单位、地区、年度、路径；边输入边筛选，Esc 清除）",
            "?             显示或关闭本帮助"
        ]
        if case .content(_, .table, _, _, _) = frame {
            out += [
                "", "表格", "← → h l      左右滚动金额列", "Enter c       本行科目的跨表视图（各表金额、项目、绩效目标）",
                "z  Z         折叠/展开本类或款；全部折叠/展开", "s             情况说明中引用本行的句子（Tab 下一句），再按 s 看本行原文",
                "p             打开本行项目的绩效目标表", "Tab           问题涉及两处时（如表一与表四）：到另一处",
                "r             列出同一错格引起的其他不符"
            ]
        } else if case .compare = frame {
            out += [
                "", "比较", "] [           下一处 / 上一处有变动的表或项", "u             只显示有变动的行（及合计）",
                "+ - ~         新增、取消、变动的行"
            ]
        } else if case .compareContent = frame {
            out += [
                "", "比较", "] [           下一处 / 上一处变动（到表尾后进入下一张表）", "u             只显示有变动的行（及合计）",
                "o             按变动额 ↓、变动率 ↓ 排序，再按一次回到印刷顺序（合计在前；收支总表收入、支出分开）",
                "← → h l      左右滚动金额列", "Enter c       本行科目在两年各表中的数、项目及绩效目标", "s             本行原文",
                "+ - ~         新增、取消、变动的行；状态栏说明按名称匹配的行",
                "⚠             标题栏：两个文件单位、范围（部门/单位）、预算/决算不同，或相隔多年"
            ]
        } else if case .content = frame {
            out += ["", "s             原文（绩效目标表）", "p             绩效目标表对应的项目支出行"]
        }
        out += [
            "", "符号", "✗ 错误   ! 警告   · 提示        问题的严重程度（标题栏、文件库中为个数）",
            "红 / 黄色的数   问题所指的单元格       ●  本行有问题（详情见底部）",
            "▶             光标所在；原文中为所引用的行   ◀ ▶  左 / 右还有列",
            "▸ ▾           已折叠 / 已展开           …  名称过长被截断（底部显示全称）",
            "淡色的数       按表内合计推断放置的数，或读取不确定的表", "*             已标记（m）",
            "", "鼠标：单击选择，滚轮滚动"
        ]
        return out
    }

    static func render(_ buffer: inout ScreenBuffer, frame: Browser.Frame) {
        let text = lines(for: frame)
        let w = min(buffer.width - 4, max(44, text.map(DisplayWidth.of).max() ?? 40) + 4)
        let h = min(buffer.height - 2, text.count + 2)
        let x0 = (buffer.width - w) / 2
        let y0 = max(1, (buffer.height - h) / 2)
        for r in 0..<h {
            buffer.put(x0, y0 + r, DisplayWidth.fit("", w), .status)
        }
        for (i, line) in text.prefix(h - 2).enumerated() {
            buffer.put(x0 + 2, y0 + 1 + i, line, i == 0 ? .title : .status, maxWidth: w - 4)
        }
    }
}
