/// Pairs items of two years one to one: exact keys first, then the most similar names.
public enum Matching {
    /// A line's name as compared across years: outline numbers, "其中：", "（小计）" and
    /// punctuation dropped ("其中：公务用车购置" ~ "公务用车购置费").
    public static func nameKey(_ name: String) -> String {
        var s = ClaimAmounts.stripOutline(name)
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

    /// How many candidates each item keeps for the name pass. The full list grows with the
    /// square of the rows (two 10,000-row tables: 3.3 GB); the samples never come near this.
    static let keep = 16

    /// One-to-one pairs (old index, new index, score) of the candidates `allowed` lets through,
    /// best score first; ties keep the printed order. `key`, when given, names the pairs that
    /// score highest of all (the same name): equal non-nil keys pair first, in printed order,
    /// as the full ranking would pair them, without scoring every item against every other.
    /// The rest rank by `score`, each item keeping only its `keep` best candidates.
    static func pairs(
        old: [Int], new: [Int], threshold: Double, allowed: (Int, Int) -> Bool = { _, _ in true },
        key: (old: (Int) -> String?, new: (Int) -> String?)? = nil,
        score: (Int, Int) -> Double
    ) -> [(old: Int, new: Int, score: Double)] {
        var out: [(old: Int, new: Int, score: Double)] = []
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        if let key {
            // Old items by key, in printed order; `head` skips those already paired.
            var waiting: [String: (olds: [Int], head: Int)] = [:]
            for o in old.sorted() { if let k = key.old(o) { waiting[k, default: ([], 0)].olds.append(o) } }
            for n in new.sorted() {
                guard let k = key.new(n), let w = waiting[k],
                    let at = w.olds[w.head...].firstIndex(where: { allowed($0, n) })
                else { continue }
                let o = w.olds[at], s = score(o, n)
                guard s >= threshold else { continue }
                out.append((o, n, s))
                usedOld.insert(o)
                usedNew.insert(n)
                if at == w.head { waiting[k]!.head += 1 } else { waiting[k]!.olds.remove(at: at) }
            }
        }
        let restOld = old.filter { !usedOld.contains($0) }, restNew = new.filter { !usedNew.contains($0) }
        var byOld = [Best](repeating: Best(), count: restOld.count),
            byNew = [Best](repeating: Best(), count: restNew.count)
        for (i, o) in restOld.enumerated() {
            for (j, n) in restNew.enumerated() where allowed(o, n) {
                let s = score(o, n)
                guard s >= threshold else { continue }
                byOld[i].offer((o, n, s))
                byNew[j].offer((o, n, s))
            }
        }
        // A pair kept by both its items is listed twice; sorted, the copies are neighbours.
        var candidates = (byOld + byNew).flatMap(\.items)
        candidates.sort(by: Best.before)
        candidates = candidates.enumerated().filter { i, c in
            i == 0 || candidates[i - 1].old != c.old || candidates[i - 1].new != c.new
        }.map(\.element)
        for c in candidates where !usedOld.contains(c.old) && !usedNew.contains(c.new) {
            usedOld.insert(c.old)
            usedNew.insert(c.new)
            out.append(c)
        }
        return out
    }

    /// An item's best candidates, at most `keep`, best first.
    struct Best {
        var items: [(old: Int, new: Int, score: Double)] = []

        static func before(_ a: (old: Int, new: Int, score: Double), _ b: (old: Int, new: Int, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : (a.new, a.old) < (b.new, b.old)
        }

        mutating func offer(_ c: (old: Int, new: Int, score: Double)) {
            if items.count == Matching.keep {
                guard let last = items.last, Best.before(c, last) else { return }
                items.removeLast()
            }
            let at = items.firstIndex { Best.before(c, $0) } ?? items.count
            items.insert(c, at: at)
        }
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
