import Foundation
import YusuanCore

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

/// Reads, parses and checks the files with a progress bar; unreadable files are reported on
/// stderr (alone, one is unusable input: exit 2).
func loadDocuments(_ files: [String], label: String = "读取") -> [(Disclosure, [Finding])] {
    let bar = ProgressBar(label)
    let loaded = DocumentLoader.load(files) { done, total in bar.update(done, total) }
    bar.finish()
    var out: [(Disclosure, [Finding])] = []
    for l in loaded {
        if let d = l.disclosure {
            out.append((d, l.findings))
        } else if let error = l.error {
            if files.count == 1 { fail(error) }
            FileHandle.standardError.write(Data((TextNormalizer.safeForTerminal(error) + "\n").utf8))
        }
    }
    return out
}
