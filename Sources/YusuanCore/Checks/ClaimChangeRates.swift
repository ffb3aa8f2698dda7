/// A change's amount against its percentage, and its reason (`prose.change`, `prose.reason`).
enum ClaimChangeRates {
    /// "增加 A 万元，增长 P%": P = A / (X − A); a change needs its reason.
    static func changeChecks(_ f: NarrativeFact, _ sink: inout FindingSink) {
        guard let change = f.change else { return }
        if change.hundredths != 0, !f.reasonGiven {
            sink.add(
                Finding(rule: Rules.proseReason, message: "情况说明称\(f.subject)比上年变动 \(change) 万元，未说明原因", line: f.line))
        }
        guard let amount = f.amount, let percent = f.changePercent else { return }
        // 增加 with 下降 is one wrong word, said by prose.change_word.
        if change.hundredths != 0, percent.hundredths != 0, (change.hundredths > 0) != (percent.hundredths > 0) {
            return
        }
        let previous = amount.hundredths - change.hundredths
        let stated = Double(percent.hundredths) / 100
        if previous == 0 {
            if change.hundredths != 0, abs(stated - 100) > 0.01, stated != 0 {
                sink.add(
                    Finding(
                        rule: Rules.proseChange,
                        message: "情况说明称\(f.subject)上年为 0、增加 \(change) 万元，增幅却写为 \(percent.printed)%",
                        actual: percent, line: f.line))
            }
            return
        }
        guard previous > 0 else {
            sink.add(
                Finding(
                    rule: Rules.proseChange, message: "情况说明称\(f.subject) \(amount) 万元、比上年变动 \(change) 万元，推出上年为负数",
                    actual: change, line: f.line))
            return
        }
        // Allow for the rounding of the printed amount and change (±0.005 万元 each).
        var low = Double.infinity, high = -Double.infinity
        for da in [-0.5, 0.5] {
            for dx in [-0.5, 0.5] {
                let a = Double(change.hundredths) + da
                let p = Double(previous) + dx - da
                guard p > 0 else { continue }
                let v = a / p * 100
                low = min(low, v); high = max(high, v)
            }
        }
        let tolerance = percent.decimals >= 2 ? 0.0101 : (percent.decimals == 1 ? 0.0501 : 0.501)
        if stated < low - tolerance || stated > high + tolerance {
            let expected = Double(change.hundredths) / Double(previous) * 100
            sink.add(
                Finding(
                    rule: Rules.proseChange,
                    message:
                        "情况说明称\(f.subject) \(amount) 万元、比上年变动 \(change) 万元、变动 \(percent.printed)%；按前两数应为 \(String(format: "%.2f", expected))%",
                    expected: Amount(approximately: expected), actual: percent, line: f.line))
        }
    }
}
