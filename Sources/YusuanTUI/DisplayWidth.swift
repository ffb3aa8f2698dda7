import YusuanCore

/// Terminal column widths: CJK characters take two columns, combining marks none.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
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

    /// Words wrapped to `width` columns; Chinese text breaks between any two characters.
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var used = 0
        for s in text.unicodeScalars {
            if s == "\n" { lines.append(String(current)); current = .init(); used = 0; continue }
            let w = of(s)
            if used + w > width { lines.append(String(current)); current = .init(); used = 0 }
            current.append(s)
            used += w
        }
        if !current.isEmpty || lines.isEmpty { lines.append(String(current)) }
        return lines
    }
}
