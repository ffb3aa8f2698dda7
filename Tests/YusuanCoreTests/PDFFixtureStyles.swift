import Foundation
import Testing
@testable import YusuanCore

/// A PDF made from a tab sample the way office programs set tables, one habit at a time, so each
/// can be checked to read back as the text does.
extension PDFFixture {
    struct Style: Sendable, CustomTestStringConvertible {
        /// Letters and digits 0.55 em wide (CJK one em), so amounts of different lengths set flush
        /// right end at one x and start at different ones.
        var proportional = false
        /// Header labels centred over their column, a group's label over the columns it spans.
        var centredHeaders = false
        /// The table titles' size, centred on the page (nil: the body's size, set at the left).
        var titleSize: Double?
        var bodySize = 10.0
        /// Cell borders drawn as lines.
        var rules = false
        /// A column whose header label is wider than its amounts set narrower, the label broken
        /// over two or three lines centred in its cell ("基本" / "支出"); the header row as tall as
        /// its tallest cell, shorter cells centred in it.
        var wrappedHeaders = false
        /// Names in body rows over ten characters broken over two lines in their cell where the
        /// next character would pass its width, the row's other cells on its first line (Excel's
        /// top alignment) or centred between the two (a line apart, the cells half a line below
        /// the first).
        var wrappedNames: NameAlignment?
        /// A 绩效目标表's 一级/二级 labels centred in the cells merged down over their rows (else
        /// on the first row, as the text samples print them).
        var centredLevels = false

        enum NameAlignment: Sendable { case top, centred }

        var testDescription: String {
            let named = [
                proportional ? "proportional" : nil, centredHeaders ? "centred" : nil,
                titleSize.map { "title \($0), body \(bodySize)" }, rules ? "rules" : nil,
                wrappedHeaders ? "wrapped headers" : nil, wrappedNames.map { "wrapped names, \($0)" },
                centredLevels ? "centred levels" : nil
            ].compactMap { $0 }.joined(separator: ", ")
            return named.isEmpty ? "plain" : named
        }
    }

    /// `text`: a sample with tab-separated table rows. Each table's columns are as wide as their
    /// widest cell, three spaces apart; amounts end at their column's right edge, other cells start
    /// at its left edge (headers centred where the style says).
    static func make(tabbed text: String, style: Style, linesPerPage: Int = 60) -> Data {
        let lines = text.components(separatedBy: "\n")
        var placed: [[Run]] = lines.map { _ in [] }
        var heights = lines.map { _ in 1 }
        var inTable = lines.map { _ in false }
        var inSheet = inTable  // a sheet's cells always wrap
        var rules: [Int: [Rule]] = [:]
        var blocks: [Range<Int>] = []
        var sheets: [Range<Int>] = []
        var i = 0
        while i < lines.count {
            guard lines[i].contains("\t") else {
                placed[i] = prose(lines[i], style: style)
                i += 1
                continue
            }
            var end = lines[i...].firstIndex { !$0.contains("\t") } ?? lines.count
            if isSheet(lines[i..<end].map(Reflow.cells)) {
                // A sheet is one grid: blank lines a converter left inside it end it not.
                while let next = lines[end...].firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
                    next > end, lines[next].contains("\t")
                {
                    end = lines[next...].firstIndex { !$0.contains("\t") } ?? lines.count
                }
                sheets.append(i..<end)
            } else {
                blocks.append(i..<end)
            }
            i = end
        }
        // A table goes on after its 编制部门 and 单位 lines (a page's, repeated) in the columns
        // it started in: its parts are set as wide as the widest of them.
        func goesOn(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            lines[a.upperBound..<b.lowerBound].allSatisfy { line in
                let c = CJK.compact(line)
                return c.isEmpty || ["编制", "部门", "单位"].contains(where: c.hasPrefix)
            }
        }
        var groups: [[Range<Int>]] = []
        for block in blocks {
            if let last = groups.last?.last, goesOn(last, block) {
                groups[groups.count - 1].append(block)
            } else {
                groups.append([block])
            }
        }
        for group in groups {
            let parts = group.map { tableRuns(lines[$0].map(Reflow.cells), style: style).widths }
            let widths = (0..<(parts.map(\.count).max() ?? 0)).map { c in
                parts.map { c < $0.count ? $0[c] : 0 }.max() ?? 0
            }
            for block in group {
                let table = tableRuns(lines[block].map(Reflow.cells), style: style, atLeast: widths)
                for (k, runs) in table.runs.enumerated() { placed[block.lowerBound + k] = runs }
                for (k, h) in table.heights.enumerated() { heights[block.lowerBound + k] = h }
                for k in block { inTable[k] = true }
                if style.rules { for (k, r) in table.rules.enumerated() { rules[block.lowerBound + k] = r } }
            }
        }
        for sheet in sheets {
            let at = sheet.filter { lines[$0].contains("\t") }  // each row's line; blank lines stay blank
            let table = sheetRuns(at.map { Reflow.cells(lines[$0]) }, style: style, pad: 0.5)
            for (k, line) in at.enumerated() {
                placed[line] = table.runs[k]
                heights[line] = table.heights[k]
                inTable[line] = true
                inSheet[line] = true
                if style.rules { rules[line] = table.rules[k] }
            }
        }
        // Where cells wrap, a table row is its lines plus the cell's padding (half a line), so a
        // cell's lines stand nearer than rows do, as in a spreadsheet. A page holds linesPerPage
        // lines' height.
        let padded = style.wrappedHeaders || style.wrappedNames != nil
        let pads = inTable.indices.map { padded && inTable[$0] || inSheet[$0] ? 0.5 : 0 }
        var ranges: [Range<Int>] = []
        var start = 0
        var used = 0.0
        for k in lines.indices {
            let h = Double(heights[k]) + pads[k]
            if used + h > Double(linesPerPage), k > start { ranges.append(start..<k); (start, used) = (k, 0) }
            used += h
        }
        ranges.append(start..<lines.count)  // the last page
        // A level label merged down over rows a page break parts is printed in the part above the
        // break: the sheets set again where a page starts inside them (no row's height changes).
        let pageStarts = Set(ranges.map(\.lowerBound))
        for sheet in sheets where sheet.dropFirst().contains(where: pageStarts.contains) {
            let at = sheet.filter { lines[$0].contains("\t") }
            let breaks = Set(
                at.indices.filter { k in k > 0 && (at[k - 1] + 1...at[k]).contains(where: pageStarts.contains) })
            let table = sheetRuns(at.map { Reflow.cells(lines[$0]) }, style: style, pad: 0.5, breaks: breaks)
            for (k, line) in at.enumerated() { placed[line] = table.runs[k] }
        }
        let pages = ranges.map { range in
            let right = range.flatMap { placed[$0] }.map { $0.x + $0.width }.max() ?? 0
            let width = max(600, right + 40)
            var content = "BT\n"
            var drawn = ""
            var y = 800.0
            for k in range {
                let size = placed[k].map(\.size).max() ?? style.bodySize
                let pad = pads[k] * 1.2 * size
                y -= 1.2 * size + pad / 2
                for run in placed[k] {
                    let x = run.centred ? (width - run.width) / 2 : run.x
                    let at = y - run.line * 1.2 * size
                    content += "/F1 \(run.size) Tf 1 0 0 1 \(x) \(at) Tm <\(hex(run.text))> Tj\n"
                }
                let last = y - Double(heights[k] - 1) * 1.2 * size
                for r in rules[k] ?? [] {
                    let (top, bottom) = (y + 0.95 * size + pad / 2, last - 0.25 * size - pad / 2)
                    drawn += "\(r.x0) \(top) m \(r.x1) \(top) l S \(r.x0) \(bottom) m \(r.x1) \(bottom) l S\n"
                    if r.x0 == r.x1 { drawn += "\(r.x0) \(top) m \(r.x0) \(bottom) l S\n" }
                }
                y = last - pad / 2
            }
            return (width, content + "ET\n0.5 w 0 G\n" + drawn)
        }
        return document(pages: pages, asciiWidth: style.proportional ? 550 : 1000)
    }

