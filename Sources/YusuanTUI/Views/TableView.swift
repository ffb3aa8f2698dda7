import YusuanCore

/// A table: code and name columns frozen on the left, amounts right-aligned with separators,
/// 类 and total rows emphasised, 款/项 indented, flagged cells marked, inferred cells dimmed,
/// and horizontal scrolling from `firstColumn`.
enum TableView {
    /// What the column widths need from the whole table, measured once per table (see
    /// `TableMeasures`): a redraw then costs the rows in view, not the table.
    struct Measures: Sendable {
        /// Amount columns as wide as the table's widest number (never cut: a cut number reads as
        /// another) or short label, at least 9 columns, so 80 columns show 合计, 基本支出 and 项目支出.
        let amountWidth: Int
        let hasProjects: Bool
        /// The longest name (with its indent) and project, each with one blank column.
        let longestName: Int
        let longestProject: Int

        init(_ table: Table) {
            let widest = table.rows.flatMap { $0.values.compactMap { $0?.grouped.count } }.max() ?? 6
            let label =
                table.columns.map { DisplayWidth.of($0.split(separator: "/").last.map(String.init) ?? $0) }.max() ?? 4
            amountWidth = max(9, widest + 1, min(label, 12))
            hasProjects = table.rows.contains { $0.project != nil }
            longestName = (table.rows.map { DisplayWidth.of($0.name) + max(0, $0.level - 1) }.max() ?? 8) + 1
            longestProject = hasProjects ? (table.rows.map { DisplayWidth.of($0.project ?? "") }.max() ?? 8) + 1 : 0
        }
    }

    /// Name and project columns: what the amounts leave, up to the longest name, at least a
    /// quarter of the width each (the amounts then scroll sideways).
    static func nameWidths(_ table: Table, _ m: Measures, width: Int, codeWidth: Int) -> (name: Int, project: Int) {
        let (hasProjects, longestName, longestProject) = (m.hasProjects, m.longestName, m.longestProject)
        let room = width - codeWidth - table.columns.count * (m.amountWidth + 1)
        if longestName + longestProject <= room { return (max(10, longestName), longestProject) }
        // Too many amounts to show at once: they scroll, and the names keep room beside the first few.
        let kept = min(table.columns.count, hasProjects ? 2 : 3)
        let left = width - codeWidth - kept * (m.amountWidth + 1)
        let floor = max(10, min(left / (hasProjects ? 2 : 1), hasProjects ? width / 4 : width / 3))
        guard hasProjects else { return (max(floor, min(longestName, room)), 0) }
        let share = max(2 * floor, room, left)
        let name = max(floor, min(longestName, share * longestName / (longestName + longestProject)))
        return (name, max(floor, min(longestProject, share - name)))
    }

