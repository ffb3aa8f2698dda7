import Foundation
import YusuanCore

/// The disclosure files that the command's arguments name (the bundled samples when it names
/// none), folders walked and `-` read; a clear message and exit 2 when there are none.
func inputFiles(_ paths: [String]) -> [String] {
    let files: [String]
    do {
        files = try InputPaths.expand(
            paths.isEmpty ? [InputPaths.sampleData()] : StandardInput.resolve(paths), warn: note)
    } catch {
        fail("\(error)")
    }
    if files.isEmpty { fail("\(paths.joined(separator: " ")): no disclosure text files found.") }
    return files
}

/// `-` as a path: standard input, read once into a private temporary file (the readers take
/// paths), and named "-" again wherever a path is printed.
enum StandardInput {
    /// The temporary file standing for `-`, once read.
    nonisolated(unsafe) static var stand: String?

    /// Paths with `-` replaced by the file holding what standard input gave.
    static func resolve(_ paths: [String]) -> [String] {
        // A name given that is not UTF-8 reached us with its bad bytes replaced: say so, not "no such file".
        for bytes in FileNames.argumentsNotUTF8() where paths.contains(String(decoding: bytes, as: UTF8.self)) {
            fail(FileNames.notUTF8(bytes))
        }
        guard paths.contains("-") else { return paths }
        if paths.filter({ $0 == "-" }).count > 1 { fail("-: standard input can be given once.") }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        if data.isEmpty { fail("-: standard input is empty.") }
        // PDFs are told by their first bytes; the name's extension only helps folder walks.
        let name = data.starts(with: Data("%PDF-".utf8)) ? "stdin.pdf" : "stdin.txt"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "yusuan-stdin-\(ProcessInfo.processInfo.processIdentifier)")
        let file = folder.appendingPathComponent(name).path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: file))
        } catch {
            fail("-: cannot keep standard input in \(folder.path) (\(error.localizedDescription)).")
        }
        stand = file
        atexit { StandardInput.remove() }
        return paths.map { $0 == "-" ? file : $0 }
    }

    /// The temporary file's path printed as "-".
    static func named(_ text: String) -> String {
        guard let stand else { return text }
        return text.replacingOccurrences(of: stand, with: "-")
    }

    static func remove() {
        guard let stand else { return }
        try? FileManager.default.removeItem(atPath: (stand as NSString).deletingLastPathComponent)
    }
}
