import Foundation

/// Files and folders given on the command line → the disclosure files to read.
public enum InputPaths {
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "pdf"]

    /// Folders are walked recursively for regular files with a disclosure's extension, sorted by
    /// path; files are kept as given (reading one checks its type). A subfolder that cannot be
    /// read is told to `warn` as one sentence, and the walk goes on.
    public static func expand(_ paths: [String], warn: (String) -> Void = { _ in }) throws -> [String] {
        var out: [String] = []
        for path in paths {
            switch FileKind.of(path) {
            case .missing: throw InputError.missing(path)
            case .directory: break
            default: out.append(path); continue
            }
            var found: [String] = []
            try walk(path, top: true, into: &found, warn: warn)
            out.append(contentsOf: found.sorted())
        }
        return out
    }

    /// Linked folders are not entered (as before: no loops); a linked file counts as its target.
    /// FIFOs, sockets and devices are skipped: opening one could wait forever.
    static func walk(_ folder: String, top: Bool, into found: inout [String], warn: (String) -> Void) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            if top { throw InputError.unreadableFolder(folder) }
            warn(InputError.unreadableFolder(folder).description)
            return
        }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            let kind = FileKind.of(path, follow: false)
            if kind == .directory {
                try walk(path, top: false, into: &found, warn: warn)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()),
                kind == .regular || (kind == .symlink && FileKind.of(path) == .regular)
            {
                found.append(path)
            }
        }
    }

    /// The bundled samples: ./SampleData, else the package's own copy next to the sources.
    public static func sampleData(sourceFile: String = #filePath) -> String {
        let local = FileManager.default.currentDirectoryPath + "/SampleData"
        if FileManager.default.fileExists(atPath: local) { return "SampleData" }
        var url = URL(fileURLWithPath: sourceFile)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("SampleData").path
    }
}
