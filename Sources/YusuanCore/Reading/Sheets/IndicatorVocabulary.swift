/// Words that name indicator levels and the fixed columns of performance sheets. Sheets are
/// typed by hand from one national template, so these lists cover what appears in practice.
enum IndicatorVocabulary {
    static let level1: [String] = [
        "产出指标", "成本指标", "效益指标", "满意度指标", "产出目标", "效果目标", "成本目标", "满意度目标",
        "履职效能", "运行成本", "管理效率", "社会效益", "经济效益", "生态效益", "可持续发展能力", "服务对象满意度"
    ]
    static let level1Only: Set<String> = [
        "产出指标", "效益指标", "产出目标", "效果目标", "履职效能", "运行成本", "管理效率",
        "可持续发展能力", "服务对象满意度"
    ]
    /// Second-level words that a merged first-level cell leaves alone in column one.
    static let level2Only: Set<String> = [
        "数量指标", "质量指标", "时效指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
        "社会效益指标", "经济效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"
    ]
    static let level2Extra: [String] = ["社会效益", "经济效益", "生态效益", "可持续影响"]
    static let bases: [String] = ["预算支出标准", "计划标准", "行业标准", "历史标准", "其他标准", "政策要求", "上级要求"]
    static let rules: [String] = ["按照完成比例赋分", "按照正常比例赋分", "按完成比例赋分", "按评判等级赋分", "满意度赋分", "直接赋分"]
    static let evidence: [String] = ["原始凭证", "工作资料"]

    static func isLevelWord(_ s: String) -> Bool {
        let c = CJK.compact(s)
        // The words are plain: a plain cell is counted and compared by scalars and bytes.
        let plain = c.isPlainScalars
        guard !c.isEmpty, c.count(plain: plain) <= 10 else { return false }
        return c.hasSuffix("指标", plain: plain) || c.hasSuffix("目标", plain: plain)
            || level1.contains(c, plain: plain) || level2Extra.contains(c, plain: plain)
    }

    /// One of `bases`, spaces aside.
    static func isBasis(_ token: String) -> Bool {
        let c = CJK.compact(token)
        return bases.contains(c, plain: c.isPlainScalars)
    }

    /// A weight (分值权重): a whole number of at most three digits.
    static func isWeight(_ t: String) -> Bool { !t.isEmpty && t.count <= 3 && t.allSatisfy(\.isNumber) }

    /// Comparator or qualitative wording that starts an indicator value.
    static func looksLikeValue(_ token: String) -> Bool {
        guard let f = token.first else { return false }
        if isComparison(f) { return true }
        if token.hasSuffix("%"), token.dropLast().allSatisfy({ $0.isNumber || $0 == "." }) { return true }
        return ["有效", "明显", "持续", "逐步", "稳步", "保障", "提升", "提高", "推动", "达标"].contains { token.hasPrefix($0) }
    }

    /// One of <>=≥≤＜＞: each is one scalar that no other scalar or sequence equals, so the
    /// Character's lone scalar decides (not a walk of the seven Characters).
    static func isComparison(_ c: Character) -> Bool {
        switch c.loneScalar {
        case 0x3C, 0x3E, 0x3D, 0x2265, 0x2264, 0xFF1C, 0xFF1E: return true
        default: return false
        }
    }

    /// Every rule, every rule followed by an evidence, every evidence: what a tail may spell.
    static let tailWords: [String] = {
        var out: [String] = []
        for r in rules { out.append(r); for e in evidence { out.append(r + e) } }
        return out + evidence
    }()

    /// The first- and second-level words a row may start with.
    static let levelWords: [String] = level1 + Array(level2Only)

    static let tailWordsRun = WordRun(tailWords)
    static let levelWordsRun = WordRun(levelWords)

    /// The rule and the evidence that pieces gathered from wrapped columns spell: the evidence
    /// whose characters all occur, the rule with most of its characters (at least three).
    static func tailNames(_ tail: String) -> (rule: String?, evidence: String?) {
        let present = tailCharactersPresent(tail)
        func found(_ word: [Int]) -> Int { word.count { present & (1 << $0) != 0 } }
        let evidenceIndex = evidenceCharacters.firstIndex { found($0) == $0.count }
        let ruleIndex = ruleCharacters.indices.max { a, b in
            found(ruleCharacters[a]) * 10 - ruleCharacters[a].count
                < found(ruleCharacters[b]) * 10 - ruleCharacters[b].count
        }
        let rule = ruleIndex.flatMap { found(ruleCharacters[$0]) >= 3 ? rules[$0] : nil }
        return (rule, evidenceIndex.map { evidence[$0] })
    }

    /// The distinct characters of the rules and evidence, in first-seen order; each word as
    /// indices into them (a bit each in `tailCharactersPresent`).
    static let tailCharacters: [Character] = {
        var out: [Character] = []
        for c in (rules + evidence).joined() where !out.contains(c) { out.append(c) }
        return out
    }()
    static let ruleCharacters: [[Int]] = rules.map { $0.map { tailCharacters.firstIndex(of: $0)! } }
    static let evidenceCharacters: [[Int]] = evidence.map { $0.map { tailCharacters.firstIndex(of: $0)! } }
    /// The vocabulary's characters are single plain scalars (Han ideographs).
    static let tailScalars: [UInt32] = tailCharacters.map { $0.unicodeScalars.first!.value }

    /// One bit for each of `tailCharacters` that occurs in `text`.
    static func tailCharactersPresent(_ text: String) -> UInt64 {
        var present: UInt64 = 0
        if text.isPlainScalars {
            // Each scalar is a Character of its own and compares as one.
            for s in text.unicodeScalars {
                if let i = tailScalars.firstIndex(of: s.value) { present |= 1 << i }
            }
        } else {
            for c in text { if let i = tailCharacters.firstIndex(of: c) { present |= 1 << i } }
        }
        return present
    }
}

/// Plain words asked whether a piece of text lies inside one of them or starts one: asked of
/// every piece of a sheet's wrapped lines, so answered by one byte search in the words written
/// one after another, each after a newline. A piece has no newline (it comes from one line), so
/// a match cannot straddle two words; "\n" + piece is found exactly where a word starts with it.
/// Bytes decide as Characters would only for a plain piece (the words are plain); others are
/// compared word by word.
struct WordRun: Sendable {
    let words: [String]
    let run: String

    init(_ words: [String]) {
        self.words = words
        run = words.reduce("") { $0 + "\n" + $1 }
    }

    /// Whether some word contains `piece`, by bytes (as `String.contains(String)` compares).
    /// No word holds a newline.
    func inside(_ piece: String) -> Bool { !CJK.anyByte(piece, { $0 == 10 }) && run.contains(piece) }

    /// Whether some word starts with `piece` (`hasPrefix`).
    func starts(_ piece: String) -> Bool {
        guard piece.isPlainScalars, !CJK.anyByte(piece, { $0 == 10 }) else {
            return words.contains { $0.hasPrefix(piece) }
        }
        return run.contains("\n" + piece)
    }
}

extension [String] {
    /// `contains(text)`, compared as bytes when `plain` says `text` is plain (the words are
    /// plain literals): then equal bytes are equal Characters.
    func contains(_ text: String, plain: Bool) -> Bool {
        plain ? contains { $0.utf8.elementsEqual(text.utf8) } : contains(text)
    }
}
