/// A PDF's pages of words → the text the readers take: prose and titles as lines, each table as
/// rows of tab-separated cells (`PDFTableGrid`), a form feed where a page starts. Page numbers
/// are dropped; a table continued on the next page is read as one, its repeated header dropped.
enum PDFLayout {
    enum Item {
        case text(PDFLine)
        case meta(String)  // 部门：… / 单位：万元 above a table
        case table([PDFLine])
        case sheet([PDFLine])  // a 绩效目标表's lines after its title (`PDFSheetGrid`)
        case pageBreak

        /// What stands between two parts of a table continued on the next page.
        var isFurniture: Bool {
            switch self {
            case .meta, .pageBreak: return true
            case .text, .table, .sheet: return false
            }
        }
        var isTable: Bool { if case .table = self { return true } else { return false } }
    }

    static func text(_ pages: [PDFPage]) -> String { text(pages.map(PDFPageLines.init)) }

    static func text(_ pages: [PDFPageLines]) -> String {
        var out: [String] = []
        var all: [Item] = []
        let heads = runningHeads(pages)
        for page in pages {
            // A header alone at the foot of the page before is no table going on yet: its rows
            // are to come.
            let last = all.last { !$0.isFurniture }
            let above: [PDFLine]? = if case .table(let b)? = last { b } else { nil }
            let rowsAbove = above.map(hasRows)
            let inSheet = if case .sheet? = last { true } else { false }
            all += items(
                page, continuing: rowsAbove == true, underHeader: rowsAbove == false,
                pitchAbove: above.flatMap { linePitch($0[...]) } ?? 0, inSheet: inSheet, heads: heads)
        }
        let joined = unjoinedHeaders(joinContinuations(all))
        let paragraphs = PDFParagraphs(
            joined.compactMap {
                if case .text(let line) = $0 { return line }; return nil
            })
        var open: (index: Int, line: PDFLine)?  // the prose line the next one may continue
        // Each table's grid stands on its own lines alone: they are made side by side.
        var grids = Parallel.map(joined.compactMap { if case .table(let b) = $0 { b } else { nil } }, grid)[...]
        for item in joined {
            switch item {
            case .text(let line):
                if let o = open, paragraphs.continues(o.line, with: line) {
                    out[o.index] = CJK.joinWrapped(out[o.index] + " " + line.text)
                    open = (o.index, line)
                } else {
                    out.append(cellsApart(line))
                    open = (out.count - 1, line)
                }
            case .meta(let t):
                out.append(t)
                open = nil
            case .pageBreak: out.append("\u{0C}")
            case .table:
                open = nil
                out += grids.removeFirst()
            case .sheet(let lines):
                open = nil
                out += PDFSheetGrid.rows(lines)
            }
        }
        return out.joined(separator: "\n")
    }

    /// A table's lines as rows of tab-separated cells.
    @Sendable static func grid(_ block: [PDFLine]) -> [String] {
        // Cells the converter ran together are split before the grid is made.
        let lines = block.map {
            PDFLine(words: PDFWord.joinSpacedTotals($0.words.flatMap { $0.splitCells() }), page: $0.page)
        }
        return PDFTableGrid.rows(lines).map { $0.map(clean).joined(separator: "\t") }
    }

    /// A line of cells far apart that is no table's row (the header of an empty table, its
    /// only row "合计" under it): its cells keep a space between them, so the labels stay apart.
    static func cellsApart(_ line: PDFLine) -> String {
        guard isTabular(line) else { return line.text }
        return line.segments(gap: cellGap(line)).map(PDFLine.join).joined(separator: " ")
    }

    static func clean(_ cell: String) -> String {
        cell.utf8.contains(9) ? cell.replacingOccurrences(of: "\t", with: " ") : cell
    }

