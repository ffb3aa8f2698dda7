/// The numbers the prose states, each with what it is about, its stated change and share,
/// and the sentence it came from.
enum FactReader {
    struct Sentence: Hashable, Sendable {
        var text: String
        var line: Int
        var context: String
    }

    static func read(_ lines: ArraySlice<SourceText.Line>, tables: [Table]) -> [NarrativeFact] {
        read(sentences: sentences(lines), tables: tables)
    }

    static func read(sentences: [Sentence], tables: [Table]) -> [NarrativeFact] {
        let classifier = ClassificationResolver(tables: tables)
        var out: [NarrativeFact] = []
        var i = 0
        while i < sentences.count {
            var s = sentences[i]
            i += 1
            let start = i
            // "…（项：09）；2022 年预算数为 303.87 万元": the item and its amount straddle a "；".
            if ClassificationResolver.hasMarkers(s.text),
                !NumberScanner.scan(s.text).contains(where: { $0.unit.hasPrefix("万") }),
                i < sentences.count
            {
                s.text += sentences[i].text
                i += 1
            }
            // "…支出 X 万元。" then "与上年相比增加 A 万元，增长 P%。": the change is X's.
            if i < sentences.count, opensWithComparison(sentences[i].text), !statesChange(s.text) {
                s.text += sentences[i].text
                i += 1
            }
            // "…下降 5.84%。主要原因是：…", "…。主要是由以下因素…", "…。此项数据变动较大的原因是…": the
            // reason belongs to the change before it. So does a sentence of the same paragraph with
            // no figure of its own after a change ("…减少 238.10 万元。退休人员退休费由社保发放。").
            var explained = false
            while i < sentences.count {
                let next = sentences[i]
                let because = givesReason(next.text)
                let why =
                    !because && next.line == s.line && statesChange(s.text)
                    && !CJK.anyByte(next.text, { $0 >= 48 && $0 <= 57 })
                guard because || why else { break }
                explained = explained || why
                s.text += next.text
                i += 1
            }
            // Sentences joined here are kept by the facts: in storage of their own size.
            if i > start { s.text = s.text.copiedToSize }
            if ClassificationResolver.hasMarkers(s.text), var fact = classifier.fact(from: s) {
                fact.reasonGiven = fact.reasonGiven || explained
                out.append(fact); continue
            }
            out.append(contentsOf: facts(in: s, resolver: classifier, explained: explained))
        }
        markRestatedChanges(&out)
        return out
    }

    /// A change explained once and restated elsewhere ("收、支总计各增加 844.15 万元。主要原因是…",
    /// then "财政拨款支出增加 844.15 万元") is explained: the same signed figure with a reason.
    static func markRestatedChanges(_ facts: inout [NarrativeFact]) {
        let explained = Set(facts.filter(\.reasonGiven).compactMap { $0.change?.hundredths }.filter { $0 != 0 })
        guard !explained.isEmpty else { return }
        for k in facts.indices where !facts[k].reasonGiven {
            if let c = facts[k].change?.hundredths, explained.contains(c) { facts[k].reasonGiven = true }
        }
    }

    static let changeWords = ["增加", "减少", "增长", "下降", "降低"]

    static func statesChange(_ text: String) -> Bool { changeWords.contains(where: text.contains) }

    /// "与上年相比…", "比上年…", "较上年…", "同比…": a sentence that compares what the one before it states.
    static func opensWithComparison(_ text: String) -> Bool {
        // Only the opening is compared: its first four scalars decide (`hasPlainOpening`).
        let plain = text.hasPlainOpening(4)
        return ["比上年", "较上年", "同比"].contains { text.hasPrefix($0, plain: plain) } || comparedWith(text) != nil
    }

    /// The "…相比" of "与上年相比", "与上年度相比", "同上年相比" opening `text`, if it opens so.
    static func comparedWith(_ text: String) -> Range<String.Index>? {
        guard let first = text.first, first == "与" || first == "同" || first == "和",
            let r = text.range(of: "相比"), text.distance(from: text.startIndex, to: r.lowerBound) <= 8
        else { return nil }
        return r
    }

    /// The subject left after "与上年相比" (`comparedWith`) opening it, and a "，" after.
    static func withoutComparison(_ text: String) -> String {
        guard let r = comparedWith(text) else { return text }
        var rest = text[r.upperBound...]
        while let c = rest.first, c == "，" || c == "," { rest = rest.dropFirst() }
        return String(rest)
    }

