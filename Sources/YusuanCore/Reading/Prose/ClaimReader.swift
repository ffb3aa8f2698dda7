/// Reads every checkable statement of the prose into a `Claim`: the numbers `FactReader` tied to
/// subjects, and the sentences it does not read (决算 against 预算, bases, dates, unit names).
enum ClaimReader {
    static func read(_ d: Disclosure) -> [Claim] {
        let out = d.facts.flatMap(claims(of:)) + ownClaims(d)
        return out.enumerated().sorted { a, b in
            a.element.line != b.element.line ? a.element.line < b.element.line : a.offset < b.offset
        }.map(\.element)
    }

    /// The claims not read from facts: 决算 against 预算, bases, dates, headings, in line order.
    static func ownClaims(_ d: Disclosure) -> [Claim] {
        var out: [Claim] = []
        // The sentences serve a 决算's comparisons with its budget and the dates "截至…": a
        // text with neither is not split again.
        let text = d.sourceLines.text
        let sentences =
            d.documentKind == "决算" || text.contains("截至") || text.contains("截止") ? proseSentences(d) : []
        out += BudgetVsFinalReader.read(sentences, d)
        out += rates(d)
        out += dates(sentences)
        out += HeadingReader.claims(d)
        return out.enumerated().sorted { a, b in
            a.element.line != b.element.line ? a.element.line < b.element.line : a.offset < b.offset
        }.map(\.element)
    }

    /// The prose's sentences, from its first section on. Split again here rather than kept from
    /// parsing: kept, they held another copy of the prose in every model.
    static func proseSentences(_ d: Disclosure) -> [FactReader.Sentence] {
        guard let first = d.sections.first?.lines.first, first >= 1, first <= d.sourceLines.count else { return [] }
        var lines: [TextLine] = []
        lines.reserveCapacity(d.sourceLines.count - first + 1)
        // Each line read from its bytes where they lie (no Substring of the text first); the
        // blank lines and page numbers the splitter drops are not kept.
        d.sourceLines.forEachLineBytes { i, bytes in
            guard i + 1 >= first else { return }
            let line = TextLine(number: i + 1, bytes: bytes)
            if !line.isBlank && !line.isPageNumber { lines.append(line) }
        }
        return FactReader.sentences(lines[...])
    }

    /// One fact gives an amount, a change and a share claim, as it states them.
    static func claims(of f: NarrativeFact) -> [Claim] {
        var out: [Claim] = []
        let amount = f.amount.map { [Claim.Figure("金额", $0)] } ?? []
        if f.amount != nil, f.unit == "万元" {
            out.append(
                Claim(
                    kind: .amount, subject: f.subject, sentence: f.sentence, line: f.line, figures: amount, code: f.code
                ))
        }
        if f.change != nil || f.changePercent != nil {
            let figures =
                amount
                + [f.change.map { Claim.Figure("变动", $0) }, f.changePercent.map { Claim.Figure("变动率", $0) }]
                .compactMap { $0 }
            let words = ["增加", "减少", "增长", "下降", "降低", "持平"].filter(f.sentence.contains)
            out.append(
                Claim(
                    kind: .change, subject: f.subject, sentence: f.sentence, line: f.line, figures: figures,
                    words: words,
                    code: f.code))
        }
        if let share = f.share {
            out.append(
                Claim(
                    kind: .share, subject: f.subject, sentence: f.sentence, line: f.line,
                    figures: amount + [Claim.Figure("占比", share)], words: ["占"], code: f.code))
        }
        return out
    }

    /// "聘用 38 名…按每人每月 750 元…全年补助 7 个月" against the project's 预算安排规模.
    static func rates(_ d: Disclosure) -> [Claim] {
        var out: [Claim] = []
        for p in d.projects {
            guard let line = p.proseLines?.first else { continue }
            for detail in p.details where !detail.label.contains("预算安排规模") {
                guard let basis = Basis(detail.text) else { continue }
                var figures = [
                    Claim.Figure("人数", basis.count), Claim.Figure("标准", basis.rate), Claim.Figure("月数", basis.months)
                ]
                if let scale = p.statedScale { figures.append(Claim.Figure("金额", scale)) }
                out.append(
                    Claim(
                        kind: .rate, subject: p.name, sentence: detail.text, line: line, figures: figures,
                        words: [basis.rateUnit]))
            }
        }
        return out
    }