    struct Run {
        var x: Double
        var text: String
        var size: Double
        var width: Double
        var centred = false
        /// Lines below its row's first at which it stands (0.5: centred between the first two).
        var line = 0.0
    }

    /// A rule along a row: its top and bottom from x0 to x1, or, where x0 == x1, the upright
    /// border at x0 down the row.
    struct Rule { var x0: Double, x1: Double }

    static func width(_ text: String, size: Double, proportional: Bool) -> Double {
        text.reduce(0) { w, c in
            w + (c == " " ? 0.25 : c.isASCII ? (proportional ? 0.55 : 1) : 1) * size
        }
    }

    /// A line outside a table: its runs where its characters stand; a table's title centred and
    /// larger where the style says.
    static func prose(_ line: String, style: Style) -> [Run] {
        let isTitle =
            TableSegmenter.label(of: line) != nil
            || TableSegmenter.title(of: SourceText.Line(number: 0, text: line)) != nil
        let size = isTitle ? style.titleSize ?? style.bodySize : style.bodySize
        return SpaceLayout.cells(line).map { cell in
            Run(
                x: 40 + Double(cell.start) * size, text: cell.text, size: size,
                width: width(cell.text, size: size, proportional: style.proportional),
                centred: isTitle && style.titleSize != nil)
        }
    }

