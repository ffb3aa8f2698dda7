/// Evidence from elsewhere in the document about a table's column totals (e.g. 收支总体's
/// income lines tell which 收入总体 columns hold money).
struct PlacementHints {
    /// Column label fragment → the amount that column's total should be (nil: blank column).
    var columnTotals: [(String, Amount?)] = []
}

/// Puts amounts into columns when a wrapped layout printed k of n cells and did not say which.
/// Candidates keep the printed order; a row's total must equal its parts; a parent row's
/// columns must equal the sum of its children's; what arithmetic leaves open falls to a
/// documented prior (left-most columns; for 项目支出, the 经济分类 its name implies).
/// Every cell placed this way is marked inferred.
enum CellPlacement {
    static let tolerance: Int64 = 2  // hundredths: rounding in printed sums

    static func place(kind: TableKind, columns: [String], rows: inout [Row], values: [[Amount]], hints: PlacementHints)
    {
        let n = columns.count
        let relations = ColumnLayout.relations(columns)
        let priors = rows.map { prior(kind: kind, row: $0, columns: columns) }
        var candidates: [[[Int]]] = []
        for (i, vals) in values.enumerated() {
            candidates.append(rowCandidates(vals, n: n, relations: relations, prior: priors[i]))
        }
        // Columns that are blank in the total row hold nothing anywhere.
        if let t = rows.lastIndex(where: \.isTotal), values[t].count < n {
            var totals = candidates[t]
            if !hints.columnTotals.isEmpty {
                let targets = hintTargets(columns: columns, hints: hints)
                let scored = totals.map { cand in (cand, hintScore(cand, values[t], targets: targets)) }
                if let best = scored.map(\.1).max() { totals = scored.filter { $0.1 == best }.map(\.0) }
            }
            if totals.count == 1 {
                let allowed = Set(totals[0]).union([0])
                candidates[t] = totals
                for i in candidates.indices where i != t {
                    let kept = candidates[i].filter { $0.allSatisfy(allowed.contains) }
                    if !kept.isEmpty { candidates[i] = kept }
                }
            }
        }
        let groups = sumGroups(rows)
        var search = Search(budget: workBudget(rows: rows.count, n: n))
        resolveByTree(groups: groups, values: values, candidates: &candidates, n: n, search: &search)
        resolveByPriors(groups: groups, rows: rows, values: values, candidates: &candidates, n: n, search: &search) {
            priors[$0]($1)
        }
        for i in rows.indices {
            let vals = values[i]
            guard let chosen = candidates[i].first else {
                // More values than columns: keep the first n in order.
                for (c, v) in vals.prefix(n).enumerated() { rows[i].values[c] = v }
                continue
            }
            var cells = Cells(repeating: nil, count: n)
            var inferred = Array(repeating: false, count: n)
            let certain = vals.count == n
            for (k, c) in chosen.enumerated() {
                cells[c] = vals[k]
                inferred[c] = !certain && !(k == 0 && c == 0)
            }
            rows[i].values = cells
            rows[i].inferred = inferred.contains(true) ? inferred : Row.noneInferred(n)
        }
    }

    /// Placements of k values into n columns keeping their order, best first.
    static func rowCandidates(_ vals: [Amount], n: Int, relations: [(Int, [Int])], prior: ([Int]) -> Int) -> [[Int]] {
        let k = vals.count
        guard k > 0 else { return [[]] }
        guard k <= n else { return [] }
        if k == n { return [Array(0..<n)] }
        // Placements made in order into one flat list (k columns each) and tested against the
        // sums as made, with one buffer of cells: only the pool kept becomes arrays.
        var flat: [Int] = []
        var made = 0
        var consistent: [Int] = []
        var current: [Int] = []
        var cells = [Int64](repeating: 0, count: n)
        func walk(_ start: Int) {
            if current.count == k {
                flat += current
                if satisfies(current, vals, relations: relations, cells: &cells) { consistent.append(made) }
                made += 1
                return
            }
            if made > 5000 { return }
            let remaining = k - current.count
            guard start <= n - remaining else { return }
            for c in start...(n - remaining) {
                current.append(c)
                walk(c + 1)
                current.removeLast()
            }
        }
        walk(0)
        let kept = consistent.isEmpty ? Array(0..<made) : consistent
        let pool = kept.map { Array(flat[($0 * k)..<($0 * k + k)]) }
        // Each placement's prior computed once; the sort sees the same comparisons as before.
        let scores = pool.map(prior)
        return pool.indices.sorted { scores[$0] > scores[$1] }.map { pool[$0] }
    }