    static func render(
        _ buffer: inout ScreenBuffer, _ doc: LoadedDocument, table index: Int, rows visible: [Int], folded: Set<String>,
        x: Int, y: Int, width: Int, height: Int, cursor: Int, scroll: Int, firstColumn: Int, focused: Bool
    ) {
        let table = doc.disclosure.tables[index]
        let codeWidth = table.kind.isTwoSided ? 6 : 10
        let measures = doc.tableMeasures.of(index, in: doc.disclosure)
        let amountWidth = measures.amountWidth
        let hasProjects = measures.hasProjects
        let (nameWidth, projectWidth) = nameWidths(table, measures, width: width, codeWidth: codeWidth)
        let frozen = codeWidth + nameWidth + projectWidth
        let visibleColumns = max(1, (width - frozen) / (amountWidth + 1))
        let start = min(max(0, firstColumn), max(0, table.columns.count - visibleColumns))
        let columns = Array(start..<min(table.columns.count, start + visibleColumns))

        // Title and two header lines: the group over its columns, then each column's own label.
        buffer.put(
            x, y, "\(table.number ?? "") \(table.title)（\(table.amountUnit)）\(table.isEmpty ? "  空表" : "")", .title,
            maxWidth: width)
        buffer.put(x, y + 1, DisplayWidth.fit(table.kind.isTwoSided ? "收/支" : "科目编码", codeWidth), .header)
        buffer.put(x, y + 2, DisplayWidth.fit("", codeWidth), .header)
        buffer.put(x + codeWidth, y + 1, DisplayWidth.fit(table.kind.isTwoSided ? "项目" : "科目名称", nameWidth), .header)
        if hasProjects { buffer.put(x + codeWidth + nameWidth, y + 1, DisplayWidth.fit("项目名称", projectWidth), .header) }
        // A group label spans the columns it heads ("财政拨款（补助）" over 小计, 一般公共预算 …).
        var k = 0
        while k < columns.count {
            let parts = table.columns[columns[k]].split(separator: "/").map(String.init)
            let group = parts.count > 1 ? parts.dropLast().joined(separator: "/") : nil
            var span = 1
            while let g = group, k + span < columns.count,
                table.columns[columns[k + span]].split(separator: "/").dropLast().joined(separator: "/") == g
            { span += 1 }
            if let g = group {
                let cx = x + frozen + k * (amountWidth + 1)
                let w = span * (amountWidth + 1) - 1
                let label = DisplayWidth.of(g) < w ? "┌ " + g + " " : g
                buffer.put(
                    cx, y + 1,
                    DisplayWidth.fit(label + String(repeating: "─", count: max(0, w - DisplayWidth.of(label))), w), .dim
                )
            }
            k += span
        }
        for (k, c) in columns.enumerated() {
            let parts = table.columns[c].split(separator: "/").map(String.init)
            let cx = x + frozen + k * (amountWidth + 1)
            buffer.put(
                cx, y + (parts.count > 1 ? 2 : 1), DisplayWidth.fit(parts.last ?? "", amountWidth, alignRight: true),
                .header)
        }
        if start > 0 { buffer.put(x + frozen - 1, y + 2, "◀", .key) }
        if start + columns.count < table.columns.count { buffer.put(x + width - 1, y + 2, "▶", .key) }

        let rows = max(1, height - 3)
        if table.rows.isEmpty { buffer.put(x, y + 3, table.emptyNote ?? "（表中没有行）", .dim, maxWidth: width) }
        for r in 0..<rows {
            let v = scroll + r
            guard v < visible.count else { break }
            let i = visible[v]
            let row = table.rows[i]
            let ry = y + 3 + r
            // A table read with doubt shows its rows dimmed: they are not to be taken as printed.
            let emphasis: Style =
                table.uncertain != nil
                ? .inferred : row.isTotal || row.isSubtotal ? .total : (row.level == 1 ? .classRow : .normal)
            let indent = String(repeating: " ", count: max(0, row.level - 1))
            let codeText =
                table.kind.isTwoSided ? (row.side == .income ? "收" : (row.code ?? "支")) : indent + (row.code ?? "")
            let marker = row.code.map { folded.contains($0) } == true && row.project == nil ? "▸" : ""
            buffer.put(x, ry, DisplayWidth.fit(codeText + marker, codeWidth), emphasis)
            let nameIndent = table.kind.isTwoSided ? "" : indent
            // One column is kept blank so a cut name never runs into the next column.
            buffer.put(x + codeWidth, ry, DisplayWidth.fitMarked(nameIndent + row.name, nameWidth - 1), emphasis)
            if hasProjects {
                buffer.put(
                    x + codeWidth + nameWidth, ry, DisplayWidth.fitMarked(row.project ?? "", projectWidth - 1), emphasis
                )
            }
            for (k, c) in columns.enumerated() {
                let cx = x + frozen + k * (amountWidth + 1)
                let text = row.value(c)?.grouped ?? ""
                var style = emphasis == .normal ? Style.number : emphasis
                if c < row.inferred.count, row.inferred[c] { style = .inferred }
                if doc.agrees(table: index, row: i, column: c) { style = .agreeing }
                if let severity = doc.severity(table: index, row: i, column: c) {
                    style = severity == .error ? .error : (severity == .warning ? .warning : .info)
                }
                buffer.put(cx, ry, DisplayWidth.fit(text, amountWidth, alignRight: true), style)
            }
            let flagged = !doc.findings(table: index, row: i).isEmpty
            if flagged { buffer.put(x + width - 1, ry, "●", .error) }
            if v == cursor && focused { buffer.restyleCursor(x, ry, width: width - (flagged ? 1 : 0)) }
        }
    }
}
