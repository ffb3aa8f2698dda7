import Foundation
import GRDB
import YusuanCore

/// The persistent library index: each file's stamp and content hash, each document's summary and
/// findings by hash, in `$XDG_CACHE_HOME/yusuan/library.sqlite` (else `~/.cache/yusuan/`).
///
/// A cache is never trusted beyond its version and never fatal: written by another build of
/// yusuan it is emptied (the parser or checker may have changed), unreadable it is deleted and
/// made anew, and if even that fails yusuan runs without one.
public final class LibraryCache: LibraryCacheStore, @unchecked Sendable {
    /// Bumped whenever the tables below change.
    public static let schemaVersion = 2

    static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,
            hash TEXT NOT NULL);
        CREATE TABLE documents (hash TEXT PRIMARY KEY, path TEXT NOT NULL, unit TEXT NOT NULL, year INTEGER, scope TEXT NOT NULL,
            document_kind TEXT NOT NULL, total_hundredths INTEGER, total_decimals INTEGER, table_count INTEGER NOT NULL,
            errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL);
        CREATE TABLE findings (hash TEXT NOT NULL, seq INTEGER NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL,
            category TEXT NOT NULL, message TEXT NOT NULL, table_kind TEXT, table_number TEXT, code TEXT, row_name TEXT,
            column_label TEXT, expected_hundredths INTEGER, expected_decimals INTEGER, actual_hundredths INTEGER,
            actual_decimals INTEGER, line INTEGER, parent INTEGER, blamed TEXT, PRIMARY KEY (hash, seq)) WITHOUT ROWID;
        """

    public let path: String
    /// What happened on opening, for a note on stderr ("rebuilt: …"); nil when all was well.
    public private(set) var notice: String?
    private let queue: DatabaseQueue

    /// Why no cache can be had at a path: one sentence, said once, and yusuan runs without.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Opens (or creates) the cache at `path` for this `version` of the program; throws
    /// `Unavailable` when no cache can be had there at all.
    public init(path: String, version: String = LibraryCache.buildVersion) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw Unavailable(description: "\(path): cannot create the cache folder; running without a cache.")
        }
        var notice: String?
        var opened = try? LibraryCache.open(path, version: version, notice: &notice)
        if opened == nil {
            // Unreadable (not a database, damaged, wrong owner): start again from nothing.
            LibraryCache.remove(path)
            notice = "\(path): the cache was unreadable and has been rebuilt."
            opened = try? LibraryCache.open(path, version: version, notice: &notice)
        }
        guard let queue = opened else {
            throw Unavailable(description: "\(path): the cache cannot be written; running without a cache.")
        }
        self.queue = queue
        self.notice = notice
    }

    static func open(_ path: String, version: String, notice: inout String?) throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(5)  // another yusuan writing the same cache
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
        }
        // Read every table once, so damage deep in the file shows now rather than mid-session.
        _ = try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM files) + (SELECT count(*) FROM documents)")
        }
        return queue
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
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
        (try? queue.read { db in
            var snapshot = LibraryCacheSnapshot()
            let files = try Row.fetchCursor(db, sql: "SELECT path, size, mtime_ns, inode, hash FROM files")
            while let r = try files.next() {
                snapshot.files[r[0]] = (FileStamp(size: r[1], modifiedNanoseconds: r[2], inode: r[3]), r[4])
            }
            let documents = try Row.fetchCursor(
                db,
                sql: """
                    SELECT hash, path, unit, year, scope, document_kind, total_hundredths, total_decimals, table_count, errors, warnings, infos
                    FROM documents
                    """)
            while let r = try documents.next() {
                let total: Amount? = (r[6] as Int64?).map { Amount(hundredths: $0, decimals: r[7] ?? 2) }
                snapshot.entries[r[0]] = LibraryEntry(
                    path: r[1], hash: r[0], unit: r[2], year: r[3], scope: r[4], documentKind: r[5],
                    total: total, tableCount: r[8], errors: r[9], warnings: r[10], infos: r[11])
            }
            return snapshot
        }) ?? LibraryCacheSnapshot()
    }

    public func findings(hash: String) -> [Finding]? {
        try? queue.read { db -> [Finding]? in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM documents WHERE hash = ?", arguments: [hash]) != nil else {
                return nil
            }
            var out: [Finding] = []
            var position: [Int64: Int] = [:]  // a stored seq → its finding in `out`
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT rule, severity, category, message, table_kind, table_number, code, row_name, column_label,
                           expected_hundredths, expected_decimals, actual_hundredths, actual_decimals, line, parent, blamed, seq
                    FROM findings WHERE hash = ? ORDER BY seq
                    """, arguments: [hash])
            while let r = try rows.next() {
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
                if let parent: Int64 = r[14] {
                    guard let k = position[parent] else { return nil }
                    out[k].related.append(f)
                } else {
                    position[r[16]] = out.count
                    out.append(f)
                }
            }
            return out
        } ?? nil
    }

    public func save(
        files: [(path: String, stamp: FileStamp, hash: String)], documents: [(entry: LibraryEntry, findings: [Finding])]
    ) {
        try? queue.write { db in
            for (e, findings) in documents {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO documents (hash, path, unit, year, scope, document_kind, total_hundredths, total_decimals,
                            table_count, errors, warnings, infos) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
                        """,
                    arguments: [
                        e.hash, e.path, e.unit, e.year, e.scope, e.documentKind, e.total?.hundredths, e.total?.decimals,
                        e.tableCount, e.errors, e.warnings, e.infos
                    ])
                try db.execute(sql: "DELETE FROM findings WHERE hash = ?", arguments: [e.hash])
                var seq = 0
                for f in findings {
                    let head = seq
                    for (k, g) in ([f] + f.related).enumerated() {
                        try db.execute(
                            sql: """
                                INSERT INTO findings (hash, seq, rule, severity, category, message, table_kind, table_number, code,
                                    row_name, column_label, expected_hundredths, expected_decimals, actual_hundredths,
                                    actual_decimals, line, parent, blamed)
                                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                                """,
                            arguments: [
                                e.hash, seq, g.rule, g.severity.rawValue, g.category.rawValue, g.message,
                                g.table?.rawValue,
                                g.tableNumber, g.code, g.row, g.column, g.expected?.hundredths, g.expected?.decimals,
                                g.actual?.hundredths, g.actual?.decimals, g.line, k == 0 ? nil : head, g.blamed?.stored
                            ])
                        seq += 1
                    }
                }
            }
            for f in files {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO files (path, size, mtime_ns, inode, hash) VALUES (?,?,?,?,?)",
                    arguments: [f.path, f.stamp.size, f.stamp.modifiedNanoseconds, f.stamp.inode, f.hash])
            }
        }
    }
}
