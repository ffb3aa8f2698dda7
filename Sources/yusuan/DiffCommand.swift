import ArgumentParser
import Foundation
import YusuanCore

/// `yusuan diff OLD NEW [--format json] [--only-changed]`: two years of one unit, aligned.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two disclosures (two years of one unit), line by line.")

    @Argument(
        help:
            "The older disclosure, then the newer; or four files: each year's prose and then its tables, where they were published apart."
    )
    var files: [String]
    @Option(help: "text or json") var format: OutputFormat = .text
    @Flag(help: "Leave out lines that did not change.") var onlyChanged = false

    func run() throws {
        guard files.count == 2 || files.count == 4 else {
            fail("diff takes two disclosures: OLD NEW, or OLD-PROSE OLD-TABLES NEW-PROSE NEW-TABLES.")
        }
        let a: Disclosure, b: Disclosure
        let paths = StandardInput.resolve(files)
        do {
            if paths.count == 4 {
                a = try DisclosureParser.parse(prose: paths[0], tables: paths[1])
                b = try DisclosureParser.parse(prose: paths[2], tables: paths[3])
            } else {
                a = try DisclosureParser.parse(path: paths[0])
                b = try DisclosureParser.parse(path: paths[1])
            }
        } catch { fail("\(error)") }
        for (d, path) in [(a, paths[0]), (b, paths[paths.count == 4 ? 2 : 1])] where d.tables.isEmpty {
            let note = TextNormalizer.safeForTerminal(
                "yusuan diff: \(path) holds no tables; where its tables were published as a file of their own, give each year's prose and then its tables: yusuan diff OLD OLD-TABLES NEW NEW-TABLES."
            )
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        let comparison = Comparison(old: a, new: b)
        switch format {
        case .json: writeOut(DiffOutput.json(comparison, onlyChanged: onlyChanged).render())
        case .text:
            if !comparison.sameUnit {
                let warning = TextNormalizer.safeForTerminal(
                    "yusuan diff: the two files are of different units (\(a.unit) / \(b.unit)).")
                FileHandle.standardError.write(Data((warning + "\n").utf8))
            }
            writeOut(DiffOutput.text(comparison, onlyChanged: onlyChanged))
        }
    }
}
