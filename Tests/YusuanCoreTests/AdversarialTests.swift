import Foundation
import Testing
@testable import YusuanCore

/// Inputs a user feeds by mistake or an attacker crafts. Each yields a model or one sentence
/// (an `InputError`), within a bound far above normal (it catches hangs, not slowness: a sample
/// parses and checks in under 0.1 s in a release build; the 10 MB line, the slowest case, takes
/// about 20 s in a debug build on two busy cores), and never a crash or a wrong number.
@Suite struct AdversarialTests {
    /// Any input here must be answered within this many seconds, even in a debug build.
    static let bound: Double = 120

    enum Outcome {
        case parsed(Disclosure, [Finding])
        case refused(InputError)
    }

    static let kizilsu: String =
        (try? String(contentsOfFile: Fixtures.path(Fixtures.kizilsu2022), encoding: .utf8)) ?? ""

    /// Writes the bytes to a file and runs what `yusuan check` runs, plus both outputs.
    func run(_ bytes: Data, name: String = "input.txt", sourceLocation: SourceLocation = #_sourceLocation) throws
        -> Outcome
    {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-adv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try bytes.write(to: URL(fileURLWithPath: path))
        let start = ContinuousClock.now
        defer {
            let seconds = Double((ContinuousClock.now - start).components.seconds)
            #expect(seconds < Self.bound, "took \(seconds) s", sourceLocation: sourceLocation)
        }
        do {
            let d = try DisclosureParser.parse(path: path)
            let findings = Checker.check(d)
            _ = DisclosureJSON.encode(d).render()
            _ = OutlineText.render(d)
            _ = FindingsOutput.text(d, findings)
            return .parsed(d, findings)
        } catch let e as InputError {
            #expect(e.description.hasPrefix(path), "the sentence names the file", sourceLocation: sourceLocation)
            return .refused(e)
        }
    }

    func run(_ text: String) throws -> Outcome { try run(Data(text.utf8)) }

    func parsed(_ o: Outcome, sourceLocation: SourceLocation = #_sourceLocation) -> (Disclosure, [Finding])? {
        if case .parsed(let d, let f) = o { return (d, f) }
        Issue.record("refused: \(o)", sourceLocation: sourceLocation)
        return nil
    }

    /// The sample with `transform` applied to its lines.
    func edited(_ transform: (inout [String]) -> Void) -> String {
        var lines = Self.kizilsu.components(separatedBy: "\n")
        transform(&lines)
        return lines.joined(separator: "\n")
    }

    func index(of prefix: String, from: Int = 0, in lines: [String]) -> Int {
        lines[from...].firstIndex { $0.hasPrefix(prefix) }!
    }

    func tables(_ d: Disclosure) -> [String] {
        d.tables.map { "\($0.number ?? "") \($0.kind.rawValue) \($0.rows.count)" }
    }

    func refused(_ o: Outcome) -> InputError? { if case .refused(let e) = o { return e }; return nil }

    @Test func emptyBlankAndBinaryAreRefused() throws {
        #expect(refused(try run(Data())).map { if case .empty = $0 { true } else { false } } == true)
        #expect(refused(try run(" \n\t\n\u{3000}\r\n")).map { if case .blank = $0 { true } else { false } } == true)
        #expect(refused(try run(Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))) != nil)
    }

    @Test func invalidUTF8InTheMiddleKeepsTheRest() throws {
        var bytes = Data(Self.kizilsu.utf8)
        bytes.insert(contentsOf: [0xFF, 0xC3, 0x28, 0xA0], at: bytes.count / 2)
        let (d, _) = try #require(parsed(try run(bytes)))
        #expect(d.table(.expenseSummary)?.row("2080109")?.printed == ["325.07", "315.27", "9.80"])
        #expect(d.tables.count == 8)
    }

    @Test func utf16BigEndianWithBOM() throws {
        var bytes = Data([0xFE, 0xFF])
        bytes.append(try #require(Self.kizilsu.data(using: .utf16BigEndian)))
        let (d, _) = try #require(parsed(try run(bytes)))
        #expect(d.unit == "克孜勒苏柯尔克孜自治州社会保险中心")
        #expect(d.table(.expenseSummary)?.totalRow?.printed == ["389.75", "363.55", "26.20"])
    }

    @Test func fiftyMegabytesIsRefusedAtOnce() throws {
        let line = Data(String(repeating: "2080109\t社会保险经办机构\t325.07\t315.27\t9.80\n", count: 1).utf8)
        var bytes = Data(capacity: 50 << 20)
        while bytes.count < 50 << 20 { bytes.append(line) }
        let e = try #require(refused(try run(bytes)))
        #expect(e.description.hasSuffix("too large for one disclosure (limit 16 MB)."))
    }

    @Test func aTenMegabyteLine() throws {
        // One line of table-like words and numbers: not a disclosure, said so.
        #expect(refused(try run(String(repeating: "财政拨款收入 1.00 ", count: 600_000))) != nil)
        // The same line inside a real document: the document still reads.
        let (d, _) = try #require(
            parsed(try run(edited { $0.insert(String(repeating: "9", count: 10_000_000), at: 300) })))
        #expect(d.table(.gpbExpense)?.row("2080109") != nil)
    }

    @Test func cutMidTable() throws {
        let (d, findings) = try #require(
            parsed(
                try run(
                    edited { l in
                        let s = index(of: "表五", in: l)
                        l.removeSubrange((s + 13)...)  // 表五's title, header and its first rows only
                    })))
        #expect(d.tables.last?.number == "表五")
        #expect(d.table(.gpbExpense)?.row("208")?.printed == ["368.55", "352.15", "16.40"])
        #expect(findings.contains { $0.rule == Rules.promised.id && $0.message.contains("基本支出") })
    }

