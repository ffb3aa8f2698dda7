import Foundation
@testable import YusuanCore

/// The tab samples re-laid-out as other converters print them. Only the table grid changes;
/// the prose and every value stay, so a test can assert the original's values.
enum Reflow {
    static func cells(_ line: String) -> [String] {
        line.components(separatedBy: "\t").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
    }

    /// One cell per line in reading order; empty cells vanish (text copied from a PDF viewer).
    static func oneCellPerLine(_ text: String) -> String {
        text.components(separatedBy: "\n").flatMap { line -> [String] in
            line.contains("\t") ? cells(line).filter { !$0.isEmpty } : [line]
        }.joined(separator: "\n")
    }

    /// A row's label on one line, its numbers on the next, separated by spaces.
    static func labelAboveNumbers(_ text: String) -> String {
        text.components(separatedBy: "\n").flatMap { line -> [String] in
            guard line.contains("\t") else { return [line] }
            let c = cells(line).filter { !$0.isEmpty }
            let numbers = c.reversed().prefix { Amount(parsing: $0) != nil || $0 == "-" }.reversed()
            let label = c.dropLast(numbers.count)
            if label.isEmpty || numbers.isEmpty { return [c.joined(separator: " ")] }
            return [label.joined(separator: " "), numbers.joined(separator: " ")]
        }.joined(separator: "\n")
    }

    /// Markdown pipe tables, the way PDF-to-markdown converters print them: a header row, a
    /// separator row, then the rows; headings marked with #.
    static func markdown(_ text: String) -> String {
        var out: [String] = []
        var inTable = false
        for line in text.components(separatedBy: "\n") {
            if line.contains("\t") {
                let c = cells(line).map { $0.replacingOccurrences(of: "|", with: "\\|") }
                out.append("| " + c.joined(separator: " | ") + " |")
                if !inTable { out.append("|" + String(repeating: " --- |", count: c.count)) }
                inTable = true
            } else {
                if inTable, !line.trimmingCharacters(in: .whitespaces).isEmpty { out.append("") }
                inTable = inTable && line.trimmingCharacters(in: .whitespaces).isEmpty
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("第") && t.contains("部分") {
                    out.append("# " + t)
                } else if TableSegmenter.label(of: t) != nil {
                    out.append("## " + t)
                } else {
                    out.append(line)
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// HTML tables on one line each, as MinerU prints them; empty cells as <td></td>.
    static func html(_ text: String) -> String {
        var out: [String] = []
        var rows: [String] = []
        func flush() {
            if !rows.isEmpty { out.append("<table>" + rows.joined() + "</table>") }
            rows = []
        }
        for line in text.components(separatedBy: "\n") {
            if line.contains("\t") {
                rows.append(
                    "<tr>"
                        + cells(line).map { "<td>" + $0.replacingOccurrences(of: "&", with: "&amp;") + "</td>" }
                        .joined() + "</tr>")
            } else if !rows.isEmpty, line.trimmingCharacters(in: .whitespaces).isEmpty {
                continue
            } else {
                flush()
                out.append(line)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }
}
