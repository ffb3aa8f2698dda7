import ArgumentParser
import Foundation
import YusuanCore
import YusuanStore
import YusuanTUI

/// `yusuan bench`: parse and check time per document against the floor of decoding the file as
/// UTF-8 and splitting it into lines; the browser, the comparison, PDFs and (`--synthetic`) libraries.
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
    @Option(
        defaultAsFlag: "1,10,30,100", parsing: .next,
        help: ArgumentHelp(
            "Instead: time parse and check of one text sample (the file given first, or kizilsu 2022) grown to these multiples of its size; --keep writes them.",
            valueName: "sizes"))
    var grow: String? = nil

    func run() throws {
        if let grow {
            let factors = grow.split(separator: ",").compactMap { Int($0) }.filter { $0 >= 1 }
            if factors.isEmpty { fail("yusuan bench: --grow takes sizes such as 1,10,30,100") }
            let sample = paths.first ?? InputPaths.sampleData() + "/kizilsu-prefecture-social-insurance-2022.txt"
            do { try GrowthBench.run(sample: sample, factors: factors, iterations: iterations, keep: keep) } catch {
                fail("yusuan bench: \(error)")
            }
            return
        }
        let files = inputFiles(paths)
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
        var texts: [TextBench.Document] = []
        for f in files where !pdfs.contains(f) {
            do {
                let data = try TextDecoder.readBytes(path: f)
                texts.append(TextBench.Document(path: f, bytes: data, text: try TextDecoder.decode(data, path: f)))
            } catch { fail("\(error)") }
        }
        let n = max(1, iterations)
        let parsed = TextBench.run(texts, iterations: n)
        let clock = ContinuousClock()
        var sink = 0
        func ms(_ d: Duration) -> Double { d.seconds * 1000 }

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

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