    /// One page's items; `continuing` when the page before ended inside a table, so rows at the
    /// top of this one (a name alone in its row) belong to it; `underHeader` when it ended with a
    /// table's header alone, so a row of cells first on this one is the table's, one row though it be.
    /// `pitchAbove`: that table's line pitch, its rows' here where they alone cannot say it.
    /// `inSheet` when it ended inside a 绩效目标表, whose lines at the top of this one go on.
    static func items(
        _ prepared: PDFPageLines, continuing: Bool = false, underHeader: Bool = false, pitchAbove: Double = 0,
        inSheet: Bool = false,
        heads: Set<String> = []
    ) -> [Item] {
        var prepared = prepared
        if let first = prepared.lines.first, heads.contains(headKey(first)) { prepared.remove(at: 0) }
        if let last = prepared.lines.last, heads.contains(headKey(last)) {
            prepared.remove(at: prepared.lines.count - 1)
        }
        let lines = prepared.lines, page = prepared.page
        var out: [Item] = page.number > 1 ? [.pageBreak] : []
        // Each line's kind, found once (`PDFPageLines`): every rule below asks for it, some many times.
        var tabular = prepared.tabular
        let metas = prepared.metas, titles = prepared.titles
        // A short name's first and last lines, about the line of its amounts centred beside it,
        // go with the table, however far its rows stand apart.
        for k in PDFRowSpans.lastLinesOfNames(lines) where !titles[k] && metas[k] == nil { tabular[k] = true }
        // The short lines at the top, up to the page's first tabular line, title, note or
        // sentence, go on the table (a list of sources whose names stand alone in their rows),
        // though another table follows on the page. Under a header alone, only where rows of
        // cells follow them (a chart's caption under its legend is no row).
        if continuing || underHeader, let first = metas.firstIndex(where: { $0 == nil }) {
            let next =
                lines.indices[first...].firstIndex(where: {
                    tabular[$0] || titles[$0] || isNote(lines[$0]) || CJK.compact(lines[$0].text).count > 24
                        || PartLocator.partNumber(CJK.compact(lines[$0].text)) != nil  // 第三部分…
                }) ?? lines.count
            if continuing || (next < lines.count && tabular[next]) {
                for k in first..<next where !isNote(lines[k]) { tabular[k] = true }
            }
        }
        var i = inSheet ? sheetGoesOn(lines, into: &out) : 0
        while i < lines.count {
            if let end = sheet(lines, at: i, into: &out) {
                i = end
                continue
            }
            if var parts = metas[i] {
                // A long name wrapped under its 部门： line ("…委员会办" / "公厅").
                if i + 1 < lines.count, !tabular[i + 1], lines[i + 1].y0 - lines[i].y1 < 0.6 * lines[i].height,
                    lines[i + 1].x0 >= lines[i].x0, lines[i + 1].x1 <= lines[i].x1,
                    CJK.compact(lines[i + 1].text).count <= 10
                {
                    parts[0] += lines[i + 1].text
                    i += 1
                }
                out += parts.map(Item.meta)
                i += 1
                continue
            }
            guard tabular[i] else { out.append(.text(lines[i])); i += 1; continue }
            // The table going on from the page before is the page's first block.
            let inherited = continuing && !out.contains(where: \.isTable) ? pitchAbove : 0
            let end = blockEnd(
                lines, tabular: tabular, stops: zip(metas, titles).map { $0 != nil || $1 }, from: i, pitch: inherited)
            var block = Array(lines[i...end])
            // A line of amounts alone under labels set close together (narrow columns, one
            // run of words a line), or a header whose upper labels stand one to a line: the
            // labels head it.
            // A header's label of a word or two over one of its later columns (a group's
            // caption, wider, is left as it was).
            let firstCell = block[0].segments(gap: cellGap(block[0])).first?.last?.x1 ?? 0
            func headsLaterColumn(_ above: PDFLine) -> Bool {
                // Longer where it reaches down into the line under it (a label about that line).
                let touching = (block.first?.y0 ?? 0) - above.y1 <= 0.5 * above.height
                return !(block[0].hasFigures || block[0].startsWithCode)
                    && CJK.compact(above.text).count <= (touching ? 8 : 4)
                    && above.x0 > firstCell && above.x1 <= (block.map(\.x1).max() ?? 0) + 2 * above.height
            }
            // A group's label, wider, centred on the cells of labels under it (`firstOfCellsCentred`).
            func headsGroup(_ above: PDFLine) -> Bool {
                let header = block.prefix { !($0.hasFigures || $0.startsWithCode) }
                let units = header.map { $0.segments(gap: 0.35 * max($0.height, 1)) }
                // Wholly above the header's lines: labels set higher (a header of words stacked
                // down its cells) leave it as it was.
                return above.x0 > firstCell && header.allSatisfy { $0.y0 >= above.y1 }
                    && PDFTableGrid.firstOfCellsCentred(above.words, among: [above.words], below: units[...]) != nil
            }
            while case .text(let above)? = out.last, end == i || headsLaterColumn(above) || headsGroup(above),
                let top = block.first,
                above.page == top.page, top.y0 - above.y1 <= 2.5 * max(above.height, 6), !isTitle(above),
                !isNote(above), CJK.compact(above.text).count <= 16,
                above.x0 >= (block.map(\.x0).min() ?? 0) - 2 * above.height
            {
                out.removeLast()
                block.insert(above, at: 0)
            }
            // One row alone is a table's only where a table goes on from the page before.
            let goesOn = (continuing || underHeader) && out.allSatisfy { $0.isFurniture || $0.isTable }
            let rows = block.count >= 2 && hasRows(block)
            // A header alone at the foot of the page: its rows may stand at the top of the next.
            // Joined to them there, or read as text again (`unjoinedHeaders`).
            if goesOn || rows || end == lines.count - 1 {
                out.append(.table(block))
            } else {
                out += block.map { .text($0) }
            }
            i = end + 1
        }
        return out
    }

