import ArgumentParser
import Foundation
import YusuanCore
import YusuanStore
import YusuanXlsx

/// `yusuan export PATH ... --to DIR|FILE.sqlite|FILE.csv|FILE.jsonl|FILE.xlsx`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Write parsed disclosures and findings as SQLite, CSV (long form), JSON Lines, an Excel workbook, or a folder of JSON files."
    )

    @Argument(help: "Files or folders of disclosures (default: SampleData).") var paths: [String] = []
    @Option(help: "Destination: FILE.sqlite, FILE.csv, FILE.jsonl, FILE.xlsx, or a folder.") var to: String
    // Excel and WPS take a CSV without a byte-order mark for the local code page (mojibake).
    @Flag(inversion: .prefixedNo, help: "Start the CSV with a UTF-8 byte-order mark, for Excel and WPS (default).")
    var bom = true

    func run() throws {
        let files: [String]
        do {
            files = try InputPaths.expand(
                paths.isEmpty ? [InputPaths.sampleData()] : StandardInput.resolve(paths), warn: note)
        } catch {
            fail("\(error)")
        }
        if files.isEmpty { fail("\(paths.joined(separator: " ")): no disclosure text files found.") }
        let inputs = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        if inputs.contains(URL(fileURLWithPath: to).standardizedFileURL.path) {
            fail("\(to): is one of the inputs; yusuan never writes to its inputs.")
        }
        let format = URL(fileURLWithPath: to).pathExtension.lowercased()
        guard ["sqlite", "sqlite3", "db", "csv", "jsonl", "ndjson", "xlsx", ""].contains(format) else {
            fail("\(to): unknown export format; use .sqlite, .csv, .jsonl, .xlsx or a folder.")
        }
        let documents = loadDocuments(files)
        if documents.isEmpty { throw ExitCode(2) }
        do {
            switch format {
            case "sqlite", "sqlite3", "db": try SQLiteExport.write(documents, to: to)
            case "csv": try AtomicFile.write(TableExport.csv(documents.map(\.0), bom: bom), to: to)
            case "jsonl", "ndjson": try AtomicFile.write(TableExport.jsonLines(documents), to: to)
            case "xlsx":
                do { try AtomicFile.write(XlsxWorkbook.data(WorkbookPlan(documents)), to: to) } catch let e
                    as XlsxWorkbook.WriteError
                { fail("\(to): cannot write the workbook (\(e.description)).") }
            default: try writeFolder(documents)
            }
        } catch let error as AtomicFile.WriteError {
            fail(error.description)
        }
        FileHandle.standardError.write(Data(TextNormalizer.safeLines("\(documents.count) 个文件 → \(to)\n").utf8))
    }

    /// A folder: one JSON file per disclosure (the parse JSON with its findings) and amounts.csv.
    func writeFolder(_ documents: [(Disclosure, [Finding])]) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: to, isDirectory: &isDir), !isDir.boolValue {
            fail("\(to): exists and is not a folder.")
        }
        do { try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true) } catch {
            fail("\(to): cannot create the folder (\(AtomicFile.reason(for: to))).")
        }
        var used = Set<String>()
        for (d, findings) in documents {
            var stem = URL(fileURLWithPath: d.path).deletingPathExtension().lastPathComponent
            // Files of the same name from different folders must not overwrite each other.
            var n = 2
            while used.contains(stem) {
                stem = URL(fileURLWithPath: d.path).deletingPathExtension().lastPathComponent + "-\(n)"; n += 1
            }
            used.insert(stem)
            try AtomicFile.write(
                Data((TableExport.withFindings(d, findings).render() + "\n").utf8),
                to: (to as NSString).appendingPathComponent(stem + ".json"))
        }
        try AtomicFile.write(
            TableExport.csv(documents.map(\.0), bom: bom), to: (to as NSString).appendingPathComponent("amounts.csv"))
    }
}
