#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search on UTF-8 bytes. With Foundation imported, `String.contains(String)` goes
/// through CFString and dominated parse time; this non-generic overload is chosen instead.
extension String {
    func contains(_ other: String) -> Bool {
        if other.isEmpty { return true }
        return FastSearch.find(other, in: self) != nil
    }
}

extension String {
    /// The first occurrence of `other`, by bytes; like `contains`, chosen over Foundation's
    /// `range(of:)` (NSString underneath on Linux, which showed in the profile).
    func range(of other: String) -> Range<String.Index>? {
        guard !other.isEmpty, let offset = FastSearch.find(other, in: self) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: other.utf8.count)
    }
}

enum FastSearch {
    /// The byte offset of the first `needle` in `hay` (`withUTF8` copies only a string that
    /// is not native).
    static func find(_ needle: String, in hay: String) -> Int? {
        var hay = hay
        var needle = needle
        return hay.withUTF8 { h in needle.withUTF8 { n in find(h, n) } }
    }

    /// Looks for the needle's last byte with `memchr` (vectorised; in UTF-8 Chinese the last
    /// byte is a continuation byte, one of 64, so few candidates) and compares the rest there.
    /// Candidates come in the order of their ends, which for one length is that of their starts.
    static func find(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = needle.count
        guard n > 0, hay.count >= n, let h = hay.baseAddress, let s = needle.baseAddress else {
            return n == 0 ? 0 : nil
        }
        let last = Int32(s[n - 1])
        var end = n - 1
        while end < hay.count {
            guard let hit = memchr(h + end, last, hay.count - end) else { return nil }
            end = UnsafeRawPointer(h).distance(to: UnsafeRawPointer(hit))
            let start = end - (n - 1)
            if n == 1 || memcmp(h + start, s, n - 1) == 0 { return start }
            end += 1
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
