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
        guard line.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return [] }
        let chars = Array(line)
        var out: [Match] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c.isASCII, c.isNumber else { i += 1; continue }
            // A number glued to latin letters or inside a code like 〔2022〕 is still read;
            // callers decide by unit and context.
            var j = i
            var text = ""
            while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." || chars[j] == "," {
                if chars[j] == ",", !(j + 1 < chars.count && chars[j + 1].isASCII && chars[j + 1].isNumber) { break }
                text.append(chars[j])
                j += 1
            }
            while text.hasSuffix(".") { text.removeLast(); j -= 1 }
            var negative = false
            if i > 0, chars[i - 1] == "-" || chars[i - 1] == "−" {
                negative = i < 2 || !(chars[i - 2].isNumber)
            }
            var k = j
            while k < chars.count, chars[k] == " " { k += 1 }
            var unit = ""
            var u = k
            while u < chars.count, unit.count < 2, !chars[u].isWhitespace, !(chars[u].isASCII && chars[u].isNumber) {
                unit.append(chars[u])
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
