import Foundation
import YusuanCore

/// A table kind in two years, line by line: code and name frozen on the left, then for the
/// first column (合计) old, new, change and %, then old and new of every other column that has
/// amounts; added lines in one colour, removed in another, changed cells marked.
enum CompareTableView {
    struct Column {
        enum Role { case old, new, delta, percent }
        var pair: Int
        var role: Role
        var group: String
    }

    static func columns(_ t: TableComparison) -> [Column] {
        var out: [Column] = []
        let withAmounts = Set(t.columnsWithAmounts)
        for (i, pair) in t.columns.enumerated() where i == 0 || withAmounts.contains(i) {
            let label = pair.label.split(separator: "/").last.map(String.init) ?? pair.label
            out += [Column(pair: i, role: .old, group: label), Column(pair: i, role: .new, group: label)]
            if i == 0 {
                out += [Column(pair: 0, role: .delta, group: label), Column(pair: 0, role: .percent, group: label)]
            }
        }
        return out
    }

    static func header(_ column: Column, oldYear: String, newYear: String) -> String {
        switch column.role {
        case .old: return oldYear
        case .new: return newYear
        case .delta: return "变动"
        case .percent: return "%"
        }
    }

    static func cell(_ line: AlignedLine, _ column: Column) -> (String, Style) {
        let a = line.cells[column.pair]
        switch column.role {
        case .old: return (a.old?.grouped ?? "", a.differs ? .changed : .number)
        case .new: return (a.new?.grouped ?? "", a.differs ? .changed : .number)
        case .delta:
            guard a.differs, let d = a.delta else { return ("", .number) }
            return ((d.hundredths > 0 ? "+" : "") + d.grouped, d.hundredths > 0 ? .added : .removed)
        case .percent:
            guard a.differs else { return ("", .number) }
            guard let p = a.percent else { return ((a.old?.hundredths ?? 0) == 0 ? "新增" : "", .added) }
            return (String(format: "%+.1f%%", p), p > 0 ? .added : .removed)
        }
    }

    /// The ranked column carries the arrow, as a spreadsheet's sorted column does.
    static func sortMark(_ column: Column, _ order: LineOrder) -> String {
        switch (column.role, order) {
        case (.delta, .absolute), (.percent, .relative): return "↓"
        default: return ""
        }
    }

    static func mark(_ line: AlignedLine) -> (String, Style) {
        guard line.isChange else { return (" ", .normal) }
        switch line.status {
        case .added: return ("+", .added)
        case .removed: return ("-", .removed)
        default: return ("~", .changed)
        }
    }

