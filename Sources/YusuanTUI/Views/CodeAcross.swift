import YusuanCore

/// One 功能分类 code followed through every table that carries it, then the projects under it
/// with their amounts; the performance sheet of the project under the cursor shows beside it.
enum CodeAcross {
    static func lines(_ code: String, _ doc: LoadedDocument, width: Int) -> [ContentLines.Line] {
        let d = doc.disclosure
        let name =
            d.tables.lazy.compactMap { t in t.rows.first { $0.code == code && $0.project == nil }?.name }.first ?? ""
        var out: [ContentLines.Line] = [
            ContentLines.Line("\(code) \(name)", .title), ContentLines.Line("各表中的数", .header)
        ]
        for (ti, t) in d.tables.enumerated() {
            guard let ri = t.rows.firstIndex(where: { $0.code == code && $0.project == nil && $0.side != .income })
            else { continue }
            let row = t.rows[ri]
            out.append(
                ContentLines.Line(
                    "\(t.number ?? "") \(t.kind.shortName)", .key, target: .cell(table: ti, row: ri, column: 0)))
            // Each "label amount" pair stays on one line: a number is never cut at the edge.
            var segments: [(String, Style)] = [("   ", .normal)]
            var used = 3
            for (c, label) in t.columns.enumerated() {
                guard let v = row.value(c) else { continue }
                let short = label.split(separator: "/").last.map(String.init) ?? label
                let flagged = doc.severity(table: ti, row: ri, column: c)
                let pair = DisplayWidth.of(short) + 1 + v.grouped.count + 2
                if used + pair > width, used > 3 {
                    out.append(ContentLines.Line(segments: segments, target: .cell(table: ti, row: ri, column: 0)))
                    segments = [("   ", .normal)]
                    used = 3
                }
                segments.append(("\(short) ", .dim))
                segments.append(
                    (
                        "\(v.grouped)  ",
                        flagged == .error ? .error : (c < row.inferred.count && row.inferred[c] ? .inferred : .number)
                    ))
                used += pair
            }
            out.append(ContentLines.Line(segments: segments, target: .cell(table: ti, row: ri, column: 0)))
        }
        if let pt = d.tables.firstIndex(where: { $0.kind == .gpbProjectExpense }) {
            let projects = d.tables[pt].rows.enumerated().filter {
                $0.element.project != nil && ($0.element.code?.hasPrefix(code) ?? false)
            }
            if !projects.isEmpty {
                out.append(ContentLines.Line(""))
                out.append(ContentLines.Line("项目（\(projects.count)）", .header))
                for (ri, row) in projects {
                    let sheet = NameMatch.best(row.project ?? "", in: d.performanceSheets.map { $0.project ?? "" })
                    // The name gives way to the amount and the sheet mark, and says so with "…".
                    let amount = row.value(0)?.grouped ?? ""
                    let nameRoom = max(8, width - 2 - (amount.count + 2) - 14)
                    let name = DisplayWidth.fitMarked(row.project ?? "", nameRoom).replacingOccurrences(
                        of: " +$", with: "", options: .regularExpression)
                    out.append(
                        ContentLines.Line(
                            segments: [
                                ("  \(name)", .normal), ("  \(amount)", .number),
                                (sheet == nil ? "  无绩效目标表" : "  ▸ 绩效目标", sheet == nil ? .dim : .key)
                            ],
                            target: sheet.map { .item(.sheet($0)) } ?? .cell(table: pt, row: ri, column: 0)))
                }
            }
        }
        let facts = d.facts.filter { $0.code == code }
        if !facts.isEmpty {
            out.append(ContentLines.Line(""))
            out.append(ContentLines.Line("情况说明", .header))
            for f in facts {
                out += ContentLines.wrap(
                    "第 \(f.line) 行：\(f.subject) \(f.amount?.grouped ?? "") 万元"
                        + (f.change.map { "，比上年 \($0.hundredths >= 0 ? "+" : "")\($0.description)" } ?? ""),
                    width, .normal, indent: "  ")
            }
        }
        return out
    }

    /// The sheet of the project line under the cursor, for the right-hand pane.
    static func preview(_ lines: [ContentLines.Line], cursor: Int, _ doc: LoadedDocument, width: Int) -> [ContentLines
        .Line]
    {
        guard cursor >= 0, cursor < lines.count, case .item(.sheet(let i))? = lines[cursor].target else {
            return [ContentLines.Line("选择一个项目，这里显示它的绩效目标表。", .dim)]
        }
        return ContentLines.sheet(doc.disclosure.performanceSheets[i], width: width)
    }
}
