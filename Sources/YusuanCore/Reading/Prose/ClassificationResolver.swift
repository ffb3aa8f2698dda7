/// Ties a sentence about "X（类）Y（款）Z（项）" to its code, from its digits or the tables' names.
struct ClassificationResolver {
    /// `length`: the code's character count, kept as it is asked of every row in `resolve`.
    var rows: [(code: String, name: String, key: String, length: Int)] = []
    var codesByKey: [String: Set<String>] = [:]

    init(tables: [Table]) {
        var seen = Set<String>()
        for t in tables where t.kind.isFunctional || t.kind.isTwoSided {
            for r in t.rows {
                guard let c = r.code, [3, 5, 7].contains(c.count), c.hasPrefix("2") else { continue }
                let key = c + "|" + r.name
                if seen.insert(key).inserted {
                    let k = NameMatch.key(r.name)
                    rows.append((c, r.name, k, c.count))
                    codesByKey[k, default: []].insert(c)
                }
            }
        }
    }

    func code(forName name: String) -> String? {
        var key = NameMatch.key(name)
        // "人力资源和社会保障管理事务支出", "行政事业单位养老支出支出": the prose adds 支出.
        while key.count >= 2 {
            if let hits = codesByKey[key] { return hits.count == 1 ? hits.first : nil }
            guard key.hasSuffix("支出") else { return nil }
            key.removeLast(2)
        }
        return nil
    }

