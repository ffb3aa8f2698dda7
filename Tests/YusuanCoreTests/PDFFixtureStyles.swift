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

        var testDescription: String {
            let named = [
                proportional ? "proportional" : nil, centredHeaders ? "centred" : nil,
                titleSize.map { "title \($0), body \(bodySize)" }, rules ? "rules" : nil
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
        var rules: [Int: [Rule]] = [:]
        var i = 0
        while i < lines.count {
            guard lines[i].contains("\t") else {
                placed[i] = prose(lines[i], style: style)
                i += 1
                continue
            }
            let end = lines[i...].firstIndex { !$0.contains("\t") } ?? lines.count
            let table = tableRuns(lines[i..<end].map(Reflow.cells), style: style)
            for (k, runs) in table.runs.enumerated() { placed[i + k] = runs }
            if style.rules { for (k, r) in table.rules.enumerated() { rules[i + k] = r } }
            i = end
        }
        let pages = stride(from: 0, to: max(1, lines.count), by: linesPerPage).map { start in
            let range = start..<min(lines.count, start + linesPerPage)
            let right = range.flatMap { placed[$0] }.map { $0.x + $0.width }.max() ?? 0
            let width = max(600, right + 40)
            var content = "BT\n"
            var drawn = ""
            var y = 800.0
            for k in range {
                let size = placed[k].map(\.size).max() ?? style.bodySize
                y -= 1.2 * size
                for run in placed[k] {
                    let x = run.centred ? (width - run.width) / 2 : run.x
                    content += "/F1 \(run.size) Tf 1 0 0 1 \(x) \(y) Tm <\(hex(run.text))> Tj\n"
                }
                for r in rules[k] ?? [] {
                    let (top, bottom) = (y + 0.95 * size, y - 0.25 * size)
                    drawn += "\(r.x0) \(top) m \(r.x1) \(top) l S \(r.x0) \(bottom) m \(r.x1) \(bottom) l S\n"
                    if r.x0 == r.x1 { drawn += "\(r.x0) \(top) m \(r.x0) \(bottom) l S\n" }
                }
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

    static func tableRuns(_ rows: [[String]], style: Style) -> (runs: [[Run]], rules: [[Rule]]) {
        let size = style.bodySize
        let n = rows.map(\.count).max() ?? 0
        let dataStart =
            rows.firstIndex { row in
                row.contains { Amount(parsing: $0) != nil || $0.first.map { $0.isASCII && $0.isNumber } == true }
            } ?? rows.count
        // A centred group's label spans the empty cells after it that a later header line fills:
        // its merged cell is as wide as those columns, so it widens none of them alone.
        func lastSpanned(_ r: Int, _ k: Int) -> Int {
            guard style.centredHeaders, r < dataStart else { return k }
            let row = rows[r]
            var last = k
            while last + 1 < row.count, row[last + 1].isEmpty,
                rows[(r + 1)..<dataStart].contains(where: { last + 1 < $0.count && !$0[last + 1].isEmpty })
            {
                last += 1
            }
            return last
        }
        var widths = Array(repeating: 0.0, count: n)
        for (r, row) in rows.enumerated() {
            for (k, cell) in row.enumerated() where lastSpanned(r, k) == k {
                widths[k] = max(widths[k], width(cell, size: size, proportional: style.proportional))
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
        var starts: [Double] = []
        var x = 40.0
        for w in widths { starts.append(x); x += w + gap }
        let ends = zip(starts, widths).map { $0 + $1 }
        var out: [[Run]] = []
        for (r, row) in rows.enumerated() {
            var runs: [Run] = []
            for (k, cell) in row.enumerated() where !cell.isEmpty {
                let w = width(cell, size: size, proportional: style.proportional)
                var x = Amount(parsing: cell) != nil ? ends[k] - w : starts[k]
                if r < dataStart, style.centredHeaders { x = (starts[k] + ends[lastSpanned(r, k)] - w) / 2 }
                runs.append(Run(x: x, text: cell, size: size, width: w))
            }
            out.append(runs)
        }
        let borders = starts.map { $0 - gap / 2 } + [x - gap / 2]
        let rules = rows.map { _ in
            [Rule(x0: borders[0], x1: borders[borders.count - 1])] + borders.map { Rule(x0: $0, x1: $0) }
        }
        return (out, rules)
    }
}
