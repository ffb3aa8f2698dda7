import Foundation
import YusuanCore

/// `yusuan bench FILE.pdf`: a PDF to its findings as a user meets it (pdftotext -tsv spawned, its
/// words laid out into lines and cells, parsed and checked), timed per PDF, with the conversion
/// (words and layout) alone beside it, the CPU time of pdftotext and of yusuan's own work apart,
/// and the peak memory of yusuan and of pdftotext.
enum PDFBench {
    static func run(_ pdfs: [String], iterations: Int) throws {
        let clock = ContinuousClock()
        let n = max(1, iterations)
        for path in pdfs {
            var text = ""
            let convert = try clock.measure { for _ in 0..<n { text = try PDFText.extract(path: path) } }
            var findings = 0
            let (ownBefore, childBefore) = (LibraryBench.cpuSeconds(), LibraryBench.cpuSeconds(children: true))
            let whole = try clock.measure {
                for _ in 0..<n { findings = Checker.check(try DisclosureParser.parse(path: path)).count }
            }
            let own = (LibraryBench.cpuSeconds() - ownBefore) * 1000 / Double(n)
            let child = (LibraryBench.cpuSeconds(children: true) - childBefore) * 1000 / Double(n)
            let yardstick = try clock.measure { for _ in 0..<n { try PDFText.layoutYardstick(path: path) } }
            let pages = text.reduce(into: 1) { if $1 == "\u{0C}" { $0 += 1 } } - (text.hasSuffix("\u{0C}") ? 1 : 0)
            let kb = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).map { $0 >> 10 } ?? 0
            func ms(_ d: Duration) -> String { String(format: "%.1f", d.seconds * 1000 / Double(n)) }
            writeOut(
                "pdf → findings: \(ms(whole)) ms per PDF, \(String(format: "%.2f", whole.seconds / yardstick.seconds))× "
                    + "pdftotext -layout (\(ms(yardstick)) ms); pdftotext -tsv and the page layout alone \(ms(convert)) ms; "
                    + "\(pages) pages, \(kb) KB, \(findings) findings, × \(n)  \(path)")
            writeOut(
                "  CPU per PDF: pdftotext -tsv \(String(format: "%.1f", child)) ms, "
                    + "yusuan's own (layout, parse, check) \(String(format: "%.1f", own)) ms")
        }
        writeOut(
            "peak memory: yusuan \(LibraryBench.peakMegabytes()) MB, pdftotext \(LibraryBench.peakMegabytes(children: true)) MB"
        )
    }
}
