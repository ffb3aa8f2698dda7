#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SourceLines {
    /// Each line's UTF-8 with its 0-based index, read in place from the one text (the lines are
    /// its pieces between line feeds): a reader that skips most lines on their first bytes need
    /// not make a Substring of each (`subscript` validates its indices, at more cost than the test).
    func forEachLineBytes(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        let n = count
        guard n > 0 else { return }
        var text = self.text
        text.withUTF8 { b in
            var start = 0
            for i in 0..<n {
                let from = Swift.min(start, b.count)
                var end = b.count
                if from < b.count, let base = b.baseAddress, let hit = memchr(base + from, 10, b.count - from) {
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                }
                body(i, UnsafeBufferPointer(rebasing: b[from..<end]))
                start = end + 1
            }
        }
    }
}
