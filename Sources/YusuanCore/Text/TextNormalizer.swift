/// Text as copied from a PDF, made uniform: line ends, full-width digits, odd spaces, and no
/// control or bidi characters (they must never reach a terminal).
public enum TextNormalizer {
    /// "１２３．４５" → "123.45"; CRLF → LF; U+3000 → space; ESC, BEL, bidi overrides removed.
    public static func normalize(_ text: String) -> String { normalizeMarkingPages(text).text }

    /// The same, with the lines (0-based) that a form feed starts: pdftotext lays out each page
    /// on its own grid, so a table's columns may shift at a page break.
    static func normalizeMarkingPages(_ text: String) -> (text: String, pageStarts: Set<Int>) {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        var pageStarts: Set<Int> = []
        var line = 0
        var previousCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0D { out.append("\n"); line += 1; previousCR = true; continue }
            if v == 0x0A { if !previousCR { out.append("\n"); line += 1 }; previousCR = false; continue }
            previousCR = false
            switch v {
            case 0x09: out.append(scalar)
            case 0x0C:  // form feed: a page break; it starts a line (pdftotext) or breaks one
                if let last = out.last, last != "\n" { out.append("\n"); line += 1 }
                pageStarts.insert(line)
            case 0xFF10...0xFF19: out.append(Unicode.Scalar(v - 0xFF10 + 0x30)!)
            case 0xFF0E: out.append(".")  // full-width full stop inside numbers
            case 0xFF05: out.append("%")
            case 0xFF0B: out.append("+")
            case 0xFF1D: out.append("=")
            case 0xFF1C: out.append("<")
            case 0xFF1E: out.append(">")
            case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: continue
            // Arabic-Indic and Persian digits and the Arabic decimal and thousands marks are digits
            // as any other: read, not left as an empty cell.
            case 0x0660...0x0669: out.append(Unicode.Scalar(v - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(v - 0x06F0 + 0x30)!)
            case 0x066B: out.append(".")
            case 0x066C: out.append(",")
            default: if !invisible(scalar) { out.append(scalar) }
            }
        }
        return (String(out), pageStarts)
    }

    /// Text output (several lines) made safe line by line; the line breaks are kept.
    public static func safeLines(_ text: String) -> String {
        // Nearly all text is clean: found so in one pass and returned as it is (`check` on a
        // large library prints tens of megabytes).
        guard text.unicodeScalars.contains(where: { $0 != "\n" && unsafe($0) }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { safeForTerminal(String($0)) }.joined(
            separator: "\n")
    }

    /// Removes anything a terminal would interpret, for any string that reaches the screen.
    public static func safeForTerminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" { out.append(" ") } else if !unsafe(scalar) { out.append(scalar) }
        }
        return String(out)
    }

    /// Control characters (C0, DEL, C1; a tab becomes a space) and the invisible format ones.
    static func unsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return invisible(scalar)
        }
    }

    /// Format characters (Unicode's Cf): zero-width ones, the bidi marks, embeddings, overrides
    /// and isolates (U+061C, U+200E/F, U+202A–202E, U+2066–2069), the BOM, tags. They show
    /// nothing but can reorder what a terminal or a spreadsheet shows, so no output keeps one.
    /// Common scripts (ASCII, CJK, Hangul) answer from a range test alone.
    public static func invisible(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0xAD || (0x2E80..<0xFE00).contains(v) { return false }
        switch v {
        // Every Cf of the Basic Multilingual Plane; past it (tags, shorthand controls) Unicode's table.
        case 0xAD, 0x0600...0x0605, 0x061C, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x180E, 0x200B...0x200F,
            0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default: return v > 0xFFFF && scalar.properties.generalCategory == .format
        }
    }
}