    /// Whether a placement keeps the columns' sums; `cells` is a buffer of n the caller lends.
    static func satisfies(_ placement: [Int], _ vals: [Amount], relations: [(Int, [Int])], cells: inout [Int64])
        -> Bool
    {
        guard !relations.isEmpty else { return true }
        for c in cells.indices { cells[c] = 0 }
        for (k, c) in placement.enumerated() { cells[c] = vals[k].hundredths }
        for (sum, parts) in relations {
            let total = parts.reduce(Int64(0)) { Amount.sum($0, cells[$1]) }
            if abs(total - cells[sum]) > tolerance { return false }
        }
        return true
    }

    /// Each hint's column, found once per table (not once per placement scored), with the
    /// total it expects in hundredths (0: blank).
    static func hintTargets(columns: [String], hints: PlacementHints) -> [(column: Int, total: Int64)] {
        hints.columnTotals.compactMap { fragment, amount in
            guard
                let c = columns.firstIndex(where: { $0.hasSuffix(fragment) })
                    ?? columns.firstIndex(where: { ($0.split(separator: "/").last ?? "").hasPrefix(fragment) })
            else { return nil }
            return (c, amount?.hundredths ?? 0)
        }
    }

    /// How many hinted column totals a placement of the total row's values meets.
    static func hintScore(_ placement: [Int], _ vals: [Amount], targets: [(column: Int, total: Int64)]) -> Int {
        var score = 0
        for (c, total) in targets {
            // A placement puts each value in a column of its own: the value in `c`, if any.
            let placed = placement.firstIndex(of: c).map { vals[$0].hundredths } ?? 0
            if placed == total { score += 1 }
        }
        return score
    }

    /// The prior that breaks ties arithmetic leaves: earlier columns first; in 项目支出 the
    /// 经济分类 a subject's name implies (…基金的补助 → 对社会保障基金补助; 补助/补贴 → 对个人和家庭的补助).
    static func prior(kind: TableKind, row: Row, columns: [String]) -> ([Int]) -> Int {
        let leftPacked: ([Int]) -> Int = { placement in -placement.reduce(0, +) }
        guard kind == .gpbProjectExpense else { return leftPacked }
        let text = (row.name) + (row.project ?? "")
        let preferred: String
        if text.contains("基金的补助") || text.contains("基金补助") {
            preferred = "对社会保障基金补助"
        } else if ["补助", "补贴", "生活", "代缴", "救助", "抚恤", "退休"].contains(where: { text.contains($0) }) {
            preferred = "对个人和家庭的补助"
        } else {
            preferred = "商品和服务支出"
        }
        let target = columns.firstIndex(of: preferred)
        return { placement in
            var score = leftPacked(placement)
            if let target, placement.dropFirst().contains(target) { score += 10_000 }
            return score
        }
    }

    /// Cells the sums' search may visit in one table (placements tried × columns, and members
    /// scanned), in proportion to its size: one search is bounded, but groups × rounds × searches
    /// is not, and a crafted table of many open groups must not take minutes. Past it, the
    /// searches stop and priors decide (a real table spends a small part of it).
    static func workBudget(rows: Int, n: Int) -> Int { 1_000_000 + 2_000 * rows * max(1, n) }

