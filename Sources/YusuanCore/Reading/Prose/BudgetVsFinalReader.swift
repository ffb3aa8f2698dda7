/// "年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 P%。决算数大于预算数的主要原因：…":
/// the 决算 against its 年初预算, as the national 决算 form words it.
enum BudgetVsFinalReader {
    static let comparisons = ["大于", "小于", "等于", "持平", "高于", "低于"]

    static func read(_ sentences: [FactReader.Sentence], _ d: Disclosure) -> [Claim] {
        guard d.documentKind == "决算" else { return [] }
        let resolver = ClassificationResolver(tables: d.tables)
        var out: [Claim] = []
        var code: (code: String?, context: String)?
        for s in sentences {
            if ClassificationResolver.hasMarkers(s.text) {
                // The item's name opens its paragraph; its amounts follow in later sentences.
                code = (resolver.code(inMarkers: s.text), s.context)
            } else if FactReader.startsItem(s.text) || code?.context != s.context {
                code = nil
            }
            // "其中：因公出国（境）费决算为 X 万元，完成预算的 Q%": the parts after 其中 are claims of their own.
            let pieces = s.text.components(separatedBy: "其中")
            for (i, piece) in pieces.enumerated() {
                guard var claim = self.claim(piece, sentence: s, reason: s.text.contains("原因")) else { continue }
                if claim.subject.isEmpty, i == 0, !claim.figures.isEmpty, let c = code?.code {
                    claim.code = c; claim.subject = c
                }
                // "决算数大于预算数的主要原因：…" with no figures speaks of the claim before it.
                if claim.figures.isEmpty, let k = out.lastIndex(where: { same($0, claim, context: s.context) }) {
                    out[k].words += claim.words
                    if claim.words.contains("原因") || s.text.contains("原因") { out[k].words.append("原因") }
                    continue
                }
                out.append(claim)
            }
        }
        return out.map { c in
            var c = c
            c.words = unique(c.words)
            return c
        }
    }

    /// Whether a figure-less comparison speaks of an earlier claim: the one just before with no
    /// subject of its own, or one of the same subject in the same section.
    static func same(_ earlier: Claim, _ later: Claim, context: String) -> Bool {
        guard earlier.words.allSatisfy({ !comparisons.contains($0) }) else { return false }
        if later.subject.isEmpty { return true }
        let a = CJK.compact(earlier.subject), b = CJK.compact(later.subject)
        if a.contains("三公") && b.contains("三公") { return true }
        return !a.isEmpty && (a.contains(b) || b.contains(a))
    }

    static func claim(_ text: String, sentence s: FactReader.Sentence, reason: Bool) -> Claim? {
        let chars = Array(text)
        var budget: Amount?, final: Amount?, rate: Amount?
        var firstKeyword = chars.count
        for m in NumberScanner.scan(text) {
            let before = String(chars[max(0, m.start - 8)..<m.start])
            let money = m.unit.hasPrefix("万元") || m.unit.hasPrefix("元")
            // The keyword nearest the figure decides: "年初预算为 A", "支出决算为 B".
            let kFinal = lastIndex(of: "决算", in: before) ?? -1
            let kBudget = lastIndex(of: "预算", in: before) ?? -1
            let at = m.start - before.count
            if money, kFinal > kBudget, final == nil {
                final = m.amount
                firstKeyword = min(firstKeyword, at + kFinal)
            } else if money, kBudget >= 0, kBudget > kFinal, budget == nil {
                budget = m.amount
                let lead = before.prefix(kBudget)
                firstKeyword = min(firstKeyword, at + kBudget - (lead.hasSuffix("年初") ? 2 : 0))
            } else if m.unit.hasPrefix("%"), before.contains("完成"), rate == nil {
                rate = m.amount
            }
        }
        var words: [String] = []
        for w in comparisons {
            guard let r = text.range(of: w) else { continue }
            let lead = text[..<r.lowerBound].suffix(8)
            if lead.contains("决算") { words.append(w) }
        }
        let figures = [
            budget.map { Claim.Figure("年初预算", $0) }, final.map { Claim.Figure("决算", $0) },
            rate.map { Claim.Figure("完成率", $0) }
        ].compactMap { $0 }
        guard figures.count + words.count >= (figures.isEmpty ? 1 : 2), text.contains("决算") else { return nil }
        // A word alone needs its subject: "决算数大于预算数" after the figures, or a named total.
        if reason { words.append("原因") }
        // The subject is the clause before the first keyword: "一般公共预算财政拨款支出年初预算为".
        if figures.isEmpty, let r = text.range(of: "决算") {
            firstKeyword = text.distance(from: text.startIndex, to: r.lowerBound)
        }
        var subject = ""
        if firstKeyword > 0, firstKeyword <= chars.count {
            subject = String(
                chars[FactReader.lastBoundary(before: firstKeyword, floor: 0) { chars[$0].isClauseStop }..<firstKeyword]
            )
        }
        subject = trimSubject(subject)
        return Claim(
            kind: .budgetVsFinal, subject: subject, sentence: s.text, line: s.line, figures: figures, words: words)
    }

    static func lastIndex(of word: String, in text: String) -> Int? {
        guard let r = text.range(of: word, options: .backwards) else { return nil }
        return text.distance(from: text.startIndex, to: r.lowerBound)
    }

    static func trimSubject(_ raw: String) -> String {
        var s = FactReader.clean(raw.trimmed())
        for suffix in ["支出", "的"] where s.hasSuffix(suffix) && s.count > suffix.count + 1 { s.removeLast(suffix.count) }
        for prefix in ["：", ":", "度", "，"] where s.hasPrefix(prefix) { s.removeFirst() }
        let digits = s.prefix { $0.isNumber }
        if !digits.isEmpty, s.dropFirst(digits.count).first.map({ "、.．".contains($0) }) == true {
            s.removeFirst(digits.count + 1)
        }
        return s
    }
}

/// Words in first-seen order, each once.
private func unique(_ words: [String]) -> [String] {
    var seen = Set<String>()
    return words.filter { seen.insert($0).inserted }
}

extension ClassificationResolver {
    /// The code a "X（类）Y（款）Z（项）" heading names, without an amount of its own.
    func code(inMarkers text: String) -> String? {
        // `fact` reads the figure after the markers; the heading has none, so lend it one.
        fact(from: FactReader.Sentence(text: text + "0万元", line: 0, context: ""))?.code
    }
}