    static func render(
        _ buffer: inout ScreenBuffer, _ c: Comparison, table index: Int, lines visible: [Int],
        x: Int, y: Int, width: Int, height: Int, cursor: Int, scroll: Int, firstColumn: Int, focused: Bool,
        hiding: Bool,
        order: LineOrder = .printed
    ) {
        let t = c.tables[index]
        let oldYear = c.old.year.map(String.init) ?? "旧", newYear = c.new.year.map(String.init) ?? "新"
        let columns = columns(t)
        let twoSided = t.kind.isTwoSided
        let codeWidth = twoSided ? 7 : 10
        let amountWidth = max(
            9,
            min(
                13,
                (t.lines.flatMap { l in l.cells.flatMap { [$0.old, $0.new] } }.compactMap { $0?.grouped.count }.max()
                    ?? 6) + 2))
        let longest = t.lines.map { DisplayWidth.of($0.label) }.max() ?? 8
        let nameWidth = max(10, min(longest + 1, width < 100 ? width / 4 + 2 : width / 3, 34))
        let frozen = 2 + codeWidth + nameWidth
        // Percentages need fewer columns than amounts.
        func columnWidth(_ i: Int) -> Int { columns[i].role == .percent ? 8 : amountWidth }
        func fitting(from first: Int) -> [Int] {
            var out: [Int] = [], used = 0
            for i in first..<columns.count {
                if used + columnWidth(i) + 1 > width - frozen, !out.isEmpty { break }
                out.append(i)
                used += columnWidth(i) + 1
            }
            return out
        }
        // Scroll no further than needed to show the last column.
        var start = min(max(0, firstColumn), max(0, columns.count - 1))
        while start > 0, fitting(from: start - 1).last == columns.count - 1 { start -= 1 }
        let shown = columns.isEmpty ? [] : fitting(from: start)
        var offsets: [Int] = []
        var cx = x + frozen
        for i in shown { offsets.append(cx); cx += columnWidth(i) + 1 }

        let total = t.total
        var title = "\(CompareItem.table(index).label(c))（万元）"
        if t.presence == .both {
            title += "  合计 \(total.old?.grouped ?? "—") → \(total.new?.grouped ?? "—")  \(t.changedLines) 行有变动"
        }
        if hiding { title += "  · 仅变动行" }
        if order != .printed { title += "  · " + order.label }
        buffer.put(x, y, title, .title, maxWidth: width)
        buffer.put(x, y + 1, DisplayWidth.fit("  " + (twoSided ? "收支" : "科目编码"), 2 + codeWidth), .header)
        buffer.put(x + 2 + codeWidth, y + 1, DisplayWidth.fit(twoSided ? "项目" : "科目名称 / 项目", nameWidth), .header)
        // Group labels span their columns (合计 over 2022 2026 变动 %).
        var k = 0
        while k < shown.count {
            var span = 1
            while k + span < shown.count, columns[shown[k + span]].pair == columns[shown[k]].pair { span += 1 }
            let w = shown[k..<(k + span)].reduce(0) { $0 + columnWidth($1) + 1 } - 1
            let label = columns[shown[k]].group
            let text = DisplayWidth.of(label) + 2 < w ? "┌ " + label + " " : label
            buffer.put(
                offsets[k], y + 1,
                DisplayWidth.fit(text + String(repeating: "─", count: max(0, w - DisplayWidth.of(text))), w), .dim)
            k += span
        }
        for (k, ci) in shown.enumerated() {
            buffer.put(
                offsets[k], y + 2,
                DisplayWidth.fit(
                    header(columns[ci], oldYear: oldYear, newYear: newYear) + sortMark(columns[ci], order),
                    columnWidth(ci), alignRight: true), .header)
        }
        if start > 0 { buffer.put(x + frozen - 1, y + 2, "◀", .key) }
        if (shown.last ?? 0) < columns.count - 1 { buffer.put(x + width - 1, y + 2, "▶", .key) }

        if visible.isEmpty {
            let note =
                t.presence == .both
                ? (hiding ? "两年之间没有变动（u 显示全部行）" : "（两年都没有行）")
                : "仅 \(t.presence == .old ? oldYear : newYear) 年有此表"
                    + ((t.old ?? t.new)?.isEmpty == true ? "，且为空表" : "")
            buffer.put(x + 2, y + 3, note, .dim, maxWidth: width - 2)
        }
        for r in 0..<max(1, height - 3) {
            let v = scroll + r
            guard v < visible.count else { break }
            let line = t.lines[visible[v]]
            let ry = y + 3 + r
            let level = Row.level(line.code)
            var emphasis: Style = line.isTotal ? .total : (level == 1 && line.project == nil ? .classRow : .normal)
            if line.isChange, line.status == .added { emphasis = .added }
            if line.isChange, line.status == .removed { emphasis = .removed }
            let (m, ms) = mark(line)
            buffer.put(x, ry, m + " ", ms)
            let indent = String(repeating: " ", count: max(0, level - 1))
            // Each line of a two-sided table says its side: 收, or 支 and its code.
            let codeText =
                twoSided
                ? (line.side == .income ? "收" : "支" + (line.code.map { " " + $0 } ?? "")) : indent + (line.code ?? "")
            buffer.put(x + 2, ry, DisplayWidth.fit(codeText, codeWidth), emphasis)
            buffer.put(
                x + 2 + codeWidth, ry,
                DisplayWidth.fitMarked((line.project == nil && !twoSided ? indent : "") + line.label, nameWidth),
                emphasis)
            for (k, ci) in shown.enumerated() {
                var (text, style) = cell(line, columns[ci])
                if emphasis == .added || emphasis == .removed {
                    style = emphasis
                } else if emphasis != .normal, style == .number {
                    style = emphasis
                }
                buffer.put(offsets[k], ry, DisplayWidth.fit(text, columnWidth(ci), alignRight: true), style)
            }
            if v == cursor && focused { buffer.restyle(x, ry, width: width, .selected) }
        }
    }

    /// What the status line says of a line matched other than by its own code and name.
    static func note(_ line: AlignedLine, oldYear: String, newYear: String) -> String? {
        switch line.status {
        case .renamed: return "改名：原为“\(line.oldName ?? "")”"
        case .moved: return "编码变动：原为 \(line.oldCode ?? "") \(line.oldName ?? "")（按名称匹配）"
        case .added where line.isChange: return "新增：\(oldYear) 年没有此行"
        case .removed where line.isChange: return "取消：\(newYear) 年没有此行"
        default:
            guard let s = line.score, s < 1 else { return nil }
            return "按名称匹配：原为“\(line.oldProject ?? line.oldName ?? "")”（相似度 \(String(format: "%.2f", s))）"
        }
    }
}
