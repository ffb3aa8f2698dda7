/// Where a library's summaries and findings persist between runs (SQLite in `YusuanStore`).
/// Implementations never throw at the caller: a cache that cannot be read is a cache miss.
public protocol LibraryCacheStore: AnyObject, Sendable {
    /// Every file seen before (path → its stamp and content hash) and every summary (by hash).
    func snapshot() -> LibraryCacheSnapshot
    /// A document's findings, in the checker's order.
    func findings(hash: String) -> [Finding]?
    /// Records files and new documents; failures to write are the cache's own business.
    func save(
        files: [(path: String, stamp: FileStamp, hash: String)], documents: [(entry: LibraryEntry, findings: [Finding])]
    )
}

public struct LibraryCacheSnapshot: Sendable {
    public var files: [String: (stamp: FileStamp, hash: String)]
    public var entries: [String: LibraryEntry]

    public init(files: [String: (stamp: FileStamp, hash: String)] = [:], entries: [String: LibraryEntry] = [:]) {
        self.files = files
        self.entries = entries
    }
}
