/// A row's cells, one per column, each an amount or blank, held in 8 bytes each: an `Amount?`
/// takes 16 in an array, and the cells are most of a table's memory.
///
/// A cell holds the hundredths shifted past two bits of printed decimals (0–3); a blank is a
/// value no amount packs to. Amounts beyond the sums' ceiling (±1e18 hundredths, where
/// `Amount`'s sums saturate) are held at the ceiling.
public struct Cells: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, Hashable, Sendable,
    ExpressibleByArrayLiteral, CustomStringConvertible
{
    private var packed: [Int64]

    private static let blank = Int64.min
    private static let ceiling: Int64 = 1_000_000_000_000_000_000

    private static func pack(_ a: Amount?) -> Int64 {
        guard let a else { return blank }
        let h = Swift.max(-ceiling, Swift.min(ceiling, a.hundredths))
        return h << 2 | Int64(Swift.max(0, Swift.min(3, a.decimals)))
    }

    private static func unpack(_ v: Int64) -> Amount? {
        v == blank ? nil : Amount(hundredths: v >> 2, decimals: Int(v & 3))
    }

    public init() { packed = [] }
    public init(_ cells: some Sequence<Amount?>) { packed = cells.map(Cells.pack) }
    public init(arrayLiteral cells: Amount?...) { self.init(cells) }
    public init(repeating cell: Amount?, count: Int) { packed = Array(repeating: Cells.pack(cell), count: count) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { packed.count }

    public subscript(i: Int) -> Amount? {
        get { Cells.unpack(packed[i]) }
        set { packed[i] = Cells.pack(newValue) }
    }

    public mutating func replaceSubrange<C: Collection<Amount?>>(_ range: Range<Int>, with cells: C) {
        packed.replaceSubrange(range, with: cells.map(Cells.pack))
    }

    public mutating func reserveCapacity(_ n: Int) { packed.reserveCapacity(n) }

    /// The storage in a buffer of its own length (`ModelCompaction`).
    mutating func fit(_ fit: (inout [Int64]) -> Void) { fit(&packed) }

    public var description: String { Array(self).description }
}
