import ArgumentParser
import Foundation
import YusuanCore
import YusuanTUI

/// `yusuan [PATH ...]`: the browser over the disclosures given (SampleData without a path).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Browse the disclosures in PATH (default: the bundled SampleData).")

    @Argument(help: "Files or folders of disclosures.") var paths: [String] = []
    @Option(
        help: ArgumentHelp(
            "Print the screen after --keys at this size (e.g. 120x40) instead of opening the terminal.",
            visibility: .hidden))
    var dump: String?
    @Option(help: ArgumentHelp("Keys for --dump, comma-separated (j,k,enter,esc,tab,e,/text …).", visibility: .hidden))
    var keys: String = ""

    @OptionGroup var cacheOptions: CacheOptions

    func run() throws {
        // `yusuan frobnicate`: a bare word that is no file is a mistyped command, not a missing file.
        if let word = paths.first, paths.count == 1, word != "-", !word.contains("/"), !word.contains("."),
            !FileManager.default.fileExists(atPath: word)
        {
            fail(
                "yusuan: unknown command '\(word)'; the commands are \(Yusuan.commands.joined(separator: ", ")), or give files or folders to open."
            )
        }
        let files = inputFiles(paths)
        if dump == nil, isatty(1) == 0 || isatty(0) == 0 {
            fail(
                "yusuan: standard output is not a terminal; use `yusuan parse FILE` or `yusuan check PATH` for text and JSON."
            )
        }
        if let dump {
            let parts = dump.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2 else { fail("--dump takes a size like 120x40.") }
            var browser = Browser(
                shelf: DocumentShelf(openLibrary(files, label: "读取", cache: cacheOptions.cache())), width: parts[0],
                height: parts[1])
            for key in KeyScript.parse(keys) { browser.handle(key) }
            writeOut(browser.render().text)
            return
        }
        // One file is read before the terminal opens, so a bad one is one sentence and exit 2.
        // It opens straight away, parsed whole: the cache (summaries and findings) would only add
        // its own opening (tens of ms) and a second parse, so one file neither reads nor writes it.
        if files.count == 1 {
            let shelf = DocumentShelf(openLibrary(files, label: "读取", cache: nil))
            do { try BrowserApp.run(shelf) } catch { fail("yusuan: \(error)") }
            return
        }
        let failures = Failures()
        let cache = cacheOptions.cache()
        do {
            try BrowserApp.run(total: files.count) { progress in
                let library = Library.open(files, cache: cache, progress: progress)
                failures.list = library.failures.map(\.message)
                return DocumentShelf(library)
            }
        } catch { fail("yusuan: \(error)") }
        // Said once the terminal is back, where they can be read.
        for message in failures.list { note(message) }
    }

    /// Written by the reading thread, read after the browser closes (maybe before it is done).
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []
        var list: [String] {
            get { lock.withLock { messages } }
            set { lock.withLock { messages = newValue } }
        }
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