    /// A title with its unit at the right of the same line ("收入预算总表 … 单位：万元"): the title,
    /// then the unit as the line a table's 单位： stands on.
    static func splitUnitOffTitle(_ line: PDFLine) -> [PDFLine] {
        let runs = line.segments(gap: cellGap(line))
        guard runs.count >= 2, let last = runs.last,
            ["单位：", "单位:", "金额单位"].contains(where: CJK.compact(PDFLine.join(last)).hasPrefix)
        else { return [line] }
        let title = PDFLine(words: Array(runs.dropLast().joined()), page: line.page)
        guard isTitle(title) else { return [line] }
        return [title, PDFLine(words: last, page: line.page)]
    }

    /// A title the page broke over two lines ("…会议费、培训费支" / "出预算表") made one line
    /// again, so it stops the table above it as a title does. A line that starts an item ("一、…")
    /// or a part's heading ("第二部分…") is a line of its own, never the rest of the line above.
    static func joinBrokenTitles(_ lines: [PDFLine]) -> [PDFLine] {
        var out: [PDFLine] = []
        var i = 0
        while i < lines.count {
            if i + 1 < lines.count, !isTabular(lines[i]), !isTabular(lines[i + 1]),
                TableSegmenter.label(of: lines[i].text) == nil,
                PartLocator.partNumber(CJK.compact(lines[i].text)) == nil,
                !PDFParagraphs.startsItem(CJK.compact(lines[i + 1].text)),
                CJK.compact(lines[i + 1].text).count <= 8, lines[i + 1].y0 - lines[i].y1 < 0.8 * lines[i].height,
                TableSegmenter.title(of: SourceText.Line(number: 0, text: lines[i].text)) == nil,
                TableSegmenter.title(of: SourceText.Line(number: 0, text: lines[i].text + lines[i + 1].text)) != nil
            {
                out.append(PDFLine(words: lines[i].words + lines[i + 1].words, page: lines[i].page))
                i += 2
                continue
            }
            out.append(lines[i])
            i += 1
        }
        return out
    }

    /// "注：…", "备注：…", "说明：…" under a table.
    static func isNote(_ line: PDFLine) -> Bool {
        let c = CJK.compact(line.text)
        return ["注：", "注:", "备注", "说明："].contains(where: c.hasPrefix) || c.hasSuffix("。") || c.count > 40
    }

    /// Wider than a space between words of one cell, narrower than the padding of two cells.
    static func cellGap(_ line: PDFLine) -> Double { max(1.2 * line.height, 6) }

