import Foundation

/// Parses and checks many files on all cores; results keep the input order.
public enum DocumentLoader {
    public struct Loaded: Sendable {
        public var path: String
        public var disclosure: Disclosure?
        public var findings: [Finding]
        public var error: String?
    }

    /// Results written by index from concurrent workers, each slot once.
    private final class Slots: @unchecked Sendable {
        var items: [Loaded?]
        let lock = NSLock()
        init(_ n: Int) { items = Array(repeating: nil, count: n) }
        func set(_ i: Int, _ value: Loaded) { lock.lock(); items[i] = value; lock.unlock() }
    }

    public static func load(_ files: [String]) -> [Loaded] {
        let slots = Slots(files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let path = files[i]
            do {
                let d = try DisclosureParser.parse(path: path)
                slots.set(i, Loaded(path: path, disclosure: d, findings: Checker.check(d), error: nil))
            } catch {
                slots.set(i, Loaded(path: path, disclosure: nil, findings: [], error: "\(error)"))
            }
        }
        return slots.items.compactMap { $0 }
    }
}