    /// `least`: the columns' widths at least (those of the table's other parts).
    static func tableRuns(_ rows: [[String]], style: Style, atLeast least: [Double] = []) -> (
        runs: [[Run]], rules: [[Rule]], heights: [Int], widths: [Double]
    ) {
        let size = style.bodySize
        let n = rows.map(\.count).max() ?? 0
        let dataStart =
            rows.firstIndex { row in
                row.contains { Amount(parsing: $0) != nil || $0.first.map { $0.isASCII && $0.isNumber } == true }
            } ?? rows.count
        // A group's label spans the empty cells after it that a later header line fills: centred,
        // its merged cell is as wide as those columns, so it widens none of them alone; it is
        // never wrapped.
        func lastSpanned(_ r: Int, _ k: Int) -> Int { style.centredHeaders ? groupEnd(r, k) : k }
        func groupEnd(_ r: Int, _ k: Int) -> Int {
            guard r < dataStart else { return k }
            let row = rows[r]
            var last = k
            while last + 1 < row.count, row[last + 1].isEmpty,
                rows[(r + 1)..<dataStart].contains(where: { last + 1 < $0.count && !$0[last + 1].isEmpty })
            {
                last += 1
            }
            return last
        }
        let lines = cellLines(rows, dataStart: dataStart, style: style) { groupEnd($0, $1) > $1 }
        let heights = lines.map { row in row.map(\.count).max() ?? 1 }
        var widths = Array(repeating: 0.0, count: n)
        for (r, row) in lines.enumerated() {
            for (k, cell) in row.enumerated() where lastSpanned(r, k) == k {
                for piece in cell {
                    widths[k] = max(widths[k], width(piece, size: size, proportional: style.proportional))
                }
            }
        }
        let gap = 3 * size
        for (r, row) in rows.enumerated() {
            for (k, cell) in row.enumerated() where lastSpanned(r, k) > k {
                let last = lastSpanned(r, k)
                let span = widths[k...last].reduce(0, +) + Double(last - k) * gap
                widths[last] += max(0, width(cell, size: size, proportional: style.proportional) - span)
            }
        }
        for (k, w) in least.enumerated() where k < widths.count { widths[k] = max(widths[k], w) }
        var starts: [Double] = []
        var x = 40.0
        for w in widths { starts.append(x); x += w + gap }
        let ends = zip(starts, widths).map { $0 + $1 }
        var out: [[Run]] = []
        for (r, row) in lines.enumerated() {
            var runs: [Run] = []
            let h = Double(heights[r])
            for (k, cell) in row.enumerated() {
                for (j, piece) in cell.enumerated() where !piece.isEmpty {
                    let w = width(piece, size: size, proportional: style.proportional)
                    var x = Amount(parsing: piece) != nil ? ends[k] - w : starts[k]
                    if r < dataStart, style.centredHeaders || cell.count > 1 {
                        x = (starts[k] + ends[lastSpanned(r, k)] - w) / 2
                    }
                    // A wrapped cell's lines stacked from its top; a header's other cells centred
                    // in the row's height, a body row's where the style aligns them.
                    let line =
                        cell.count > 1 && r >= dataStart
                        ? Double(j)
                        : r < dataStart || style.wrappedNames == .centred ? (h - Double(cell.count)) / 2 + Double(j) : 0
                    runs.append(Run(x: x, text: piece, size: size, width: w, line: line))
                }
            }
            out.append(runs)
        }
        let borders = starts.map { $0 - gap / 2 } + [x - gap / 2]
        let rules = rows.map { _ in
            [Rule(x0: borders[0], x1: borders[borders.count - 1])] + borders.map { Rule(x0: $0, x1: $0) }
        }
        return (out, rules, heights, widths)
    }

    /// Each cell's printed lines: one, but where the style wraps it. `spans(r, k)`: whether the
    /// cell is a group's label over several columns (never wrapped).
    static func cellLines(_ rows: [[String]], dataStart: Int, style: Style, spans: (Int, Int) -> Bool)
        -> [[[String]]]
    {
        let size = style.bodySize
        func w(_ s: String) -> Double { width(s, size: size, proportional: style.proportional) }
        func chunks(_ s: String, _ each: Int) -> [String] {
            let c = Array(s)
            return stride(from: 0, to: c.count, by: each).map { String(c[$0..<min(c.count, $0 + each)]) }
        }
        // A name broken where its next character would pass the cell's width, as a spreadsheet
        // breaks it: a line of narrow letters and digits holds more characters.
        func lines(_ s: String, width: Double) -> [String] {
            var out = [""]
            for c in s {
                if !out[out.count - 1].isEmpty, w(out[out.count - 1] + String(c)) > width { out.append("") }
                out[out.count - 1].append(c)
            }
            return out
        }
        let n = rows.map(\.count).max() ?? 0
        let amountWidth = (0..<n).map { k in
            rows[dataStart...].compactMap { k < $0.count && Amount(parsing: $0[k]) != nil ? w($0[k]) : nil }.max()
        }
        // A name column as wide as ten characters or half its longest name: two lines hold each.
        let longest = rows[dataStart...].flatMap { $0 }.filter { Amount(parsing: $0) == nil }.map(\.count).max() ?? 0
        let perLine = max(10, (longest + 1) / 2)
        return rows.enumerated().map { r, row in
            row.enumerated().map { k, cell in
                if r < dataStart, style.wrappedHeaders, !spans(r, k), let a = amountWidth[k], w(cell) > a,
                    cell.count >= 4
                {
                    let count = max(2, min(3, Int((w(cell) / max(a, 2 * size)).rounded(.up))))
                    return chunks(cell, (cell.count + count - 1) / count)
                }
                if r >= dataStart, style.wrappedNames != nil, Amount(parsing: cell) == nil, cell.count > 10 {
                    return lines(cell, width: Double(perLine) * size)
                }
                return [cell]
            }
        }
    }
}
