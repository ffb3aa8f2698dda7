/// Projects from 项目支出 rows, joined with the prose's 项目名称 paragraphs.
enum ProjectReader {
    static func read(tables: [Table], prose: ArraySlice<SourceText.Line>) -> [Project] {
        var projects: [Project] = []
        if let table = tables.first(where: { $0.kind == .gpbProjectExpense }) {
            for row in table.rows where row.project != nil {
                guard let name = row.project else { continue }
                var econ: [Project.EconomicAmount] = []
                for (i, v) in row.values.enumerated() where i > 0 {
                    if let v, i < table.columns.count { econ.append(.init(column: table.columns[i], amount: v)) }
                }
                projects.append(
                    Project(
                        name: name, code: row.code, amount: row.values.first ?? nil, economic: econ,
                        details: [], tableLines: row.lines, proseLines: nil))
            }
        }
        let tableNames = NameMatch.Candidates(projects.map(\.name))
        for described in descriptions(prose) {
            if let i = tableNames.best(described.name), projects[i].details.isEmpty {
                projects[i].details = described.details
                projects[i].proseLines = described.proseLines
            } else {
                projects.append(described)
            }
        }
        return projects
    }

    /// "1. 项目名称：线路租赁费" followed by "label：text" lines.
    static func descriptions(_ lines: ArraySlice<SourceText.Line>) -> [Project] {
        var out: [Project] = []
        var current: Project?
        var lastLabel: String?
        func flush() { if let c = current { out.append(c) }; current = nil; lastLabel = nil }
        for line in lines where !line.isBlank && !line.hasTabs {
            let text = line.text.trimmed()
            if let r = text.range(of: "项目名称：") ?? text.range(of: "项目名称:") {
                flush()
                let name = CJK.joinWrapped(String(text[r.upperBound...]))
                current = Project(
                    name: name, code: nil, amount: nil, economic: [], details: [], tableLines: nil,
                    proseLines: SourceRange(line: line.number))
                continue
            }
            guard current != nil else { continue }
            if SectionReader.heading(text) != nil || text.contains("绩效目标表") { flush(); continue }
            if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }),
                text.distance(from: text.startIndex, to: colon) <= 10
            {
                let label = CJK.compact(String(text[..<colon]))
                let body = String(text[text.index(after: colon)...]).trimmed()
                current!.details.append(.init(label: label, text: CJK.joinWrapped(body)))
                lastLabel = label
            } else if lastLabel != nil, !current!.details.isEmpty {
                current!.details[current!.details.count - 1].text += CJK.joinWrapped(text)
            }
            current!.proseLines = current!.proseLines!.union(SourceRange(line: line.number))
        }
        flush()
        return out
    }
}

