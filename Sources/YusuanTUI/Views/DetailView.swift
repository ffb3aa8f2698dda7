import YusuanCore

/// The detail lines above the status line (as lazygit keeps one): the selected row, finding or
/// name whole, however narrow the columns it is cut to above.
extension Browser {
    /// Rows kept for the detail where something is selected that a column may cut.
    var detailRows: Int {
        switch top {
        case .content(_, .table, _, _, _), .content(_, .findings, _, _, _), .allFindings:
            // `r` opens the list of a fault's related sums: up to a third of the screen.
            if showRelated, let (d, i) = findingUnderCursor, !documents[d].findings[i].related.isEmpty {
                return min(max(4, height / 3), documents[d].findings[i].related.count * 2 + 4)
            }
            return height >= 30 ? 4 : 3
        case .content(let doc, .sheet(let sheet), _, _, _):
            return sheetFinding(doc: doc, sheet: sheet) == nil ? 0 : (height >= 30 ? 4 : 3)
        default: return 0
        }
    }

    /// The finding `e` or Enter last chose, when it stands on this performance sheet.
    func sheetFinding(doc: Int, sheet: Int) -> Int? {
        guard let i = findingCursor[doc], let line = documents[doc].findings[safe: i]?.line,
            let lines = documents[doc].disclosure.performanceSheets[safe: sheet]?.lines,
            lines.first <= line, line <= lines.last
        else { return nil }
        return i
    }

    static func symbol(_ severity: Finding.Severity) -> String {
        severity == .error ? "✗" : (severity == .warning ? "!" : "·")
    }

    static func style(_ severity: Finding.Severity) -> Style {
        severity == .error ? .error : (severity == .warning ? .warning : .info)
    }

    /// "表3 · 支出总体 · 2080109 · 基本支出 · 第 34 行": the finding's place, in Chinese.
    static func place(_ f: Finding) -> String {
        var parts: [String] = []
        if let n = f.tableNumber { parts.append(n) }
        if let t = f.table { parts.append(t.shortName) }
        if let c = f.code { parts.append(c) } else if let r = f.row { parts.append(r) }
        if let col = f.column { parts.append(col) }
        if let l = f.line { parts.append("第 \(l) 行") }
        return parts.joined(separator: " · ")
    }

    /// "3/14 ✗ message（location）": a finding whole, with its place in the document's list.
    func findingDetail(doc: Int, index: Int) -> (String, Style) {
        let d = documents[doc]
        let f = d.findings[index]
        let source = f.line == nil ? "" : "；s 看原文"
        var text =
            "\(index + 1)/\(d.findings.count) \(Browser.symbol(f.severity)) \(f.message)（\(Browser.place(f))\(source)）"
        let all = places(doc: doc, index: index)
        if all.count > 1 {
            text +=
                " 涉及 \(all.count) 处：" + all.map { placeLabel(doc: doc, $0) }.joined(separator: "、")
                + "（Enter / Tab 依次前往）"
        }
        if !f.related.isEmpty {
            text += " 同一错格还使 \(f.related.count) 处不符" + (showRelated ? "：" : "（r 列出）")
        }
        return (text, Browser.style(f.severity))
    }

    /// The related sums of a finding, one per line, when `r` asked for them.
    func relatedDetail(doc: Int, index: Int) -> [(String, Style)] {
        guard showRelated else { return [] }
        return documents[doc].findings[index].related.map { r in
            ("  · \(r.message)（\(Browser.place(r))）", .dim)
        }
    }

    /// The detail's paragraphs for the current selection, most important first.
    var detailParagraphs: [(String, Style)] {
        switch top {
        case .content(let doc, .table(let t), let cursor, _, _):
            guard let r = rowIndex(doc: doc, table: t, cursor: cursor) else { return [] }
            let row = documents[doc].disclosure.tables[t].rows[r]
            var name = [row.code, row.name].compactMap { $0 }.joined(separator: " ")
            if let project = row.project { name += " · 项目 " + project }
            // The finding on this row, else the one whose other place this is (reached by Tab).
            var chosen = chosenFinding(doc: doc, table: t, row: r)
            if chosen == nil, let landed = landedPlace, landed.doc == doc, landed.depth == stack.count {
                chosen = landed.finding
            }
            guard let i = chosen else { return [(name, .header)] }
            return [(name, .header), findingDetail(doc: doc, index: i)] + relatedDetail(doc: doc, index: i)
        case .content(_, .findings, _, _, _), .allFindings:
            guard let (d, i) = findingUnderCursor else { return [] }
            let unit: String = {
                if case .allFindings = top { return documents[d].title + "：" }
                return ""
            }()
            let (text, style) = findingDetail(doc: d, index: i)
            return [(unit + text, style)] + relatedDetail(doc: d, index: i)
        case .content(let doc, .sheet(let sheet), _, _, _):
            return sheetFinding(doc: doc, sheet: sheet).map { [findingDetail(doc: doc, index: $0)] } ?? []
        default: return []
        }
    }

    func renderDetail(_ buffer: inout ScreenBuffer) {
        let rows = detailRows
        guard rows > 0 else { return }
        let y0 = height - 1 - rows
        let w = max(1, width - 2)
        for y in y0..<(height - 1) { buffer.fill(y, .normal) }
        buffer.put(0, y0, String(repeating: "─", count: width), .dim)
        var paragraphs = detailParagraphs.map { (DisplayWidth.wrap($0.0, w), $0.1) }
        // A finding too long for the room keeps the room: the row's name is in the table above.
        let room = rows - 1
        if paragraphs.count > 1, paragraphs.reduce(0, { $0 + $1.0.count }) > room, paragraphs[0].1 == .header {
            paragraphs.removeFirst()
        }
        var y = y0 + 1
        for (lines, style) in paragraphs {
            for (k, line) in lines.enumerated() where y < height - 1 {
                let last = y == height - 2 && (k < lines.count - 1)
                buffer.put(1, y, last ? DisplayWidth.fitMarked(line + "…", w) : line, style, maxWidth: w)
                y += 1
            }
        }
    }
}
