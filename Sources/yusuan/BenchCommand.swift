import ArgumentParser
import Foundation
import YusuanCore

/// `yusuan bench`: parse time per document against the floor of decoding and splitting lines.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure parsing speed on the samples (use a release build).")

    @Argument(help: "Files or folders (default: SampleData).") var paths: [String] = []
    @Option(help: "Repetitions per file.") var iterations: Int = 50

    func run() throws {
        let files: [String]
        do { files = try InputPaths.expand(paths.isEmpty ? [InputPaths.sampleData()] : paths) } catch { fail("\(error)") }
        var texts: [(String, String, Int)] = []
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else { fail("\(f): cannot be read.") }
            do { texts.append((f, try TextDecoder.decode(data, path: f), data.count)) } catch { fail("\(error)") }
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
                for _ in 0..<n { if let p = try? DisclosureParser.parse(text: text, path: path) { sink &+= p.tables.count } }
            }
            perFile.append((path, d / n))
            parseTotal += d
        }
        let parsed = texts.compactMap { try? DisclosureParser.parse(text: $0.1, path: $0.0) }
        let checkTime = clock.measure {
            for _ in 0..<n { for d in parsed { sink &+= Checker.check(d).count } }
        }
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        let docs = Double(texts.count * n)
        let mb = Double(bytes * n) / 1_048_576
        writeOut("parse: \(String(format: "%.3f", ms(parseTotal) / docs)) ms/document, \(String(format: "%.1f", mb / (ms(parseTotal) / 1000))) MB/s over \(texts.count) documents × \(n)")
        writeOut("floor (decode+normalise+split lines): \(String(format: "%.3f", ms(floor) / docs)) ms/document, \(String(format: "%.1f", mb / (ms(floor) / 1000))) MB/s")
        writeOut("check: \(String(format: "%.3f", ms(checkTime) / Double(max(1, parsed.count * n)))) ms/document")
        writeOut("ratio parse/floor: \(String(format: "%.1f", ms(parseTotal) / max(ms(floor), 0.000001)))×")
        for (path, d) in perFile { writeOut("  \(String(format: "%8.3f", ms(d))) ms  \(path)") }
        if sink == 42 { writeOut("") }
    }
}
