/// What a compare screen or report says of its two sides before any line: each side's own unit
/// and year, and a note when the two are not like for like (scope, unit, kind, years apart).
extension Comparison {
    /// "比较 阿克陶县社会保险中心 2023 → 2024" for one unit; each side's unit when they differ:
    /// "比较 喀什市社会保险中心 2023 → 阿克陶县社会保险中心 2024".
    public var heading: String { heading(short: false) }

    /// `short`: each unit without the wider places its name begins with (新疆维吾尔自治区喀什地区
    /// 喀什市社会保险中心 → 喀什市社会保险中心), for a narrow title line.
    /// `unitWidth`: each name in at most that many columns, ending in "…" (the place, which tells
    /// two units apart, comes first; the years
    /// are never cut).
    public func heading(short: Bool, unitWidth: Int? = nil) -> String {
        let oy = old.year.map(String.init) ?? "?", ny = new.year.map(String.init) ?? "?"
        func name(_ unit: String) -> String {
            guard short else { return unit }
            let wider = Region(unit: unit).names.dropLast().joined()
            let own = unit.hasPrefix(wider) && unit.count > wider.count ? String(unit.dropFirst(wider.count)) : unit
            guard let w = unitWidth, DisplayWidth.of(own) > w else { return own }
            return DisplayWidth.fitMarked(own, max(2, w)).trimmingCharacters(in: .whitespaces)
        }
        return sameUnit
            ? "比较 \(name(new.unit)) \(oy) → \(ny)" : "比较 \(name(old.unit)) \(oy) → \(name(new.unit)) \(ny)"
    }

    /// Why the lines may not compare like for like, one short phrase each; empty when they do.
    public var cautions: [String] { cautions(short: false) }

    /// `short`: "部门→单位" for "范围不同（部门→单位）", "隔 4 年" for "相隔 4 年".
    public func cautions(short: Bool) -> [String] {
        var out: [String] = []
        if !sameUnit { out.append("单位不同") }
        if old.scope != new.scope, !old.scope.isEmpty, !new.scope.isEmpty {
            out.append(short ? "\(old.scope)→\(new.scope)" : "范围不同（\(old.scope)→\(new.scope)）")
        }
        if old.documentKind != new.documentKind, !old.documentKind.isEmpty, !new.documentKind.isEmpty {
            out.append("\(old.documentKind)比\(new.documentKind)")
        }
        if let o = old.year, let n = new.year {
            if n - o > 1 { out.append(short ? "隔 \(n - o) 年" : "相隔 \(n - o) 年") }
            if n == o { out.append("同一年度") }
        }
        return out
    }
}