    /// Two or more runs of words far apart on one line: cells.
    static func isTabular(_ line: PDFLine) -> Bool {
        // Amounts hold no spaces: a line of amounts alone is a row of cells, however close.
        line.segmentCount(gap: cellGap(line)) >= 2
            || (line.words.count >= 2 && line.words.allSatisfy { Amount.isPrinted($0.text) })
    }

    /// A table's label or title, which starts a table of its own.
    static func isTitle(_ line: PDFLine) -> Bool {
        let t = line.text
        if TableSegmenter.label(of: t) != nil { return true }
        return line.segmentCount(gap: cellGap(line)) == 1
            && TableSegmenter.title(of: SourceText.Line(number: 0, text: t)) != nil
    }

    /// The 部门：/单位： line above a table, as its own lines ("部门：X", "单位：万元").
    static func meta(_ line: PDFLine) -> [String]? {
        let c = CJK.compact(line.text)
        // Every start begins with 部, 单, 编 or 预, a Character of one scalar: other lines are
        // answered by their first scalar, without the eight prefix comparisons.
        guard let first = c.unicodeScalars.first, "部单编预".unicodeScalars.contains(first) else { return nil }
        let starts = ["部门：", "部门:", "单位：", "单位:", "编制单位", "编制部门", "单位名称：", "预算单位："]
        guard starts.contains(where: c.hasPrefix), c.count <= 60, !c.contains("。") else { return nil }
        var parts: [String] = []
        var current = ""
        for segment in line.segments(gap: cellGap(line)) {
            let s = PDFLine.join(segment)
            let sc = CJK.compact(s)
            if !current.isEmpty, sc.hasPrefix("单位：") || sc.hasPrefix("单位:") || sc.hasPrefix("金额单位") {
                parts.append(current)
                current = s
            } else {
                current += current.isEmpty ? s : s
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// Running heads and feet: the same line (digits aside) first or last on three pages or more,
    /// and on a third of them at least.
    static func runningHeads(_ pages: [PDFPageLines]) -> Set<String> {
        var counts: [String: Int] = [:]
        for page in pages {
            for line in page.ends where !line.isEmpty {
                counts[line, default: 0] += 1
            }
        }
        return Set(counts.filter { $0.value >= max(3, pages.count / 3) }.keys)
    }

    static func headKey(_ line: PDFLine) -> String {
        String(CJK.compact(line.text).filter { !($0.isASCII && $0.isNumber) })
    }

    /// Where a table block that starts at line `i` ends: at the last tabular line near enough below
    /// it (lines between, a name alone in its row or a wrapped cell, belong to it), then on over
    /// lines that go on at the table's pitch (a name alone at the foot), but not a note under it.
    /// `stops`: the 部门/单位 lines and titles, which end any block; `inherited`: the pitch of the
    /// table going on from the page before, for a block of one row.
    static func blockEnd(_ lines: [PDFLine], tabular: [Bool], stops: [Bool], from i: Int, pitch inherited: Double = 0)
        -> Int
    {
        var end = i
        var j = i + 1
        while j < lines.count {
            if stops[j] { break }
            // Rows of a table may stand far apart (one row a cell's height); prose does not.
            let limit = (tabular[j] && tabular[j - 1] ? 8.0 : 3.5) * max(lines[j].height, 8)
            if lines[j].y0 - lines[j - 1].y1 > limit { break }
            if tabular[j] { end = j }
            j += 1
        }
        // A block of one row (a name wrapped beside its amounts, a header's lines) has no pitch of
        // its own: the table's from the page before, else its lines' own spacing.
        let steps = end > i ? (lines[end].y0 - lines[i].y0) / Double(end - i) : 0
        let pitch = linePitch(lines[i...end]) ?? (inherited > 0 ? inherited : steps)
        var left = lines[i...end].map(\.x0).min() ?? 0
        while end + 1 < lines.count, !tabular[end + 1], !stops[end + 1],
            lines[end + 1].y0 - lines[end].y0 <= 1.3 * pitch,
            // A label centred in the first column may stand out a little left of the lines above
            // (its own first line among them).
            lines[end + 1].x0 >= left - max(2, 0.6 * lines[end + 1].height), !isNote(lines[end + 1])
        {
            end += 1
            left = min(left, lines[end].x0)
        }
        return end
    }

    /// How far one line's top stands below the one above, on average, where lines go on down the
    /// table: lines nearer than most of a line's height stand beside each other in one row (an
    /// amount centred between a wrapped name's two lines) and are left out. Nil where all are.
    static func linePitch(_ lines: ArraySlice<PDFLine>) -> Double? {
        let steps = zip(lines, lines.dropFirst()).compactMap { a, b -> Double? in
            let d = b.y0 - a.y0
            return a.page == b.page && d >= 0.8 * max(a.height, b.height) ? d : nil
        }
        return steps.isEmpty ? nil : steps.reduce(0, +) / Double(steps.count)
    }

    /// Page numbers ("- 3 -", "第 3 页", a lone number at the foot or head of the page; two
    /// numbers a cell apart there are a row's amounts, a table's first on the page).
    static func isFurniture(_ line: PDFLine, page: PDFPage) -> Bool {
        let t = line.text
        if SourceText.isPageNumber(t) { return true }
        let c = CJK.compact(t)
        let edge = line.y0 > page.height * 0.88 || line.y1 < page.height * 0.08
        return edge && !c.isEmpty && c.count <= 4 && c.allSatisfy { $0.isASCII && $0.isNumber }
            && line.segmentCount(gap: cellGap(line)) == 1
    }

    /// A table that goes on over a page break: the block at the top of a page, after only the
    /// page's 部门/单位 lines, joins the block that ended the previous page; its repeated header
    /// (lines before its first data line whose words the first part's header has) is dropped.
    static func joinContinuations(_ items: [Item]) -> [Item] {
        var out: [Item] = []
        for item in items {
            if joinSheet(item, to: &out) { continue }
            if case .table(let lines) = item, let t = out.lastIndex(where: { !$0.isFurniture }),
                case .table(let first) = out[t]
            {
                out[t] = .table(first + dropRepeatedHeader(lines, after: first))
                out.removeSubrange((t + 1)...)
                out.append(.pageBreak)
                continue
            }
            out.append(item)
        }
        return out
    }

    /// A header that ended a page with no rows joined to it there: its lines as text, as they were.
    static func unjoinedHeaders(_ items: [Item]) -> [Item] {
        items.flatMap { item -> [Item] in
            guard case .table(let lines) = item, !hasRows(lines) else { return [item] }
            return lines.map(Item.text)
        }
    }

    static func hasRows(_ lines: [PDFLine]) -> Bool {
        (PDFTableGrid.dataStart(lines) ?? PDFTableGrid.blankStart(lines)) != nil
    }

    static func dropRepeatedHeader(_ lines: [PDFLine], after first: [PDFLine]) -> [PDFLine] {
        // A first part of header lines alone is all header.
        let firstStart = PDFTableGrid.dataStart(first) ?? (hasRows(first) ? nil : first.count)
        guard let start = PDFTableGrid.dataStart(lines), start > 0, let firstStart else { return lines }
        let known = Set(first[..<firstStart].flatMap(\.words).map { CJK.compact($0.text) })
        // A repeated line's words are the first part's, most of them at least: a header the page
        // break cut goes on with labels of its own ("类 款 项 … 一般公共 预算" under
        // "科目代码 … 财政拨款 结转"), and a row names one of the header's labels at most
        // ("政府性基金预算  203国防支出").
        // Rows of names alone may follow it before the first amount ("229其他支出" … on a page of
        // the 财政拨款收支总表 whose amounts stand further down): lines with none of its words.
        func count(_ line: PDFLine) -> Int { line.words.filter { known.contains(CJK.compact($0.text)) }.count }
        let repeated = lines[..<start].prefix { count($0) * 2 > $0.words.count }.count
        guard repeated > 0, lines[repeated..<start].allSatisfy({ count($0) == 0 }) else { return lines }
        return Array(lines[repeated...])
    }
}
