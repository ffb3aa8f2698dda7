/// Pieces of a wrapped row: text, and numbers a PDF broke across lines ("9509.1" / "2").
enum Fragment: Equatable {
    case text(String)
    case number(String)

    static func isNumeric(_ token: String) -> Bool {
        // Bytes suffice: only ASCII digits, "." and "," pass, and any other byte (a mark
        // joined to a digit, a non-ASCII character) fails as its Character would.
        var digits = 0
        var dots = 0
        for byte in token.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte == 0x2E {
                dots += 1
            } else if byte != 0x2C {
                return false
            }
        }
        return digits > 0 || (dots == 1 && token.utf8.count == 1)
    }

    /// Tokens of one line, in order.
    static func tokens(_ text: String) -> [String] { pieces(text).map(String.init) }

    /// A line's pieces between spaces and tabs: split on the bytes where every scalar is a
    /// Character of its own (then a space byte is a space Character), else by Character.
    static func pieces(_ text: String) -> [Substring] {
        guard CJK.scalarsAreCharacters(text) else { return text.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
        return text.utf8.split(whereSeparator: { $0 == 32 || $0 == 9 }).map { Substring($0) }
    }

    /// Rebuilds amounts from number fragments. Fragments on one line are separate cells; a
    /// fragment at a line's end joins the next line's first fragment while it still lacks
    /// the `decimals` the table prints ("942" + "3.7" + "9" → 9423.79).
    static func joinNumbers(_ lines: [[String]], decimals: Int) -> [String] {
        var out: [String] = []
        var pending: String?
        for tokens in lines {
            for (i, token) in tokens.enumerated() {
                if let p = pending {
                    if i == 0, canJoin(p, token, decimals: decimals) {
                        let joined = p + token
                        if isComplete(joined, decimals: decimals) {
                            out.append(joined); pending = nil
                        } else {
                            pending = joined
                        }
                        continue
                    }
                    out.append(p)
                    pending = nil
                }
                if isComplete(token, decimals: decimals) || i < tokens.count - 1 {
                    out.append(token)
                } else {
                    pending = token
                }
            }
        }
        if let p = pending { out.append(p) }
        return out
    }

    static func isComplete(_ s: String, decimals: Int) -> Bool {
        guard decimals > 0 else { return true }
        guard let dot = s.firstIndex(of: ".") else { return false }
        return s[s.index(after: dot)...].count >= decimals
    }

    static func canJoin(_ head: String, _ tail: String, decimals: Int) -> Bool {
        if let dot = head.firstIndex(of: ".") {
            let have = head[head.index(after: dot)...].count
            return !tail.contains(".") && tail.count <= decimals - have
        }
        if tail.hasPrefix(".") { return true }
        // Without a dot yet: the whole joined number must still be plausible.
        let joined = head + tail
        if let dot = joined.firstIndex(of: ".") { return joined[joined.index(after: dot)...].count <= decimals }
        return joined.count <= 9
    }
}
