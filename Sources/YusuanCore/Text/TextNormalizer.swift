/// Text as copied from a PDF, made uniform: line ends, full-width digits, odd spaces, and no
/// control or bidi characters (they must never reach a terminal).
public enum TextNormalizer {
    /// "１２３．４５" → "123.45"; CRLF → LF; U+3000 → space; ESC, BEL, bidi overrides removed.
    public static func normalize(_ text: String) -> String { normalizeMarkingPages(text).text }

    /// The same, with the lines (0-based) that a form feed starts: pdftotext lays out each page
    /// on its own grid, so a table's columns may shift at a page break.
    static func normalizeMarkingPages(_ text: String) -> (text: String, pageStarts: Set<Int>) {
        // On the UTF-8 bytes: ASCII is copied or dropped byte by byte; other scalars are decoded,
        // and a kept one is copied as its bytes. Nothing grows: a line end, a form feed's line
        // break and every replacement take no more bytes than what they replace.
        var source = text
        var pageStarts: Set<Int> = []
        let normalized = source.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                normalize(bytes, into: out, pageStarts: &pageStarts)
            }
        }
        return (normalized, pageStarts)
    }

    /// Writes the normalised bytes; returns how many.
    private static func normalize(
        _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, pageStarts: inout Set<Int>
    ) -> Int {
        var n = 0
        var line = 0
        var previousCR = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == 0x0D { out[n] = 10; n += 1; line += 1; previousCR = true; continue }
            if b == 0x0A { if !previousCR { out[n] = 10; n += 1; line += 1 }; previousCR = false; continue }
            previousCR = false
            if b < 0x80 {
                switch b {
                case 0x09: out[n] = b; n += 1
                case 0x0C:  // form feed: a page break; it starts a line (pdftotext) or breaks one
                    if n > 0, out[n - 1] != 10 { out[n] = 10; n += 1; line += 1 }
                    pageStarts.insert(line)
                case 0x00...0x1F, 0x7F: continue
                default: out[n] = b; n += 1
                }
                continue
            }
            // U+4000–U+9FFF (lead bytes E4–E9: the CJK ideographs, most of the text) need nothing:
            // copied without decoding.
            if b >= 0xE4, b <= 0xE9 {
                out[n] = b
                out[n + 1] = bytes[i]
                out[n + 2] = bytes[i + 1]
                n += 3
                i += 2
                continue
            }
            // A scalar of two to four bytes (the text is valid UTF-8).
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var v = UInt32(b) & (b >= 0xF0 ? 0x07 : b >= 0xE0 ? 0x0F : 0x1F)
            for k in i..<(i + length - 1) { v = v << 6 | UInt32(bytes[k] & 0x3F) }
            let start = i - 1
            i += length - 1
            var ascii: UInt8?
            switch v {
            case 0xFF10...0xFF19: ascii = UInt8(v - 0xFF10 + 0x30)
            case 0xFF0E: ascii = 0x2E  // full-width full stop inside numbers
            case 0xFF05: ascii = 0x25
            case 0xFF0B: ascii = 0x2B
            case 0xFF1D: ascii = 0x3D
            case 0xFF1C: ascii = 0x3C
            case 0xFF1E: ascii = 0x3E
            case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F: ascii = 0x20
            case 0x80...0x9F, 0xFFFE, 0xFFFF: continue
            // Arabic-Indic and Persian digits and the Arabic decimal and thousands marks are digits
            // as any other: read, not left as an empty cell.
            case 0x0660...0x0669: ascii = UInt8(v - 0x0660 + 0x30)
            case 0x06F0...0x06F9: ascii = UInt8(v - 0x06F0 + 0x30)
            case 0x066B: ascii = 0x2E
            case 0x066C: ascii = 0x2C
            default:
                if invisible(Unicode.Scalar(v)!) { continue }
                for k in start..<i { out[n] = bytes[k]; n += 1 }
                continue
            }
            if let ascii { out[n] = ascii; n += 1 }
        }
        return n
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
