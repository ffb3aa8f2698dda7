/// Runs every rule family over a disclosure and returns its findings, most severe first.
public enum Checker {
    public static func check(_ d: Disclosure) -> [Finding] {
        var sink = FindingSink(disclosure: d)
        let attribution = TableArithmetic.traced(&sink)
        Faults.group(&sink, attribution)
        ReadingDoubt.apply(d, to: &sink, arithmeticOnly: true)
        sink.disclosure = d.inWan()
        let prose = ProseTables(sink.disclosure)
        CrossTableChecks.run(&sink)
        ClaimChecks.run(&sink, prose)
        NarrativeChecks.run(&sink, prose)
        CompletenessChecks.run(&sink)
        NamingChecks.run(&sink)
        Catalog.run(&sink)
        PerformanceChecks.run(&sink)
        GoalChecks.run(&sink)
        ReadingDoubt.apply(d, to: &sink, arithmeticOnly: false)
        Faults.absorb(&sink, in: d)
        return sink.findings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity < b.element.severity : a.offset < b.offset
        }.map(\.element)
    }
}

/// Collects findings; `compare` turns a difference into an arithmetic (or cross-table …)
/// finding, or a rounding one when the difference is within display precision.
struct FindingSink {
    /// As printed for sums within a table, then in 万元 throughout for everything across tables.
    var disclosure: Disclosure
    var findings: [Finding] = []
    /// The sums compared inside tables, held or not.
    var relations: [Relation] = []
    /// Arithmetic findings whose table could not tell the wrong cell, by message: the cells that
    /// could each be it (`Faults.decide`).
    var undecided: [String: [CellRef]] = [:]
    private var seen = Set<Key>()

    /// What makes two findings one: their fields, not a string joined from them (which cost more
    /// than the checks that made most findings).
    private struct Key: Hashable {
        var rule, tableNumber, table, place, column: String
        var expected, actual: Int64
        var message: String

        init(_ f: Finding) {
            rule = f.rule
            tableNumber = f.tableNumber ?? ""
            table = f.table?.rawValue ?? ""
            place = f.code ?? f.row ?? ""
            column = f.column ?? ""
            expected = f.expected?.hundredths ?? 0
            actual = f.actual?.hundredths ?? 0
            message = f.message
        }
    }

    init(disclosure: Disclosure) { self.disclosure = disclosure }

    mutating func add(_ f: Finding) {
        if seen.insert(Key(f)).inserted { findings.append(f) }
    }

    /// Adds a finding when `actual` differs from `expected`. Returns true when they agree.
    @discardableResult
    mutating func compare(
        _ rule: Rule, expected: Amount?, actual: Amount?, terms: [Amount] = [], table: Table? = nil,
        code: String? = nil, row: String? = nil, column: String? = nil, line: Int? = nil,
        message: @autoclosure () -> String
    ) -> Bool {
        // The message is built only for a difference: most sums compared hold.
        let e = expected ?? Amount(hundredths: 0)
        let a = actual ?? Amount(hundredths: 0)
        switch Tolerance.compare(e, a, terms: terms) {
        case .equal:
            return true
        case .rounding:
            add(
                Finding(
                    rule: rule, message: message() + "（差 \((e - a).description)，舍入误差）", severity: .info,
                    category: .rounding,
                    table: table, code: code, row: row, column: column, expected: expected, actual: actual, line: line))
            return true
        case .mismatch:
            add(
                Finding(
                    rule: rule, message: message() + "（差 \((a - e).description)）", table: table, code: code, row: row,
                    column: column, expected: expected, actual: actual, line: line))
            return false
        }
    }

    mutating func cannot(_ what: String, table: Table? = nil) {
        add(Finding(rule: Rules.cannotCheck, message: "无法检查：\(what)", table: table))
    }
}
