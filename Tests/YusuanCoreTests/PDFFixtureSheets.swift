import Foundation
@testable import YusuanCore

/// A 绩效目标表 set as a spreadsheet prints it: columns of a form's widths, a long text (the
/// goal, a project's name, an indicator) wrapped inside its cell, a cell of the head or the
/// header merged over the empty cells after it, and each 一级/二级 label merged down over the
/// empty cells under it: printed on the block's first row, or centred in it
/// (`Style.centredLevels`).
extension PDFFixture {
    /// Whether a table's rows are a sheet's: one of them is the indicators' header.
    static func isSheet(_ rows: [[String]]) -> Bool {
        rows.contains { CJK.compact($0.first ?? "").hasPrefix("一级指标") }
    }

    /// A form's column: at most this many characters wide, at least three.
    static let sheetColumnChars = 14.0

    /// `pad`: the space a row has beyond its lines, in lines (the page adds it between rows).
    /// `breaks`: the rows a page starts at.
    static func sheetRuns(_ rows: [[String]], style: Style, pad: Double, breaks: Set<Int> = []) -> (
        runs: [[Run]], rules: [[Rule]], heights: [Int]
    ) {
        let size = style.bodySize
        func w(_ s: String) -> Double { width(s, size: size, proportional: style.proportional) }
        let n = rows.map(\.count).max() ?? 0
        let header = rows.firstIndex { CJK.compact($0.first ?? "").hasPrefix("一级指标") } ?? 0
        func cell(_ r: Int, _ k: Int) -> String { k < rows[r].count ? rows[r][k] : "" }
        // A cell of the head or the header spans the empty cells after it; a body cell its own.
        func spanEnd(_ r: Int, _ k: Int) -> Int {
            guard r <= header else { return k }
            var last = k
            while last + 1 < n, cell(r, last + 1).isEmpty { last += 1 }
            return last
        }
        var widths = (0..<n).map { k in
            let widest = rows.indices.filter { $0 >= header }.map { w(cell($0, k)) }.max() ?? 0
            return widest == 0 ? 0 : min(sheetColumnChars * size, max(3 * size, widest))
        }
        // The first column holds the head's labels (项目名称, 项目总体目标 …) unwrapped; a value
        // of the head gets up to eight characters a line, its span's last column widened for it.
        widths[0] = max(widths[0], rows[..<header].map { w($0.first ?? "") }.max() ?? 0)
        for r in 0..<header {
            for k in 1..<n where !cell(r, k).isEmpty {
                let last = spanEnd(r, k)
                let span = widths[k...last].reduce(0, +) + Double(last - k) * 2 * size
                widths[last] += max(0, min(w(cell(r, k)), 8 * size) - span)
            }
        }
        let gap = 2 * size
        var starts: [Double] = []
        var x = 40.0
        for width in widths { starts.append(x); x += width + gap }
        func spanWidth(_ k: Int, _ last: Int) -> Double { starts[last] + widths[last] - starts[k] }
        // Each cell's lines, wrapped to its span.
        let lines: [[[String]]] = rows.indices.map { r in
            (0..<n).map { k in
                let text = cell(r, k)
                return text.isEmpty ? [] : wrap(text, within: spanWidth(k, spanEnd(r, k)), measure: w)
            }
        }
        let heights = lines.map { max(1, $0.map(\.count).max() ?? 1) }
        // A level label (一级 or 二级 column of the body) merged down over the empty cells under
        // it, up to the next label in its column or a new 一级 label.
        func blockEnd(_ r: Int, _ k: Int) -> Int {
            var last = r
            while last + 1 < rows.count, !breaks.contains(last + 1), cell(last + 1, k).isEmpty,
                k == 0 || cell(last + 1, 0).isEmpty,
                !cell(last + 1, 2).isEmpty || !cell(last + 1, 1).isEmpty
            {
                last += 1
            }
            return last
        }
        var out: [[Run]] = rows.map { _ in [] }
        for r in rows.indices {
            for k in 0..<n where !lines[r][k].isEmpty {
                let last = spanEnd(r, k)
                let pieces = lines[r][k]
                var first = 0.0
                if r > header, k < 2, style.centredLevels, IndicatorVocabulary.isLevelWord(cell(r, k)) {
                    // The middle of the block from this row's first line to its last row's last.
                    let end = blockEnd(r, k)
                    let below = (r..<end).reduce(0.0) { $0 + Double(heights[$1]) + pad } + Double(heights[end] - 1)
                    first = below / 2 - Double(pieces.count - 1) / 2
                }
                for (j, piece) in pieces.enumerated() {
                    let pw = w(piece)
                    var px = starts[k]
                    if r == header || (r < header && k > 0 && last > k && pieces.count == 1) {
                        px = starts[k] + (spanWidth(k, last) - pw) / 2  // labels centred in their cells
                    } else if r > header, Amount(parsing: piece) != nil, pieces.count == 1 {
                        px = starts[k] + widths[k] - pw
                    }
                    out[r].append(Run(x: px, text: piece, size: size, width: pw, line: first + Double(j)))
                }
            }
        }
        let borders = starts.map { $0 - gap / 2 } + [x - gap / 2]
        let rules = rows.indices.map { r in
            [Rule(x0: borders[0], x1: borders[borders.count - 1])]
                + (0..<n).filter { k in k == 0 || !cell(r, k).isEmpty || r > header }.map {
                    Rule(x0: borders[$0], x1: borders[$0])
                } + [Rule(x0: borders[n], x1: borders[n])]
        }
        return (out, rules, heights)
    }

    /// A text broken into lines no wider than `width`; a run of letters and digits is kept whole
    /// where it fits on a line.
    static func wrap(_ text: String, within width: Double, measure: (String) -> Double) -> [String] {
        var out: [String] = []
        var line = ""
        for c in text {
            if !line.isEmpty, measure(line + String(c)) > width {
                var carry = ""
                if isWordly(c), let cut = line.lastIndex(where: { !isWordly($0) }),
                    line.index(after: cut) < line.endIndex
                {
                    carry = String(line[line.index(after: cut)...])
                    line = String(line[...cut])
                }
                out.append(line.trimmingCharacters(in: .whitespaces))
                line = carry
            }
            line.append(c)
        }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { out.append(line.trimmingCharacters(in: .whitespaces)) }
        return out
    }

    static func isWordly(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == ".") }
}