    /// What the sums' searches of one table share: the cells they may still visit, and what
    /// each group's search found, by its members, with their candidates' counts then. The
    /// resolvers only ever narrow a member's candidates to one, so a count names its list.
    struct Search {
        var budget: Int
        var found: [[Int]: (counts: [Int], choices: [[Int]]?)] = [:]
    }

    /// Each row that sums others, with the rows it sums: a 类 its 款, a 款 its 项, the total (or
    /// a line without a code above the coded ones, the unit's line in 项目支出) the 类. Children
    /// are found by their parent's code, once (not every row scanned for each row).
    static func sumGroups(_ rows: [Row]) -> [(Int, [Int])] {
        var byParent: [String: [Int]] = [:]
        for (j, row) in rows.enumerated() {
            guard let c = row.code, c.count >= 2 else { continue }
            byParent[String(c.dropLast(2)), default: []].append(j)
        }
        let classes = rows.indices.filter { rows[$0].level == 1 }
        var groups: [(Int, [Int])] = []
        for (i, row) in rows.enumerated() {
            // The total, or a line without a code above the coded ones (the unit's line in
            // 项目支出), sums the 类 rows.
            if row.isTotal || row.code == nil {
                if !classes.isEmpty { groups.append((i, classes)) }
                continue
            }
            guard let code = row.code, row.level == 1 || row.level == 2 else { continue }
            let kids = (byParent[code] ?? []).filter { $0 != i }
            if !kids.isEmpty { groups.append((i, kids)) }
        }
        return groups
    }

    /// Parent = sum of children, column by column: enumerate the children's remaining
    /// choices and keep what the sums single out. Repeats until nothing changes.
    static func resolveByTree(
        groups: [(Int, [Int])], values: [[Amount]], candidates: inout [[[Int]]], n: Int, search: inout Search
    ) {
        var changed = true
        var rounds = 0
        while changed && rounds < 8 {
            changed = false
            rounds += 1
            for (parent, kids) in groups {
                guard search.budget > 0 else { return }
                let members = [parent] + kids
                guard
                    let choices = closestCombos(
                        members, values: values, candidates: candidates, n: n, search: &search)
                else {
                    continue
                }
                for (idx, m) in members.enumerated() where candidates[m].count > 1 {
                    let picks = Set(choices.map { $0[idx] })
                    if picks.count == 1, let pick = picks.first {
                        candidates[m] = [candidates[m][pick]]
                        changed = true
                    }
                }
            }
        }
    }

    /// Where sums leave choices open: each group, from the deepest parents up, takes the
    /// placements that add up best and, among those, the ones its rows' priors score highest
    /// together, so three projects outvote the one whose name alone would point elsewhere.
    /// Rows in no group take their own prior.
    static func resolveByPriors(
        groups: [(Int, [Int])], rows: [Row], values: [[Amount]], candidates: inout [[[Int]]], n: Int,
        search: inout Search, prior: (Int, [Int]) -> Int
    ) {
        for (parent, kids) in groups.sorted(by: { rows[$0.0].level > rows[$1.0].level }) where search.budget > 0 {
            let members = [parent] + kids
            func score(_ choice: [Int]) -> Int {
                members.indices.reduce(0) { $0 + prior(members[$1], candidates[members[$1]][choice[$1]]) }
            }
            guard
                let choices = closestCombos(members, values: values, candidates: candidates, n: n, search: &search),
                let best = choices.max(by: { score($0) < score($1) })
            else { continue }
            for (idx, m) in members.enumerated() where candidates[m].count > 1 {
                candidates[m] = [candidates[m][best[idx]]]
            }
            resolveByTree(groups: groups, values: values, candidates: &candidates, n: n, search: &search)
        }
        for i in candidates.indices where candidates[i].count > 1 { candidates[i] = [candidates[i][0]] }
    }

