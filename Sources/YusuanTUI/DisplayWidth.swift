import YusuanCore

/// Terminal column widths: CJK characters take two columns.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (CJK.isWide($1) ? 2 : (($1.properties.generalCategory == .nonspacingMark) ? 0 : 1)) }
    }
}
