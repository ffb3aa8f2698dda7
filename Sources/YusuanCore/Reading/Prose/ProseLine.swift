/// What the sentence splitter asks of a line: `SourceText.Line` as parsing made it, or a
/// `TextLine` read again from a model's text.
protocol ProseLine {
    var number: Int { get }
    var text: String { get }
    /// The text without spaces or tabs.
    var compact: String { get }
    var hasTabs: Bool { get }
    var isBlank: Bool { get }
    var isPageNumber: Bool { get }
    /// Whether `compact` ends with 表 (a sheet title does).
    var endsWithBiao: Bool { get }
}

extension SourceText.Line: ProseLine {
    // 表 (U+8868) is the bytes E8 A1 A8; E8 only ever leads a scalar.
    var endsWithBiao: Bool { compact.utf8.count >= 3 && compact.utf8.suffix(3).elementsEqual([0xE8, 0xA1, 0xA8]) }
}

/// A line of a model's `SourceLines` for the splitter: its String made once, the rest read from
/// its bytes in one pass, and its compact form made only when asked (a sheet title's test, a
/// wrapped heading), not for every line as `SourceText.Line` makes it.
struct TextLine: ProseLine {
    let number: Int
    let text: String
    let hasTabs: Bool
    let isBlank: Bool
    let isPageNumber: Bool
    let endsWithBiao: Bool
    var compact: String { CJK.compact(text) }

    /// The line numbered `number` from its UTF-8 (valid, as a String's is).
    init(number: Int, bytes b: UnsafeBufferPointer<UInt8>) {
        self.number = number
        text = String(decoding: b, as: UTF8.self)
        var tabs = false
        var solid = 0
        // The last three bytes that are neither space nor tab.
        var last: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in b {
            if byte == 9 {
                tabs = true
            } else if byte != 32 {
                solid += 1
                last = (last.1, last.2, byte)
            }
        }
        hasTabs = tabs
        isBlank = solid == 0
        endsWithBiao = last == (0xE8, 0xA1, 0xA8)
        // As `SourceText.Line` decides it: twelve characters are at most 48 UTF-8 bytes.
        isPageNumber = solid <= 48 && SourceText.isPageNumber(compact: CJK.compact(text))
    }
}