    /// "社会保障和就业支出（类：208）…（款：01）…（项：09）；2022 年预算数为 303.87 万元…"
    func fact(from s: FactReader.Sentence) -> NarrativeFact? {
        let text = s.text
        let scalars = Array(text.unicodeScalars)
        guard let classStart = Self.classPart(scalars) else { return nil }
        // Where each scalar starts in the UTF-8: a span of scalars is copied from the text.
        var starts = [0]
        starts.reserveCapacity(scalars.count + 1)
        for u in scalars { starts.append(starts[starts.count - 1] + UTF8.width(u)) }
        // Scalar offsets as indices of the text.
        func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: starts[offset]) }
        func isPlain(_ u: Unicode.Scalar) -> Bool { String.isPlainScalar(u.value) }
        // The Characters between two scalar offsets: the scalars where all are plain.
        func characters(_ from: Int, _ to: Int) -> Int {
            scalars[from..<to].allSatisfy(isPlain) ? to - from : text[index(from)..<index(to)].count
        }
        func part(_ marker: Unicode.Scalar, from: Int) -> (String, String, Int)? {
            guard let r = Self.part(marker, in: scalars, from: from) else { return nil }
            // A plain mark's scalars are its Characters: its one bracket and digits are found on them.
            let piece = scalars[r]
            if piece.allSatisfy(isPlain), let open = piece.lastIndex(where: { $0 == "（" || $0 == "(" }) {
                let name = String(text[index(r.lowerBound)..<index(open)])
                let digits = String(
                    String.UnicodeScalarView(piece[open...].filter { $0.value >= 48 && $0.value <= 57 }))
                return (CJK.compact(name), digits, r.upperBound)
            }
            let m = String(text[index(r.lowerBound)..<index(r.upperBound)])
            guard let open = m.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
            let name = String(m[..<open])
            let digits = m[open...].filter { $0.isASCII && $0.isNumber }
            return (CJK.compact(name), String(digits), r.upperBound)
        }
        guard let (className, classDigits, afterClass) = part("类", from: classStart) else { return nil }
        var names = [Self.droppingNumbering(className)]
        var digits = [classDigits]
        var cursor = afterClass
        var misnamedKuan: String?
        // `resolve(names)` once asked, while `names` stay as they were asked of.
        var resolved: String??
        if let (n, d, e) = part("款", from: cursor), characters(cursor, e) < 40 {
            names.append(n); digits.append(d); cursor = e
            if let (n3, d3, e3) = part("项", from: cursor), characters(cursor, e3) < 40 {
                names.append(n3); digits.append(d3); cursor = e3
            }
        } else if let (n3, _, e3) = part("项", from: cursor), characters(cursor, e3) < 40 {
            let code = resolve(names)
            resolved = .some(code)
            if code == nil {
                // "行政事业单位离退休（类）未归口管理的行政单位离退休支出（项）": a 款 marked as a 类.
                misnamedKuan = item(n3, ofKuan: names[0])
                if misnamedKuan != nil { names.append(n3); cursor = e3 }
            }
        }
        let rest = String(text[index(cursor)...])
        let alone = CJK.scalarsAreCharacters(rest)
        let numbers = NumberScanner.scan(rest, scalarsAreCharacters: alone)
        guard let first = numbers.first(where: { $0.unit.hasPrefix("万") }) else { return nil }
        var code: String?
        if let c = misnamedKuan {
            code = c
        } else if digits.allSatisfy({ !$0.isEmpty }) {
            code = digits.joined()
        } else {
            // Asked already only of these very names: a misnamed 款 would have answered above.
            code = resolved ?? resolve(names)
        }
        var fact = NarrativeFact(
            topic: .classification, subject: names.last ?? "", code: code, amount: first.amount,
            unit: "万元", reasonGiven: rest.contains("原因"), sentence: text, context: s.context, line: s.line)
        // The six characters before a number, copied by their UTF-8 offsets.
        let offsets = FactReader.characterScalars(rest, scalarsAreCharacters: alone).offsets
        let utf8 = rest.utf8
        for m in numbers where m.start > first.start {
            let from = utf8.index(utf8.startIndex, offsetBy: offsets[max(0, m.start - 6)])
            let before = String(rest[from..<utf8.index(utf8.startIndex, offsetBy: offsets[m.start])])
            let negative = before.contains("减少") || before.contains("下降")
            if m.unit.hasPrefix("%"), before.contains("占") { fact.share = m.amount; continue }
            if m.unit.hasPrefix("%"), fact.changePercent == nil,
                ["增长", "下降", "减少", "增加"].contains(where: before.contains)
            {
                fact.changePercent =
                    negative ? Amount(hundredths: -m.amount.hundredths, decimals: m.amount.decimals) : m.amount
            } else if m.unit.hasPrefix("万"), fact.change == nil, ["增加", "减少"].contains(where: before.contains) {
                fact.change =
                    negative ? Amount(hundredths: -m.amount.hundredths, decimals: m.amount.decimals) : m.amount
            }
        }
        return fact
    }

    /// The one 项 named `name` under a 款 named `kuan`, with or without a 支出 the other adds.
    func item(_ name: String, ofKuan kuan: String) -> String? {
        let kuanKey = NameMatch.key(kuan), key = NameMatch.key(name)
        let parents = Set(rows.filter { $0.length == 5 && $0.key == kuanKey }.map(\.code))
        let hits = Set(
            rows.filter { row in
                row.length == 7 && parents.contains(String(row.code.prefix(5)))
                    && (row.key == key || row.key == key + "支出" || key == row.key + "支出")
            }.map(\.code))
        return hits.count == 1 ? hits.first : nil
    }

    /// The code whose 类 (and 款, 项) names match, level by level.
    func resolve(_ names: [String]) -> String? {
        // Each name's key made once, not once for every row it is compared with.
        let keys = names.map(NameMatch.key)
        var candidates = rows.filter { $0.length == 3 && NameMatch.same(keys: $0.key, keys[0]) }.map(\.code)
        for level in 1..<names.count {
            let length = 3 + 2 * level
            let next = rows.filter { row in
                row.length == length && candidates.contains(String(row.code.prefix(length - 2)))
                    && (row.key == keys[level] || NameMatch.similarity(keys: row.key, keys[level], reaches: 0.75))
            }.map(\.code)
            candidates = Array(Set(next))
            if candidates.isEmpty { return nil }
        }
        let unique = Set(candidates)
        return unique.count == 1 ? unique.first : nil
    }
}