    /// "截至 2023 年 12 月 31 日", "截至 2021 年底": the year, and the month and day when given.
    static func dates(_ sentences: [FactReader.Sentence]) -> [Claim] {
        var out: [Claim] = []
        for s in sentences {
            // Both markers start with 截: a plain sentence without it has neither (Foundation's
            // search below costs much more than this byte search).
            if !s.text.contains("截"), s.text.isPlainScalars { continue }
            for marker in ["截至", "截止"] {
                var rest = s.text[...]
                while let r = rest.range(of: marker) {
                    rest = rest[r.upperBound...]
                    guard let date = ReportingDate(rest) else { continue }
                    var figures = [Claim.Figure("年", Amount(whole: date.year))]
                    if let m = date.month { figures.append(Claim.Figure("月", Amount(whole: m))) }
                    if let dd = date.day { figures.append(Claim.Figure("日", Amount(whole: dd))) }
                    out.append(
                        Claim(
                            kind: .date, subject: marker, sentence: s.text, line: s.line, figures: figures,
                            words: [marker + date.text]))
                }
            }
        }
        return out
    }
}

extension Amount {
    /// A whole number (a count, a year) as an amount.
    init(whole n: Int) { self.init(hundredths: Int64(n) * 100, decimals: 0) }
}

/// "截至 2023 年 12 月 31 日": the date after the marker, read character by character.
struct ReportingDate {
    var year: Int
    var month: Int?
    var day: Int?
    /// True for "年底"/"年末".
    var yearEnd: Bool
    var text: String

    init?(_ s: Substring) {
        var chars = s.prefix(24).makeIterator()
        var text = ""
        var pending: Character?
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            while let c = chars.next() {
                text.append(c)
                if c != " " && c != "到" { return c }
            }
            return nil
        }
        func number(max: Int) -> Int? {
            var digits = ""
            while let c = next() {
                if c.isASCII, c.isNumber, digits.count < max { digits.append(c); continue }
                pending = c
                break
            }
            return Int(digits)
        }
        guard let y = number(max: 4), y >= 1000, next() == "年" else { return nil }
        year = y
        yearEnd = false
        if let m = number(max: 2) {
            guard next() == "月" else { return nil }
            month = m
            if let dd = number(max: 2), next() == "日" { day = dd }
        } else if let c = next(), c == "底" || c == "末" {
            yearEnd = true
        }
        self.text = String(text.filter { $0 != " " })
    }
}

/// A count × rate × months basis: "38 名 … 每人每月 750 元 … 7 个月".
struct Basis {
    var count: Amount
    var rate: Amount
    var months: Amount
    var rateUnit: String

    /// In 元.
    var product: Double {
        Double(count.hundredths) / 100 * Double(rate.hundredths) / 100 * Double(months.hundredths) / 100
    }

    init?(_ text: String) {
        // The rate is read after 每月: a text without those bytes has none (its spans are copies of
        // its bytes), and most details are not bases.
        guard text.contains("每月") else { return nil }
        let matches = NumberScanner.scan(text)
        let chars = Array(text)
        func before(_ m: NumberScanner.Match) -> String { String(chars[max(0, m.start - 4)..<m.start]) }
        let counts = matches.filter { ($0.unit.hasPrefix("名") || $0.unit.hasPrefix("人")) && $0.amount.decimals == 0 }
        let rates = matches.filter { m in
            (m.unit.hasPrefix("元") || m.unit.hasPrefix("万元")) && before(m).contains("每月")
        }
        let months = matches.filter { $0.unit == "个月" }
        // Only a sentence with one of each is a basis: two rates or two groups are a sum we do not read.
        guard counts.count == 1, rates.count == 1, months.count == 1, let c = counts.first, let r = rates.first,
            let m = months.first, c.amount.hundredths > 0, m.amount.hundredths > 0
        else { return nil }
        count = c.amount
        rate = r.unit.hasPrefix("万") ? Amount(hundredths: r.amount.hundredths * 10_000, decimals: 0) : r.amount
        self.months = m.amount
        rateUnit = "元/人/月"
    }
}
