import ArgumentParser
import Foundation
import YusuanCore

@main
struct Yusuan: ParsableCommand {
    // Every command named here: ArgumentParser otherwise derives each name from its type by
    // reflection, which cost more at start-up than reading a page.
    static let configuration = CommandConfiguration(
        commandName: "yusuan",
        abstract: "Read, check and compare Chinese budget disclosures (预算公开).",
        version: Yusuan.version,
        subcommands: [Open.self, Parse.self, Check.self, Diff.self, Export.self, Bench.self],
        defaultSubcommand: Open.self
    )

    static let version = "yusuan 0.20.0"
    static let commands = ["open", "parse", "check", "diff", "export", "bench"]
}

/// One sentence on stderr (a warning, or the reason for a failure), never with control characters.
func note(_ message: String) {
    FileHandle.standardError.write(Data((TextNormalizer.safeForTerminal(StandardInput.named(message)) + "\n").utf8))
}

/// Exit 2 with one sentence on stderr: the contract for unusable input.
func fail(_ message: String) -> Never {
    note(message)
    exit(2)
}

/// Everything printed goes through here: file names and document text can carry escape
/// sequences, and none may reach the terminal (JSON has escaped them already).
func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data((TextNormalizer.safeLines(StandardInput.named(text)) + "\n").utf8))
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
