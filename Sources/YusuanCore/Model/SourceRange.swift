/// Lines of the source text (1-based, inclusive) that an element was read from.
public struct SourceRange: Hashable, Sendable {
    // Four bytes each: every row, table, section and indicator holds one.
    private var firstLine: Int32
    private var lastLine: Int32

    public var first: Int {
        get { Int(firstLine) }
        set { firstLine = Int32(clamping: newValue) }
    }
    public var last: Int {
        get { Int(lastLine) }
        set { lastLine = Int32(clamping: newValue) }
    }

    public init(_ first: Int, _ last: Int) {
        firstLine = Int32(clamping: min(first, last))
        lastLine = Int32(clamping: max(first, last))
    }
    public init(line: Int) { self.init(line, line) }
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(Swift.min(first, other.first), Swift.max(last, other.last))
    }

}
