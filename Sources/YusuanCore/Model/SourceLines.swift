/// The whole normalised text, kept once: one String and where each line starts in its UTF-8.
/// A line is a Substring of that String, so reading lines copies nothing. (A String per line
/// cost each short line a heap block of its own: many times the text's size in memory.)
///
/// Line `i` (0-based) holds the text between two line feeds; a line feed always breaks grapheme
/// clusters before and after it, so a line's Characters are the same as its own String's.
public struct SourceLines: RandomAccessCollection, Hashable, Sendable {
    public typealias Index = Int
    /// The lines joined by "\n".
    public let text: String
    /// UTF-8 offset of each line's start, then one past the end of the text plus one (as if the
    /// last line ended with a line feed): line `i` ends one byte before `starts[i + 1]`. Four bytes
    /// each (a disclosure is at most 16 MB): a document of many short lines would otherwise hold
    /// more offsets than text.
    private let starts: [UInt32]

    public init() {
        text = ""
        starts = []
    }

    public init(_ lines: some Collection<String>) {
        var starts: [UInt32] = []
        starts.reserveCapacity(lines.count + 1)
        var text = ""
        // Reserved whole: grown by appending, the text would keep up to as much again spare.
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        var offset = 0
        for (i, line) in lines.enumerated() {
            if i > 0 { text.append("\n") }
            starts.append(UInt32(offset))
            text.append(line)
            offset += line.utf8.count + 1
        }
        if !starts.isEmpty { starts.append(UInt32(offset)) }
        self.text = text
        self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Swift.max(0, starts.count - 1) }

    public subscript(i: Int) -> Substring {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(starts[i]))
        let to = utf8.index(utf8.startIndex, offsetBy: Int(starts[i + 1]) - 1)
        return text[from..<to]
    }
}

extension SourceLines: ExpressibleByArrayLiteral {
    public init(arrayLiteral lines: String...) { self.init(lines) }
}
