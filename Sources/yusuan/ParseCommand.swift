import ArgumentParser
import Foundation
import YusuanCore

/// `yusuan parse FILE [--format json]`.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Print one parsed disclosure (outline or JSON).")

    @Argument(help: "A disclosure file; or its prose and then its tables, when they were published as two files.")
    var files: [String]
    @Option(help: "text or json") var format: OutputFormat = .text
    @Flag(
        help:
            "Print the lines as read, numbered, a table's cells separated by tabs (a PDF's words placed in their cells)."
    )
    var lines = false

    func run() throws {
        let disclosure: Disclosure
        guard (1...2).contains(files.count) else {
            fail("parse takes one disclosure: one file, or its prose and its tables.")
        }
        let files = StandardInput.resolve(self.files)
        do {
            disclosure =
                files.count == 2
                ? try DisclosureParser.parse(prose: files[0], tables: files[1])
                : try DisclosureParser.parse(path: files[0])
        } catch { fail("\(error)") }
        if lines {
            // Tabs kept between cells (each cell made safe on its own): scripts split on them.
            let numbered = disclosure.sourceLines.enumerated().map { line in
                (["\(line.offset + 1)"]
                    + line.element.split(separator: "\t", omittingEmptySubsequences: false)
                    .map { TextNormalizer.safeForTerminal(String($0)) }).joined(separator: "\t")
            }
            FileHandle.standardOutput.write(Data((numbered.joined(separator: "\n") + "\n").utf8))
            return
        }
        switch format {
        case .json: writeOut(DisclosureJSON.encode(disclosure).render())
        case .text: writeOut(OutlineText.render(disclosure))
        }
    }
}