    @Test func tableWithoutHeaderAndHeaderWithoutRows() throws {
        let (d, _) = try #require(
            parsed(
                try run(
                    edited { l in
                        let s = index(of: "表五", in: l)
                        let header = index(of: "项 目", from: s, in: l)
                        l.removeSubrange(header..<(header + 3))  // 表五 loses its header
                        let t6 = index(of: "表六", in: l)
                        let rows = index(of: "301", from: t6, in: l)
                        let end = index(of: "表七", in: l)
                        l.removeSubrange(rows..<end)  // 表六 keeps its header, loses every row
                    })))
        #expect(d.table(.gpbExpense)?.row("2080109")?.value(0) == Amount(parsing: "303.87"))
        #expect(d.table(.gpbBasicExpense)?.rows.allSatisfy { $0.values.allSatisfy { $0 == nil } } ?? true)
    }

    @Test func aTableRepeatedIsCountedOnce() throws {
        let (d, findings) = try #require(
            parsed(
                try run(
                    edited { l in
                        let s = index(of: "表五", in: l)
                        let e = index(of: "表六", in: l)
                        l.insert(contentsOf: l[s..<e], at: e)
                    })))
        #expect(d.tables(.gpbExpense).count == 1)
        #expect(findings.contains { $0.rule == "tables.repeated" && $0.message.contains("内容相同") })
        // A second copy with other numbers stays, and the note says so.
        let (d2, findings2) = try #require(
            parsed(
                try run(
                    edited { l in
                        let s = index(of: "表五", in: l)
                        let e = index(of: "表六", in: l)
                        l.insert(
                            contentsOf: l[s..<e].map { $0.replacingOccurrences(of: "303.87", with: "313.87") }, at: e)
                    })))
        #expect(d2.tables(.gpbExpense).count == 2)
        #expect(findings2.contains { $0.rule == "tables.repeated" && $0.message.contains("数字不同") })
    }

    @Test func twoDisclosuresInOneFile() throws {
        let akto = try String(contentsOfFile: Fixtures.path(Fixtures.akto), encoding: .utf8)
        let (d, findings) = try #require(parsed(try run(Self.kizilsu + "\n" + akto)))
        #expect(d.unit == "克孜勒苏柯尔克孜自治州社会保险中心")
        #expect(d.year == 2022)
        #expect(tables(d) == tables(try Fixtures.load(Fixtures.kizilsu2022)))
        let note = try #require(findings.first { $0.rule == "file.second_document" })
        #expect(note.severity == .error)
        #expect(note.message.contains("阿克陶县社会保险中心"))
        // its cover title, after two blank lines
        #expect(note.line == Self.kizilsu.components(separatedBy: "\n").count + 3)
    }

    @Test func oddCells() throws {
        let (d, _) = try #require(
            parsed(
                try run(
                    edited { l in
                        for i in l.indices where l[i].hasPrefix("208\t01\t09\t") {
                            l[i] = l[i].replacingOccurrences(of: "303.87", with: "-303.87")
                        }
                        for i in l.indices where l[i].hasPrefix("208\t05\t05\t") {
                            l[i] = l[i].replacingOccurrences(of: "32.88", with: "—")
                        }
                        for i in l.indices where l[i].hasPrefix("208\t05\t01\t") {
                            l[i] = l[i].replacingOccurrences(of: "15.40", with: "1e308")
                        }
                        for i in l.indices where l[i].hasPrefix("208\t01\t99\t") {
                            l[i] = l[i].replacingOccurrences(of: "16.40", with: "99999999999999999999999.99")
                        }
                    })))
        let t = try #require(d.table(.gpbExpense))
        #expect(t.row("2080109")?.value(0) == Amount(parsing: "-303.87"))
        #expect(t.row("2080505")?.value(0) == nil)  // "—" is no amount
        #expect(t.row("2080501")?.value(0) == nil)  // neither is 1e308
        #expect(t.row("2080199")?.value(0) == nil)  // nor 23 digits
    }

    @Test func hugeAmountsEverywhereNeverTrap() throws {
        let huge = "99999999999999.99"  // the largest amount read: 1e16 hundredths
        let text = edited { l in
            for i in l.indices where l[i].hasPrefix("208") || l[i].contains("合计") {
                l[i] = l[i].split(separator: "\t", omittingEmptySubsequences: false)
                    .map { Amount(parsing: $0) != nil && $0.contains(".") ? huge : String($0) }.joined(separator: "\t")
            }
            let many = Array(repeating: "2080109\t\t\t社会保险经办机构\t\(huge)\t\(huge)\t", count: 2_000)
            l.insert(contentsOf: many, at: index(of: "表六", in: l) - 1)
        }
        let (d, findings) = try #require(parsed(try run(text)))
        #expect(d.table(.gpbExpense)?.row("208")?.value(0) == Amount(parsing: huge))
        #expect(findings.contains { $0.rule == Rules.treeSum.id })
    }

    @Test func codesWithLetters() throws {
        let (d, _) = try #require(
            parsed(
                try run(
                    edited { l in
                        for i in l.indices where l[i].hasPrefix("208\t01\t09\t") {
                            l[i] = l[i].replacingOccurrences(of: "208\t01\t09", with: "2O8\t0l\t09")
                        }
                    })))
        #expect(d.table(.gpbExpense)?.row("208")?.value(0) == Amount(parsing: "368.55"))
    }

    @Test func amountsInYuanWhenTheHeaderSaysSo() throws {
        let original = try Fixtures.load(Fixtures.kizilsu2022)
        let (d, findings) = try #require(
            parsed(
                try run(
                    edited { l in
                        let s = index(of: "表五", in: l)
                        let e = index(of: "表六", in: l)
                        for i in s..<e {
                            if l[i].hasPrefix("单位：万元") { l[i] = "单位：元"; continue }
                            l[i] = l[i].split(separator: "\t", omittingEmptySubsequences: false).map { cell -> String in
                                guard cell.contains("."), let a = Amount(parsing: cell) else { return String(cell) }
                                return Amount(hundredths: a.hundredths * 10_000).description
                            }.joined(separator: "\t")
                        }
                    })))
        let t = try #require(d.table(.gpbExpense))
        #expect(t.amountUnit == "元")
        #expect(t.row("2080109")?.value(0) == Amount(parsing: "3038700.00"))
        #expect(t.row("2080109")?.value(0)?.inWan(from: t.amountUnit) == Amount(parsing: "303.87"))
        // Compared in 万元 with the other tables and the prose: no finding appears that the 万元 original lacks.
        func key(_ f: Finding) -> String {
            "\(f.rule) \(f.tableNumber ?? "") \(f.code ?? f.row ?? "") \(f.column ?? "")"
        }
        let before = Set(Checker.check(original).map(key))
        #expect(findings.filter { !before.contains(key($0)) }.map(\.message) == [])
    }

    @Test func performanceSheetWithoutIndicators() throws {
        let (d, findings) = try #require(
            parsed(
                try run(
                    edited { l in
                        let s = index(of: "一级指标", in: l)
                        let e = index(of: "项目支出绩效目标表", from: s, in: l)
                        l.removeSubrange(s..<e)
                    })))
        #expect(d.performanceSheets.contains { $0.indicators.isEmpty })
        #expect(findings.contains { $0.rule == Rules.indicatorValue.id || $0.category == .performance })
    }

    /// Found by yusuan-fuzz (seed 7, iteration 123): a line of short code digits and no amounts
    /// after a total row, read as the total's continuation, indexed code parts it did not have.
    @Test func codeDigitsContinuingATotalRow() throws {
        let (d, _) = try #require(
            parsed(
                try run(
                    edited { l in
                        let e = index(of: "表六", in: l)
                        let total = l[..<e].lastIndex { $0.contains("合计") }!
                        l.insert("20\t01\t\t续行\t\t\t", at: total + 1)
                    })))
        #expect(d.table(.gpbExpense)?.totalRow?.value(0) == Amount(parsing: "368.55"))
    }

    /// Issue 21 (yusuan-fuzz seed 12, iteration 61): the body's 第二部分 and 第三部分 headings
    /// deleted leave the contents' ones out of order and 第四部分 alone, which made the prose
    /// region start past its end and trapped.
    @Test func bodyWithoutPartTwoAndThreeHeadings() throws {
        let (d, _) = try #require(
            parsed(
                try run(
                    edited { l in
                        let body = index(of: "第一部分", from: index(of: "第四部分", in: l), in: l)
                        l.remove(at: index(of: "第二部分", from: body, in: l))
                        l.remove(at: index(of: "第三部分", from: body, in: l))
                    })))
        #expect(d.table(.expenseSummary)?.row("2080109")?.printed == ["325.07", "315.27", "9.80"])
        #expect(d.table(.gpbExpense)?.totalRow?.value(0) == Amount(parsing: "368.55"))
        #expect(d.glossary.contains { $0.term == "项目支出" })
    }
}
