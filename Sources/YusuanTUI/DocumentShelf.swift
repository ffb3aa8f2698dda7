import Foundation
import YusuanCore

/// The browser's documents: every summary at once, each whole document when first shown.
///
/// A library of thousands keeps only summaries; the few documents being looked at are held
/// here (the most recent `capacity`), each parsed again if it was let go.
public final class DocumentShelf: @unchecked Sendable {
    public let library: Library
    private let lock = NSLock()
    private var loaded: [Int: LoadedDocument] = [:]
    private var recent: [Int] = []
    private var everyFinding: [(doc: Int, index: Int, finding: Finding)]?
    static let capacity = 16

    public init(_ library: Library) { self.library = library }

    /// Documents already parsed and checked (tests, the fuzzer).
    public convenience init(documents: [LoadedDocument]) {
        self.init(Library(documents: documents.map { ($0.disclosure, $0.findings) }))
        for (i, d) in documents.enumerated() { loaded[i] = d }
    }

    public var count: Int { library.count }
    public var isEmpty: Bool { library.count == 0 }
    public var indices: Range<Int> { 0..<library.count }
    public func entry(_ i: Int) -> LibraryEntry { library.entries[i] }

    /// Document `i` whole. A file that can no longer be read gives its summary's header and one
    /// finding saying why, so whatever screen shows it stays true.
    public subscript(_ i: Int) -> LoadedDocument {
        if let d = lock.withLock({ touch(i) }) { return d }
        let document: LoadedDocument
        do {
            let (d, findings) = try library.document(i)
            document = LoadedDocument(disclosure: d, findings: findings)
        } catch {
            let entry = library.entries[i]
            document = LoadedDocument(
                disclosure: .unreadable(entry), findings: [Finding(rule: Rules.unreadable, message: "\(error)")])
        }
        lock.withLock {
            loaded[i] = document
            recent.append(i)
            if recent.count > DocumentShelf.capacity { loaded[recent.removeFirst()] = nil }
        }
        return document
    }

    /// Whether document `i` can be opened now; the sentence saying why not otherwise.
    public func problem(opening i: Int) -> String? {
        // Only the stand-in for an unreadable file carries this rule; the checker never gives it.
        let d = self[i]
        return d.findings.first?.rule == Rules.unreadable.id ? d.findings[0].message : nil
    }

    private func touch(_ i: Int) -> LoadedDocument? {
        guard let d = loaded[i] else { return nil }
        if let at = recent.firstIndex(of: i) { recent.remove(at: at); recent.append(i) }
        return d
    }

    /// Every finding of every document, errors first, then warnings, then the rest; made once.
    public var allFindings: [(doc: Int, index: Int, finding: Finding)] {
        if let all = lock.withLock({ everyFinding }) { return all }
        var out: [(doc: Int, index: Int, finding: Finding)] = []
        for i in indices {
            let findings = lock.withLock { loaded[i]?.findings } ?? library.findings(i)
            for (k, f) in findings.enumerated() { out.append((i, k, f)) }
        }
        out.sort { a, b in
            a.finding.severity != b.finding.severity
                ? a.finding.severity < b.finding.severity : (a.doc, a.index) < (b.doc, b.index)
        }
        lock.withLock { everyFinding = out }
        return out
    }
}
