import Foundation

/// A regular expression compiled once. `range(of:options: .regularExpression)` compiles its
/// pattern on every call, which cost far more than the matching on a disclosure's sentences.
/// NSRegularExpression is immutable and safe to share across threads.
struct Pattern: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ pattern: String) {
        // The patterns are literals in this code; one that does not compile is a programming error.
        regex = try! NSRegularExpression(pattern: pattern)
    }

    /// The first match in `text`, searched from `start` on.
    func range(in text: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let searched = NSRange((start ?? text.startIndex)..<text.endIndex, in: text)
        guard let m = regex.firstMatch(in: text, range: searched) else { return nil }
        return Range(m.range, in: text)
    }

    func replacing(in text: String, with template: String = "") -> String {
        regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..<text.endIndex, in: text), withTemplate: template)
    }
}
