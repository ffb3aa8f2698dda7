/// "占 x%" against the amount over one of the document's totals (`prose.share`).
enum ClaimShares {
    /// "占 94.56%": the amount over one of the document's totals.
    static func shareCheck(
        _ f: NarrativeFact, _ amount: Amount, _ share: Amount, _ totals: [Amount], _ sink: inout FindingSink
    ) {
        guard !totals.isEmpty else { return }
        let tolerance = share.decimals >= 2 ? 0.0101 : (share.decimals == 1 ? 0.0501 : 0.501)
        let stated = Double(share.hundredths) / 100
        var closest: Double?
        for total in totals where total.hundredths > 0 {
            let computed = Double(amount.hundredths) / Double(total.hundredths) * 100
            if abs(computed - stated) <= tolerance { return }
            if closest == nil || abs(computed - stated) < abs(closest! - stated) { closest = computed }
        }
        guard let c = closest else { return }
        sink.add(
            Finding(
                rule: Rules.proseShare,
                message: "情况说明称\(f.subject) \(amount) 万元占 \(share.printed)%，按表中总数计算应为 \(String(format: "%.2f", c))%",
                expected: Amount(approximately: c), actual: share, line: f.line))
    }
}
