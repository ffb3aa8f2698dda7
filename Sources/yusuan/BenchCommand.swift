import ArgumentParser
import Foundation
import YusuanCore
import YusuanStore
import YusuanTUI

/// `yusuan bench`: parse time per document against the floor of decoding and splitting lines.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure parsing speed on the samples (use a release build).")

    @Argument(help: "Files or folders (default: SampleData).") var paths: [String] = []
    @Option(help: "Repetitions per file.") var iterations: Int = 50
    @Option(help: "Instead: generate this many synthetic disclosures from the samples and time reading the library.")
    var synthetic: Int?
    @Option(help: "Keep the synthetic disclosures in this folder (for trying other commands at scale).") var keep:
        String?

    func run() throws {
        let files: [String]
        do {
            files = try InputPaths.expand(
                paths.isEmpty ? [InputPaths.sampleData()] : StandardInput.resolve(paths), warn: note)
        } catch {
            fail("\(error)")
        }
        let pdfs = files.filter { $0.lowercased().hasSuffix(".pdf") }
        if !pdfs.isEmpty {
            do { try PDFBench.run(pdfs, iterations: min(iterations, 10)) } catch { fail("\(error)") }
            if pdfs.count == files.count { return }
        }
        if let synthetic {
            do { try LibraryBench.run(count: max(1, synthetic), templates: files, keep: keep) } catch {
                fail("yusuan bench: \(error)")
            }
            return
        }
        var texts: [(String, String, Int)] = []
        for f in files where !pdfs.contains(f) {
            do {
                let data = try TextDecoder.readBytes(path: f)
                texts.append((f, try TextDecoder.decode(data, path: f), data.count))
            } catch { fail("\(error)") }
        }
        let bytes = texts.reduce(0) { $0 + $1.2 }
        let n = max(1, iterations)
        let clock = ContinuousClock()
        var sink = 0
        let floor = clock.measure {
            for _ in 0..<n { for (_, t, _) in texts { sink &+= SourceText(TextNormalizer.normalize(t)).lines.count } }
        }
        var perFile: [(String, Duration)] = []
        var parseTotal = Duration.zero
        for (path, text, _) in texts {
            let d = clock.measure {
                for _ in 0..<n {
                    if let p = try? DisclosureParser.parse(text: text, path: path) { sink &+= p.tables.count }
                }
            }
            perFile.append((path, d / n))
            parseTotal += d
        }
        let parsed = texts.compactMap { try? DisclosureParser.parse(text: $0.1, path: $0.0) }
        let checkTime = clock.measure {
            for _ in 0..<n { for d in parsed { sink &+= Checker.check(d).count } }
        }
        func ms(_ d: Duration) -> Double { d.seconds * 1000 }
        let docs = Double(texts.count * n)
        let mb = Double(bytes * n) / 1_048_576
        writeOut(
            "parse: \(String(format: "%.3f", ms(parseTotal) / docs)) ms/document, \(String(format: "%.1f", mb / (ms(parseTotal) / 1000))) MB/s over \(texts.count) documents × \(n)"
        )
        writeOut(
            "floor (decode+normalise+split lines): \(String(format: "%.3f", ms(floor) / docs)) ms/document, \(String(format: "%.1f", mb / (ms(floor) / 1000))) MB/s"
        )
        writeOut("check: \(String(format: "%.3f", ms(checkTime) / Double(max(1, parsed.count * n)))) ms/document")
        writeOut("ratio parse/floor: \(String(format: "%.1f", ms(parseTotal) / max(ms(floor), 0.000001)))×")
        for (path, d) in perFile { writeOut("  \(String(format: "%8.3f", ms(d))) ms  \(path)") }

        // The browser: first screen (parse + check + render, as `yusuan` does before drawing),
        // and a redraw after a key on a 200×60 screen showing Kashgar's 收入总体.
        var shelf = DocumentShelf(Library(documents: []))
        let first = clock.measure {
            shelf = DocumentShelf(Library.open(files, cache: nil))
            sink &+= Browser(shelf: shelf, width: 200, height: 60).render().width
        }
        let documents = shelf.indices.map { shelf[$0] }
        var browser = Browser(documents: documents, width: 200, height: 60)
        if let k = documents.firstIndex(where: {
            $0.disclosure.tables.count >= 10 && $0.disclosure.tables.allSatisfy { $0.layout == .wrapped }
        }) {
            for _ in 0..<k { browser.handle(.down) }
        }
        for key in [Key.enter, .down, .down, .enter] { browser.handle(key) }
        let redraws = 200
        let redraw = clock.measure {
            for i in 0..<redraws {
                browser.handle(i % 2 == 0 ? .down : .up)
                sink &+= browser.render().height
            }
        }
        // The same with the screen split: the table and the pane that follows its cursor.
        browser.handle(.char("v"))
        let splitRedraw = clock.measure {
            for i in 0..<redraws {
                browser.handle(i % 2 == 0 ? .down : .up)
                sink &+= browser.render().height
            }
        }
        writeOut(
            "browser: redraw after a key at 200×60, split in two panes \(String(format: "%.3f", ms(splitRedraw) / Double(redraws))) ms"
        )
        writeOut(
            "browser: first screen \(String(format: "%.1f", ms(first))) ms (read + parse + check on all cores + render of \(documents.count) documents); redraw after a key at 200×60 \(String(format: "%.3f", ms(redraw) / Double(redraws))) ms"
        )
        // Comparing two years of one unit: align every table, project and sheet.
        let byUnit = Dictionary(grouping: parsed.indices, by: { UnitName.key(parsed[$0].unit) }).values.filter {
            $0.count >= 2
        }
        if let pair = byUnit.first {
            let compare = clock.measure {
                for _ in 0..<n { sink &+= Comparison(old: parsed[pair[0]], new: parsed[pair[1]]).tables.count }
            }
            writeOut(
                "diff: \(String(format: "%.3f", ms(compare) / Double(n))) ms per pair of documents (alignment only)")
        }
        if sink == 42 { writeOut("") }
    }
}

