import Foundation

/// Many disclosures, indexed: every file's summary at once, each whole document when asked for.
///
/// `open` reads, parses and checks on all cores only what the cache does not already know; a
/// file whose stamp is unchanged is not even read. Small libraries keep their parsed documents;
/// large ones keep summaries and parse a document again when it is opened (tens of
/// milliseconds), so memory stays flat however many files there are.
public final class Library: @unchecked Sendable {
    public private(set) var entries: [LibraryEntry]
    /// Files that could not be read, with the sentence saying why, in input order.
    public let failures: [(path: String, message: String)]
    /// How many documents came from the cache and how many were parsed now.
    public let cached: Int
    public let parsed: Int
    let cache: LibraryCacheStore?
    private let lock = NSLock()
    /// Documents parsed and kept (small libraries), and the findings of every document parsed in
    /// this run (small beside the documents; spares `check --no-cache` a second parse).
    private var kept: [String: Disclosure] = [:]
    private var keptFindings: [String: [Finding]] = [:]

    /// Libraries up to this size keep every parsed document in memory.
    public static let keepLimit = 64

    init(
        entries: [LibraryEntry], failures: [(String, String)], cached: Int, parsed: Int, cache: LibraryCacheStore?,
        kept: [String: Disclosure], keptFindings: [String: [Finding]]
    ) {
        self.entries = entries
        self.failures = failures
        self.cached = cached
        self.parsed = parsed
        self.cache = cache
        self.kept = kept
        self.keptFindings = keptFindings
    }

    /// Documents already in memory (tests, the fuzzer, a single parsed file).
    public convenience init(documents: [(Disclosure, [Finding])]) {
        var kept: [String: Disclosure] = [:]
        var keptFindings: [String: [Finding]] = [:]
        for (d, f) in documents { kept[d.path] = d; keptFindings[d.path] = f }
        self.init(
            entries: documents.map { LibraryEntry($0.0, findings: $0.1, hash: "") }, failures: [], cached: 0,
            parsed: documents.count, cache: nil, kept: kept, keptFindings: keptFindings)
    }

    public var count: Int { entries.count }

    /// The findings of entry `i`: kept, cached, or from parsing the file again.
    public func findings(_ i: Int) -> [Finding] {
        let e = entries[i]
        if let k = lock.withLock({ keptFindings[e.path] }) { return k }
        if !e.hash.isEmpty, let f = cache?.findings(hash: e.hash) { return f }
        guard let (_, findings) = try? document(i) else { return [] }
        // The cache lacked them or held a damaged row: what was parsed now mends it.
        if let cache, !e.hash.isEmpty, entries[i].hash == e.hash { cache.save(files: [], documents: [(e, findings)]) }
        return findings
    }

    /// Entry `i`'s whole document. Parsed again when not kept; if the file changed since it was
    /// indexed, its entry is brought up to date (and the cache with it).
    public func document(_ i: Int) throws -> (Disclosure, [Finding]) {
        let path = entries[i].path
        if let d = lock.withLock({ kept[path] }), let f = lock.withLock({ keptFindings[path] }) { return (d, f) }
        if let companion = entries[i].companion {
            let d = try DisclosureParser.parse(prose: path, tables: companion)
            return (d, Checker.check(d))
        }
        let data = try TextDecoder.readBytes(path: path)
        let d = try DisclosureParser.parse(text: TextDecoder.text(of: data, path: path), path: path)
        let findings = Checker.check(d)
        let hash = try ContentHash.of(file: path, head: data)
        if hash != entries[i].hash {
            let entry = LibraryEntry(d, findings: findings, hash: hash)
            lock.withLock {
                entries[i] = entry; keptFindings[path] = findings
            }
            if let stamp = FileStamp.of(path) {
                cache?.save(files: [(path, stamp, hash)], documents: [(entry, findings)])
            }
        }
        return (d, findings)
    }

