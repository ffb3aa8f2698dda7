/// A row's cells, one per column, each an amount or blank, held in 8 bytes each
/// (`PackedAmount`): the cells are most of a table's memory.
public struct Cells: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, Hashable, Sendable,
    ExpressibleByArrayLiteral, CustomStringConvertible
{
    private var packed: [PackedAmount]

    public init() { packed = [] }
    public init(_ cells: some Sequence<Amount?>) { packed = cells.map(PackedAmount.init) }
    public init(arrayLiteral cells: Amount?...) { self.init(cells) }
    public init(repeating cell: Amount?, count: Int) { packed = Array(repeating: PackedAmount(cell), count: count) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { packed.count }

    public subscript(i: Int) -> Amount? {
        get { packed[i].amount }
        set { packed[i] = PackedAmount(newValue) }
    }

    public mutating func replaceSubrange<C: Collection<Amount?>>(_ range: Range<Int>, with cells: C) {
        packed.replaceSubrange(range, with: cells.map(PackedAmount.init))
    }

    public mutating func reserveCapacity(_ n: Int) { packed.reserveCapacity(n) }

    /// The storage in a buffer of its own length (`ModelCompaction`).
    mutating func fit(_ fit: (inout [PackedAmount]) -> Void) { fit(&packed) }

    public var description: String { Array(self).description }
}
