import Foundation

/// The whole normalised text, kept once: one String, its lines the text between line feeds.
/// A line is a Substring of that String, so reading lines copies nothing. (A String per line
/// cost each short line a heap block of its own: many times the text's size in memory.)
///
/// Where a line starts is kept for every `stride`-th line only, in four bytes (a disclosure is at
/// most 16 MB); the lines between are found by looking for their line feeds. A document of many
/// short lines (a table printed a cell to a line) would otherwise hold nearly as many bytes of
/// offsets as of text. A line feed always breaks grapheme clusters before and after it, so a
/// line's Characters are the same as its own String's.
public struct SourceLines: RandomAccessCollection, Hashable, Sendable {
    public typealias Index = Int
    /// The lines joined by "\n".
    public let text: String
    /// UTF-8 offset of the start of lines 0, `stride`, 2·`stride` …
    private let marks: [UInt32]
    public let count: Int
    static let stride = 16

    public init() {
        text = ""
        marks = []
        count = 0
    }

    /// The lines joined. `joined`, a text that may already be them joined (the text they were
    /// split from), is kept instead of a copy when it is, byte for byte.
    public init(_ lines: some Collection<String>, joined: String? = nil) {
        var marks: [UInt32] = []
        marks.reserveCapacity(lines.count / SourceLines.stride + 1)
        let size = lines.reduce(0) { $0 + $1.utf8.count + 1 } - (lines.isEmpty ? 0 : 1)
        // Compared with `joined`, or copied line by line into one buffer of the exact size
        // (String's `append` checks every join for grapheme breaks and cost more than the copying).
        func join(_ buffer: UnsafeMutableBufferPointer<UInt8>, compare: Bool) -> Int? {
            var offset = 0
            for (i, line) in lines.enumerated() {
                if i > 0 {
                    if compare {
                        guard buffer[offset] == 0x0A else { return nil }
                    } else {
                        buffer[offset] = 0x0A
                    }
                    offset += 1
                }
                if i % SourceLines.stride == 0 { marks.append(UInt32(offset)) }
                var line = line
                let same = line.withUTF8 { bytes in
                    if compare {
                        return bytes.isEmpty
                            || memcmp(buffer.baseAddress! + offset, bytes.baseAddress!, bytes.count) == 0
                    }
                    _ = buffer[offset...].initialize(fromContentsOf: bytes)
                    return true
                }
                guard same else { return nil }
                offset += line.utf8.count
            }
            return offset
        }
        if var candidate = joined, candidate.utf8.count == size,
            candidate.withUTF8({ join(UnsafeMutableBufferPointer(mutating: $0), compare: true) }) != nil
        {
            text = candidate
        } else {
            marks.removeAll(keepingCapacity: true)
            text = String(unsafeUninitializedCapacity: size) { join($0, compare: false)! }
        }
        self.marks = marks
        count = lines.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(i: Int) -> Substring {
        precondition(i >= 0 && i < count, "line \(i) of \(count)")
        return line(Int(marks[i / SourceLines.stride]), after: i % SourceLines.stride).line
    }

    public func makeIterator() -> Iterator { Iterator(lines: self) }

    /// The lines in order, each found from the one before.
    public struct Iterator: IteratorProtocol {
        let lines: SourceLines
        var index = 0
        var offset = 0

        public mutating func next() -> Substring? {
            guard index < lines.count else { return nil }
            let (line, end) = lines.line(offset, after: 0)
            index += 1
            offset = end + 1
            return line
        }
    }

    /// The line `skip` lines after the one starting at UTF-8 offset `start`, and the offset of
    /// its end (its line feed, or the text's end).
    private func line(_ start: Int, after skip: Int) -> (line: Substring, end: Int) {
        let (from, to) = text.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int) in
            func end(of line: Int) -> Int {
                guard line < bytes.count, let hit = memchr(bytes.baseAddress! + line, 0x0A, bytes.count - line) else {
                    return bytes.count
                }
                return UnsafeRawPointer(hit) - UnsafeRawPointer(bytes.baseAddress!)
            }
            var at = start
            for _ in 0..<skip { at = end(of: at) + 1 }
            return (at, end(of: at))
        }!
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: from)
        return (Substring(utf8[lower..<utf8.index(lower, offsetBy: to - from)]), to)
    }

    // The lines are the text's: the marks only index it.
    public static func == (a: SourceLines, b: SourceLines) -> Bool { a.count == b.count && a.text == b.text }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(text)
    }
}

extension SourceLines: ExpressibleByArrayLiteral {
    public init(arrayLiteral lines: String...) { self.init(lines) }
}
