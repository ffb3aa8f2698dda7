import ArgumentParser
import Foundation
import YusuanCore

/// `yusuan [PATH ...]`: the outline of every disclosure given (SampleData without a path).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Show the disclosures in PATH (default: the bundled SampleData).")

    @Argument(help: "Files or folders of disclosures.") var paths: [String] = []

    func run() throws {
        let files: [String]
        do { files = try InputPaths.expand(paths.isEmpty ? [InputPaths.sampleData()] : paths) } catch { fail("\(error)") }
        if files.isEmpty { fail("\(paths.joined(separator: " ")): no disclosure text files found.") }
        var failures = 0
        for file in files {
            do {
                writeOut(OutlineText.render(try DisclosureParser.parse(path: file)) + "\n")
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
        }
        if failures == files.count { throw ExitCode(2) }
    }
}