    /// Reads the files on all cores. `progress` is called with (done, total) from any thread.
    public static func open(
        _ files: [String], cache: LibraryCacheStore?, keep: Bool? = nil,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> Library {
        let keepDocuments = keep ?? (files.count <= keepLimit)
        let snapshot = cache?.snapshot() ?? LibraryCacheSnapshot()
        let slots = Parallel.Slots<Outcome>(files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let outcome = index(files[i], snapshot: snapshot, keep: keepDocuments)
            slots.set(i, outcome)
            progress?(slots.finish(), files.count)
        }
        var entries: [LibraryEntry] = []
        var failures: [(String, String)] = []
        var newFiles: [(path: String, stamp: FileStamp, hash: String)] = []
        var newDocuments: [(entry: LibraryEntry, findings: [Finding])] = []
        var kept: [String: Disclosure] = [:]
        var keptFindings: [String: [Finding]] = [:]
        var cached = 0
        for outcome in slots.items {
            switch outcome {
            case .cached(let entry, let refreshed):
                entries.append(entry)
                cached += 1
                if let refreshed { newFiles.append(refreshed) }
            case .parsed(let entry, let stamp, let findings, let document):
                entries.append(entry)
                if let stamp { newFiles.append((entry.path, stamp, entry.hash)) }
                newDocuments.append((entry, findings))
                keptFindings[entry.path] = findings
                if let document { kept[entry.path] = document }
            case .failed(let path, let message):
                failures.append((path, message))
            case nil:
                break
            }
        }
        pair(
            &entries, snapshot: snapshot, keep: keepDocuments, documents: &newDocuments, kept: &kept,
            keptFindings: &keptFindings)
        if !newFiles.isEmpty || !newDocuments.isEmpty { cache?.save(files: newFiles, documents: newDocuments) }
        return Library(
            entries: entries, failures: failures, cached: cached, parsed: newDocuments.count, cache: cache, kept: kept,
            keptFindings: keptFindings)
    }

    /// Prose and tables published as two files become one entry, read together: the pair's
    /// summary and findings are cached under both files' hashes.
    static func pair(
        _ entries: inout [LibraryEntry], snapshot: LibraryCacheSnapshot, keep: Bool,
        documents: inout [(entry: LibraryEntry, findings: [Finding])], kept: inout [String: Disclosure],
        keptFindings: inout [String: [Finding]]
    ) {
        var drop = Set<Int>()
        for (p, t) in DocumentPairs.find(entries) {
            let (prose, tables) = (entries[p], entries[t])
            let hash = "\(prose.hash)+\(tables.hash)"
            var entry: LibraryEntry
            if var known = snapshot.entries[hash] {
                known.path = prose.path
                entry = known
                keptFindings[prose.path] = nil  // the prose alone's; the pair's are in the cache
                kept[prose.path] = nil
            } else {
                guard let d = try? DisclosureParser.parse(prose: prose.path, tables: tables.path) else { continue }
                let findings = Checker.check(d)
                entry = LibraryEntry(d, findings: findings, hash: hash)
                documents.append((entry, findings))
                keptFindings[prose.path] = findings
                kept[prose.path] = keep ? d : nil
            }
            entry.companion = tables.path
            entries[p] = entry
            drop.insert(t)
            kept[tables.path] = nil
            keptFindings[tables.path] = nil
        }
        entries = entries.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    enum Outcome: Sendable {
        /// Known to the cache; `refreshed` when the file was read to learn that (moved, touched).
        case cached(LibraryEntry, refreshed: (path: String, stamp: FileStamp, hash: String)?)
        case parsed(LibraryEntry, FileStamp?, [Finding], Disclosure?)
        case failed(String, String)
    }

    static func index(_ path: String, snapshot: LibraryCacheSnapshot, keep: Bool) -> Outcome {
        let stamp = FileStamp.of(path)
        if let stamp, let known = snapshot.files[path], known.stamp == stamp, var entry = snapshot.entries[known.hash] {
            entry.path = path
            return .cached(entry, refreshed: nil)
        }
        do {
            let data = try TextDecoder.readBytes(path: path)
            let hash = try ContentHash.of(file: path, head: data)
            if var entry = snapshot.entries[hash] {
                entry.path = path
                return .cached(entry, refreshed: stamp.map { (path, $0, hash) })
            }
            let d = try DisclosureParser.parse(text: TextDecoder.text(of: data, path: path), path: path)
            let findings = Checker.check(d)
            return .parsed(LibraryEntry(d, findings: findings, hash: hash), stamp, findings, keep ? d : nil)
        } catch {
            return .failed(path, "\(error)")
        }
    }
}
