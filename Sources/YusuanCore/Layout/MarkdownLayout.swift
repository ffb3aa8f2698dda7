/// Text from PDF-to-markdown converters (marker, MinerU, docling, markitdown): tables as pipe
/// rows (`| 208 | 社会保障和就业支出 | 389.75 |`) or as HTML (`<table><tr><td colspan="2">…`),
/// headings marked with `#`, emphasis with `**`. Turned into the tab layout, so one set of
/// readers serves every converter.
///
/// Pipe rows keep their line (a separator row becomes a blank line), so line numbers still
/// point into the file; an HTML table becomes a line per `<tr>`.
enum MarkdownLayout {
    /// True when the text has pipe-table rows or HTML tables in enough number to be the tables.
    static func applies(_ lines: [String]) -> Bool {
        if lines.contains(where: { CJK.anyByte($0) { $0 == 9 } }) { return false }
        if lines.contains(where: opensTable) { return true }
        return lines.lazy.filter(isPipeRow).prefix(5).count >= 5
    }

    /// "<table" in any case. Foundation's case-insensitive search matches only where the bytes
    /// are "<table" up to ASCII case (no other character folds to one of these letters, and a
    /// match must end on a whole character), so a line without such bytes is answered without it.
    static let tableTag: [UInt8] = Array("<table".utf8)

    static func opensTable(_ line: String) -> Bool {
        let tag = tableTag
        // "<" first: a line without one (nearly all) is answered by the quick byte scan.
        guard CJK.anyByte(line, { $0 == 60 }) else { return false }
        let bytes = line.utf8
        var found = false
        var matched = 0
        for b in bytes {
            // ASCII letters lower-cased; "<" occurs once in the tag, so a failed match restarts here.
            let lower = b >= 65 && b <= 90 ? b | 0x20 : b
            matched = lower == tag[matched] ? matched + 1 : (lower == tag[0] ? 1 : 0)
            if matched == tag.count { found = true; break }
        }
        return found && line.range(of: "<table", options: .caseInsensitive) != nil
    }

    static func convert(_ lines: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(lines.count)
        var html: [String]?  // the lines of an HTML table not yet closed
        for line in lines {
            if html != nil || opensTable(line) {
                // Only the new line is searched, and lines are joined once: a table never closed
                // must not cost n² time.
                html = html ?? []
                html!.append(line)
                guard line.range(of: "</table>", options: .caseInsensitive) != nil else { continue }
                let joined = html!.joined(separator: "\n")
                html = nil
                // Text around the table on its lines (a title before it) keeps a line of its own.
                let start = joined.range(of: "<table", options: .caseInsensitive)!
                let end = joined.range(of: "</table>", options: [.caseInsensitive, .backwards])!
                if !joined[..<start.lowerBound].allSatisfy(\.isWhitespace) {
                    out.append(plain(String(joined[..<start.lowerBound])))
                }
                out.append(contentsOf: HTMLTable.rows(joined[start.lowerBound..<end.upperBound]))
                if !joined[end.upperBound...].allSatisfy(\.isWhitespace) {
                    out.append(plain(String(joined[end.upperBound...])))
                }
            } else if isPipeRow(line) {
                let cells = pipeCells(line)
                out.append(cells.allSatisfy(isSeparatorCell) ? "" : cells.joined(separator: "\t"))
            } else {
                out.append(plain(line))
            }
        }
        // never closed: read what is there
        if let rest = html { out.append(contentsOf: HTMLTable.rows(rest.joined(separator: "\n")[...])) }
        return out
    }

    static func isPipeRow(_ line: String) -> Bool {
        // A row starts with the scalar "|": a line without that byte is none.
        guard CJK.anyByte(line, { $0 == 124 }) else { return false }
        let t = line.trimmed()
        return t.count >= 3 && t.hasPrefix("|") && t.hasSuffix("|") && t.dropFirst().contains("|")
    }

