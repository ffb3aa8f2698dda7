import YusuanCore

/// Going through findings: `e`/`E`, the finding chosen (kept while its row is under the cursor),
/// and `s`, the source lines a row, sheet or finding stands on.
extension Browser {
    /// `e` / `E`: the next or previous finding of the current document, at its cell.
    mutating func jumpToFinding(step: Int) {
        guard let doc = currentDocument else { message = "先打开一个文件（Enter）"; return }
        let findings = documents[doc].findings
        guard !findings.isEmpty else { message = "此文件没有发现问题"; return }
        let current = findingCursor[doc] ?? (step > 0 ? -1 : findings.count)
        let next = (current + step + findings.count) % findings.count
        if case .content = top, stack.count > 2 { stack.removeLast() }
        open(.finding(next), doc: doc)
    }

    /// Indices of the findings pointing at a row of a table.
    func findingIndices(doc: Int, table: Int, row: Int) -> [Int] {
        let d = documents[doc]
        return d.findings.indices.filter { d.targets[$0]?.table == table && d.targets[$0]?.row == row }
    }

    /// The finding shown for a row: the one chosen (`e`, Enter in a list) while it is on that row,
    /// else the row's first.
    func chosenFinding(doc: Int, table: Int, row: Int) -> Int? {
        let onRow = findingIndices(doc: doc, table: table, row: row)
        if let chosen = findingCursor[doc], onRow.contains(chosen) { return chosen }
        return onRow.first
    }

    /// The finding under the cursor, wherever findings are listed or pointed at.
    var findingUnderCursor: (doc: Int, index: Int)? {
        switch top {
        case .allFindings(let cursor, _):
            let all = documents.allFindings
            return cursor < all.count ? (all[cursor].doc, all[cursor].index) : nil
        case .content(let doc, .findings, let cursor, _, _):
            return cursor < documents[doc].findings.count ? (doc, cursor) : nil
        case .content(let doc, .table(let t), let cursor, _, _):
            return rowIndex(doc: doc, table: t, cursor: cursor).flatMap { r in
                chosenFinding(doc: doc, table: t, row: r).map { (doc, $0) }
            }
        case .content(let doc, _, _, _, _):
            return findingCursor[doc].map { (doc, $0) }
        default:
            return nil
        }
    }

    /// The source view around `range`: the cited line under the cursor, in the middle of the
    /// screen, with enough lines around it to scroll either way.
    func sourceFrame(doc: Int, range: SourceRange, label: String) -> Frame {
        let count = documents[doc].disclosure.sourceLines.count
        let shown = ContentLines.sourceWindow(range, count: count)
        let cursor = max(0, range.first - shown.lowerBound)
        return .content(
            doc: doc, item: .source(range, label), cursor: cursor, scroll: max(0, cursor - bodyHeight / 2), column: 0)
    }

    /// `s`: the source lines behind the finding, row, table or sheet under the cursor.
    mutating func openSource() {
        if let c = citing, c.depth == stack.count, case .content(_, .source, _, _, _) = top {
            citing = nil
            stack.removeLast()
            sourceMarks = []
            let range = documents[c.doc].disclosure.tables[c.table].rows[c.row].lines
            let number = documents[c.doc].disclosure.tables[c.table].number ?? ""
            stack.append(sourceFrame(doc: c.doc, range: range, label: "\(number) 第 \(range.first)–\(range.last) 行"))
            return
        }
        sourceMarks = []
        if case .compareContent(let pair, .table(let t), let cursor, _, _) = top {
            openCompareSource(pair: pair, table: t, cursor: cursor); return
        }
        // A finding about a sentence shows the sentence, even from the table row it lands on.
        if let (doc, i) = findingUnderCursor, let line = documents[doc].findings[i].line {
            let isTableFinding: Bool = {
                guard case .content(_, .table(let t), let cursor, _, _) = top,
                    let r = rowIndex(doc: doc, table: t, cursor: cursor)
                else { return false }
                let rows = documents[doc].disclosure.tables[t].rows[r].lines
                return rows.first <= line && line <= rows.last
            }()
            if !isTableFinding {
                if case .allFindings = top { guard openDocument(doc) else { return } }
                let f = documents[doc].findings[i]
                sourceMarks = [f.expected, f.actual].compactMap { $0 }.flatMap { [$0.description, $0.grouped] }
                stack.append(sourceFrame(doc: doc, range: SourceRange(line, line), label: "第 \(line) 行"))
                scrollToMark(doc: doc, line: line)
                return
            }
        }
        if case .content(let doc, .findings, let cursor, _, _) = top, cursor < documents[doc].findings.count {
            message = "这个问题没有指明原文的行"; return
        }
        guard case .content(let doc, let item, let cursor, _, _) = top else {
            message = "原文视图用于表格行、绩效目标表和问题"; return
        }
        let d = documents[doc].disclosure
        switch item {
        case .table(let t):
            let table = d.tables[t]
            // The sentences citing the row first (a flagged row shows the lines its finding cites);
            // `s` again, from a citing sentence, the row's own lines.
            if findingUnderCursor == nil, let r = rowIndex(doc: doc, table: t, cursor: cursor),
                openCitingSentence(doc: doc, table: t, row: r, which: 0)
            {
                return
            }
            let range = rowIndex(doc: doc, table: t, cursor: cursor).map { table.rows[$0].lines } ?? table.lines
            stack.append(
                sourceFrame(doc: doc, range: range, label: "\(table.number ?? "") 第 \(range.first)–\(range.last) 行"))
        case .sheet(let i):
            let range = d.performanceSheets[i].lines
            stack.append(sourceFrame(doc: doc, range: range, label: "绩效目标表 第 \(range.first)–\(range.last) 行"))
        default:
            message = "原文视图用于表格行、绩效目标表和问题"
        }
    }
}
