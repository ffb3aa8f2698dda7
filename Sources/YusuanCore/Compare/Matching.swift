/// Pairs items of two years one to one: exact keys first, then the most similar names.
public enum Matching {
    /// A line's name as compared across years: outline numbers, "其中：", "（小计）" and
    /// punctuation dropped ("其中：公务用车购置" ~ "公务用车购置费").
    public static func nameKey(_ name: String) -> String {
        var s = NarrativeChecks.stripOutline(name)
        for word in ["其中：", "其中:", "其中", "（小计）", "(小计)", "小计"] { s = s.replacingOccurrences(of: word, with: "") }
        return NameMatch.key(s)
    }

    /// Dice coefficient over the longest common subsequence of the two keys: 1 for the same
    /// name, high for one name with a word added or changed, low for other names.
    static func score(_ a: String, _ b: String, floor: Double = 0) -> Double {
        score(keys: nameKey(a), nameKey(b), floor: floor)
    }

    /// The same on keys made once per name (a table pairs every row with every row).
    /// A pair whose lengths alone keep it under `floor` scores 0 without the full comparison.
    static func score(keys ka: String, _ kb: String, floor: Double = 0) -> Double {
        if ka.isEmpty || kb.isEmpty { return 0 }
        if ka == kb { return 1 }
        let la = ka.unicodeScalars.count, lb = kb.unicodeScalars.count
        if Double(2 * min(la, lb)) / Double(la + lb) < floor { return 0 }
        let (common, ca, cb) = NameMatch.commonLength(keys: ka, kb)
        return Double(2 * common) / Double(ca + cb)
    }

    /// One-to-one pairs (old index, new index, score) of the candidates `allowed` lets through,
    /// best score first; ties keep the printed order.
    static func pairs(old: [Int], new: [Int], threshold: Double, allowed: (Int, Int) -> Bool = { _, _ in true },
                      score: (Int, Int) -> Double) -> [(old: Int, new: Int, score: Double)] {
        var candidates: [(old: Int, new: Int, score: Double)] = []
        for o in old {
            for n in new where allowed(o, n) {
                let s = score(o, n)
                if s >= threshold { candidates.append((o, n, s)) }
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.new, $0.old) < ($1.new, $1.old) }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        var out: [(old: Int, new: Int, score: Double)] = []
        for c in candidates where !usedOld.contains(c.old) && !usedNew.contains(c.new) {
            usedOld.insert(c.old)
            usedNew.insert(c.new)
            out.append(c)
        }
        return out
    }

    /// Both years' items in one order: the newer year's, each older-only item placed right after
    /// the item that preceded it in the older year.
    static func merged(oldCount: Int, newCount: Int, pairs: [(old: Int, new: Int)]) -> [(old: Int?, new: Int?)] {
        var newOf = [Int: Int](), oldOf = [Int: Int]()
        for p in pairs { newOf[p.old] = p.new; oldOf[p.new] = p.old }
        var out: [(old: Int?, new: Int?)] = []
        var nextOld = 0
        func flushOld(before limit: Int) {
            while nextOld < limit {
                if newOf[nextOld] == nil { out.append((nextOld, nil)) }
                nextOld += 1
            }
        }
        for n in 0..<newCount {
            if let o = oldOf[n] {
                flushOld(before: o)
                nextOld = max(nextOld, o + 1)
                out.append((o, n))
            } else {
                out.append((nil, n))
            }
        }
        flushOld(before: oldCount)
        return out
    }
}
