/// "比上年增加 A 万元" says last year's figure was amount − A. When the older document is that
/// year's, its own table says what the figure was.
enum PriorYearClaims {
    static func check(old: Disclosure, new: Disclosure) -> [PriorYearClaim] {
        guard let oy = old.year, let ny = new.year, ny == oy + 1 else { return [] }
        let std = StandardTables(old)
        var out: [PriorYearClaim] = []
        for f in new.facts {
            guard f.unit == "万元", let amount = f.amount, let change = f.change,
                let figure = FactFigure.resolve(f, in: std), let actual = figure.value
            else { continue }
            let implied = amount - change
            let agrees = Tolerance.compare(actual, implied, terms: [amount, change]) != .mismatch
            let source =
                "\(oy) 年\(figure.table.number ?? "")\(figure.table.kind.shortName)表\(figure.column.map { "“\($0)”" } ?? "")\(figure.sumOf.map { " \($0)" } ?? "")"
            out.append(PriorYearClaim(fact: f, implied: implied, actual: actual, source: source, agrees: agrees))
        }
        return out
    }
}
