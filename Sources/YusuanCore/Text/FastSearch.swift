/// Substring search on UTF-8 bytes. With Foundation imported, `String.contains(String)` goes
/// through CFString and dominated parse time; this non-generic overload is chosen instead.
extension String {
    func contains(_ other: String) -> Bool {
        if other.isEmpty { return true }
        var hay = self
        var needle = other
        return hay.withUTF8 { h in needle.withUTF8 { n in FastSearch.find(h, n) != nil } }
    }
}

extension String {
    /// The first occurrence of `other`, by bytes; like `contains`, chosen over Foundation's
    /// `range(of:)` (NSString underneath on Linux, which showed in the profile).
    func range(of other: String) -> Range<String.Index>? {
        guard !other.isEmpty else { return nil }
        var hay = self
        var needle = other
        guard let offset = hay.withUTF8({ h in needle.withUTF8 { n in FastSearch.find(h, n) } }) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: other.utf8.count)
    }
}

enum FastSearch {
    static func find(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = needle.count
        guard n > 0, hay.count >= n else { return n == 0 ? 0 : nil }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }
}

extension Substring {
    /// The same for a line of `SourceLines`: without it, Foundation's `contains` (CFString
    /// underneath) answered, many times slower.
    func contains(_ other: String) -> Bool {
        if other.isEmpty { return true }
        var needle = other
        return utf8.withContiguousStorageIfAvailable { h in needle.withUTF8 { n in FastSearch.find(h, n) != nil } }
            ?? String(self).contains(other)
    }
}
