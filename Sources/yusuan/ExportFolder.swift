import Foundation
import YusuanCore

/// `export --to DIR`: one JSON file per disclosure (the parse JSON with its findings) and
/// amounts.csv, written into a temporary folder beside DIR and swapped in whole, so DIR holds
/// the last export entire: no file of a document no longer there, nothing half-written.
struct ExportFolder {
    let path: String
    let bom: Bool

    /// What an export folder holds; a folder with anything else is not replaced.
    static func isExportFile(_ name: String) -> Bool { name.hasSuffix(".json") || name == "amounts.csv" }

    func write(next: () -> (Disclosure, [Finding])?) throws {
        if TemporaryFiles.restoreAside(for: path) {
            note("\(path): an export was stopped while swapping folders; the one before it is restored first.")
        }
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        if exists, !isDir.boolValue { fail("\(path): exists and is not a folder.") }
        if exists {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if let other = names.first(where: { !Self.isExportFile($0) }) {
                fail("\(path): holds \(other), which yusuan did not write; export to a new or empty folder.")
            }
        }
        TemporaryFiles.cleanStale(near: path)
        let temporary = TemporaryFiles.path(for: path)
        try? FileManager.default.removeItem(atPath: temporary)
        TemporaryFiles.register(temporary)
        defer { TemporaryFiles.unregister(temporary) }
        do { try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true) } catch {
            fail("\(path): cannot create the folder (\(AtomicFile.reason(for: path))).")
        }
        do {
            try fill(temporary, next: next)
            try swapIn(temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    func fill(_ folder: String, next: () -> (Disclosure, [Finding])?) throws {
        let csv = try StreamedFile((folder as NSString).appendingPathComponent("amounts.csv"))
        try csv.write(TableExport.csvHead(bom: bom))
        var used = Set<String>()
        while let (d, findings) = next() {
            let base = URL(fileURLWithPath: d.path).deletingPathExtension().lastPathComponent
            var stem = base
            // Files of the same name from different folders must not overwrite each other.
            var n = 2
            while used.contains(stem) { stem = base + "-\(n)"; n += 1 }
            used.insert(stem)
            let file = try StreamedFile((folder as NSString).appendingPathComponent(stem + ".json"))
            try file.write(Data((TableExport.withFindings(d, findings).render() + "\n").utf8))
            try file.commit()
            try csv.write(TableExport.csvRows(d))
        }
        try csv.commit()
    }

    /// The old folder moved aside under a temporary name, the new one renamed into place, the
    /// old removed. The old is never among the temporaries a signal removes: killed between the
    /// renames, this run leaves it for the next to restore (`TemporaryFiles.restoreAside`).
    func swapIn(_ temporary: String) throws {
        let old = TemporaryFiles.aside(for: path)
        if FileManager.default.fileExists(atPath: path) {
            try? FileManager.default.removeItem(atPath: old)
            guard rename(path, old) == 0 else {
                throw AtomicFile.WriteError(description: AtomicFile.failure(path, errno))
            }
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            _ = rename(old, path)
            throw AtomicFile.WriteError(description: AtomicFile.failure(path, code))
        }
        try? FileManager.default.removeItem(atPath: old)
    }
}
