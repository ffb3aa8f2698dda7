import Foundation
import Testing
@testable import YusuanCore

/// The national 部门决算 template filled with amounts by `Scripts/fill-template.py`: every amount
/// drawn in its cell (listed, with the operators that draw it, in the JSON beside the PDF) is read
/// back in its row and column, and nothing else; every sum holds, so `check` finds no error; one
/// amount changed in a copy is named as the cell printed wrong.
@Suite struct FilledFinalAccountsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let pdf = folder.appendingPathComponent("final-accounts-filled.pdf")
    static let skip: Comment = "needs pdftotext (poppler-utils)"

    struct Cell: Decodable {
        var row: String
        var nth: Int
        var column: String
        var value: String
        var `operator`: String
    }

    static func written() throws -> [String: [Cell]] {
        try JSONDecoder().decode(
            [String: [Cell]].self, from: Data(contentsOf: folder.appendingPathComponent("final-accounts-filled.json")))
    }

    static func read(_ data: Data) throws -> Disclosure {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-filled-\(UUID()).pdf")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try DisclosureParser.parse(path: url.path)
    }

    /// The parsed cell a written one stands for: its row by code or name (the nth of that label, top
    /// to bottom and left to right),
    /// its column by the printed label. A two-sided summary's 收入/支出 is the row's side, each side
    /// holding its amount in column 0 and the expense side's other columns by their labels; a 三公
    /// column "item/measure" is the item's row (a 小计 its group's) and the measure's column.
    static func value(of cell: Cell, in t: Table) -> Amount?? {
        var path = cell.column.split(separator: "/").map(String.init)
        var label = cell.row
        var side: Row.Side?
        if t.kind.isTwoSided {
            side = path.removeFirst() == "收入" ? .income : .expense
        } else if t.kind == .threePublic {
            let measure = path.removeLast()
            label = path.last == "小计" ? path[0] : path.last ?? ""
            path = [measure]
        }
        // A summary's 类 line is read as its code and official name ("五、教育支出" is 205 教育支出).
        let bare = TableSegmenter.unnumbered(label)
        let rows = t.rows.filter { $0.code == label || $0.name == label || ($0.code != nil && $0.name == bare) }
        guard cell.nth < rows.count, side == nil || rows[cell.nth].side == side else { return nil }
        let name = path.joined(separator: "/")
        guard let c = name == "决算数" && t.kind.isTwoSided ? 0 : t.columns.firstIndex(of: name) else { return nil }
        return .some(rows[cell.nth].value(c))
    }

    @Test(.enabled(if: PDFTests.hasPdftotext, skip)) func everyAmountIsReadInItsCell() throws {
        let d = try Self.read(Data(contentsOf: Self.pdf))
        #expect(d.documentKind == "决算")
        #expect(d.year == 2024)
        let written = try Self.written()
        #expect(written.count == 7, "the seven tables with amounts; 政府性基金 and 国有资本经营 stay blank")
        for (title, cells) in written {
            let t = try #require(d.tables.first { $0.title == title }, "\(title)")
            for cell in cells {
                let read = Self.value(of: cell, in: t)
                #expect(
                    read == .some(Amount(parsing: cell.value.replacingOccurrences(of: ",", with: ""))),
                    "\(title) \(cell.row) \(cell.column)")
            }
            // No amount read that was not written.
            let amounts = t.rows.reduce(0) { $0 + $1.values.filter { $0 != nil }.count }
            #expect(amounts == cells.count, "\(title)")
        }
        let blank = d.tables.filter { $0.title.hasSuffix("收入支出决算表") }
        #expect(blank.count == 2)
        #expect(blank.allSatisfy { $0.isEmpty })
    }

    @Test(.enabled(if: PDFTests.hasPdftotext, skip)) func everySumHolds() throws {
        let d = try Self.read(Data(contentsOf: Self.pdf))
        let findings = Checker.check(d)
        #expect(!findings.contains { $0.severity == .error }, "\(findings.filter { $0.severity == .error })")
        #expect(!findings.contains { $0.category == .arithmetic || $0.category == .crossTable })
    }

    /// Compared with a copy whose 三公 合计 决算数 reads 37.00, the table's total is its 决算数
    /// (36.00 → 37.00), not the 预算数 (44.00) printed before it.
    @Test(.enabled(if: PDFTests.hasPdftotext, skip)) func comparedTotalsAreTheFinalAccounts() throws {
        let data = try Data(contentsOf: Self.pdf)
        var copy = data
        let total = try #require(
            try Self.written()["财政拨款“三公”经费支出决算表"]?.first { $0.column == "合计/决算数" })
        let from = Data(total.operator.utf8)
        let range = try #require(copy.range(of: from))
        copy.replaceSubrange(
            range, with: Data(total.operator.replacingOccurrences(of: "(36.00)", with: "(37.00)").utf8))
        let c = Comparison(old: try Self.read(data), new: try Self.read(copy))
        let t = try #require(c.tables.first { $0.kind == .threePublic })
        #expect(t.total.old?.description == "36.00")
        #expect(t.total.new?.description == "37.00")
    }

    /// Any one amount printed 1.00 off (as long as before: "1,140.25" → "1,141.25") makes `check`
    /// report an error: no cell of the filled tables stands outside every sum.
    @Test(.enabled(if: PDFTests.hasPdftotext, skip)) func everyAmountIsChecked() throws {
        let data = try Data(contentsOf: Self.pdf)
        let cells = try Self.written().sorted { $0.key < $1.key }.flatMap { title, cells in cells.map { (title, $0) } }
        let missed = Missed()
        DispatchQueue.concurrentPerform(iterations: cells.count) { i in
            let (title, cell) = cells[i]
            guard let value = Amount(parsing: cell.value.replacingOccurrences(of: ",", with: "")) else { return }
            let grouped = { (a: Amount) in
                let f = NumberFormatter()
                f.numberStyle = .decimal
                f.minimumFractionDigits = 2
                f.maximumFractionDigits = 2
                f.locale = Locale(identifier: "en_US_POSIX")
                f.usesGroupingSeparator = true
                f.groupingSize = 3
                return f.string(from: NSNumber(value: Double(a.hundredths) / 100)) ?? ""
            }
            let changed = [100, -100].map { grouped(Amount(hundredths: value.hundredths + $0)) }
                .first { $0.count == cell.value.count }
            guard let changed else { return }
            var copy = data
            let from = Data(cell.operator.utf8)
            let to = Data(cell.operator.replacingOccurrences(of: "(\(cell.value))", with: "(\(changed))").utf8)
            guard let range = copy.range(of: from) else { return }
            copy.replaceSubrange(range, with: to)
            missed.tried()
            let errors = (try? Self.read(copy)).map { Checker.check($0).filter { $0.severity == .error } }
            if errors?.isEmpty != false { missed.add("\(title) \(cell.row) \(cell.column)") }
        }
        #expect(missed.cells.isEmpty)
        #expect(missed.count == cells.count, "every cell changed once")
    }

    /// 2050205 基本支出 700.00 printed as 701.00: its row's 合计 and its 款's 基本支出 both fail, and
    /// the two point at it.
    @Test(.enabled(if: PDFTests.hasPdftotext, skip)) func aChangedAmountIsNamed() throws {
        var data = try Data(contentsOf: Self.pdf)
        let cell = try #require(
            try Self.written()["一般公共预算财政拨款支出决算表"]?.first { $0.row == "2050205" && $0.column == "基本支出" })
        let from = Data(cell.operator.utf8)
        let to = Data(cell.operator.replacingOccurrences(of: "(700.00)", with: "(701.00)").utf8)
        #expect(from != to && from.count == to.count)
        let range = try #require(data.range(of: from))
        data.replaceSubrange(range, with: to)
        let findings = Checker.check(try Self.read(data)).filter { $0.severity == .error }
        #expect(findings.count == 1, "\(findings)")
        let blamed = try #require(findings.first?.blamed)
        #expect(blamed.code == "2050205")
        #expect(blamed.column == "基本支出")
        #expect(blamed.printed == Amount(parsing: "701.00"))
        #expect(blamed.expected == Amount(parsing: "700.00"))
    }
}

/// The cells changed, and those whose change went unreported, gathered from threads.
final class Missed: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [String] = []
    private var tries = 0
    func add(_ cell: String) { lock.withLock { found.append(cell) } }
    func tried() { lock.withLock { tries += 1 } }
    var cells: [String] { lock.withLock { found } }
    var count: Int { lock.withLock { tries } }
}
