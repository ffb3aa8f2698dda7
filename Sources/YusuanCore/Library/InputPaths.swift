import Foundation

/// Files and folders given on the command line → the disclosure files to read.
public enum InputPaths {
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "pdf"]

    /// Folders are walked recursively for text files, sorted by path; files are kept as given.
    public static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw InputError.missing(path) }
            guard isDir.boolValue else { out.append(path); continue }
            guard let walker = FileManager.default.enumerator(atPath: path) else { throw InputError.unreadable(path) }
            var found: [String] = []
            for case let rel as String in walker where extensions.contains((rel as NSString).pathExtension.lowercased()) {
                found.append((path as NSString).appendingPathComponent(rel))
            }
            out.append(contentsOf: found.sorted())
        }
        return out
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
