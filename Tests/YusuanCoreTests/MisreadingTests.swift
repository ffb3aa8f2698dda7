import Foundation
import Testing
@testable import YusuanCore

/// A table misread on purpose, in the text before the reader sees it: one column's amounts moved
/// into the next column, or the header row dropped. The table must come out read as printed or
/// marked uncertain, and no new error may blame the publisher.
@Suite struct MisreadingTests {
    struct Trial {
        var what: String
        var outcome: String
    }

    /// Tables of two amount columns or more whose rows carry codes: where a shifted column shows.
    static func targets(_ d: Disclosure) -> [Int] {
        d.tables.indices.filter { i in
            let t = d.tables[i]
            return t.columns.count >= 2 && t.layout == .tabs && t.uncertain == nil
                && t.rows.filter { $0.code != nil }.count >= 3
        }
    }

    /// Reads a damaged copy of one table and judges it.
    static func judge(_ name: String, _ base: Disclosure, _ ti: Int, _ lines: [String], _ what: String) throws -> Trial
    {
        let path = Fixtures.path(name)
        let before = Set(Checker.check(base).filter { $0.severity == .error }.map(\.message))
        let d = try DisclosureParser.parse(text: lines.joined(separator: "\n"), path: path)
        let fresh = Checker.check(d).filter { $0.severity == .error && !before.contains($0.message) }
        let label = "\(name) \(base.tables[ti].number ?? base.tables[ti].title) \(what)"
        if !fresh.isEmpty {
            return Trial(what: label, outcome: "error: " + fresh.map(\.message).joined(separator: " | "))
        }
        let same = d.tables.first { $0.lines.first == base.tables[ti].lines.first }
        if same?.uncertain != nil { return Trial(what: label, outcome: "uncertain") }
        if same?.rows.map(\.values) == base.tables[ti].rows.map(\.values) {
            return Trial(what: label, outcome: "read as printed")
        }
        return Trial(what: label, outcome: "read otherwise, no error")
    }

    static func trials() throws -> [Trial] {
        var out: [Trial] = []
        for name in [Fixtures.kizilsu2022, Fixtures.kizilsu2026, Fixtures.akto, Fixtures.bayingol, Fixtures.kashgar] {
            let text = try TextDecoder.read(path: Fixtures.path(name))
            let base = try DisclosureParser.parse(text: text, path: Fixtures.path(name))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for ti in targets(base) {
                let t = base.tables[ti]
                // From the second-last amount column on, every value one column to the right, on
                // every row: the amounts read one column over.
                var shifted = lines
                for row in t.rows {
                    var fields = shifted[row.lines.first - 1].split(separator: "\t", omittingEmptySubsequences: false)
                        .map(String.init)
                    guard fields.count >= 2, !fields[fields.count - 2].isEmpty else { continue }
                    fields.insert("", at: fields.count - 2)
                    shifted[row.lines.first - 1] = fields.joined(separator: "\t")
                }
                out.append(try judge(name, base, ti, shifted, "column shifted right"))
                // The header line that names the amount columns, dropped.
                let first = t.rows.map(\.lines.first).min() ?? t.lines.first
                if let header = (t.lines.first..<first).last(where: { n in
                    t.columns.contains { !$0.isEmpty && lines[n - 1].contains($0.split(separator: "/").last ?? "") }
                }) {
                    var dropped = lines
                    dropped[header - 1] = ""
                    out.append(try judge(name, base, ti, dropped, "header line \(header) dropped"))
                }
            }
        }
        return out
    }

    @Test func misreadTablesAreNeverThePublishersError() throws {
        let trials = try Self.trials()
        for t in trials { print("\(t.what): \(t.outcome)") }
        #expect(trials.count >= 20)
        let accused = trials.filter { $0.outcome.hasPrefix("error") }
        #expect(accused.isEmpty, "\(accused.map { "\($0.what): \($0.outcome)" }.joined(separator: "\n"))")
    }
}