    /// A sentence that opens with the reason for what the one before it says.
    static func givesReason(_ text: String) -> Bool {
        // Only the first 12 Characters are read: the first 13 scalars decide (`hasPlainOpening`).
        let plain = text.hasPlainOpening(13)
        return text.hasPrefix("主要原因", plain: plain) || text.hasPrefix("原因", plain: plain)
            || text.hasPrefix("主要是", plain: plain)
            || opensWithReason(text.prefix(12), plain: plain)
    }

    /// "…原因是" without a "，" before it in a sentence's opening. A plain opening is searched as a
    /// String, by bytes (Foundation searches a Substring, at far more cost).
    static func opensWithReason(_ opening: Substring, plain: Bool) -> Bool {
        guard plain else { return opening.contains("原因是") && !opening.contains("，") }
        let head = String(opening)
        return head.contains("原因是") && !head.contains("，")
    }

    /// "预算安排规模：5 万元": a short label and a colon start a new sentence.
    static func startsLabel(_ text: String) -> Bool {
        // A label is at most 10 characters, so only a colon among the first 11 can end one.
        // Where the first 12 scalars are plain (nearly always), each of the first 11 is a
        // Character of its own: the colon is looked for there, and the rest is not read.
        var count = 0
        var colon = -1
        for s in text.unicodeScalars {
            guard count < 12 else { break }
            let v = s.value
            guard String.isPlainScalar(v) else { return startsLabelByCharacter(text) }
            if colon < 0, count < 11, v == 0xFF1A || v == 0x3A { colon = count }
            count += 1
        }
        guard colon >= 2 else { return false }
        // The label's scalars are its Characters: none a number (a lone scalar's numeric type,
        // as `Character.isNumber` asks), nor "，", nor the start of "原因".
        var previous: UInt32 = 0
        for s in text.unicodeScalars.prefix(colon) {
            let v = s.value
            if v == 0xFF0C || previous == 0x539F && v == 0x56E0 { return false }
            if v < 0x80 ? (48...57).contains(v) : s.properties.numericType != nil { return false }
            previous = v
        }
        return true
    }

