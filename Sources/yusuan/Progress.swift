import ArgumentParser
import Foundation
import YusuanCore
import YusuanStore

/// A progress bar on stderr for runs longer than a moment, only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var shown = false
    private var last = Date.distantPast
    private let label: String

    init(_ label: String) { self.label = label }

    static var enabled: Bool { isatty(2) != 0 }

    func update(_ done: Int, _ total: Int) {
        guard ProgressBar.enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        // Nothing for the first half second, then at most twenty redraws a second.
        guard now.timeIntervalSince(start) > 0.5, done == total || now.timeIntervalSince(last) > 0.05 else { return }
        last = now
        shown = true
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: " ", count: width - filled)
        let rate = Double(done) / max(0.001, now.timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\(label) ▕\(bar)▏ \(done)/\(total)  \(Int(rate)) 个/秒 ".utf8))
    }

    /// Clears the bar's line.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// `--no-cache`, for every command that reads a library.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Neither read nor write the library cache ($XDG_CACHE_HOME/yusuan or ~/.cache/yusuan).") var noCache =
        false

    /// The cache, unless bypassed; a cache that cannot be had is a note on stderr, never an error.
    func cache() -> LibraryCache? {
        guard !noCache, let path = LibraryCache.defaultPath() else { return nil }
        do {
            let cache = try LibraryCache(path: path)
            if let notice = cache.notice { note(notice) }
            cache.report = { note($0) }
            return cache
        } catch {
            note("\(error)")
            return nil
        }
    }
}

/// Indexes the files with a progress bar (from the cache what it knows); unreadable files are
/// reported on stderr (alone, one is unusable input: exit 2).
func openLibrary(_ files: [String], label: String, cache: LibraryCache?, keep: Bool? = nil) -> Library {
    let bar = ProgressBar(label)
    let library = Library.open(files, cache: cache, keep: keep) { done, total in bar.update(done, total) }
    bar.finish()
    for failure in library.failures {
        if files.count == 1 { fail(failure.message) }
        note(failure.message)
    }
    return library
}

/// Every document whole, for the commands that write the whole model out.
func loadDocuments(_ files: [String], label: String = "读取") -> [(Disclosure, [Finding])] {
    let library = openLibrary(files, label: label, cache: nil, keep: true)
    return (0..<library.count).compactMap { try? library.document($0) }
}
