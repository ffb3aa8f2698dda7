import Foundation
import Testing
@testable import YusuanCore

/// One printed amount changed at a time, before the reader sees it (in the text for the samples,
/// in the words pdftotext gives for the PDFs): the checker must come out with one new error that
/// blames that very cell, in a table it does not doubt.
@Suite struct MutationTests {
    enum Outcome: String, CaseIterable {
        case blamed = "one error blaming the changed cell"
        case ambiguous = "one error, the cell not told (one sum, several free cells)"
        case other = "one error blaming another cell"
        case several = "several new errors"
        case uncertain = "table marked uncertain"
        case unnoticed = "no new error"
    }

    struct Tally {
        var byKind: [String: [Outcome: Int]] = [:]
        var notes: [String] = []
        var tried: Int { byKind.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
        var blamed: Int { byKind.values.reduce(0) { $0 + ($1[.blamed] ?? 0) } }

        mutating func add(_ kind: String, _ outcome: Outcome, _ note: String) {
            byKind[kind, default: [:]][outcome, default: 0] += 1
            if outcome != .blamed { notes.append("\(kind) \(outcome.rawValue): \(note)") }
        }

        func report(_ title: String) -> String {
            var lines = ["\(title): \(blamed) of \(tried) blamed the changed cell"]
            for (kind, outcomes) in byKind.sorted(by: { $0.key < $1.key }) {
                let parts = Outcome.allCases.compactMap { o in outcomes[o].map { "\($0) \(o.rawValue)" } }
                lines.append("  \(kind): " + parts.joined(separator: "; "))
            }
            return (lines + notes.map { "  miss: \($0)" }).joined(separator: "\n")
        }
    }

    /// Cells that some sum of a sound table runs through, with their kind.
    static func summed(_ d: Disclosure) -> [TableCell: String] {
        var sink = FindingSink(disclosure: d)
        TableArithmetic.run(&sink)
        let unsound = Set(sink.relations.filter { !$0.held }.map(\.total.table))
        var out: [TableCell: String] = [:]
        for c in sink.relations.flatMap(\.cells) where !unsound.contains(c.table) && d.tables[c.table].uncertain == nil
        {
            let t = d.tables[c.table]
            let row = t.rows[c.row]
            guard let v = row.value(c.column), v.hundredths != 0 else { continue }
            out[c] =
                t.kind.isTwoSided
                ? "summary" : row.isTotal ? "total" : ["leaf", "类", "款", "leaf"][row.level]
        }
        return out
    }

    /// Cells whose value differs between two readings of the same layout.
    static func changed(_ a: Disclosure, _ b: Disclosure) -> [TableCell]? {
        guard a.tables.count == b.tables.count else { return nil }
        var out: [TableCell] = []
        for (ti, (s, t)) in zip(a.tables, b.tables).enumerated() {
            guard s.rows.count == t.rows.count else { return nil }
            for (ri, (r, q)) in zip(s.rows, t.rows).enumerated() {
                guard r.values.count == q.values.count else { return nil }
                for c in r.values.indices where r.values[c]?.hundredths != q.values[c]?.hundredths {
                    out.append(TableCell(table: ti, row: ri, column: c))
                }
            }
        }
        return out
    }

    /// An amount with one digit changed and its length kept (the page's geometry holds): the
    /// tens digit where there is one, so the change is never a rounding.
    static func bump(_ text: Substring) -> String? {
        var chars = Array(text)
        let point = chars.firstIndex(of: ".") ?? chars.count
        let digits = chars[..<point].indices.filter { chars[$0].isASCII && chars[$0].isNumber }
        guard let i = digits.count >= 2 ? digits[digits.count - 2] : digits.last else { return nil }
        chars[i] = chars[i] == "9" ? "8" : Character(String(chars[i].wholeNumberValue! + 1))
        return String(chars)
    }

    /// Reads a changed copy and judges what the checker says of the change.
    static func judge(
        _ base: Disclosure, _ baseErrors: Set<String>, _ mutated: Disclosure, _ kinds: [TableCell: String],
        _ tally: inout Tally, _ what: String
    ) {
        guard let diff = changed(base, mutated), diff.count == 1, let cell = diff.first, let kind = kinds[cell] else {
            return  // not a cell of a sound sum, or read apart from the original: not this test's subject
        }
        let t = mutated.tables[cell.table]
        let row = t.rows[cell.row]
        let fresh = Checker.check(mutated).filter { $0.severity == .error && !baseErrors.contains($0.message) }
        let note = "\(what) \(t.number ?? t.title) \(row.code ?? row.name) \(t.columns[cell.column])"
        if t.uncertain != nil { return tally.add(kind, .uncertain, note + " (\(t.uncertain!))") }
        guard fresh.count == 1, let f = fresh.first else {
            return tally.add(
                kind, fresh.isEmpty ? .unnoticed : .several, note + fresh.map { " | \($0.message)" }.joined())
        }
        guard let b = f.blamed else { return tally.add(kind, .ambiguous, note + " | \(f.message)") }
        let right =
            b.tableNumber == t.number && b.table == t.kind && b.code == row.code && b.column == t.columns[cell.column]
            && (row.code != nil || b.row == row.name)
        tally.add(kind, right ? .blamed : .other, note + " | \(f.message)")
    }

