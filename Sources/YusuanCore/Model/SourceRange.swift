/// Lines of the source text (1-based, inclusive) that an element was read from.
public struct SourceRange: Hashable, Sendable {
    public var first: Int
    public var last: Int
    public init(_ first: Int, _ last: Int) {
        self.first = min(first, last)
        self.last = max(first, last)
    }
    public init(line: Int) { self.init(line, line) }
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(Swift.min(first, other.first), Swift.max(last, other.last))
    }
}