    /// `startsLabel` for a text whose opening is not plain.
    static func startsLabelByCharacter(_ text: String) -> Bool {
        guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return false }
        let label = text[..<colon]
        let length = label.count
        return length >= 2 && length <= 10 && !label.contains(where: { $0.isNumber || $0 == "，" })
            && !label.contains("原因")
    }

    /// "1. …", "2、…" start a new item sentence.
    static func startsItem(_ text: String) -> Bool {
        // On the bytes where the scalars after the digits are plain: each digit, and the mark
        // after them, is then a Character of its own.
        let fast: Bool?? = text.utf8.withContiguousStorageIfAvailable { b in
            var n = 0
            while n < b.count, b[n] >= 48, b[n] <= 57 { n += 1 }
            guard n > 0 else { return false }
            // Two ASCII digits are two Characters: a third digit byte leaves none a mark.
            guard n <= 2 else { return false }
            guard n < b.count else { return false }
            let mark = CJK.scalar(b, at: n)
            let width = b[n] < 0x80 ? 1 : b[n] < 0xE0 ? 2 : b[n] < 0xF0 ? 3 : 4
            guard String.isPlainScalar(mark),
                n + width == b.count || String.isPlainScalar(CJK.scalar(b, at: n + width))
            else { return nil }
            return mark == 0x2E || mark == 0x3001 || mark == 0xFF0E
        }
        if let answer = fast ?? nil { return answer }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2 else { return false }
        let next = text.dropFirst(digits.count).first
        return next == "." || next == "、" || next == "．"
    }

    /// `explained`: the sentences after this one give the reason for its change.
    static func facts(in s: Sentence, resolver: ClassificationResolver, explained: Bool = false) -> [NarrativeFact] {
        // Without an ASCII digit there is no number, and no fact.
        guard CJK.anyByte(s.text, { $0 >= 48 && $0 <= 57 }) else { return [] }
        let alone = CJK.scalarsAreCharacters(s.text)
        let (chars, offsets) = characterScalars(s.text, scalarsAreCharacters: alone)
        let utf8 = s.text.utf8
        func text(_ from: Int, _ to: Int) -> String {
            String(
                s.text[
                    utf8.index(
                        utf8.startIndex, offsetBy: offsets[from])..<utf8.index(utf8.startIndex, offsetBy: offsets[to])])
        }
        let matches = NumberScanner.scan(s.text, scalarsAreCharacters: alone)
        var out: [NarrativeFact] = []
        var previousEnd = 0
        let reason =
            explained || s.text.contains("主要原因") || s.text.contains("原因是") || s.text.contains("原因为")
            || s.text.contains("主要是")
        for m in matches {
            let before = text(max(0, m.start - 6), m.start)
            // The unit is at most two characters, nearly always plain: compared by bytes then.
            let unitPlain = m.unit.isPlainScalars
            func unitStarts(_ word: String) -> Bool { m.unit.hasPrefix(word, plain: unitPlain) }
            let isMoney = unitStarts("万元") || unitStarts("元")
            let isPercent = unitStarts("%")
            if chars.indices.contains(m.start - 1), isOpening(chars[m.start - 1]) {
                previousEnd = m.end; continue
            }
            if unitStarts("年") || unitStarts("月") || unitStarts("号") { previousEnd = m.end; continue }
            let lead = text(min(previousEnd, m.start), m.start)
            let changeWord = changeWords.first(where: before.contains)
            // "占 94.56%", "占“三公”经费的 13.75%": the share of the amount before it.
            if !out.isEmpty, isPercent, before.contains("占") || lastClause(lead).contains("占") {
                let clause = lastClause(lead)
                out[out.count - 1].share = m.amount
                out[out.count - 1].shareOf = clause.range(of: "占", options: .backwards).map {
                    String(clause[$0.upperBound...])
                }
                previousEnd = m.end; continue
            }
            if let word = changeWord, isPercent || isMoney {
                let negative = word == "减少" || word == "下降" || word == "降低"
                let signed = negative ? Amount(hundredths: -m.amount.hundredths, decimals: m.amount.decimals) : m.amount
                // "因公出国（境）费增加 0 万元": a change stated for a new subject.
                var own = clean(withoutComparison(stripChangeWords(lastClause(lead))))
                // "收、支预算总计各增加": the subject is both sides, not "各".
                if own.hasSuffix("各") { own.removeLast() }
                if isMoney, own.count >= 2 {
                    out.append(
                        NarrativeFact(
                            topic: topic(subject: own, sentence: s.text, context: s.context, unit: "万元"),
                            subject: own, amount: nil, unit: "万元", change: signed, reasonGiven: reason,
                            sentence: s.text, context: s.context, line: s.line))
                    previousEnd = m.end
                    continue
                }
                if !out.isEmpty {
                    if isPercent {
                        out[out.count - 1].changePercent = signed
                    } else {
                        out[out.count - 1].change = signed
                    }
                    previousEnd = m.end
                    continue
                }
            }
            let subjectStart = lastBoundary(before: m.start, floor: previousEnd) { isStop(chars, $0) }
            var subject = clean(text(subjectStart, m.start).trimmed())
            // "预算安排规模：5 万元": the label before the colon.
            // Only the lone scalars U+FF1A and ":" equal these Characters.
            if subject.isEmpty, m.start > 0, chars[m.start - 1] == 0xFF1A || chars[m.start - 1] == 0x3A {
                let labelStart = lastBoundary(before: m.start - 1, floor: 0) { Character.isClauseStop(chars[$0]) }
                subject = clean(text(labelStart, m.start - 1))
            }
            previousEnd = m.end
            guard isMoney || ["个", "人", "辆", "台", "平方", "万人"].contains(where: unitStarts) else { continue }
            let unit =
                isMoney
                ? (unitStarts("万") ? "万元" : "元")
                : (unitStarts("平方") ? "平方米" : (unitStarts("万人") ? "万人" : String(m.unit.prefix(1))))
            var fact = NarrativeFact(
                topic: topic(subject: subject, sentence: s.text, context: s.context, unit: unit),
                subject: subject, amount: m.amount, unit: unit, reasonGiven: reason,
                sentence: s.text, context: s.context, line: s.line)
            if fact.topic == .other || fact.topic == .classification, let code = resolver.code(forName: subject) {
                fact.topic = .classification
                fact.code = code
            }
            out.append(fact)
        }
        return out
    }

    /// A text's Characters as `facts` asks about them: each one's lone scalar (`loneScalar`;
    /// `UInt32.max` for a Character of several scalars), and where each starts in the UTF-8 (a
    /// span of characters is then copied from the text, not rebuilt). Where every scalar is a
    /// Character of its own (`scalarsAreCharacters`, asked of `CJK` as `NumberScanner` asks), read
    /// from the scalars without breaking graphemes.
    static func characterScalars(_ text: String, scalarsAreCharacters: Bool) -> (scalars: [UInt32], offsets: [Int]) {
        if scalarsAreCharacters, let read = text.utf8.withContiguousStorageIfAvailable(scalarsAndOffsets) {
            return read
        }
        var scalars: [UInt32] = []
        var offsets = [0]
        if scalarsAreCharacters {
            for u in text.unicodeScalars {
                scalars.append(u.value)
                offsets.append(offsets[offsets.count - 1] + UTF8.width(u))
            }
        } else {
            for c in text {
                scalars.append(c.loneScalar ?? .max)
                offsets.append(offsets[offsets.count - 1] + c.utf8.count)
            }
        }
        return (scalars, offsets)
    }

    /// `characterScalars` of valid UTF-8 whose scalars are its Characters: decoded in one pass into
    /// storage reserved once.
    static func scalarsAndOffsets(_ b: UnsafeBufferPointer<UInt8>) -> (scalars: [UInt32], offsets: [Int]) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(b.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(b.count + 1)
        offsets.append(0)
        var i = 0
        while i < b.count {
            let b0 = b[i]
            scalars.append(b0 < 0x80 ? UInt32(b0) : CJK.scalar(b, at: i))
            i += b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            offsets.append(i)
        }
        return (scalars, offsets)
    }

    /// One of 〔【[(（ (a Character's lone scalar; no other scalar or sequence equals any of them).
    static func isOpening(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3014, 0x3010, 0x5B, 0x28, 0xFF08: return true
        default: return false
        }
    }

    static func stripChangeWords(_ text: String) -> String {
        var s = text
        // In a plain text (and removing words keeps it plain) the words are found by bytes, as
        // `replacing` finds them by Characters.
        let plain = text.isPlainScalars
        for w in ["比上年预算数", "比上年预算", "比上年", "较上年", "增加", "减少", "增长", "下降", "降低"] where s.contains(w) {
            s = plain ? removingAll(w, from: s) : s.replacing(w, with: "")
        }
        return s
    }

    /// `text` without any occurrence of `word`, searched by bytes from the left.
    static func removingAll(_ word: String, from text: String) -> String {
        var out = ""
        var rest = text
        while let r = rest.range(of: word) {
            out += rest[..<r.lowerBound]
            rest = String(rest[r.upperBound...])
        }
        return out + rest
    }

    /// A clause stop, except the "、" of "收、支" (one subject: both sides of a budget).
    static func isStop(_ chars: [UInt32], _ k: Int) -> Bool {
        guard Character.isClauseStop(chars[k]) else { return false }
        return !(chars[k] == 0x3001 && k > 0 && k + 1 < chars.count && chars[k - 1] == 0x6536 && chars[k + 1] == 0x652F)
    }

    /// The last clause of `text`, by `isStop`.
    static func lastClause(_ text: String) -> String {
        guard CJK.scalarsAreCharacters(text) else {
            return String(text.split(whereSeparator: \.isClauseStop).last ?? "")
        }
        let chars = text.unicodeScalars.map(\.value)
        var end = chars.count
        while end > 0, Character.isClauseStop(chars[end - 1]) { end -= 1 }
        let start = lastBoundary(before: end, floor: 0) { isStop(chars, $0) }
        let scalars = text.unicodeScalars
        return String(
            scalars[
                scalars.index(scalars.startIndex, offsetBy: start)..<scalars.index(scalars.startIndex, offsetBy: end)])
    }

    /// Where the clause holding character `index` starts: after the last character before it
    /// (down to `floor`) that `isStop`.
    static func lastBoundary(before index: Int, floor: Int, isStop: (Int) -> Bool) -> Int {
        // A subject is a clause, never hundreds of characters: looking further back only costs
        // time on a long unbroken line.
        let floor = max(floor, index - 200)
        var i = index - 1
        while i >= floor {
            if isStop(i) { return i + 1 }
            i -= 1
        }
        return max(floor, 0)
    }

    static func clean(_ raw: String) -> String {
        // "财政拨款收、支总预算" is the 收支总预算 the topics name.
        var s = raw.contains("收、支") ? raw.replacing("收、支", with: "收支") : raw
        // "2.公务用车…", "（2）政府性基金…": the item's number was read as a number before the
        // subject; what it leaves ("．", "）") is no part of the name.
        // Each of ．.、）) is one scalar that no other scalar or sequence equals: a first scalar
        // that is none of them starts no Character that is.
        while let f = s.unicodeScalars.first, isItemRest(f.value), let c = s.first, c.loneScalar == f.value {
            s.removeFirst()
        }
        // Removing words keeps a plain text plain: checked once.
        let plain = s.isPlainScalars
        for prefix in ["其中", "主要包括", "包括", "主要用于", "用于", "合计", "共计", "为"] where s.hasPrefix(prefix, plain: plain) {
            s.removeFirst(prefix.count)
        }
        for suffix in ["预算数为", "经费数为", "数为", "为", "预算金额", "金额", "达"]
        where s.hasSuffix(suffix, plain: plain) && s.count(plain: plain) > suffix.count {
            s.removeLast(suffix.count)
        }
        // "2022 年，" opening a clause is a date, not part of the subject.
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 4, s.dropFirst(4).first == "年" {
            s.removeFirst(5)
            if let f = s.first, f == "，" || f == "," { s.removeFirst() }
        }
        for prefix in ["年度", "年，", "年"]
        where s.hasPrefix(prefix, plain: plain) && s.count(plain: plain) > prefix.count + 1 {
            s.removeFirst(prefix.count); break
        }
        return s.trimmed()
    }

    /// One of ．.、）) as a scalar.
    static func isItemRest(_ v: UInt32) -> Bool {
        switch v {
        case 0xFF0E, 0x2E, 0x3001, 0xFF09, 0x29: return true
        default: return false
        }
    }

    /// 绩效 other than 绩效工资 (a wage item of 人员经费, not a performance target).
    static func mentionsPerformance(_ text: String) -> Bool {
        guard text.contains("绩效") else { return false }
        return !text.contains("绩效工资") || text.replacing("绩效工资", with: "").contains("绩效")
    }

    static func topic(subject: String, sentence: String, context: String, unit: String) -> NarrativeFact.Topic {
        // Joined only if asked (a word may straddle the two).
        lazy var all = context + sentence
        let plain = subject.isPlainScalars
        if mentionsPerformance(context) || sentence.contains("预算绩效") { return .performance }
        if context.contains("国有资产") { return .assets }
        if context.contains("政府采购") || sentence.contains("政府采购") { return .procurement }
        if all.contains("机关运行经费") || context.contains("运行经费") { return .operatingCost }
        if all.contains("三公") { return .threePublic }
        // A 决算's 年初预算 is no income nor any printed total: ClaimBudgetVsFinal reads it.
        if subject.contains("年初预算") { return .other }
        if subject.contains("财政拨款收支总预算") || subject.hasSuffix("财政拨款收支预算", plain: plain)
            || subject.hasSuffix("财政拨款收入支出总计", plain: plain)
        {
            return .fiscalTotal
        }
        // The 决算 form's words for the same totals.
        if subject.hasSuffix("收入支出总计", plain: plain) { return .totalBudget }
        if NameMatch.key(subject) == "一般公共预算财政拨款支出" { return .gpbTotal }
        // "财政拨款基本支出预算 17123.19 万元" speaks of the basic expense, not the whole budget.
        // "一般公共预算收入预算 10,070.48", "政府性基金收入预算 0": one source of income.
        let sources = ["一般公共预算", "政府性基金", "财政专户", "其他资金", "结转", "事业收入", "国有资本"]
        if subject.hasSuffix("收入预算", plain: plain), sources.contains(where: subject.contains), !subject.contains("总") {
            return .income
        }
        if subject.hasSuffix("基本支出预算", plain: plain) { return .expenseBasic }
        // "一般公共预算财政拨款支出预算 10,070.48": the 一般公共预算 table's total.
        if subject.contains("一般公共预算"), subject.hasSuffix("支出预算", plain: plain) { return .gpbTotal }
        if subject.hasSuffix("项目支出预算", plain: plain) { return .expenseProject }
        if subject.contains("收支总预算") || subject.hasSuffix("收入预算", plain: plain)
            || subject.hasSuffix("支出预算", plain: plain)
        {
            return .totalBudget
        }
        if subject.contains("一般公共预算拨款合计") || subject.contains("一般公共预算当年拨款") { return .gpbTotal }
        if subject.hasSuffix("基本支出", plain: plain) { return .expenseBasic }
        if subject.hasSuffix("项目支出", plain: plain) { return .expenseProject }
        if subject.hasPrefix("人员经费", plain: plain) { return .personnel }
        if subject.hasPrefix("公用经费", plain: plain) { return .publicUse }
        // "结转下年资金" is spent, not received: a line of 收支总体's expense side.
        if subject.contains("结转下年") { return .other }
        if context.contains("收入预算")
            || ["一般公共预算", "上级专项", "结余", "结转", "转移支付", "单位资金", "事业收入"].contains(where: subject.contains)
        {
            return .income
        }
        if context.contains("项目支出情况") { return .project }
        return .other
    }
}