    /// Every sample, every cell of its sound sums, each changed in its text line.
    static func samples() throws -> Tally {
        var tally = Tally()
        for name in [Fixtures.kizilsu2022, Fixtures.kizilsu2026, Fixtures.akto, Fixtures.bayingol, Fixtures.kashgar] {
            let path = Fixtures.path(name)
            let text = try TextDecoder.read(path: path)
            let base = try DisclosureParser.parse(text: text, path: path)
            let baseErrors = Set(Checker.check(base).filter { $0.severity == .error }.map(\.message))
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let kinds = summed(base)
            for cell in kinds.keys.sorted(by: { ($0.table, $0.row, $0.column) < ($1.table, $1.row, $1.column) }) {
                let t = base.tables[cell.table]
                let row = t.rows[cell.row]
                let v = row.value(cell.column)!
                let index = row.lines.first - 1
                let original = lines[index]
                // The amounts stand last on the line, in column order: count from the end.
                let fields = original.split(separator: "\t", omittingEmptySubsequences: false)
                let matching = fields.indices.filter { Amount(parsing: fields[$0])?.hundredths == v.hundredths }
                let later = row.values.indices.filter { $0 > cell.column && row.values[$0]?.hundredths == v.hundredths }
                guard matching.count > later.count,
                    let bumped = bump(fields[matching[matching.count - 1 - later.count]])
                else { continue }
                var changed = fields.map(String.init)
                changed[matching[matching.count - 1 - later.count]] = bumped
                lines[index] = changed.joined(separator: "\t")
                defer { lines[index] = original }
                let mutated = try DisclosureParser.parse(text: lines.joined(separator: "\n"), path: path)
                judge(base, baseErrors, mutated, kinds, &tally, name)
            }
        }
        return tally
    }

    /// Every tenth amount word of each corpus PDF with tables, changed in pdftotext's word list.
    static func pdfs() throws -> Tally {
        var tally = Tally()
        let folder = JiangsuCorpusTests.folder
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasSuffix(".pdf") && !$0.contains("-document")
        }.sorted()
        for file in files {
            let path = "\(folder)/\(file)"
            let tsv = try PDFText.words(path: path)
            // Tables published apart from their prose are read with it, as the library pairs them.
            let prosePath = path.replacingOccurrences(of: "-tables.pdf", with: "-document.pdf")
            let prose = prosePath != path ? try PDFText.extract(path: prosePath) : nil
            func read(_ words: Data) throws -> Disclosure {
                let tables = PDFLayout.text(PDFWords.pages(tsv: words))
                return try DisclosureParser.parse(
                    text: prose.map { DocumentPairs.merge(prose: $0, tables: tables) } ?? tables, path: path)
            }
            let base = try read(tsv)
            let baseErrors = Set(Checker.check(base).filter { $0.severity == .error }.map(\.message))
            let kinds = summed(base)
            var rows = tsv.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
            let amounts = rows.indices.filter { i in
                guard let text = String(data: rows[i], encoding: .utf8)?.split(separator: "\t").last else {
                    return false
                }
                return text.contains(".") && Amount(parsing: text) != nil
            }
            for i in Swift.stride(from: 0, to: amounts.count, by: 10).map({ amounts[$0] }) {
                let original = rows[i]
                var fields = String(decoding: original, as: UTF8.self).split(
                    separator: "\t", omittingEmptySubsequences: false
                ).map(String.init)
                guard let bumped = bump(Substring(fields[fields.count - 1])) else { continue }
                fields[fields.count - 1] = bumped
                rows[i] = Data(fields.joined(separator: "\t").utf8)
                defer { rows[i] = original }
                let mutated = try read(Data(rows.joined(separator: [UInt8(ascii: "\n")])))
                judge(base, baseErrors, mutated, kinds, &tally, file)
            }
        }
        return tally
    }

    /// The report, misses by kind, printed and, with MUTATION_REPORT=DIR, kept in DIR.
    static func keep(_ report: String) {
        print(report)
        guard let dir = ProcessInfo.processInfo.environment["MUTATION_REPORT"] else { return }
        let name = report.prefix { $0 != ":" }.replacingOccurrences(of: " ", with: "-")
        try? report.write(toFile: "\(dir)/mutation-\(name).txt", atomically: true, encoding: .utf8)
    }

    @Test func samplesBlameTheChangedCell() throws {
        let tally = try Self.samples()
        Self.keep(tally.report("samples"))
        #expect(tally.tried >= 150)
        #expect(Double(tally.blamed) >= 0.95 * Double(tally.tried), "\(tally.report("samples"))")
    }

    @Test(.enabled(if: JiangsuCorpusTests.available, JiangsuCorpusTests.skip))
    func pdfsBlameTheChangedCell() throws {
        let tally = try Self.pdfs()
        Self.keep(tally.report("corpus PDFs"))
        #expect(tally.tried >= 50)
        #expect(Double(tally.blamed) >= 0.95 * Double(tally.tried), "\(tally.report("corpus PDFs"))")
    }
}
