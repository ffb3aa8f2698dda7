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
        var done = 0
        func set(_ i: Int, _ value: Loaded) { lock.lock(); items[i] = value; lock.unlock() }
        func finish() -> Int { lock.lock(); defer { lock.unlock() }; done += 1; return done }
    }

    /// `progress` is called with (done, total) as files finish, from any thread.
    public static func load(_ files: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Loaded] {
        let slots = Slots(files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            defer { if let progress { progress(slots.finish(), files.count) } }
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
