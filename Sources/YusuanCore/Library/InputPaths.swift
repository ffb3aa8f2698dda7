import Foundation

/// Files and folders given on the command line → the disclosure files to read.
public enum InputPaths {
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "pdf"]

    /// Folders are walked recursively for regular files with a disclosure's extension, sorted by
    /// path; files are kept as given (reading one checks its type). A subfolder that cannot be
    /// read is told to `warn` as one sentence, and the walk goes on; so is a disclosure or a
    /// folder whose name is not UTF-8.
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
    /// `list`: a folder's entries (tests stand in a failing one: root reads every folder).
    static func walk(
        _ folder: String, top: Bool, into found: inout [String], warn: (String) -> Void,
        list: (String) throws -> (names: [String], others: [[UInt8]]) = FileNames.list
    ) throws {
        let names: [String]
        do {
            let listed = try list(folder)
            names = listed.names
            for bytes in listed.others {
                warn(FileNames.notUTF8(Array(folder.utf8) + [UInt8(ascii: "/")] + bytes))
            }
        } catch {
            if top { throw InputError.unreadableFolder(folder) }
            warn(InputError.unreadableFolder(folder).description)
            return
        }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            let kind = FileKind.of(path, follow: false)
            if kind == .directory {
                try walk(path, top: false, into: &found, warn: warn, list: list)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()),
                kind == .regular || (kind == .symlink && FileKind.of(path) == .regular)
            {
                found.append(path)
            }
        }
    }

    /// The bundled samples, found from where the program is, never from the working directory:
    /// a `SampleData` folder beside the executable or in a folder above it (the package's own,
    /// for `.build/debug/yusuan`), else the package's copy next to these sources.
    public static func sampleData(executable: String? = nil, sourceFile: String? = nil) -> String {
        var anchors: [URL] = []
        if let path = executable ?? executablePath() {
            anchors.append(URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        // Sources/YusuanCore/Library/InputPaths.swift → the package folder.
        var source = URL(fileURLWithPath: sourceFile ?? thisFile)
        for _ in 0..<4 { source.deleteLastPathComponent() }
        anchors.append(source)
        for anchor in anchors {
            var folder = anchor
            for _ in 0..<6 {
                for candidate in [
                    folder.appendingPathComponent("SampleData"),
                    folder.appendingPathComponent("share/yusuan/SampleData")
                ]
                where FileKind.of(candidate.path) == .directory {
                    return candidate.path
                }
                if folder.path == "/" { break }
                folder.deleteLastPathComponent()
            }
        }
        return source.appendingPathComponent("SampleData").path
    }

    /// This source file's path at build time. A `#filePath` default argument would be the
    /// caller's file (Sources/yusuan/…, a folder less deep), so it is taken here, once.
    static let thisFile: String = #filePath

    /// The running program's own file (not argv[0], which may be a bare name found on PATH).
    static func executablePath() -> String? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath
    }
}