/// The "（类：208）", "(款)", "（项：09）" marks of a sentence about a functional class, matched by
/// hand on Unicode scalars, as the regular expressions they replace read them (compiling those
/// cost more than all their matching). `\d` there is any decimal digit (Unicode Nd).
extension ClassificationResolver {
    /// Whether the text holds a mark `[（(]类[：:\d]*[）)]`. The closing brackets are neither colon
    /// nor digit, so the colons and digits are taken greedily without backtracking.
    static func hasMarkers(_ text: String) -> Bool {
        guard text.contains("（类") || text.contains("(类") else { return false }
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let open = scalars[i]
            i = scalars.index(after: i)
            guard open == "（" || open == "(", i < scalars.endIndex, scalars[i] == "类" else { continue }
            var j = scalars.index(after: i)
            while j < scalars.endIndex, scalars[j] == "：" || scalars[j] == ":" || isDecimal(scalars[j]) {
                j = scalars.index(after: j)
            }
            if j < scalars.endIndex, scalars[j] == "）" || scalars[j] == ")" { return true }
        }
        return false
    }

    /// Where `([^（(，。；：:、]{1,80})[（(]类[：:]?(\d{0,8})[）)]` first matches: its start.
    static func classPart(_ s: [Unicode.Scalar]) -> Int? {
        firstMarked(s, from: 0, marker: "类", shortest: 1) {
            switch $0.value {
            case 0xFF08, 0x28, 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x3A, 0x3001: return true
            default: return false
            }
        }?.lowerBound
    }

    /// Where `([^（(，。；]{0,80}?)[（(]` + marker + `[：:]?(\d{0,8})[）)]` first matches from `from` on.
    static func part(_ marker: Unicode.Scalar, in s: [Unicode.Scalar], from: Int) -> Range<Int>? {
        firstMarked(s, from: from, marker: marker, shortest: 0) {
            switch $0.value {
            case 0xFF08, 0x28, 0xFF0C, 0x3002, 0xFF1B: return true
            default: return false
            }
        }
    }

    /// The first run of at least `shortest` and at most 80 scalars that are no `stop`, followed by
    /// a mark (`markEnd`). A mark opens with a bracket, which is a stop, so a run can only end at
    /// the first stop after its start: the leftmost match is at the first stop that opens a mark
    /// after a long enough run, and starts just after the stop before it (or 80 before the mark).
    /// Which run length the expression prefers (greedy or lazy) does not move the mark.
    static func firstMarked(
        _ s: [Unicode.Scalar], from: Int, marker: Unicode.Scalar, shortest: Int, stop: (Unicode.Scalar) -> Bool
    ) -> Range<Int>? {
        var runStart = from
        var i = from
        while i < s.count {
            if stop(s[i]) {
                if i - runStart >= shortest, let end = markEnd(s, at: i, marker: marker) {
                    return max(runStart, i - 80)..<end
                }
                runStart = i + 1
            }
            i += 1
        }
        return nil
    }

    /// `[（(]` marker `[：:]?(\d{0,8})[）)]` at `at`: the offset after it, else nil. A colon, the
    /// digits and the closing bracket exclude one another, so no backtracking can find another.
    static func markEnd(_ s: [Unicode.Scalar], at: Int, marker: Unicode.Scalar) -> Int? {
        guard s[at] == "（" || s[at] == "(", at + 1 < s.count, s[at + 1] == marker else { return nil }
        var j = at + 2
        if j < s.count, s[j] == "：" || s[j] == ":" { j += 1 }
        var digits = 0
        while j < s.count, digits <= 8, isDecimal(s[j]) {
            j += 1
            digits += 1
        }
        guard digits <= 8, j < s.count, s[j] == "）" || s[j] == ")" else { return nil }
        return j + 1
    }

    /// `name` without a leading "1." "2、" "3．" (`^\d+[.、．]`).
    static func droppingNumbering(_ name: String) -> String {
        let scalars = name.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex, isDecimal(scalars[i]) { i = scalars.index(after: i) }
        guard i > scalars.startIndex, i < scalars.endIndex, ".、．".unicodeScalars.contains(scalars[i]) else {
            return name
        }
        return String(scalars[scalars.index(after: i)...])
    }

    /// `\d`: ASCII answered at once, others by their general category. Checked against the
    /// regex over every scalar: they differ only on U+11DE0…U+11DE9, digits newer than the
    /// regex library's Unicode tables.
    static func isDecimal(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 48 && s.value <= 57 }
        return s.properties.generalCategory == .decimalNumber && !(0x11DE0...0x11DE9).contains(s.value)
    }
}
