import Foundation
import YusuanCore
import YusuanStore
import YusuanTUI

/// `yusuan bench --synthetic N`: a library of N generated disclosures indexed on all cores into a
/// new cache (as `yusuan` and `check` do on first sight), reopened from that cache, and the
/// library screen's first paint.
struct LibraryBench {
    static func run(count: Int, templates: [String], keep: String?) throws {
        let folder = keep ?? NSTemporaryDirectory() + "yusuan-synthetic-\(getpid())"
        let cachePath = NSTemporaryDirectory() + "yusuan-bench-cache-\(getpid()).sqlite"
        defer {
            if keep == nil { try? FileManager.default.removeItem(atPath: folder) }
            for suffix in ["", "-wal", "-shm", "-journal", ".lock"] { unlink(cachePath + suffix) }
        }
        let clock = ContinuousClock()
        let generate = try clock.measure { try Synthetic.write(count: count, templates: templates, into: folder) }
        let files = try InputPaths.expand([folder])
        var library = Library(documents: [])
        let cold = TimedCache(nil)
        let cpuBefore = cpuSeconds()
        let index = clock.measure {
            cold.store = try? LibraryCache(path: cachePath)
            library = Library.open(files, cache: cold)
        }
        let indexCPU = cpuSeconds() - cpuBefore
        let indexPeak = peakMegabytes()
        var reopened = Library(documents: [])
        let warm = TimedCache(nil)
        let reopen = clock.measure {
            warm.store = try? LibraryCache(path: cachePath)
            reopened = Library.open(files, cache: warm)
        }
        var rendered = 0
        let paint = clock.measure {
            rendered = Browser(shelf: DocumentShelf(reopened), width: 200, height: 60).render().height
        }
        var opened = 0
        let open = clock.measure {
            var browser = Browser(shelf: DocumentShelf(reopened), width: 200, height: 60)
            browser.handle(.enter)
            opened = browser.render().height
        }
        let cacheSize = (try? FileManager.default.attributesOfItem(atPath: cachePath)[.size] as? Int) ?? 0
        writeOut("synthetic library: \(count) documents generated in \(seconds(generate)) s")
        writeOut(
            "index (read, parse, check on all cores, write the cache): \(library.count) documents in \(seconds(index)) s, "
                + "\(Int(Double(library.count) / max(0.001, seconds(index)))) documents/s, peak memory \(indexPeak) MB, cache \(cacheSize >> 20) MB"
        )
        writeOut(
            "  of which: CPU \(String(format: "%.2f", indexCPU)) s (\(String(format: "%.2f", indexCPU / max(0.001, seconds(index)))) cores busy "
                + "of \(ProcessInfo.processInfo.activeProcessorCount)); cache read \(milliseconds(cold.read)) ms, cache write \(milliseconds(cold.written)) ms"
        )
        writeOut(
            "reopen with a warm cache: \(reopened.count) documents (\(reopened.cached) from the cache, \(reopened.parsed) parsed) in \(milliseconds(reopen)) ms"
                + " (of which the cache read \(milliseconds(warm.read)) ms)"
        )
        writeOut(
            "library screen first paint: \(milliseconds(paint)) ms (\(rendered) rows); opening the first document: \(milliseconds(open)) ms (\(opened) rows)"
        )
        writeOut("peak memory of the whole run: \(peakMegabytes()) MB")
    }

    static func seconds(_ d: Duration) -> Double { d.seconds }
    static func milliseconds(_ d: Duration) -> Int { Int(d.seconds * 1000) }

    /// CPU time so far, user and system, of this process on all its threads, or of the children
    /// it waited for (pdftotext).
    static func cpuSeconds(children: Bool = false) -> Double {
        var usage = rusage()
        getrusage((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident memory of this process, or of the children it waited for (pdftotext).
    static func peakMegabytes(children: Bool = false) -> Int {
        var usage = rusage()
        getrusage((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}

/// The cache with the time spent reading and writing it added up, to tell it from the parsing.
final class TimedCache: LibraryCacheStore, @unchecked Sendable {
    var store: LibraryCacheStore?
    private(set) var read = Duration.zero
    private(set) var written = Duration.zero
    private let lock = NSLock()
    private let clock = ContinuousClock()

    init(_ store: LibraryCacheStore?) { self.store = store }

    func snapshot() -> LibraryCacheSnapshot {
        var out = LibraryCacheSnapshot()
        let d = clock.measure { out = store?.snapshot() ?? LibraryCacheSnapshot() }
        lock.withLock { read += d }
        return out
    }

    func findings(hash: String) -> [Finding]? {
        var out: [Finding]?
        let d = clock.measure { out = store?.findings(hash: hash) }
        lock.withLock { read += d }
        return out
    }

    func save(
        files: [(path: String, stamp: FileStamp, hash: String)], documents: [(entry: LibraryEntry, findings: [Finding])]
    ) {
        let d = clock.measure { store?.save(files: files, documents: documents) }
        lock.withLock { written += d }
    }
}
