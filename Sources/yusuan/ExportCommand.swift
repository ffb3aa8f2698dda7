import ArgumentParser
import Foundation
import YusuanCore
import YusuanStore
import YusuanXlsx

/// `yusuan export PATH ... --to DIR|FILE.sqlite|FILE.csv|FILE.jsonl|FILE.xlsx`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write parsed disclosures and findings as SQLite, CSV (long form), JSON Lines, an Excel workbook, or a folder of JSON files."
    )

    @Argument(help: "Files or folders of disclosures (default: SampleData).") var paths: [String] = []
    @Option(help: "Destination: FILE.sqlite, FILE.csv, FILE.jsonl, FILE.xlsx, or a folder.") var to: String
    // Excel and WPS take a CSV without a byte-order mark for the local code page (mojibake).
    @Flag(inversion: .prefixedNo, help: "Start the CSV with a UTF-8 byte-order mark, for Excel and WPS (default).")
    var bom = true

    func run() throws {
        let files = inputFiles(paths)
        let inputs = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        if inputs.contains(URL(fileURLWithPath: to).standardizedFileURL.path) {
            fail("\(to): is one of the inputs; yusuan never writes to its inputs.")
        }
        let format = URL(fileURLWithPath: to).pathExtension.lowercased()
        guard ["sqlite", "sqlite3", "db", "csv", "jsonl", "ndjson", "xlsx", ""].contains(format) else {
            fail("\(to): unknown export format; use .sqlite, .csv, .jsonl, .xlsx or a folder.")
        }
        // Summaries first (pairs found, unreadable files said), then each document parsed again
        // and written out in turn: memory holds one document, not all of them.
        let library = openLibrary(files, label: "读取", cache: nil, keep: false)
        if library.count == 0 { throw ExitCode(2) }
        TemporaryFiles.cleanOnSignals()
        var i = 0
        let next = { () -> (Disclosure, [Finding])? in
            while i < library.count {
                defer { i += 1 }
                if let document = try? library.document(i) { return document }
            }
            return nil
        }
        do {
            switch format {
            case "sqlite", "sqlite3", "db": try SQLiteExport.write(next: next, to: to)
            case "csv":
                let file = try StreamedFile(to)
                try file.write(TableExport.csvHead(bom: bom))
                while let (d, _) = next() { try file.write(TableExport.csvRows(d)) }
                try file.commit()
            case "jsonl", "ndjson":
                let file = try StreamedFile(to)
                while let (d, f) = next() {
                    try file.write(Data((TableExport.withFindings(d, f).render(pretty: false) + "\n").utf8))
                }
                try file.commit()
            case "xlsx":
                // A workbook is written whole by libxlsxwriter: its documents are held together.
                var documents: [(Disclosure, [Finding])] = []
                while let document = next() { documents.append(document) }
                do { try AtomicFile.write(XlsxWorkbook.data(WorkbookPlan(documents)), to: to) } catch let e
                    as XlsxWorkbook.WriteError
                { fail("\(to): cannot write the workbook (\(e.description)).") }
            default: try ExportFolder(path: to, bom: bom).write(next: next)
            }
        } catch let error as AtomicFile.WriteError {
            fail(error.description)
        }
        FileHandle.standardError.write(Data(TextNormalizer.safeLines("\(library.count) 个文件 → \(to)\n").utf8))
    }
}
