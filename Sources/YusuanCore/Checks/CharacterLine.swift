/// A line's Characters with, for each, its one scalar where comparing scalars is exact: Character
/// comparison (canonical equivalence) is costly, and most Characters of the prose need none. A
/// plain line (`String.isPlainScalars`), as nearly every line is, keeps only its scalars: each is
/// a Character of its own.
struct CharacterLine {
    /// Whether every scalar is plain: then `chars` is empty and `scalars` are the Characters.
    private(set) var plain = true
    /// The Characters of a line that is not plain.
    private var chars: [Character] = []
    /// The Character's scalar when it is one plain scalar (`String.isPlainScalar`), else 0.
    /// Such a scalar is in NFC with no singleton decomposition, so two Characters that both have
    /// one are equal exactly when their scalars are; any other pair (K and the Kelvin sign K, 年
    /// and the compatibility ideograph 年 U+F98E) is compared as Characters.
    private(set) var scalars: [UInt32] = []
    /// Whether the Character's first scalar is Han.
    private(set) var han: [Bool] = []

    /// The number of Characters.
    var count: Int { scalars.count }

    init(_ raw: some StringProtocol) {
        // A plain line read from its contiguous UTF-8 (nearly every line): scalars decoded in one
        // pass into storage sized once.
        if let values = raw.utf8.withContiguousStorageIfAvailable(Self.plainScalars), let values {
            scalars = values
            han = values.map { (0x4E00...0x9FFF).contains($0) || (0x3400...0x4DBF).contains($0) }
            return
        }
        let capacity = raw.utf8.count
        scalars.reserveCapacity(capacity)
        han.reserveCapacity(capacity)
        for s in raw.unicodeScalars {
            guard String.isPlainScalar(s.value) else {
                plain = false
                break
            }
            scalars.append(s.value)
            han.append(CJK.isHan(s))
        }
        if plain { return }
        scalars.removeAll(keepingCapacity: true)
        han.removeAll(keepingCapacity: true)
        chars.reserveCapacity(capacity)
        for c in raw {
            chars.append(c)
            var it = c.unicodeScalars.makeIterator()
            guard let first = it.next() else {
                scalars.append(0)
                han.append(false)
                continue
            }
            let isHan = CJK.isHan(first)
            han.append(isHan)
            scalars.append(it.next() == nil && String.isPlainScalar(first.value) ? first.value : 0)
        }
    }

    /// The scalars of valid UTF-8, or nil where one is not plain.
    private static func plainScalars(_ b: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        var plain = true
        let values = [UInt32](unsafeUninitializedCapacity: b.count) { out, n in
            var i = 0
            while i < b.count {
                let b0 = b[i]
                let v: UInt32
                if b0 < 0x80 {
                    v = UInt32(b0)
                    i += 1
                } else {
                    v = CJK.scalar(b, at: i)
                    i += b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
                }
                guard String.isPlainScalar(v) else {
                    plain = false
                    return
                }
                out[n] = v
                n += 1
            }
        }
        return plain ? values : nil
    }

    /// Character i.
    func character(_ i: Int) -> Character {
        plain ? Character(Unicode.Scalar(scalars[i])!) : chars[i]
    }

    /// Characters `range` as a string.
    func string(_ range: Range<Int>) -> String {
        guard plain else { return String(chars[range]) }
        var out = String.UnicodeScalarView()
        for v in scalars[range] { out.append(Unicode.Scalar(v)!) }
        return String(out)
    }

    /// Character i of `a` and j of `b` are equal (Swift's `==`, canonical equivalence).
    static func equal(_ a: CharacterLine, _ i: Int, _ b: CharacterLine, _ j: Int) -> Bool {
        let x = a.scalars[i], y = b.scalars[j]
        if x != 0, y != 0 { return x == y }
        if a.plain, b.plain { return x == y }  // a NUL scalar: plain, but 0 like a Character that is not
        return a.character(i) == b.character(j)
    }
}
