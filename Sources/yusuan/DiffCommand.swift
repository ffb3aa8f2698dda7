import ArgumentParser
import Foundation
import YusuanCore

/// `yusuan diff OLD NEW [--format json] [--only-changed]`: two years of one unit, aligned.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two disclosures (two years of one unit), line by line.")

    @Argument(help: "The older disclosure.") var old: String
    @Argument(help: "The newer disclosure.") var new: String
    @Option(help: "text or json") var format: OutputFormat = .text
    @Flag(help: "Leave out lines that did not change.") var onlyChanged = false

    func run() throws {
        let a: Disclosure, b: Disclosure
        let paths = StandardInput.resolve([old, new])
        do {
            a = try DisclosureParser.parse(path: paths[0])
            b = try DisclosureParser.parse(path: paths[1])
        } catch { fail("\(error)") }
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