/// Project names differ between the table, the prose and the sheets ("…项目" added, brackets,
/// document numbers); two names are the same project when one contains the other once both are
/// stripped of punctuation, or when they share most characters.
public enum NameMatch {
    /// Brackets, dashes, quotes, 、，, spaces: （ ） ( ) 【 】 〔 〕 { } - — “ ” " 、 ， space, tab.
    /// A switch rather than a set: this runs on every name compared, and hashing each scalar
    /// cost more than the rest of the work.
    @inline(__always) static func ignored(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF08, 0xFF09, 0x28, 0x29, 0x3010, 0x3011, 0x3014, 0x3015, 0x7B, 0x7D, 0x2D, 0x2014, 0x201C, 0x201D, 0x22,
            0x3001, 0xFF0C, 0x20, 0x09:
            return true
        default:
            return false
        }
    }

    public static func key(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: ignored) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars where !ignored(scalar) { out.append(scalar) }
        return String(out)
    }

    /// Longest common subsequence of two names' keys, with both lengths. Only the first
    /// `compared` characters take part: real names are far shorter, and a damaged file's
    /// page-long "name" must not make a comparison cost the square of its length.
    static func commonLength(_ a: String, _ b: String) -> (common: Int, a: Int, b: Int) {
        commonLength(keys: key(a), key(b))
    }

    static let compared = 512

    static func commonLength(keys a: String, _ b: String) -> (common: Int, a: Int, b: Int) {
        let ka = scalarValues(a), kb = scalarValues(b)
        guard !ka.isEmpty, !kb.isEmpty else { return (0, ka.count, kb.count) }
        var prev = [Int](repeating: 0, count: kb.count + 1), cur = prev
        for x in ka {
            for j in 0..<kb.count { cur[j + 1] = x == kb[j] ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
            swap(&prev, &cur)
        }
        return (prev[kb.count], ka.count, kb.count)
    }

    /// The first `compared` scalars of a key, by a plain loop (a generic `map` of a prefix cost
    /// more than the comparison).
    static func scalarValues(_ key: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(min(key.utf8.count, compared))
        for s in key.unicodeScalars {
            if out.count == compared { break }
            out.append(s.value)
        }
        return out
    }

    /// Common characters (in order) over the longer name: 1 for the same name.
    public static func similarity(_ a: String, _ b: String) -> Double { similarity(keys: key(a), key(b)) }

    /// `similarity` of two names' keys (`key`), for a caller that keeps them.
    static func similarity(keys a: String, _ b: String) -> Double {
        let (common, la, lb) = commonLength(keys: a, b)
        return common == 0 ? 0 : Double(common) / Double(max(la, lb))
    }

    /// Common characters (in order) over the shorter name: "1995年前企业退休（退职）人员生活补助"
    /// inside "克财建（2025）108号--1995年前退休（退职）人员生活补助资金" scores high.
    public static func containment(_ a: String, _ b: String) -> Double {
        let (common, la, lb) = commonLength(a, b)
        return common == 0 ? 0 : Double(common) / Double(min(la, lb))
    }

    /// The candidate naming the same project: an exact match, else the one that contains the
    /// name best (at least 80 % of the shorter name), when it is unique.
    public static func best(_ name: String, in candidates: [String]) -> Int? {
        var best: (Int, Double)?
        var tie = false
        // The name's key made once; each candidate's key and common length once (containment and
        // similarity are two ratios of the same count).
        let nameKey = key(name)
        for (i, c) in candidates.enumerated() {
            let candidateKey = key(c)
            let exact = candidateKey == nameKey
            let (common, la, lb) = commonLength(keys: candidateKey, nameKey)
            let contained = common == 0 ? 0 : Double(common) / Double(min(la, lb))
            guard exact || contained >= 0.8 else { continue }
            let similar = common == 0 ? 0 : Double(common) / Double(max(la, lb))
            let score = exact ? 2.0 : contained + 0.001 * similar
            if let b = best, abs(b.1 - score) < 0.000_01 {
                tie = true
            } else if best == nil || score > best!.1 {
                best = (i, score); tie = false
            }
        }
        return tie ? nil : best?.0
    }

    /// Candidates keyed once, for `best` of many names among them: a name whose key one candidate
    /// has exactly is found by lookup (an exact match outscores any partial one, and two are a
    /// tie), so only names without one compare with every candidate.
    struct Candidates {
        let names: [String]
        private let byKey: [String: [Int]]

        init(_ names: [String]) {
            self.names = names
            byKey = Dictionary(grouping: names.indices) { NameMatch.key(names[$0]) }
        }

        func best(_ name: String) -> Int? {
            if let exact = byKey[NameMatch.key(name)] { return exact.count == 1 ? exact[0] : nil }
            return NameMatch.best(name, in: names)
        }
    }

    public static func same(_ a: String, _ b: String) -> Bool { same(keys: key(a), key(b)) }

    /// `same` of two names' keys (`key`), for a caller that keeps them.
    static func same(keys ka: String, _ kb: String) -> Bool {
        guard !ka.isEmpty, !kb.isEmpty else { return false }
        // The byte searches first: counting characters costs more, and is rarely needed.
        if ka == kb || ((ka.contains(kb) || kb.contains(ka)) && min(ka.count, kb.count) >= 4) { return true }
        return similarity(keys: ka, kb, reaches: 0.8)
    }

    /// Whether `similarity(keys:)` reaches `threshold`. The common length is at most the shorter
    /// key's, so keys whose lengths alone keep the ratio below are refused without comparing.
    static func similarity(keys a: String, _ b: String, reaches threshold: Double) -> Bool {
        let la = min(a.unicodeScalars.count, compared), lb = min(b.unicodeScalars.count, compared)
        guard la > 0, lb > 0, Double(min(la, lb)) / Double(max(la, lb)) >= threshold else { return false }
        return similarity(keys: a, b) >= threshold
    }
}
