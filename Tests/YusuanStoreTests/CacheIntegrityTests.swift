import Foundation
import GRDB
import Testing
import YusuanCore

@testable import YusuanStore

/// The cache cannot lie: whole-file keys, checksummed rows, damage rebuilt and said once, a busy
/// or shared cache never deleted, a read-only one said once (README, *Many disclosures*).
@Suite struct CacheIntegrityTests {
    let helper = LibraryCacheTests()

    /// What the cache said after opening, in order.
    final class Heard: @unchecked Sendable {
        var lines: [String] = []
        let lock = NSLock()
        func add(_ s: String) { lock.withLock { lines.append(s) } }
    }

    func open(_ path: String, _ heard: Heard) throws -> LibraryCache {
        let cache = try LibraryCache(path: path)
        cache.report = { heard.add($0) }
        return cache
    }

    @Test func keyCoversTheWholeFile() throws {
        // Two "PDFs" alike in their first 16 MB and more, different after: different keys.
        let folder = NSTemporaryDirectory() + "yusuan-hash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var body = Data("%PDF-1.4\n".utf8)
        body.append(Data(repeating: 0x20, count: TextDecoder.maxBytes + 100))
        try (body + Data("A".utf8)).write(to: URL(fileURLWithPath: folder + "/a.pdf"))
        try (body + Data("B".utf8)).write(to: URL(fileURLWithPath: folder + "/b.pdf"))
        let headA = try TextDecoder.readBytes(path: folder + "/a.pdf")
        let headB = try TextDecoder.readBytes(path: folder + "/b.pdf")
        #expect(headA == headB)
        let a = try ContentHash.of(file: folder + "/a.pdf", head: headA)
        let b = try ContentHash.of(file: folder + "/b.pdf", head: headB)
        #expect(a != b)
        #expect(a == ContentHash.of(body + Data("A".utf8)))
    }

    @Test func hashDoesNotDependOnChunks() {
        let data = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        var h = ContentHash()
        for cut in stride(from: 0, to: 1000, by: 13) { h.update(data[cut..<min(cut + 13, 1000)]) }
        #expect(h.finish() == ContentHash.of(data))
        #expect(ContentHash.of(data) != ContentHash.of(data.dropLast()))
        #expect(ContentHash.of(Data()) != ContentHash.of(Data([0])))
    }

    @Test func flippedMessageIsNotServed() throws {
        let (_, files, cachePath) = try helper.library()
        _ = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
        let fresh = Checker.check(try DisclosureParser.parse(path: files[0]))
        let first = try #require(fresh.first)
        // One letter of a stored message changed behind the cache's back, its checksum left as it was.
        let queue = try DatabaseQueue(path: cachePath)
        try queue.write { db in
            try db.execute(sql: "UPDATE findings SET message = message || 'x' WHERE seq = 0")
        }
        try queue.close()
        let heard = Heard()
        let library = Library.open(files, cache: try open(cachePath, heard), keep: false)
        #expect(library.cached == 2)
        #expect(library.findings(0).first?.message == first.message)
        #expect(library.findings(0) == fresh)
        #expect(heard.lines.count == 1)
        #expect(heard.lines.first?.contains("read again") == true)
        // Mended: the next run serves the row and says nothing.
        let again = Heard()
        let next = Library.open(files, cache: try open(cachePath, again), keep: false)
        #expect(next.findings(0) == fresh)
        #expect(again.lines.isEmpty)
    }

    @Test func changedSummaryIsReadAgain() throws {
        let (_, files, cachePath) = try helper.library()
        _ = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
        let queue = try DatabaseQueue(path: cachePath)
        try queue.write { db in try db.execute(sql: "UPDATE documents SET errors = errors + 7, unit = '某单位'") }
        try queue.close()
        let heard = Heard()
        let library = Library.open(files, cache: try open(cachePath, heard), keep: false)
        #expect(library.parsed == 2 && library.cached == 0)
        #expect(library.entries[0].unit == "克孜勒苏柯尔克孜自治州社会保险中心")
        #expect(heard.lines.count == 1)
        #expect(Library.open(files, cache: try LibraryCache(path: cachePath), keep: false).cached == 2)
    }

    /// Random bytes over the documents table's page: rebuilt once, said once, warm next time.
    @Test func damagedPageIsRebuiltOnce() throws {
        let (_, files, cachePath) = try helper.library()
        _ = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
        let queue = try DatabaseQueue(path: cachePath)
        let (root, pageSize) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'documents'") ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            )
        }
        try queue.close()
        #expect(root > 1)
        let handle = try #require(FileHandle(forUpdatingAtPath: cachePath))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        var random = SystemRandomNumberGenerator()
        try handle.write(contentsOf: Data((0..<pageSize).map { _ in UInt8.random(in: 0...255, using: &random) }))
        try handle.close()
        let heard = Heard()
        let cache = try open(cachePath, heard)
        let library = Library.open(files, cache: cache, keep: false)
        #expect(library.parsed == 2)
        let said = (cache.notice.map { [$0] } ?? []) + heard.lines
        #expect(said.count == 1)
        #expect(said.first?.contains("rebuilt") == true)
        let next = Heard()
        let warm = Library.open(files, cache: try open(cachePath, next), keep: false)
        #expect(warm.cached == 2 && next.lines.isEmpty)
    }

    @Test func busyCacheIsSkippedNotDeleted() throws {
        let (_, files, cachePath) = try helper.library()
        _ = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
        // Another process mid-write: an exclusive transaction held open.
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: cachePath, configuration: config)
        try other.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        #expect {
            _ = try LibraryCache(path: cachePath, busyWait: 0.2)
        } throws: { "\($0)".contains("busy") && "\($0)".contains("without a cache this time") }
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        try other.close()
        // Nothing was lost: the next run is warm.
        #expect(Library.open(files, cache: try LibraryCache(path: cachePath), keep: false).cached == 2)
    }

    @Test func damagedCacheInUseIsNotDeleted() throws {
        let (_, files, cachePath) = try helper.library()
        _ = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
        // Another yusuan has it open (its shared lock); then the file is damaged.
        var other = CacheLock(path: cachePath)
        #expect(other != nil)
        let junk = Data(repeating: 0x5A, count: 4096)
        try junk.write(to: URL(fileURLWithPath: cachePath))
        #expect {
            _ = try LibraryCache(path: cachePath)
        } throws: { "\($0)".contains("in use by another yusuan") }
        #expect(FileManager.default.contents(atPath: cachePath) == junk)
        // Alone again: rebuilt, said once.
        other = nil
        let cache = try LibraryCache(path: cachePath)
        #expect(cache.notice?.contains("rebuilt") == true)
        #expect(Library.open(files, cache: cache, keep: false).parsed == 2)
    }

    @Test func readOnlyFolderIsSaidOnce() throws {
        // /proc/sys cannot be written even by root.
        #expect {
            _ = try LibraryCache(path: "/proc/sys/library.sqlite")
        } throws: { "\($0)" == "/proc/sys/library.sqlite: the cache is read-only; running without a cache." }
        if geteuid() != 0 {
            let (_, files, cachePath) = try helper.library()
            _ = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
            chmod(cachePath, 0o444)
            #expect(throws: LibraryCache.Unavailable.self) { try LibraryCache(path: cachePath) }
        }
    }

    @Test func touchedFileIsRecognisedByContent() throws {
        let (_, files, cachePath) = try helper.library()
        _ = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, files[0], &times, 0) == 0)
        let touched = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
        #expect(touched.parsed == 0 && touched.cached == 2)
    }
}
