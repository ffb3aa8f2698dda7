/// The amount facts of the prose, each through its families in turn (amount, then share and change
/// only when the amount agrees: one claim, one finding), then the families over the whole prose.
enum NarrativeChecks {
    static func run(_ sink: inout FindingSink, _ tables: ProseTables) {
        let d = sink.disclosure
        let std = tables.std
        let denominators = [
            std.summary?.totalRow?.value(0), std.expense?.totalRow?.value(0), std.gpb?.totalRow?.value(0),
            std.fiscal?.totalRow?.value(0)
        ].compactMap { $0 }

        for (i, f) in d.facts.enumerated() {
            guard let amount = f.amount, f.unit == "万元" else {
                if f.change != nil { ClaimChangeRates.changeChecks(f, &sink) }
                continue
            }
            // One claim, one finding: a wrong amount makes its share and change wrong too.
            var agrees = true
            if let figure = tables.figure(i) {
                // A classification figure of zero need not be printed as a row.
                if !(f.topic == .classification && figure.value == nil && amount.hundredths == 0) {
                    agrees = ClaimAmounts.compare(
                        f, amount, figure.table, figure.value, figure.what, &sink, column: figure.column,
                        code: figure.code, row: figure.row, sumOf: figure.sumOf)
                }
            }
            switch f.topic {
            case .income:
                let found = tables.incomeCheck(i).findings
                for finding in found { sink.add(finding) }
                if found.contains(where: { $0.severity == .error }) { agrees = false }
            case .operatingCost:
                ClaimOperatingCost.check(f, amount, std, d, &sink)
            default:
                break
            }
            guard agrees else { continue }
            if let share = f.share, ClaimThreePublic.isShareOfThreePublic(f) {
                if let t = std.threePublic { ClaimThreePublic.shareCheck(f, amount, share, t, &sink) }
            } else if let share = f.share {
                // A purchase's share is of all purchases: the table's total or the one the prose states.
                let purchases =
                    f.topic == .procurement
                    ? d.facts.filter { $0.topic == .procurement && $0.share == nil }.compactMap(\.amount)
                        + [d.table(.procurement)?.totalRow?.value(0)].compactMap { $0 }
                    : []
                ClaimShares.shareCheck(f, amount, share, denominators + purchases, &sink)
            }
            ClaimChangeRates.changeChecks(f, &sink)
        }
        ClaimStaffing.staffing(&sink)
        ClaimProcurement.procurement(&sink)
        ClaimYears.yearsAndWords(&sink)
        ClaimProjects.run(&sink)
    }

    /// The table figure a fact speaks of: by its topic, or by the name of an economic or a
    /// functional item it gives, of a line of 收支总体, or of a table.
    static func figure(_ f: NarrativeFact, _ tables: ProseTables) -> FactFigure? {
        let d = tables.disclosure, std = tables.std
        return FactFigure.resolve(f, in: std) ?? ClaimEconomic.resolve(f, in: tables.classes)
            ?? ClaimClassNames.resolve(f, in: tables.classes, std) ?? ClaimSummaryLines.resolve(f, in: tables)
            ?? ClaimTableTotals.resolve(f, in: d) ?? ClaimTableLines.resolve(f, in: d, std)
    }
}