    /// The choices (a pick per member; member 0 the parent) under which the parent is nearest
    /// the sum of the others, when within rounding; nil when none is, the group has too many or
    /// the table's `budget` of cells to visit would be spent (it is charged for this search).
    static func closestCombos(
        _ members: [Int], values: [[Amount]], candidates: [[[Int]]], n: Int, search: inout Search
    ) -> [[Int]]? {
        search.budget -= members.count
        guard search.budget > 0 else { return nil }
        let open = members.filter { candidates[$0].count > 1 }
        guard !open.isEmpty, members.allSatisfy({ !candidates[$0].isEmpty }) else { return nil }
        var combos = 1
        for m in open { combos *= candidates[m].count; if combos > 20_000 { return nil } }
        // Leaves visited (each n cells), and the grids built, member by member.
        let cost = (combos + members.reduce(0) { $0 + candidates[$1].count }) * max(1, n)
        guard cost <= search.budget else { return nil }
        search.budget -= cost
        // The same group with the same candidates finds the same (charged all the same, so the
        // budget runs out where it did).
        let counts = members.map { candidates[$0].count }
        if let known = search.found[members], known.counts == counts { return known.choices }
        let choices = closestSums(members, values: values, candidates: candidates, n: n)
        search.found[members] = (counts, choices)
        return choices
    }

    /// The search itself, for `closestCombos`.
    static func closestSums(_ members: [Int], values: [[Amount]], candidates: [[[Int]]], n: Int) -> [[Int]]? {
        // Every member's cells under each of its placements, made once, in one flat grid
        // (member i's placement p at (starts[i] + p) * n); the walk keeps the kids' running
        // column sums (after member i at i * n), so a leaf costs one pass per parent placement.
        var starts: [Int] = []
        var grid: [Int64] = []
        for m in members {
            starts.append(grid.count / max(1, n))
            for placement in candidates[m] {
                let cells = grid.count
                grid.append(contentsOf: repeatElement(0, count: n))
                for (k, c) in placement.enumerated() { grid[cells + c] = values[m][k].hundredths }
            }
        }
        let counts = members.map { candidates[$0].count }
        var best = Int64.max
        var bestChoices: [[Int]] = []
        var choice = Array(repeating: 0, count: members.count)
        var sums = [Int64](repeating: 0, count: members.count * n)
        // Buffers, not arrays, in the walk: it runs up to 20,000 leaves × n cells, and each
        // array write would check uniqueness.
        grid.withUnsafeBufferPointer { grid in
            sums.withUnsafeMutableBufferPointer { sums in
                choice.withUnsafeMutableBufferPointer { choice in
                    func walk(_ idx: Int) {
                        if idx == members.count {
                            let kids = (idx - 1) * n
                            for pick in 0..<counts[0] {
                                let cells = (starts[0] + pick) * n
                                var deviation: Int64 = 0
                                // The deviation only grows column by column: past the best, this
                                // placement can be neither best nor tied.
                                for col in 0..<n {
                                    if deviation > best { break }
                                    deviation = Amount.sum(deviation, abs(grid[cells + col] - sums[kids + col]))
                                }
                                choice[0] = pick
                                if deviation < best {
                                    best = deviation; bestChoices = [Array(choice)]
                                } else if deviation == best {
                                    bestChoices.append(Array(choice))
                                }
                            }
                            return
                        }
                        let own = idx * n
                        let before = (idx - 1) * n
                        for pick in 0..<counts[idx] {
                            choice[idx] = pick
                            let cells = (starts[idx] + pick) * n
                            for col in 0..<n {
                                sums[own + col] = Amount.sum(idx > 1 ? sums[before + col] : 0, grid[cells + col])
                            }
                            walk(idx + 1)
                        }
                    }
                    walk(1)
                }
            }
        }
        guard best <= Int64(members.count) * tolerance, !bestChoices.isEmpty else { return nil }
        return bestChoices
    }
}
