/// Finds numbers in prose: "收支总预算 389.75 万元" → 389.75 followed by its unit.
public enum NumberScanner {
    public struct Match: Sendable {
        public var amount: Amount
        public var text: String
        /// Offsets in the line's characters.
        public var start: Int
        public var end: Int
        /// What follows the number ("万元", "%", "人", "年" …), up to two characters.
        public var unit: String
    }

    public static func scan(_ line: String) -> [Match] {
        // Most lines of prose hold no digit: answered without making the character array.
        guard CJK.anyByte(line, { $0 >= 48 && $0 <= 57 }) else { return [] }
        return scan(line, scalarsAreCharacters: CJK.scalarsAreCharacters(line))
    }

    /// `scan`, for a caller that has asked `CJK.scalarsAreCharacters(line)` already.
    static func scan(_ line: String, scalarsAreCharacters: Bool) -> [Match] {
        guard CJK.anyByte(line, { $0 >= 48 && $0 <= 57 }) else { return [] }
        // Where every scalar is a Character of its own, the scalars are the characters: the
        // same scan without walking grapheme clusters.
        if scalarsAreCharacters { return scan(Array(line.unicodeScalars)) }
        return scan(Array(line))
    }

    private static func scan<Unit: ScanUnit>(_ chars: [Unit]) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c.isASCIIDigit else { i += 1; continue }
            // A number glued to latin letters or inside a code like 〔2022〕 is still read;
            // callers decide by unit and context.
            var j = i
            var text = ""
            while j < chars.count, chars[j].isASCIIDigit || chars[j].isScalar(".") || chars[j].isScalar(",") {
                if chars[j].isScalar(","), !(j + 1 < chars.count && chars[j + 1].isASCIIDigit) { break }
                chars[j].append(to: &text)
                j += 1
            }
            while text.hasSuffix(".") { text.removeLast(); j -= 1 }
            var negative = false
            if i > 0, chars[i - 1].isScalar("-") || chars[i - 1].isScalar("−") {
                negative = i < 2 || !(chars[i - 2].isNumber)
            }
            var k = j
            while k < chars.count, chars[k].isScalar(" ") { k += 1 }
            var unit = ""
            var appended = 0
            var u = k
            while u < chars.count, Unit.count(unit, appended: appended) < 2, !chars[u].isWhitespace,
                !chars[u].isASCIIDigit
            {
                chars[u].append(to: &unit)
                appended += 1
                u += 1
            }
            if let amount = Amount(parsing: negative ? "-" + text : text) {
                out.append(Match(amount: amount, text: text, start: i, end: j, unit: unit))
            } else if let amount = Amount(parsing: roundedText(text)) {
                out.append(Match(amount: amount, text: text, start: i, end: j, unit: unit))
            }
            i = max(j, i + 1)
        }
        return out
    }

    /// Percent figures with more than two decimals are rare; keep their first two.
    static func roundedText(_ text: String) -> String {
        guard let dot = text.firstIndex(of: ".") else { return text }
        let decimals = text[text.index(after: dot)...]
        return decimals.count > 2 ? String(text[..<dot]) + "." + decimals.prefix(2) : text
    }

    /// The first number followed by 万元 (or 元), in 万元.
    public static func firstAmount(in text: String) -> Amount? {
        for m in scan(text) where m.unit.hasPrefix("万") { return m.amount }
        return scan(text).first?.amount
    }
}

/// A character of a line as the scanner asks about it: a `Character`, or a `Unicode.Scalar` that
/// is a Character of its own (`CJK.scalarsAreCharacters`), which answers the same.
private protocol ScanUnit {
    var isASCIIDigit: Bool { get }
    var isNumber: Bool { get }
    var isWhitespace: Bool { get }
    /// Exactly this one scalar.
    func isScalar(_ scalar: Unicode.Scalar) -> Bool
    func append(to text: inout String)
    /// The Characters of `text`, made of `appended` units.
    static func count(_ text: String, appended: Int) -> Int
}

extension Character: ScanUnit {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate func isScalar(_ scalar: Unicode.Scalar) -> Bool { self == Character(scalar) }
    fileprivate func append(to text: inout String) { text.append(self) }
    fileprivate static func count(_ text: String, appended: Int) -> Int { text.count }
}

extension Unicode.Scalar: ScanUnit {
    fileprivate var isASCIIDigit: Bool { value >= 48 && value <= 57 }
    // `Character.isNumber` and `isWhitespace` ask the first scalar these same properties.
    // ASCII is answered at once: asking the properties costs hundreds of instructions.
    fileprivate var isNumber: Bool { value < 0x80 ? isASCIIDigit : properties.numericType != nil }
    fileprivate var isWhitespace: Bool {
        value < 0x80 ? value == 32 || (value >= 9 && value <= 13) : properties.isWhitespace
    }
    fileprivate func isScalar(_ scalar: Unicode.Scalar) -> Bool { self == scalar }
    fileprivate func append(to text: inout String) { text.unicodeScalars.append(self) }
    fileprivate static func count(_ text: String, appended: Int) -> Int { appended }
}
