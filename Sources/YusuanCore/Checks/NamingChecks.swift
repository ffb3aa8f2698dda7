/// One code, one name: the same code printed with different names within a document.
enum NamingChecks {
    static func run(_ sink: inout FindingSink) {
        let d = sink.disclosure
        var names: [String: [(String, Table, Row)]] = [:]
        for t in d.tables where t.kind.isFunctional || t.kind.isTwoSided || t.kind == .gpbBasicExpense {
            for r in t.rows where r.side != .income {
                guard let code = r.code, !r.name.isEmpty else { continue }
                names[code, default: []].append((r.name, t, r))
            }
        }
        for code in names.keys.sorted() {
            guard let entries = names[code] else { continue }
            let first = entries[0]
            for other in entries.dropFirst() {
                let a = NameMatch.key(first.0), b = NameMatch.key(other.0)
                // A name cut short by the PDF's column ("…传媒支") is the same name.
                if a == b || a.hasPrefix(b) || b.hasPrefix(a) { continue }
                sink.add(
                    Finding(
                        rule: Rules.codeName,
                        message:
                            "\(code) 在\(first.1.number ?? "")名为“\(first.0)”，在\(other.1.number ?? "")名为“\(other.0)”",
                        table: other.1, code: code, line: other.2.lines.first))
                break
            }
        }
    }
}