/// `yusuan bench --synthetic N`: a library of N generated disclosures indexed on all cores into a
/// new cache (as `yusuan` and `check` do on first sight), reopened from that cache, and the
/// library screen's first paint.
struct LibraryBench {
    static func run(count: Int, templates: [String], keep: String?) throws {
        let folder = keep ?? NSTemporaryDirectory() + "yusuan-synthetic-\(getpid())"
        let cachePath = NSTemporaryDirectory() + "yusuan-bench-cache-\(getpid()).sqlite"
        defer {
            if keep == nil { try? FileManager.default.removeItem(atPath: folder) }
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(cachePath + suffix) }
        }
        let clock = ContinuousClock()
        let generate = try clock.measure { try Synthetic.write(count: count, templates: templates, into: folder) }
        let files = try InputPaths.expand([folder])
        var library = Library(documents: [])
        let index = clock.measure { library = Library.open(files, cache: try? LibraryCache(path: cachePath)) }
        let indexPeak = peakMegabytes()
        var reopened = Library(documents: [])
        let reopen = clock.measure { reopened = Library.open(files, cache: try? LibraryCache(path: cachePath)) }
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
            "reopen with a warm cache: \(reopened.count) documents (\(reopened.cached) from the cache, \(reopened.parsed) parsed) in \(milliseconds(reopen)) ms"
        )
        writeOut(
            "library screen first paint: \(milliseconds(paint)) ms (\(rendered) rows); opening the first document: \(milliseconds(open)) ms (\(opened) rows)"
        )
        writeOut("peak memory of the whole run: \(peakMegabytes()) MB")
    }

    static func seconds(_ d: Duration) -> Double { d.seconds }
    static func milliseconds(_ d: Duration) -> Int { Int(d.seconds * 1000) }

    /// Peak resident memory of this process, or of the children it waited for (pdftotext).
    static func peakMegabytes(children: Bool = false) -> Int {
        var usage = rusage()
        getrusage((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
