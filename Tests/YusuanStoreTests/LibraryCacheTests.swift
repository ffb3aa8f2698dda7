import Foundation
import Testing
import YusuanCore
@testable import YusuanStore

/// The persistent index: what is read again, what is trusted, what is rebuilt.
@Suite struct LibraryCacheTests {
    static let sampleData: String = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("SampleData").path
    }()

    /// A folder with copies of two samples, and a cache path beside it.
    func library() throws -> (folder: String, files: [String], cache: String) {
        let folder = NSTemporaryDirectory() + "yusuan-cache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/docs", withIntermediateDirectories: true)
        var files: [String] = []
        for name in ["kizilsu-prefecture-social-insurance-2022.txt", "akto-county-social-insurance-2024.txt"] {
            try FileManager.default.copyItem(atPath: Self.sampleData + "/" + name, toPath: folder + "/docs/" + name)
            files.append(folder + "/docs/" + name)
        }
        return (folder, files, folder + "/cache/library.sqlite")
    }

    @Test func missThenHit() throws {
        let (_, files, cachePath) = try library()
        let first = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
        #expect(first.parsed == 2 && first.cached == 0)
        let again = Library.open(files, cache: try LibraryCache(path: cachePath), keep: false)
        #expect(again.parsed == 0 && again.cached == 2)
        #expect(again.entries == first.entries)
        let kizilsu = try #require(again.entries.first)
        #expect(kizilsu.unit == "克孜勒苏柯尔克孜自治州社会保险中心" && kizilsu.year == 2022)
        #expect(kizilsu.total?.description == "389.75")
        // Findings come back from the cache exactly as the checker gave them.
        let fresh = Checker.check(try DisclosureParser.parse(path: files[0]))
        #expect(again.findings(0) == fresh)
        #expect(kizilsu.errors == fresh.count { $0.severity == .error })
        // The whole document is parsed again when asked for, with the same findings.
        let (d, findings) = try again.document(0)
        #expect(
            d.table(.expenseSummary)?.rows.first { $0.code == "2080109" }?.values.map { $0?.description ?? "-" } == [
                "325.07", "315.27", "9.80"
            ])
        #expect(findings == fresh)
    }

    @Test func changedFileIsReadAgainAndMovedFileIsNot() throws {
        let (folder, files, cachePath) = try library()
        _ = Library.open(files, cache: try? LibraryCache(path: cachePath), keep: false)
        // One amount changed: that file is parsed again and its findings follow the change.
        let text = try String(contentsOfFile: files[0], encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: "20\t01\t09\t社会保险经办机构\t325.07\t315.27", with: "20\t01\t09\t社会保险经办机构\t335.07\t315.27")
        #expect(changed != text)
        try changed.write(toFile: files[0], atomically: true, encoding: .utf8)
        let after = Library.open(files, cache: try? LibraryCache(path: cachePath), keep: false)
        #expect(after.parsed == 1 && after.cached == 1)
        let fresh = Checker.check(try DisclosureParser.parse(path: files[0]))
        #expect(after.findings(0) == fresh)
        #expect(fresh.contains { $0.message.contains("335.07") })
        // The same bytes under another name: known by content, not parsed.
        let moved = folder + "/docs/renamed.txt"
        try FileManager.default.moveItem(atPath: files[1], toPath: moved)
        let renamed = Library.open([files[0], moved], cache: try? LibraryCache(path: cachePath), keep: false)
        #expect(renamed.parsed == 0 && renamed.cached == 2)
        #expect(renamed.entries[1].path == moved)
        #expect(renamed.entries[1].unit == "阿克陶县社会保险中心")
    }

    @Test func corruptCacheIsRebuilt() throws {
        let (_, files, cachePath) = try library()
        _ = Library.open(files, cache: try? LibraryCache(path: cachePath), keep: false)
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: cachePath))
        let cache = try LibraryCache(path: cachePath)
        #expect(cache.notice?.contains("rebuilt") == true)
        let reopened = Library.open(files, cache: cache, keep: false)
        #expect(reopened.parsed == 2 && reopened.cached == 0)
        #expect(Library.open(files, cache: try? LibraryCache(path: cachePath), keep: false).cached == 2)
    }

    @Test func cacheOfAnotherBuildIsEmptied() throws {
        let (_, files, cachePath) = try library()
        _ = Library.open(files, cache: try? LibraryCache(path: cachePath, version: "1 old-build"), keep: false)
        let cache = try LibraryCache(path: cachePath, version: "1 new-build")
        #expect(cache.notice?.contains("another version") == true)
        #expect(cache.snapshot().entries.isEmpty)
        #expect(Library.open(files, cache: cache, keep: false).parsed == 2)
    }

    @Test func noPlaceForACacheIsNotAnError() throws {
        let (_, files, _) = try library()
        // A regular file where the cache folder should be.
        #expect(throws: LibraryCache.Unavailable.self) { try LibraryCache(path: files[0] + "/cache/library.sqlite") }
        do {
            _ = try LibraryCache(path: files[0] + "/cache/library.sqlite")
        } catch {
            #expect("\(error)".contains("without a cache"))
        }
        let library = Library.open(files, cache: nil, keep: false)
        #expect(library.count == 2 && library.parsed == 2)
    }

    @Test func cacheLocation() {
        #expect(
            LibraryCache.defaultPath(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"])
                == "/x/cache/yusuan/library.sqlite")
        #expect(LibraryCache.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.cache/yusuan/library.sqlite")
        // A relative XDG_CACHE_HOME is ignored, as the XDG specification says.
        #expect(
            LibraryCache.defaultPath(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/home/u"])
                == "/home/u/.cache/yusuan/library.sqlite")
        #expect(LibraryCache.defaultPath(environment: [:]) == nil)
    }

    @Test func unreadableFilesAreReportedNotCached() throws {
        let (folder, files, cachePath) = try library()
        let junk = folder + "/docs/notes.txt"
        try "购物清单：苹果、梨".write(toFile: junk, atomically: true, encoding: .utf8)
        let library = Library.open(files + [junk], cache: try? LibraryCache(path: cachePath), keep: false)
        #expect(library.count == 2)
        #expect(library.failures.map(\.path) == [junk])
        #expect(library.failures[0].message.contains("no budget disclosure"))
    }
}
