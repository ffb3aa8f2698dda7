/// Terminal column widths: CJK characters take two columns, combining marks none.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        // Latin text: the common case, kept fast
        if scalar.value >= 0x20 && scalar.value < 0x300 && scalar.value != 0xAD { return 1 }
        if CJK.isWide(scalar) { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return 1
        }
    }

    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Cut to at most `width` columns (never splitting a wide character), then pad with spaces.
    public static func fit(_ text: String, _ width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        var out = String.UnicodeScalarView()
        var used = 0
        for s in text.unicodeScalars {
            let w = of(s)
            if used + w > width { break }
            out.append(s)
            used += w
        }
        let pad = String(repeating: " ", count: width - used)
        return alignRight ? pad + String(out) : String(out) + pad
    }

    /// The text without its first `columns` display columns (a wide character cut in half goes).
    public static func dropLeading(_ text: String, _ columns: Int) -> String {
        guard columns > 0 else { return text }
        var used = 0
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if used >= columns { out.append(s) } else { used += of(s) }
        }
        return String(out)
    }

    /// Like `fit`, but a text too long ends in "…", so a cut name never reads as a whole one.
    public static func fitMarked(_ text: String, _ width: Int) -> String {
        guard of(text) > width, width > 1 else { return fit(text, width) }
        return fit(
            fit(text, width - 1).replacingOccurrences(of: " +$", with: "", options: .regularExpression) + "…", width)
    }

    /// Like `fit`, but a text too long keeps its end behind "…" (unit names differ at the end).
    public static func fitKeepingEnd(_ text: String, _ width: Int) -> String {
        guard of(text) > width, width > 1 else { return fit(text, width) }
        var kept = String.UnicodeScalarView()
        var used = 1
        for s in text.unicodeScalars.reversed() {
            let w = of(s)
            if used + w > width { break }
            kept.insert(s, at: kept.startIndex)
            used += w
        }
        return fit("…" + String(kept), width)
    }

    /// Text wrapped to `width` columns. Chinese breaks between any two characters, but a run of
    /// ASCII letters and digits ("389.75", "2022") stays whole, and a closing punctuation mark
    /// never starts a line (it takes the character before it along).
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var tokens: [String] = []
            var run = ""
            for s in paragraph.unicodeScalars {
                if s.isASCII, s.properties.isAlphabetic || ("0"..."9").contains(s) || ".,%-/".unicodeScalars.contains(s)
                {
                    run.unicodeScalars.append(s)
                    continue
                }
                if !run.isEmpty { tokens.append(run); run = "" }
                tokens.append(String(s))
            }
            if !run.isEmpty { tokens.append(run) }
            var current: [String] = []
            var used = 0
            let closing = Set("。，、；：）」』》！？,.;:)".unicodeScalars)
            for token in tokens {
                let w = of(token)
                if used + w > width, !current.isEmpty {
                    var carried: [String] = []
                    if let first = token.unicodeScalars.first, closing.contains(first), current.count > 1 {
                        carried = [current.removeLast()]
                    }
                    lines.append(current.joined())
                    current = carried
                    used = carried.reduce(0) { $0 + of($1) }
                }
                if w > width {
                    // A token longer than the line: cut it.
                    var piece = ""
                    var pieceWidth = 0
                    for s in token.unicodeScalars {
                        let sw = of(s)
                        if pieceWidth + sw > width - used {
                            lines.append(current.joined() + piece)
                            current = []; used = 0; piece = ""; pieceWidth = 0
                        }
                        piece.unicodeScalars.append(s)
                        pieceWidth += sw
                    }
                    current.append(piece)
                    used += pieceWidth
                    continue
                }
                current.append(token)
                used += w
            }
            lines.append(current.joined())
        }
        return lines
    }
}
