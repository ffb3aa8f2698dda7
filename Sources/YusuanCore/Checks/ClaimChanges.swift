/// The words of a change against the figures they govern: "增加 5 万元，下降 3%" says both.
/// (The percentage against the amounts is `prose.change`, in ClaimChangeRates.)
enum ClaimChanges {
    static func run(_ sink: inout FindingSink, _ claims: [Claim]) {
        for c in claims where c.kind == .change {
            guard let change = c.figure("变动"), let percent = c.figure("变动率"), change.hundredths != 0,
                percent.hundredths != 0, (change.hundredths > 0) != (percent.hundredths > 0)
            else { continue }
            let up = change.hundredths > 0
            sink.add(
                Finding(
                    rule: Rules.proseChangeWord,
                    message:
                        "情况说明“\(ClaimBudgetVsFinal.short(c.sentence))”称\(c.subject)\(up ? "增加" : "减少") \(abs(change)) 万元，却又称\(up ? "下降" : "增长") \(abs(percent))%",
                    actual: percent, line: c.line))
        }
    }

    static func abs(_ a: Amount) -> Amount { Amount(hundredths: Swift.abs(a.hundredths), decimals: a.decimals) }
}
