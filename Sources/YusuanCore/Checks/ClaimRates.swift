/// A basis "N 名 × R 元/人/月 × M 个月" multiplies out to the amount it explains.
enum ClaimRates {
    static func run(_ sink: inout FindingSink, _ claims: [Claim]) {
        for c in claims where c.kind == .rate {
            guard let n = c.figure("人数"), let r = c.figure("标准"), let m = c.figure("月数"), let scale = c.figure("金额")
            else { continue }
            let product = Double(n.hundredths) * Double(r.hundredths) * Double(m.hundredths) / 1_000_000
            // The amount is printed to its last digit in 万元: half of it either way is rounding.
            var half = 5000.0
            for _ in 0..<scale.decimals { half /= 10 }
            let stated = Double(scale.hundredths) * 100
            guard Swift.abs(product - stated) > half + 0.5 else { continue }
            sink.add(
                Finding(
                    rule: Rules.proseBasis,
                    message:
                        "\(c.subject)：\(plain(n)) 人 × \(plain(r)) 元/人/月 × \(plain(m)) 个月 = \(String(format: "%.2f", product / 10000)) 万元，预算安排规模为 \(scale) 万元",
                    row: c.subject, expected: Amount(approximately: product / 10000), actual: scale, line: c.line))
        }
    }

    /// "38", not "38.00": a count as the sentence prints it.
    static func plain(_ a: Amount) -> String {
        a.hundredths % 100 == 0 ? String(a.hundredths / 100) : a.description
    }
}
