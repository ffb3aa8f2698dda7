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
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
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
            let office = try String.fetchOne(db, sql: """
                SELECT amount_text FROM amounts_long WHERE unit = '克孜勒苏柯尔克孜自治州社会保险中心' AND year = 2022
                AND table_kind = 'expense_summary' AND code = '2080109' AND column_label = '合计'
                """)
            #expect(office == "325.07")
            let kashgar = try Double.fetchOne(db, sql: """
                SELECT amount FROM amounts_long WHERE year = 2023 AND unit LIKE '%喀什市%' AND table_kind = 'expense_summary' AND code = '208' AND column_label = '合计'
                """)
            #expect(kashgar == 9509.12)
            #expect(try String.fetchOne(db, sql: "SELECT name FROM projects WHERE name LIKE '线路%' LIMIT 1") == "线路租赁费")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM indicators i JOIN performance_sheets s ON s.id = i.sheet_id WHERE s.project = '线路租赁费'") == 10 + 12)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM findings") == Self.documents.reduce(0) { $0 + $1.1.count })
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
        #expect(lines[0] == "unit,year,table_kind,table_number,code,name,project,side,column,amount,amount_unit,amount_wan,inferred,path")
        #expect(lines.contains { $0.hasPrefix("克孜勒苏柯尔克孜自治州社会保险中心,2026,gpb_project_expense,表7,2080199,其他人力资源和社会管理事务支出,线路租赁费,,项目支出合计,9.60,万元,9.60,0,") })
        // A field with a comma is quoted.
        #expect(TableExport.field("a,b") == "\"a,b\"")
        #expect(TableExport.field("say \"x\"") == "\"say \"\"x\"\"\"")
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
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: "/nonexistent-yusuan/x.csv") }
        do { try SQLiteExport.write(Self.documents, to: "/nonexistent-yusuan/x.sqlite") } catch let e as AtomicFile.WriteError {
            #expect(e.description == "/nonexistent-yusuan/x.sqlite: cannot be written (no such folder: /nonexistent-yusuan).")
        }
        // A failed write leaves the old file as it was.
        let folder = try temporaryFolder()
        let path = folder + "/keep.csv"
        try AtomicFile.write(Data("old".utf8), to: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["keep.csv"])
    }
}
