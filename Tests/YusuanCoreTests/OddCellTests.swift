import Foundation
import Testing

@testable import YusuanCore

/// Amount cells printed as budgets do not print them, and invisible format characters: each odd
/// cell is read or named, and no bidi control reaches text, JSON, CSV or the terminal.
@Suite struct OddCellTests {
    /// The 2022 sample with line `number` (from 1) changed by `edit`.
    func edited(_ number: Int, _ edit: (String) -> String) throws -> Disclosure {
        let path = Fixtures.path(Fixtures.kizilsu2022)
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        lines[number - 1] = edit(lines[number - 1])
        return try DisclosureParser.parse(text: lines.joined(separator: "\n"), path: path)
    }

    func notes(_ d: Disclosure) -> [String] {
        Checker.check(d).filter { $0.rule == Rules.oddAmount.id }.map(\.message)
    }

    func values(_ d: Disclosure, line: Int) -> Cells {
        d.tables.flatMap(\.rows).first { $0.lines.first == line }?.values ?? []
    }

    @Test func anAmountInBracketsIsReadNegativeAndSaidSo() throws {
        let line = 219
        let d = try edited(line) { $0.replacingOccurrences(of: "\t303.87\t303.87", with: "\t(303.87)\t303.87") }
        #expect(values(d, line: line).contains(Amount(parsing: "-303.87")))
        let said = notes(d)
        #expect(said.count == 1)
        #expect(said.first?.contains("“(303.87)”按会计写法读作 -303.87") == true)
    }

    @Test func anExponentIsNamedNotSilentlyEmpty() throws {
        let line = 133
        let d = try edited(line) { $0.replacingOccurrences(of: "\t325.07\t", with: "\t1e308\t") }
        let said = notes(d)
        #expect(said.count == 1)
        #expect(said.first?.contains("“1e308”是科学计数法") == true)
        #expect(said.first?.contains("第 133 行") == true)
    }

    @Test func anAbsurdAmountIsNamed() throws {
        let d = try edited(133) { $0.replacingOccurrences(of: "\t325.07\t", with: "\t99,999,999,999,999,999.00\t") }
        #expect(notes(d).first?.contains("大得不像金额") == true)
    }

    @Test func arabicIndicDigitsAreDigits() throws {
        let line = 219
        let plain = try edited(line) { $0 }
        let arabic = try edited(line) { $0.replacingOccurrences(of: "\t303.87\t303.87", with: "\t٣٠٣٫٨٧\t۳۰۳.۸۷") }
        #expect(values(arabic, line: line) == values(plain, line: line))
        #expect(values(arabic, line: line).contains(Amount(parsing: "303.87")))
        #expect(notes(arabic).isEmpty)
    }

    static let formats =
        "\u{061C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{FEFF}\u{E0041}"

    @Test func formatCharactersNeverPassIntoOutput() throws {
        let d = try edited(1) { Self.formats + $0 + Self.formats }
        let visible = { (s: String) in !s.unicodeScalars.contains { Self.formats.unicodeScalars.contains($0) } }
        #expect(d.sourceLines.allSatisfy { visible(String($0)) })
        #expect(visible(d.unit))
        // A file name can carry them too: escaped in JSON, dropped from CSV and the terminal.
        let name = "a\u{061C}b\u{202E}c\u{E0041}.txt"
        let json = JSONValue.string(name).render(pretty: false)
        #expect(visible(json))
        #expect(json == "\"a\\u061cb\\u202ec\\udb40\\udc41.txt\"")
        #expect(TableExport.text(name) == "abc.txt")
        #expect(TableExport.text("\u{202E}=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(TextNormalizer.safeForTerminal(name) == "abc.txt")
        // Ordinary text answers from the range test alone, and is kept.
        #expect(TextNormalizer.normalize("社会保险 abc ١") == "社会保险 abc 1")
    }

    /// The fast path lists the Basic Multilingual Plane's format characters by hand: every one.
    @Test func everyFormatCharacterIsInvisible() {
        // U+2065, unassigned amid the invisible operators and isolates, goes with them.
        let missed = (0xA0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            $0.value != 0x2065 && TextNormalizer.invisible($0) != ($0.properties.generalCategory == .format)
        }
        #expect(missed.map { String($0.value, radix: 16) } == [])
    }
}
