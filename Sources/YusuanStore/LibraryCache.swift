import Foundation
import GRDB
import YusuanCore

/// The persistent library index: each file's stamp and content hash, each document's summary and
/// findings by hash, in `$XDG_CACHE_HOME/yusuan/library.sqlite` (else `~/.cache/yusuan/`).
///
/// A cache is never trusted beyond its version and never fatal: written by another build of
/// yusuan it is emptied (the parser or checker may have changed); every row carries a checksum
/// of its payload, and a bad row is read again from its file; a damaged or unreadable cache is
/// made anew, said once, and never while another yusuan has it open (`CacheLock`); a cache busy
/// past a wait, or one that cannot be written, is said once and this run goes on without it.
public final class LibraryCache: LibraryCacheStore, @unchecked Sendable {
    /// Bumped whenever the tables below change.
    public static let schemaVersion = 3

    static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,
            hash TEXT NOT NULL, checksum TEXT NOT NULL);
        CREATE TABLE documents (hash TEXT PRIMARY KEY, path TEXT NOT NULL, unit TEXT NOT NULL, year INTEGER, scope TEXT NOT NULL,
            document_kind TEXT NOT NULL, total_hundredths INTEGER, total_decimals INTEGER, table_count INTEGER NOT NULL,
            errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL, checksum TEXT NOT NULL);
        CREATE TABLE findings (hash TEXT NOT NULL, seq INTEGER NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL,
            category TEXT NOT NULL, message TEXT NOT NULL, table_kind TEXT, table_number TEXT, code TEXT, row_name TEXT,
            column_label TEXT, expected_hundredths INTEGER, expected_decimals INTEGER, actual_hundredths INTEGER,
            actual_decimals INTEGER, line INTEGER, parent INTEGER, blamed TEXT, checksum TEXT NOT NULL,
            PRIMARY KEY (hash, seq)) WITHOUT ROWID;
        """

    public let path: String
    /// What happened on opening, for a note on stderr ("rebuilt: …"); nil when all was well.
    public private(set) var notice: String?
    /// Where later troubles go (a damaged row, a failed write, a rebuild): each kind said once.
    public var report: (@Sendable (String) -> Void)?
    private var queue: DatabaseQueue
    private let version: String
    private let lock: CacheLock
    private let state = NSLock()
    private var said = Set<String>()
    /// Set when the cache was found damaged and could not be replaced: the rest of the run
    /// goes without it.
    private var disabled = false

    /// Why no cache can be had at a path: one sentence, said once, and yusuan runs without.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Opens (or creates) the cache at `path` for this `version` of the program; throws
    /// `Unavailable` when no cache can be had there at all.
    public init(path: String, version: String = LibraryCache.buildVersion, busyWait: TimeInterval = 5) throws {
        self.path = path
        self.version = version
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw Unavailable(description: "\(path): cannot create the cache folder; running without a cache.")
        }
        guard let lock = CacheLock(path: path), LibraryCache.writable(path) else {
            throw Unavailable(description: "\(path): the cache is read-only; running without a cache.")
        }
        self.lock = lock
        var notice: String?
        do {
            queue = try LibraryCache.open(path, version: version, busyWait: busyWait, notice: &notice)
        } catch let error as DatabaseError where LibraryCache.isBusy(error) {
            throw Unavailable(
                description: "\(path): the cache is busy in another yusuan; running without a cache this time.")
        } catch let error as DatabaseError where LibraryCache.isReadOnly(error) {
            throw Unavailable(description: "\(path): the cache is read-only; running without a cache.")
        } catch {
            // Unreadable (not a database, damaged): start again from nothing, if no one else has it.
            var fresh: DatabaseQueue?
            _ = try? lock.exclusively { fresh = try LibraryCache.replace(path, version: version) }
            guard let fresh else {
                throw Unavailable(
                    description:
                        "\(path): the cache is damaged and in use by another yusuan; running without a cache this time."
                )
            }
            queue = fresh
            notice = "\(path): the cache was unreadable and has been rebuilt."
        }
        self.notice = notice
    }

    /// Whether the cache and its folder can be written (the journal is made beside the file).
    static func writable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(folder, W_OK) == 0 && (access(path, F_OK) != 0 || access(path, W_OK) == 0)
    }

    static func isBusy(_ error: DatabaseError) -> Bool {
        [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode)
    }

    static func isReadOnly(_ error: DatabaseError) -> Bool {
        [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(error.resultCode)
    }

    static func open(_ path: String, version: String, busyWait: TimeInterval = 5, notice: inout String?) throws
        -> DatabaseQueue
    {
        var config = Configuration()
        config.busyMode = .timeout(busyWait)  // another yusuan writing the same cache
        let queue = try DatabaseQueue(path: path, configuration: config)
        let stored = try queue.read { db -> String? in
            guard try db.tableExists("meta") else { return nil }
            return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'version'")
        }
        if stored != version {
            if stored != nil {
                notice = "\(path): the cache was made by another version of yusuan and has been rebuilt."
            }
            try queue.write { db in
                for table in ["meta", "files", "documents", "findings"] {
                    try db.execute(sql: "DROP TABLE IF EXISTS \(table)")
                }
                try db.execute(sql: schema)
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('version', ?)", arguments: [version])
            }
        } else {
            // A write that changes nothing: a cache that cannot be written says so now, once.
            try queue.write { db in try db.execute(sql: "UPDATE meta SET value = value WHERE key = 'version'") }
        }
        // Walk every table once, so damage deep in the file shows now rather than mid-session.
        _ = try queue.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM files) + (SELECT count(*) FROM documents)
                        + (SELECT count(*) FROM findings)
                    """)
        }
        return queue
    }

    /// A new, empty cache in place of the one at `path`: made beside it and renamed over it, so
    /// the path always holds a whole database. Only under the exclusive lock.
    static func replace(_ path: String, version: String) throws -> DatabaseQueue {
        let temporary = path + ".rebuild"
        remove(temporary)
        var ignored: String?
        try open(temporary, version: version, notice: &ignored).close()
        remove(path)
        guard rename(temporary, path) == 0 else { throw Unavailable(description: "\(path): cannot be replaced") }
        return try open(path, version: version, notice: &ignored)
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Says `message` once per kind for this cache.
    func say(_ kind: String, _ message: String) {
        let first = state.withLock { said.insert(kind).inserted }
        if first { report?(message) }
    }

    /// A failure met while reading or writing: damage rebuilds the cache (said once), anything
    /// else is said once and the run goes on without what it could not read or keep.
    func trouble(_ error: Error) {
        guard let error = error as? DatabaseError else { return }
        if Self.isBusy(error) {
            say("busy", "\(path): the cache is busy in another yusuan; this run's results are not kept.")
        } else if [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            rebuild()
        } else {
            say("write", "\(path): the cache cannot be written (\(error.resultCode)); this run's results are not kept.")
        }
    }

    /// Damage found mid-run: a new empty cache, unless another yusuan has this one open.
    func rebuild() {
        let done = state.withLock { () -> Bool in
            guard !said.contains("rebuilt") else { return true }
            try? queue.close()
            let replaced = try? lock.exclusively { queue = try Self.replace(path, version: version) }
            disabled = replaced != true
            return replaced == true
        }
        if done {
            say("rebuilt", "\(path): the cache was damaged and has been rebuilt.")
        } else {
            say("rebuilt", "\(path): the cache is damaged and in use by another yusuan; it is rebuilt later.")
        }
    }

    /// The database, for one read or write (rebuild may swap it); nil once disabled.
    private var database: DatabaseQueue? { state.withLock { disabled ? nil : queue } }

    /// `body` on the database, its failure handled by `trouble`.
    private func attempt<T>(_ body: (DatabaseQueue) throws -> T) -> T? {
        guard let queue = database else { return nil }
        do { return try body(queue) } catch {
            trouble(error)
            return nil
        }
    }

    /// A row's checksum was wrong: said once; the row is read again from its file.
    private func badRow() {
        say("row", "\(path): damaged entries in the cache are read again from their files.")
    }

    /// `$XDG_CACHE_HOME/yusuan/library.sqlite`, else `$HOME/.cache/yusuan/library.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/yusuan/library.sqlite" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/yusuan/library.sqlite" }
        return nil
    }

    /// The schema and this very build of yusuan (its executable's size and time): a new build
    /// may parse or check differently, so its cache starts empty.
    public static let buildVersion: String = {
        let exe = FileStamp.of("/proc/self/exe") ?? FileStamp.of(CommandLine.arguments.first ?? "")
        return "\(schemaVersion) \(exe.map { "\($0.size)-\($0.modifiedNanoseconds)" } ?? "unknown")"
    }()

    // MARK: LibraryCacheStore

    public func snapshot() -> LibraryCacheSnapshot {
        var bad = false
        let snapshot = attempt { queue in
            try queue.read { db in
                var snapshot = LibraryCacheSnapshot()
                let files = try Row.fetchCursor(
                    db, sql: "SELECT path, size, mtime_ns, inode, hash, checksum FROM files")
                while let r = try files.next() {
                    guard RowChecksum.verify(r) else { bad = true; continue }
                    snapshot.files[r[0]] = (FileStamp(size: r[1], modifiedNanoseconds: r[2], inode: r[3]), r[4])
                }
                let documents = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT hash, path, unit, year, scope, document_kind, total_hundredths, total_decimals, table_count,
                               errors, warnings, infos, checksum
                        FROM documents
                        """)
                while let r = try documents.next() {
                    guard RowChecksum.verify(r) else { bad = true; continue }
                    let total: Amount? = (r[6] as Int64?).map { Amount(hundredths: $0, decimals: r[7] ?? 2) }
                    snapshot.entries[r[0]] = LibraryEntry(
                        path: r[1], hash: r[0], unit: r[2], year: r[3], scope: r[4], documentKind: r[5],
                        total: total, tableCount: r[8], errors: r[9], warnings: r[10], infos: r[11])
                }
                return snapshot
            }
        }
        if bad { badRow() }
        return snapshot ?? LibraryCacheSnapshot()
    }

    public func findings(hash: String) -> [Finding]? {
        var bad = false
        let found = attempt { queue in
            try queue.read { db -> [Finding]? in
                guard try Int.fetchOne(db, sql: "SELECT 1 FROM documents WHERE hash = ?", arguments: [hash]) != nil
                else { return nil }
                var out: [Finding] = []
                var position: [Int64: Int] = [:]  // a stored seq → its finding in `out`
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT rule, severity, category, message, table_kind, table_number, code, row_name, column_label,
                               expected_hundredths, expected_decimals, actual_hundredths, actual_decimals, line, parent,
                               blamed, seq, hash, checksum
                        FROM findings WHERE hash = ? ORDER BY seq
                        """, arguments: [hash])
                while let r = try rows.next() {
                    guard RowChecksum.verify(r), let f = Self.finding(r) else { bad = true; return nil }
                    if let parent: Int64 = r[14] {
                        guard let k = position[parent] else { bad = true; return nil }
                        out[k].related.append(f)
                    } else {
                        position[r[16]] = out.count
                        out.append(f)
                    }
                }
                return out
            }
        }
        if bad { badRow() }
        return found ?? nil
    }

    /// One stored finding (without its related ones), or nil if a stored word is unknown.
    static func finding(_ r: GRDB.Row) -> Finding? {
        guard let severity = Finding.Severity(rawValue: r[1]), let category = Finding.Category(rawValue: r[2])
        else { return nil }
        let kind: String? = r[4]
        if let kind, TableKind(rawValue: kind) == nil { return nil }
        var f = Finding(
            stored: r[0], severity: severity, category: category, message: r[3],
            table: kind.flatMap(TableKind.init),
            tableNumber: r[5], code: r[6], row: r[7], column: r[8],
            expected: (r[9] as Int64?).map { Amount(hundredths: $0, decimals: r[10] ?? 2) },
            actual: (r[11] as Int64?).map { Amount(hundredths: $0, decimals: r[12] ?? 2) }, line: r[13])
        if let text: String = r[15] {
            guard let cell = CellRef(stored: text) else { return nil }
            f.blamed = cell
        }
        return f
    }

    public func save(
        files: [(path: String, stamp: FileStamp, hash: String)], documents: [(entry: LibraryEntry, findings: [Finding])]
    ) {
        _ = attempt { queue in
            try queue.write { db in
                // Each statement compiled once for all the rows of this write.
                let insertDocument = try db.makeStatement(
                    sql: """
                        INSERT OR REPLACE INTO documents (hash, path, unit, year, scope, document_kind, total_hundredths,
                            total_decimals, table_count, errors, warnings, infos, checksum) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                        """)
                let deleteFindings = try db.makeStatement(sql: "DELETE FROM findings WHERE hash = ?")
                let insertFinding = try db.makeStatement(
                    sql: """
                        INSERT INTO findings (rule, severity, category, message, table_kind, table_number, code,
                            row_name, column_label, expected_hundredths, expected_decimals, actual_hundredths,
                            actual_decimals, line, parent, blamed, seq, hash, checksum)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                        """)
                let insertFile = try db.makeStatement(
                    sql:
                        "INSERT OR REPLACE INTO files (path, size, mtime_ns, inode, hash, checksum) VALUES (?,?,?,?,?,?)"
                )
                for (e, findings) in documents {
                    var row: [(any DatabaseValueConvertible)?] = [
                        e.hash, e.path, e.unit, e.year, e.scope, e.documentKind, e.total?.hundredths, e.total?.decimals,
                        e.tableCount, e.errors, e.warnings, e.infos
                    ]
                    row.append(RowChecksum.of(row))
                    try insertDocument.execute(arguments: StatementArguments(row))
                    try deleteFindings.execute(arguments: [e.hash])
                    var seq = 0
                    for f in findings {
                        let head = seq
                        for (k, g) in ([f] + f.related).enumerated() {
                            // In the order `findings(hash:)` reads them, so one checksum serves both.
                            var row: [(any DatabaseValueConvertible)?] = [
                                g.rule, g.severity.rawValue, g.category.rawValue, g.message, g.table?.rawValue,
                                g.tableNumber, g.code, g.row, g.column, g.expected?.hundredths, g.expected?.decimals,
                                g.actual?.hundredths, g.actual?.decimals, g.line, k == 0 ? nil : head, g.blamed?.stored,
                                seq, e.hash
                            ]
                            row.append(RowChecksum.of(row))
                            try insertFinding.execute(arguments: StatementArguments(row))
                            seq += 1
                        }
                    }
                }
                for f in files {
                    var row: [(any DatabaseValueConvertible)?] = [
                        f.path, f.stamp.size, f.stamp.modifiedNanoseconds, f.stamp.inode, f.hash
                    ]
                    row.append(RowChecksum.of(row))
                    try insertFile.execute(arguments: StatementArguments(row))
                }
            }
        }
    }
}
