/// A line's Characters with, for each, its one scalar where comparing scalars is exact: Character
/// comparison (canonical equivalence) is costly, and most Characters of the prose need none.
struct CharacterLine {
    var chars: [Character] = []
    /// The Character's scalar when it is one plain scalar (`String.isPlainScalar`), else 0.
    /// Such a scalar is in NFC with no singleton decomposition, so two Characters that both have
    /// one are equal exactly when their scalars are; any other pair (K and the Kelvin sign K, 年
    /// and the compatibility ideograph 年 U+F98E) is compared as Characters.
    var scalars: [UInt32] = []
    /// Whether the Character's first scalar is Han.
    var han: [Bool] = []

    init(_ raw: some StringProtocol) {
        let capacity = raw.utf8.count
        chars.reserveCapacity(capacity)
        scalars.reserveCapacity(capacity)
        han.reserveCapacity(capacity)
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

    /// Character i of `a` and j of `b` are equal (Swift's `==`, canonical equivalence).
    static func equal(_ a: CharacterLine, _ i: Int, _ b: CharacterLine, _ j: Int) -> Bool {
        let x = a.scalars[i], y = b.scalars[j]
        if x != 0, y != 0 { return x == y }
        return a.chars[i] == b.chars[j]
    }
}