    /// "| a | b \| c |" → ["a", "b | c"].
    static func pipeCells(_ line: String) -> [String] {
        var t = Substring(line.trimmed())
        t = t.dropFirst()
        if t.hasSuffix("|"), !t.hasSuffix("\\|") { t = t.dropLast() }
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for ch in t {
            if escaped { cell.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { cells.append(cell); cell = ""; continue }
            cell.append(ch)
        }
        if escaped { cell.append("\\") }
        cells.append(cell)
        return cells.map { inline($0).trimmed() }
    }

    static func isSeparatorCell(_ cell: String) -> Bool {
        let c = cell.trimmed()
        return c.count >= 1 && c.contains("-") && c.allSatisfy { $0 == "-" || $0 == ":" }
    }

    /// A line outside tables: heading marks and emphasis dropped.
    static func plain(_ line: String) -> String {
        var t = Substring(line)
        let indent = t.prefix { $0 == " " }
        t = t.dropFirst(indent.count)
        let hashes = t.prefix { $0 == "#" }
        if (1...6).contains(hashes.count), t.dropFirst(hashes.count).first == " " { t = t.dropFirst(hashes.count + 1) }
        return inline(String(t))
    }

    /// `**粗体**` → 粗体, `<br>` → nothing (a cell's text wrapped in the PDF), `\*` → `*`.
    static func inline(_ text: String) -> String {
        guard text.contains("*") || text.contains("<") || text.contains("\\") || text.contains("__") else {
            return text
        }
        var t = text
        for tag in ["<br>", "<br/>", "<br />", "<BR>"] { t = t.replacingOccurrences(of: tag, with: "") }
        t = t.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        var out = ""
        var escaped = false
        for ch in t {
            if escaped { out.append(ch); escaped = false } else if ch == "\\" { escaped = true } else { out.append(ch) }
        }
        if escaped { out.append("\\") }
        return out
    }
}

/// An HTML table → tab-separated rows, its grid rebuilt: a `colspan` cell is followed by empty
/// cells, and a `rowspan` cell leaves empty cells under it in the rows it spans.
enum HTMLTable {
    static func rows(_ html: Substring) -> [String] {
        var out: [String] = []
        var pending: [Int: Int] = [:]  // column → rows still covered by a rowspan from above
        for tr in pieces(html, open: "<tr", close: "</tr>") {
            var fields: [String] = []
            var column = 0
            func skipCovered() {
                while let left = pending[column], left > 0 {
                    fields.append("")
                    pending[column] = left - 1
                    column += 1
                }
            }
            for cell in cells(tr) {
                skipCovered()
                fields.append(cell.text)
                if cell.rowspan > 1 { for k in 0..<cell.colspan { pending[column + k] = cell.rowspan - 1 } }
                column += 1
                for _ in 1..<max(1, cell.colspan) { fields.append(""); column += 1 }
            }
            skipCovered()
            while fields.count > 1, fields.last == "" { fields.removeLast() }
            out.append(fields.joined(separator: "\t"))
        }
        return out
    }

    struct Cell { var text: String; var colspan: Int; var rowspan: Int }

    static func cells(_ tr: Substring) -> [Cell] {
        var out: [Cell] = []
        var rest = tr[...]
        while let open = rest.range(of: "<t", options: .caseInsensitive) {
            let after = rest[open.upperBound...]
            // <td …> or <th …>, not <thead>/<tbody>
            guard let kind = after.first, "dDhH".contains(kind), let next = after.dropFirst().first,
                next == ">" || next == " ", let end = after.firstIndex(of: ">")
            else { rest = after; continue }
            let attributes = after[after.index(after: after.startIndex)..<end]
            let body = after[after.index(after: end)...]
            // The cell ends at its closing tag, or where the next cell opens (closing tags omitted).
            let nextCell = body.range(of: "<t", options: .caseInsensitive)?.lowerBound ?? body.endIndex
            let close = body[..<nextCell].range(of: "</t", options: .caseInsensitive)?.lowerBound ?? nextCell
            out.append(
                Cell(
                    text: text(body[..<close]), colspan: attribute("colspan", attributes),
                    rowspan: attribute("rowspan", attributes)))
            rest = body[close...]
            if rest.hasPrefix("</"), let gt = rest.firstIndex(of: ">") { rest = rest[rest.index(after: gt)...] }
        }
        return out
    }

    /// `colspan="3"` / `colspan=3` → 3; absent or odd → 1; at most 50 (a cell cannot make a
    /// row thousands of fields wide).
    static func attribute(_ name: String, _ attributes: Substring) -> Int {
        guard let r = attributes.range(of: name, options: .caseInsensitive) else { return 1 }
        let digits = attributes[r.upperBound...].drop { $0 == "=" || $0 == "\"" || $0 == "'" || $0 == " " }.prefix {
            $0.isASCII && $0.isNumber
        }
        return min(50, max(1, Int(digits.prefix(4)) ?? 1))
    }

    /// A cell's text: tags dropped, entities decoded, whitespace (the HTML's line breaks) folded.
    static func text(_ html: Substring) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if inTag { if ch == ">" { inTag = false }; continue }
            if ch == "<" { inTag = true; continue }
            out.append(ch == "\n" ? " " : ch)
        }
        for (entity, ch) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")
        ] {
            out = out.replacingOccurrences(of: entity, with: ch)
        }
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func pieces(_ html: Substring, open: String, close: String) -> [Substring] {
        var out: [Substring] = []
        var rest = html
        while let o = rest.range(of: open, options: .caseInsensitive) {
            let after = rest[o.upperBound...]
            // A row ends at </tr> or at the next <tr> (</tr> omitted, which HTML allows).
            let next = after.range(of: open, options: .caseInsensitive)?.lowerBound ?? after.endIndex
            let stop = after[..<next].range(of: close, options: .caseInsensitive)?.lowerBound ?? next
            out.append(after[..<stop])
            rest = after[stop...]
        }
        return out
    }
}
