import ArgumentParser
import Foundation
import YusuanCore

/// `yusuan parse FILE [--format json]`.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one parsed disclosure (outline or JSON).")

    @Argument(help: "A disclosure text file.") var file: String
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let disclosure: Disclosure
        do { disclosure = try DisclosureParser.parse(path: file) } catch { fail("\(error)") }
        switch format {
        case .json: writeOut(DisclosureJSON.encode(disclosure).render())
        case .text: writeOut(OutlineText.render(disclosure))
        }
    }
}
