/// Amounts printed as budgets do not print them. Each is named once with what was read, so no
/// cell turns empty (or negative) without a word: "(303.87)" is the accountant's −303.87 and is
/// read so (the table's sums test it as any cell); "1e308" and amounts beyond any budget's size
/// are not read, and the cell is empty.
enum OddAmounts {
    /// At most this many notes per document: a hostile file of odd cells gets a few, not millions.
    static let most = 20

    static func notes(_ tables: [Table], lines: [String]) -> [Disclosure.ParseNote] {
        var notes: [Disclosure.ParseNote] = []
        for t in tables {
            // A row's lines only: a header's "(1)" numbers a column.
            var seen = Set<Int>()
            for row in t.rows {
                for line in max(1, row.lines.first)..<max(1, min(lines.count, row.lines.last) + 1)
                where seen.insert(line).inserted {
                    for token in Fragment.pieces(lines[line - 1]) {
                        guard let message = note(token, line: line, in: t) else { continue }
                        notes.append(.init(kind: .oddAmount, message: message, line: line))
                        if notes.count == most { return notes }
                    }
                }
            }
        }
        return notes
    }

    static func note(_ token: Substring, line: Int, in t: Table) -> String? {
        // Most tokens are plain amounts and names: each test looks at a character or two first.
        var name: String { t.number.map { "\($0)\(t.title)" } ?? t.title }
        if bracketed(token) {
            guard let amount = Amount(parsing: token),
                t.rows.contains(where: { $0.lines.first <= line && line <= $0.lines.last && $0.values.contains(amount) }
                )
            else { return "\(name)第 \(line) 行“\(token)”是括号里的金额，未能读入，该格为空；请对照原文" }
            return "\(name)第 \(line) 行“\(token)”按会计写法读作 \(amount)（负数）"
        }
        if exponent(token) {
            return "\(name)第 \(line) 行“\(token)”是科学计数法，不是金额的写法，该格读为空"
        }
        if token.utf8.count > 17, tooLarge(token) {
            return "\(name)第 \(line) 行“\(token)”大得不像金额，该格读为空"
        }
        return nil
    }

    /// "(303.87)", "（1,024.00）": digits with a decimal point in brackets ("(1)" numbers a column).
    static func bracketed(_ token: Substring) -> Bool {
        // Most tokens fail on their first byte ("(" is 0x28, "（" starts 0xEF), before any Character.
        guard let byte = token.utf8.first, byte == 0x28 || byte == 0xEF else { return false }
        guard let first = token.first, let last = token.last, first == "(" || first == "（",
            last == ")" || last == "）", token.count > 2
        else { return false }
        let inner = token.dropFirst().dropLast()
        return inner.first?.isASCII == true && inner.first?.isNumber == true && inner.contains(".")
            && inner.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
    }

    /// "1e308", "-2.5E+3": a mantissa, an e, an exponent.
    static func exponent(_ token: Substring) -> Bool {
        // Without an ASCII "e" or "E" byte there is no exponent; most tokens end here.
        guard token.utf8.contains(where: { $0 == 0x65 || $0 == 0x45 }) else { return false }
        guard let first = token.first, first.isASCII, first.isNumber || first == "-" || first == "+" else {
            return false
        }
        let body = token.first == "-" || token.first == "+" ? token.dropFirst() : token
        guard let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return false }
        let mantissa = body[..<e]
        var power = body[body.index(after: e)...]
        if power.first == "-" || power.first == "+" { power = power.dropFirst() }
        return !mantissa.isEmpty && mantissa.first?.isNumber == true
            && mantissa.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
            && !power.isEmpty && power.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Digits with a decimal point or separators, beyond the largest amount read (`Amount.limit`).
    static func tooLarge(_ token: Substring) -> Bool {
        guard Amount.isPrinted(String(token)), Amount(parsing: token) == nil else { return false }
        let whole = token.split(separator: ".").first ?? token
        return whole.filter { $0.isNumber }.count > 14
    }
}
