import Synchronization

/// The tables' own sums and the faults traced from them, as `ReadingDoubt.mark` worked them out
/// while parsing, handed to the first check, which would get the same from the same tables. That
/// check takes them, so a document kept after it does not carry them (they weigh about as much as
/// its tables). Not part of the disclosure's value: every memo equals every other and hashes
/// nothing.
struct ArithmeticMemo: Hashable, Sendable {
    struct Kept: Sendable {
        /// The tables as they stood when marked: the memo holds only while they are unchanged.
        var tables: [Table]
        var findings: [Finding]
        var relations: [Relation]
        var attribution: Faults.Attribution
    }

    /// Shared by the copies of one parsed disclosure: whichever is checked first takes it.
    private final class Box: Sendable {
        let kept = Mutex<Kept?>(nil)
    }
    private let box = Box()

    func keep(_ kept: Kept) { box.kept.withLock { $0 = kept } }

    func take() -> Kept? {
        box.kept.withLock { kept in
            defer { kept = nil }
            return kept
        }
    }

    static func == (_: Self, _: Self) -> Bool { true }
    func hash(into _: inout Hasher) {}
}

extension TableArithmetic {
    /// Runs the sums into `sink` and traces their faults, or takes both from the parse when the
    /// tables are still those it read (a disclosure from the library cache, or one a test edited,
    /// has none to take or other tables, and is worked out afresh). Comparing tables that share
    /// their storage costs nothing.
    static func traced(_ sink: inout FindingSink) -> Faults.Attribution {
        let d = sink.disclosure
        if let kept = d.arithmetic.take(), kept.tables == d.tables {
            // The kept findings were added to a fresh sink, so adding them again gives the same list.
            for f in kept.findings { sink.add(f) }
            sink.relations = kept.relations
            return kept.attribution
        }
        run(&sink)
        return Faults.attribute(sink.relations, in: d.tables)
    }
}
