import ArgumentParser
import Foundation
import YusuanCore
import YusuanStore

/// `yusuan check PATH ... [--format json]`: exit 1 when any finding is an error.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Flag inconsistencies; exit 1 if any is an error.")

    @Argument(help: "Files or folders of disclosures.") var paths: [String] = []
    @Option(help: "text or json") var format: OutputFormat = .text
    @OptionGroup var cacheOptions: CacheOptions

    func run() throws {
        let files = inputFiles(paths)
        let library = openLibrary(files, label: "检查", cache: cacheOptions.cache())
        if library.count == 0 { throw ExitCode(2) }
        let results = (0..<library.count).map { (library.entries[$0], library.findings($0)) }
        switch format {
        case .json:
            // One shape however many files: scripts need not tell one file from several.
            writeOut(
                JSONValue.object([("files", .array(results.map { FindingsOutput.json(file: $0.0, $0.1) }))]).render())
        case .text:
            for (d, findings) in results { writeOut(FindingsOutput.text(d, findings) + "\n") }
            let all = results.flatMap(\.1)
            writeOut("\(results.count) file(s): \(FindingsOutput.counts(all))")
        }
        if results.contains(where: { $0.1.contains { $0.severity == .error } }) { throw ExitCode(1) }
    }
}
