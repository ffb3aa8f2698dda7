import ArgumentParser
import Foundation
import YusuanCore
import YusuanTUI

/// `yusuan [PATH ...]`: the browser over the disclosures given (SampleData without a path).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Browse the disclosures in PATH (default: the bundled SampleData).")

    @Argument(help: "Files or folders of disclosures.") var paths: [String] = []
    @Option(help: ArgumentHelp("Print the screen after --keys at this size (e.g. 120x40) instead of opening the terminal.", visibility: .hidden))
    var dump: String?
    @Option(help: ArgumentHelp("Keys for --dump, comma-separated (j,k,enter,esc,tab,e,/text …).", visibility: .hidden))
    var keys: String = ""

    func run() throws {
        let files: [String]
        do { files = try InputPaths.expand(paths.isEmpty ? [InputPaths.sampleData()] : paths) } catch { fail("\(error)") }
        if files.isEmpty { fail("\(paths.joined(separator: " ")): no disclosure text files found.") }
        if dump == nil, isatty(1) == 0 || isatty(0) == 0 {
            fail("yusuan: standard output is not a terminal; use `yusuan parse FILE` or `yusuan check PATH` for text and JSON.")
        }
        var documents = loadDocuments(files).map { LoadedDocument(disclosure: $0.0, findings: $0.1) }
        // Units with several years sit together, newest first.
        documents.sort { a, b in
            let ka = UnitName.key(a.disclosure.unit), kb = UnitName.key(b.disclosure.unit)
            return ka != kb ? ka < kb : (a.disclosure.year ?? 0) > (b.disclosure.year ?? 0)
        }
        if let dump {
            let parts = dump.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2 else { fail("--dump takes a size like 120x40.") }
            var browser = Browser(documents: documents, width: parts[0], height: parts[1])
            for key in KeyScript.parse(keys) { browser.handle(key) }
            writeOut(browser.render().text)
            return
        }
        do { try BrowserApp.run(documents) } catch { fail("yusuan: \(error)") }
    }
}

/// "j,j,enter,/线路,esc" → keys, for `--dump` and scripted checks.
enum KeyScript {
    static func parse(_ script: String) -> [Key] {
        var out: [Key] = []
        for token in script.split(separator: ",", omittingEmptySubsequences: true).map(String.init) {
            switch token {
            case "up": out.append(.up)
            case "down": out.append(.down)
            case "left": out.append(.left)
            case "right": out.append(.right)
            case "enter": out.append(.enter)
            case "esc": out.append(.escape)
            case "tab": out.append(.tab)
            case "pgdn": out.append(.pageDown)
            case "pgup": out.append(.pageUp)
            default:
                if token.hasPrefix("/") {
                    out.append(.char("/"))
                    out += token.dropFirst().map { .char($0) }
                    out.append(.enter)
                } else {
                    out += token.map { .char($0) }
                }
            }
        }
        return out
    }
}
