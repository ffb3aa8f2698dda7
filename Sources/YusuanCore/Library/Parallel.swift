import Foundation

/// Independent pieces of one document's work done side by side: one PDF read alone leaves a
/// core idle once its converter has finished.
enum Parallel {
    /// `transform` of every element, in order, computed on all cores.
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Slots<U>(items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            results.set(i, transform(items[i]))
        }
        return results.items.map { $0! }
    }

    /// `a` and `b` side by side; both results once both are done.
    static func pair<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let first = Slots<A>(1), second = Slots<B>(1)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { first.set(0, a()) } else { second.set(0, b()) }
        }
        return (first.items[0]!, second.items[0]!)
    }

    /// Each slot written once, by one thread; read after all have finished. `finish` counts the
    /// pieces done, for a progress bar.
    final class Slots<U>: @unchecked Sendable {
        var items: [U?]
        let lock = NSLock()
        var done = 0
        init(_ n: Int) { items = Array(repeating: nil, count: n) }
        func set(_ i: Int, _ value: U) { lock.withLock { items[i] = value } }
        func finish() -> Int {
            lock.withLock {
                done += 1
                return done
            }
        }
    }
}
