import Foundation
import Testing
@testable import YusuanCore

@testable import YusuanXlsx

/// The workbook of Kizilsu 2022, read back by a reader that is not ours (openpyxl), and its plan.
@Suite struct XlsxExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func document() throws -> (Disclosure, [Finding]) {
        let d = try DisclosureParser.parse(
            path: root.appendingPathComponent("SampleData/kizilsu-prefecture-social-insurance-2022.txt").path)
        return (d, Checker.check(d))
    }

    /// python3 with openpyxl, or nil (CI offline, a machine without it): the read-back is skipped.
    static let python: String? = {
        for p in ["/usr/bin/python3", "/usr/local/bin/python3"] + pyenv()
        where FileManager.default.isExecutableFile(atPath: p) {
            if run(p, ["-c", "import openpyxl"]).status == 0 { return p }
        }
        return nil
    }()

    static func pyenv() -> [String] {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        return ["\(home)/.pyenv/shims/python3"]
    }

    static func run(_ exe: String, _ args: [String]) -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = Pipe()
        do { try p.run() } catch { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func planLaysTablesAsPrinted() throws {
        let plan = WorkbookPlan([try Self.document()])
        #expect(plan.sheets.first?.name == "问题")
        #expect(plan.sheets.last?.name == "金额（长表）")
        let t5 = try #require(plan.sheets.first { $0.name == "表五 一般公共预算支出" })
        // 表五's header: 基本支出 and 项目支出 under no group; codes are text.
        #expect(t5.cells.contains { $0.value == .text("2080109") })
        #expect(WorkbookPlan.cellName(row: 6, column: 27) == "AB7")
        // Text a spreadsheet would run as a formula is neutralised as the CSV does.
        #expect(WorkbookPlan.safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(WorkbookPlan.safe("-3.5") == "'-3.5")
        // 表1 as printed: income on the left, expense (code, name) on the right of each line.
        let t1 = try #require(plan.sheets.first { $0.name == "表一 收支总体" })
        let first = t1.cells.filter { $0.row == 4 }.sorted { $0.column < $1.column }.map(\.value)
        #expect(first.first == .text("一、财政拨款（补助）"))
        #expect(first == [.text("一、财政拨款（补助）"), .number(Amount(hundredths: 36855)), .text("201"), .text("一般公共服务支出")])
    }

    @Test(.enabled(if: XlsxExportTests.python != nil, "python3 with openpyxl is not installed here"))
    func openpyxlReadsCellsMergesFillAndComment() throws {
        let data = try XlsxWorkbook.data(WorkbookPlan([try Self.document()]))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "yusuan-test-\(UUID().uuidString).xlsx")
        try data.write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": wb.sheetnames}
            ws = wb["表五 一般公共预算支出"]
            out["merged"] = sorted(str(r) for r in ws.merged_cells.ranges)
            out["header"] = [[c.value for c in row] for row in ws.iter_rows(min_row=3, max_row=4)]
            rows = {}
            for row in ws.iter_rows(min_row=5):
                key = row[0].value
                if key: rows[key] = [(c.value, c.number_format, c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None, c.comment.text if c.comment else None) for c in row]
            out["rows"] = rows
            f = wb["问题"]
            out["first"] = [c.value for c in f[2]]
            out["link"] = f.cell(row=2, column=6).hyperlink.location if f.cell(row=2, column=6).hyperlink else None
            a = wb["金额（长表）"]
            out["amounts"] = [[c.value for c in a[1]], [c.value for c in a[2]]]
            print(json.dumps(out, ensure_ascii=False))
            """
        let (status, out) = Self.run(try #require(Self.python), ["-c", script, path.path])
        #expect(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let sheets = try #require(json["sheets"] as? [String])
        #expect(sheets.first == "问题")
        #expect(sheets.contains("表一 收支总体"))
        #expect(sheets.last == "金额（长表）")
        // The title merged across the table; 科目编码 and 科目名称 merged down the two header rows.
        let merged = try #require(json["merged"] as? [String])
        #expect(merged.contains("A3:A4"))
        #expect(merged.contains("B3:B4"))
        #expect(merged.contains { $0.hasPrefix("A1:") })
        let rows = try #require(json["rows"] as? [String: [[Any]]])
        // 20801's 基本支出 is printed 352.15 where its items add to 303.87: the blamed cell is red
        // with the finding as its comment; the code is text, the amount a number with two decimals.
        let r20801 = try #require(rows["20801"])
        let flagged = try #require(r20801.first { ($0[0] as? Double) == 352.15 })
        #expect(flagged[1] as? String == "#,##0.00")
        #expect((flagged[2] as? String)?.hasSuffix("FFC7CE") == true)
        #expect((flagged[3] as? String)?.contains("各项之和为 303.87") == true)
        #expect(rows["2080109"] != nil)
        // The first finding links to its cell.
        let first = try #require(json["first"] as? [Any])
        #expect(first[3] as? String == "tree.sum")
        #expect((json["link"] as? String)?.hasPrefix("'表五 一般公共预算支出'!") == true)
        let amounts = try #require(json["amounts"] as? [[Any]])
        #expect(amounts[0].first as? String == "unit")
    }
}
