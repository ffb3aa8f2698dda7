/// Helpers for Chinese text rebuilt from PDF copies.
public enum CJK {
    /// Han ideographs and CJK/full-width punctuation: wrapped text re-joins across them.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Joins text that a PDF wrapped: "人力资源和 社会保障管理 事务" → "人力资源和社会保障管理事务".
    /// A space survives only between two non-CJK characters ("GB/T 22239").
    public static func joinWrapped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 32 || $0 == 9 }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == " " || s == "\t" {
                var j = i
                while j < scalars.count && (scalars[j] == " " || scalars[j] == "\t") { j += 1 }
                if let last = out.last, j < scalars.count, !isWide(last), !isWide(scalars[j]) {
                    out.append(" ")
                }
                i = j
                continue
            }
            out.append(s)
            i += 1
        }
        return String(out)
    }

    /// Removes every space: for comparing labels printed one character per cell ("合 计").
    public static func compact(_ text: String) -> String {
        // Spaces and tabs are single bytes in UTF-8, so filtering bytes keeps the text valid.
        guard text.utf8.contains(where: { $0 == 32 || $0 == 9 }) else { return text }
        return String(decoding: text.utf8.filter { $0 != 32 && $0 != 9 }, as: UTF8.self)
    }

    /// Half-width brackets and colons as full-width, for matching labels across layouts.
    public static func canonicalLabel(_ text: String) -> String {
        var s = compact(text)
        guard s.utf8.contains(where: { $0 == 0x28 || $0 == 0x29 || $0 == 0x3A }) else { return s }
        s = s.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        s = s.replacingOccurrences(of: ":", with: "：")
        return s
    }

    /// A cell that repeats one phrase k times ("A A A") → (phrase, k); (text, 1) otherwise.
    public static func dedupeRepeated(_ text: String) -> (String, Int) {
        let compacted = compact(text)
        let chars = Array(compacted)
        let n = chars.count
        guard n >= 4 else { return (joinWrapped(text), 1) }
        for k in stride(from: 4, through: 2, by: -1) where n % k == 0 {
            let len = n / k
            guard len >= 2 else { continue }
            let unit = chars[0..<len]
            var same = true
            for r in 1..<k where chars[(r * len)..<((r + 1) * len)] != unit { same = false; break }
            if same { return (String(unit), k) }
        }
        return (joinWrapped(text), 1)
    }
}

extension String {
    func trimmed() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
