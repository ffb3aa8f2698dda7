import Foundation
import GRDB
import Testing
import YusuanCore
@testable import YusuanStore

/// SampleData exported to each format and read back.
@Suite struct ExportTests {
    static let documents: [(Disclosure, [Finding])] = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let dir = root.appendingPathComponent("SampleData").path
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }
            .sorted()
        let library = Library.open(files.map { dir + "/" + $0 }, cache: nil, keep: true)
        return (0..<library.count).compactMap { try? library.document($0) }
    }()

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "yusuan-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    var amountCount: Int { Self.documents.reduce(0) { $0 + AmountRecord.records($1.0).count } }

    @Test func sqliteReadsBack() throws {
        let path = try temporaryFolder() + "/out.sqlite"
        try SQLiteExport.write(Self.documents, to: path)
        let db = try DatabaseQueue(path: path)
        try db.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM disclosures") == 5)
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == SQLiteExport.schemaVersion)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM amounts") == amountCount)
            let office = try String.fetchOne(
                db,
                sql: """
                    SELECT amount_text FROM amounts_long WHERE unit = '克孜勒苏柯尔克孜自治州社会保险中心' AND year = 2022
                    AND table_kind = 'expense_summary' AND code = '2080109' AND column_label = '合计'
                    """)
            #expect(office == "325.07")
            let kashgar = try Double.fetchOne(
                db,
                sql: """
                    SELECT amount FROM amounts_long WHERE year = 2023 AND unit LIKE '%喀什市%' AND table_kind = 'expense_summary' AND code = '208' AND column_label = '合计'
                    """)
            #expect(kashgar == 9509.12)
            #expect(try String.fetchOne(db, sql: "SELECT name FROM projects WHERE name LIKE '线路%' LIMIT 1") == "线路租赁费")
            #expect(
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM indicators i JOIN performance_sheets s ON s.id = i.sheet_id WHERE s.project = '线路租赁费'"
                ) == 10 + 12)
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM findings WHERE parent_id IS NULL")
                    == Self.documents.reduce(0) { $0 + $1.1.count })
            // Kizilsu 2022 表五's one fault: 20801's 基本支出 blamed, its two other failing sums under it.
            let fault = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, blamed_code, blamed_column, blamed_printed, blamed_expected FROM findings
                    WHERE blamed_code IS NOT NULL
                    """)
            #expect(fault?["blamed_code"] == "20801")
            #expect(fault?["blamed_column"] == "基本支出")
            #expect(fault?["blamed_printed"] == 352.15)
            #expect(fault?["blamed_expected"] == 303.87)
            let id: Int64? = fault?["id"]
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM findings WHERE parent_id = ?", arguments: [id]) == 2)
        }
        // Nothing is left beside it.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.sqlite"])
    }

    @Test func csvLongFormWithBOM() throws {
        let data = TableExport.csv(Self.documents.map(\.0), bom: true)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        #expect(lines.count == amountCount + 1)
        #expect(
            lines[0]
                == "unit,year,table_kind,table_number,code,name,project,side,column,amount,amount_unit,amount_wan,inferred,path"
        )
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "克孜勒苏柯尔克孜自治州社会保险中心,2026,gpb_project_expense,表7,2080199,其他人力资源和社会管理事务支出,线路租赁费,,项目支出合计,9.60,万元,9.60,0,"
                )
            })
        // A field with a comma is quoted.
        #expect(TableExport.field("a,b") == "\"a,b\"")
        #expect(TableExport.field("say \"x\"") == "\"say \"\"x\"\"\"")
    }

    /// Issue 21: a document's "=HYPERLINK(…)" went out as it was, and a spreadsheet ran it.
    /// Text cells that would start a formula get a quote; a negative amount stays a number.
    @Test func csvCellsCannotStartAFormula() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let sample = try String(
            contentsOfFile: root.appendingPathComponent("SampleData/kizilsu-prefecture-social-insurance-2022.txt").path,
            encoding: .utf8)
        let text = sample.components(separatedBy: "\n").map { line -> String in
            if line.hasPrefix("208\t01\t09\t") { return line.replacingOccurrences(of: "303.87", with: "-303.87") }
            if line.hasPrefix("208\t01\t99\t"), line.contains("线路租赁费") {
                return line.replacingOccurrences(of: "线路租赁费", with: "=HYPERLINK(\"http://x.invalid\",\"点此\")")
            }
            if line.hasPrefix("208\t01\t99\t"), line.contains("代办员经费") {
                return line.replacingOccurrences(of: "代办员经费", with: "@SUM(1+1)")
            }
            return line
        }.joined(separator: "\n")
        let d = try DisclosureParser.parse(text: text, path: "+x.txt")
        let lines = String(decoding: TableExport.csv([d]), as: UTF8.self).split(separator: "\r\n").map(String.init)
        #expect(lines.contains { $0.contains(",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"点此\"\")\",") })
        #expect(lines.contains { $0.contains(",'@SUM(1+1),") })
        #expect(lines.allSatisfy { $0.hasSuffix(",'+x.txt") || $0.hasPrefix("unit,") })
        #expect(lines.contains { $0.contains(",2080109,") && $0.contains(",-303.87,万元,-303.87,") })
        #expect(!lines.contains { $0.contains(",=") || $0.contains(",@") || $0.contains(",\"=") })
        #expect(TableExport.text("-3.5") == "'-3.5")  // as text (a name), not as an amount
        #expect(TableExport.text("\t1") == "'\t1")
        #expect(TableExport.text("社会保险") == "社会保险")
    }

    @Test func jsonLinesOneDisclosureEach() throws {
        let text = String(decoding: TableExport.jsonLines(Self.documents), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 5)
        let units = try lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["findings"] is [Any])
            return object?["unit"] as? String ?? ""
        }
        #expect(units.contains("阿克陶县社会保险中心"))
    }

    @Test func atomicWriteFailsWithASentence() throws {
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Data("x".utf8), to: "/nonexistent-yusuan/x.csv")
        }
        do { try SQLiteExport.write(Self.documents, to: "/nonexistent-yusuan/x.sqlite") } catch let e
            as AtomicFile.WriteError
        {
            #expect(
                e.description
                    == "/nonexistent-yusuan/x.sqlite: cannot be written (no such folder: /nonexistent-yusuan).")
        }
        // A failed write leaves the old file as it was.
        let folder = try temporaryFolder()
        let path = folder + "/keep.csv"
        try AtomicFile.write(Data("old".utf8), to: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["keep.csv"])
    }

    /// An export killed between its two renames left no folder, the old one aside and the new
    /// one whole beside it: the next run puts the old back before the sweep of dead runs'
    /// temporaries could delete it, and the new one is swept.
    @Test func aSwapKilledBetweenItsRenamesIsRestored() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        let dead = ".yusuan-tmp-2147483646"  // no such process
        let aside = folder + "/.out" + dead + "-old"
        try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: aside + "/a.json"))
        try FileManager.default.createDirectory(atPath: folder + "/.out" + dead, withIntermediateDirectories: true)
        #expect(TemporaryFiles.restoreAside(for: out))
        #expect(FileManager.default.contents(atPath: out + "/a.json") == Data("old".utf8))
        TemporaryFiles.cleanStale(near: out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out"])
        // With the folder in place, or a live run's aside, nothing moves.
        #expect(!TemporaryFiles.restoreAside(for: out))
        try FileManager.default.moveItem(atPath: out, toPath: TemporaryFiles.aside(for: out))
        #expect(!TemporaryFiles.restoreAside(for: out))
    }
}
