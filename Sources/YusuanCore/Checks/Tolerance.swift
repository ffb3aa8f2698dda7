/// Whether two amounts differ, and whether the difference is rounding or a real error.
/// Differences up to 0.02, or within the display precision of a value printed with fewer
/// decimals (a column rounded for display), are rounding.
enum Tolerance {
    enum Outcome { case equal, rounding, mismatch }

    static func compare(_ expected: Amount, _ actual: Amount, terms: [Amount] = []) -> Outcome {
        let diff = abs(expected.hundredths - actual.hundredths)
        if diff == 0 { return .equal }
        // Each value printed with fewer than two decimals may be off by half its last digit.
        var loose: Int64 = 0
        for a in terms + [actual] {
            switch a.decimals {
            case 0: loose += 50
            case 1: loose += 5
            default: break
            }
        }
        if terms.isEmpty, expected.decimals < 2 { loose += expected.decimals == 0 ? 50 : 5 }
        let allowed = max(2, loose)
        return diff <= allowed ? .rounding : .mismatch
    }

    static func sum(_ values: [Amount]) -> Amount {
        values.reduce(Amount(hundredths: 0, decimals: 2)) {
            Amount(hundredths: Amount.sum($0.hundredths, $1.hundredths), decimals: min($0.decimals, $1.decimals))
        }
    }
}
