/// What the prose's amounts are held against, worked out once per check for both the claims
/// (`Claims.of`) and the narrative checks, which look up the same tables, names and figures.
final class ProseTables {
    /// The disclosure as checked: in 万元 (`Disclosure.inWan`).
    let disclosure: Disclosure
    let std: StandardTables
    let names: IncomeNames?
    let classes: ClassNames
    /// The table figure of each fact asked for, by its index in `Disclosure.facts`.
    private var figures: [Int: FactFigure?] = [:]
    /// `ClaimAmounts.incomeCheck` of each income fact asked for: the claims ask whether it found a
    /// line, the narrative checks want its findings; it runs once for both.
    private var incomes: [Int: (found: Bool, findings: [Finding])] = [:]

    init(_ d: Disclosure) {
        disclosure = d
        std = StandardTables(d)
        names = IncomeNames(d)
        classes = ClassNames(d)
    }

    /// `NarrativeChecks.figure` of fact `index`.
    func figure(_ index: Int) -> FactFigure? {
        if let known = figures[index] { return known }
        let found = NarrativeChecks.figure(disclosure.facts[index], self)
        figures[index] = .some(found)
        return found
    }

    /// Whether the income line or column fact `index` names was found, and what comparing with it
    /// found wrong.
    func incomeCheck(_ index: Int) -> (found: Bool, findings: [Finding]) {
        if let known = incomes[index] { return known }
        let f = disclosure.facts[index]
        var scratch = FindingSink(disclosure: disclosure)
        let found = f.amount.flatMap { a in names.map { ClaimAmounts.incomeCheck(f, a, $0, &scratch) } } ?? false
        incomes[index] = (found, scratch.findings)
        return (found, scratch.findings)
    }

    /// 收支总体's expense lines without a code keyed as `ClaimSummaryLines` matches them, nil
    /// for its other lines.
    private(set) lazy var summaryKeys: [String?] = (std.summary?.rows ?? []).map { row in
        row.side == .expense && row.code == nil ? ClaimAmounts.incomeKey(row.name, side: "支出") : nil
    }
}
