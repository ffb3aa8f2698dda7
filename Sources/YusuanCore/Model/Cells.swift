/// A row's cells, one per column, each an amount or blank, held in 8 bytes each
/// (`PackedAmount`): the cells are most of a table's memory.
///
/// Once a table is read, its rows' cells are held in one buffer for the whole table
/// (`ModelCompaction`), each row a range of it: a buffer of its own cost each row more in heap
/// headers than its cells. A row whose cells change takes its own copy first.
public struct Cells: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, Hashable, Sendable,
    ExpressibleByArrayLiteral, CustomStringConvertible
{
    private var packed: [PackedAmount]
    private var start: UInt32
    private var length: UInt32

    public init() { self.init(packed: []) }
    public init(_ cells: some Sequence<Amount?>) { self.init(packed: cells.map(PackedAmount.init)) }
    public init(arrayLiteral cells: Amount?...) { self.init(cells) }
    public init(repeating cell: Amount?, count: Int) {
        self.init(packed: Array(repeating: PackedAmount(cell), count: count))
    }

    private init(packed: [PackedAmount], start: Int = 0, length: Int? = nil) {
        self.packed = packed
        self.start = UInt32(start)
        self.length = UInt32(length ?? packed.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(length) }

    public subscript(i: Int) -> Amount? {
        get {
            precondition(i >= 0 && i < Int(length), "cell \(i) of \(length)")
            return packed[Int(start) + i].amount
        }
        set {
            takeOwnCopy()
            packed[i] = PackedAmount(newValue)
        }
    }

    public mutating func replaceSubrange<C: Collection<Amount?>>(_ range: Range<Int>, with cells: C) {
        takeOwnCopy()
        packed.replaceSubrange(range, with: cells.map(PackedAmount.init))
        length = UInt32(packed.count)
    }

    public mutating func reserveCapacity(_ n: Int) {
        takeOwnCopy()
        packed.reserveCapacity(n)
    }

    /// A row's range of a table's buffer copied to a buffer of its own, before it changes.
    private mutating func takeOwnCopy() {
        guard start != 0 || Int(length) != packed.count else { return }
        packed = Array(slice)
        start = 0
    }

    /// The cells of `rows`, in that order, moved to one buffer of their total length.
    static func share(_ rows: inout [Row]) {
        var all: [PackedAmount] = []
        all.reserveCapacity(rows.reduce(0) { $0 + $1.values.count })
        for r in rows { all += r.values.slice }
        var at = 0
        for k in rows.indices {
            let n = rows[k].values.count
            rows[k].values = Cells(packed: all, start: at, length: n)
            at += n
        }
    }

    /// This row's part of the buffer.
    private var slice: ArraySlice<PackedAmount> { packed[Int(start)..<Int(start + length)] }

    public static func == (a: Cells, b: Cells) -> Bool { a.slice == b.slice }
    public func hash(into hasher: inout Hasher) { hasher.combine(slice) }

    public var description: String { Array(self).description }
}
