/// An amount or none in 8 bytes: `Amount?` takes 16 (9 and a tag, aligned), and the model holds
/// many — a row's cells, a fact's amount, change and share.
///
/// The hundredths shifted past two bits of printed decimals (0–3); none is a value no amount
/// packs to. Amounts beyond the sums' ceiling (±1e18 hundredths, where `Amount`'s sums
/// saturate) are held at the ceiling.
struct PackedAmount: Hashable, Sendable {
    private var bits: Int64

    private static let none = Int64.min
    private static let ceiling: Int64 = 1_000_000_000_000_000_000

    init(_ amount: Amount?) {
        guard let a = amount else {
            bits = PackedAmount.none
            return
        }
        let h = Swift.max(-PackedAmount.ceiling, Swift.min(PackedAmount.ceiling, a.hundredths))
        bits = h << 2 | Int64(Swift.max(0, Swift.min(3, a.decimals)))
    }

    var amount: Amount? {
        bits == PackedAmount.none ? nil : Amount(hundredths: bits >> 2, decimals: Int(bits & 3))
    }
}
