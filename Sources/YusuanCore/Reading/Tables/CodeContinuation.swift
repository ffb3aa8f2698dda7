/// Codes a PDF split across two lines of a cell ("20" over "8" for 208; "9" over "9" for 99),
/// as a stream of text shows them: the row's code short by a digit or two, and the missing
/// digits on a line after its amounts, before the rest of its name.
enum CodeContinuation {
    /// The token when a line is one run of ASCII digits and nothing else.
    static func digitsAlone(_ text: String) -> String? {
        // Only digits, spaces and tabs make such a line, and there a byte is a Character; any
        // other byte is no separator, so it would stand in a token and fail it.
        guard text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 32 || $0 == 9 }) else { return nil }
        let tokens = text.utf8.split(whereSeparator: { $0 == 32 || $0 == 9 })
        guard tokens.count == 1 else { return nil }
        return String(Substring(tokens[0]))
    }

    static func isDigits(_ t: String, upTo count: Int) -> Bool {
        // ASCII digits only, so bytes are Characters and the byte count is the count.
        !t.isEmpty && t.utf8.count <= count && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// 类 codes the table prints two digits short: a two-digit head (2x or 3x) followed by 款
    /// digits and then a name, on one line ("20 01 人力资源…") or a line each. Two such rows are
    /// needed, so a stray "20 12 年" is not taken for a code.
    /// `tokens`: each line's `Fragment.tokens`, split once by the caller.
    static func shortHeads(_ body: [SourceText.Line], tokens lineTokens: [[String]]) -> Set<String> {
        var seen: [String: Int] = [:]
        func isHead(_ t: String) -> Bool { t.count == 2 && isDigits(t, upTo: 2) && (t.first == "2" || t.first == "3") }
        func startsName(_ t: String) -> Bool { t.unicodeScalars.first.map(CJK.isHan) ?? false }
        for i in body.indices {
            let tokens = lineTokens[i]
            if tokens.count >= 3, isHead(tokens[0]) {
                let parts = tokens.dropFirst().prefix { isDigits($0, upTo: 2) }
                if !parts.isEmpty, parts.count <= 2, let next = tokens.dropFirst(1 + parts.count).first,
                    startsName(next)
                {
                    seen[tokens[0], default: 0] += 1
                }
            } else if tokens.count == 1, isHead(tokens[0]) {
                var j = i + 1
                while j < body.count, j - i <= 2, let part = digitsAlone(body[j].text), part.count <= 2 { j += 1 }
                if j > i + 1, j < body.count, let next = lineTokens[j].first, startsName(next) {
                    seen[tokens[0], default: 0] += 1
                }
            }
        }
        return Set(seen.filter { $0.value >= 2 }.keys)
    }

    /// The row's code parts completed by a line's leading digits, and what the line has after
    /// them (the rest of the name); nil unless the line is such a continuation. The digits go to
    /// the parts that are short, in order: 类 to three digits, 款 and 项 to two.
    static func fill(_ code: [String], from tokens: [String]) -> (code: [String], rest: [String])? {
        guard !code.isEmpty, !(code.count == 1 && code[0].count > 3) else { return nil }
        let digits = tokens.prefix { isDigits($0, upTo: 2) }
        let rest = Array(tokens.dropFirst(digits.count))
        guard !digits.isEmpty, !rest.contains(where: Fragment.isNumeric) else { return nil }
        var parts = code
        var next = digits.startIndex
        for i in parts.indices where next < digits.endIndex {
            let want = i == 0 ? 3 : 2
            let missing = want - parts[i].count
            guard missing > 0 else { continue }
            guard digits[next].count <= missing else { return nil }
            parts[i] += digits[next]
            next += 1
        }
        return next == digits.endIndex ? (parts, rest) : nil
    }
}
