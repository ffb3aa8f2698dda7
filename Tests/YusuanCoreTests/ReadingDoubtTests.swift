import Testing

@testable import YusuanCore

/// A misreading breaks many of a table's own sums; a printing error breaks a few. The first is
/// said once, as the reader's doubt; the second stays the publisher's error.
@Suite struct ReadingDoubtTests {
    /// 表3's amounts moved one column right, as a reader that lost a column boundary would place them.
    @Test func aShiftedColumnIsDoubtNotAnError() throws {
        var d = try Fixtures.load(Fixtures.kizilsu2026)
        let i = try #require(d.tables.firstIndex { $0.kind == .expenseSummary })
        for r in d.tables[i].rows.indices {
            let v = d.tables[i].rows[r].values
            d.tables[i].rows[r].values = [nil] + v.dropLast()
        }
        d.tables[i].uncertain = nil
        ReadingDoubt.mark(&d)
        #expect(d.tables[i].uncertain != nil)
        let findings = Checker.check(d)
        let number = d.tables[i].number
        #expect(!findings.contains { $0.severity == .error && $0.category == .arithmetic && $0.tableNumber == number })
        #expect(findings.contains { $0.rule == Rules.uncertainReading.id && $0.tableNumber == number })
        // Its cells are no evidence against the other tables either.
        #expect(
            !findings.contains {
                $0.severity != .info && $0.category == .crossTable && $0.message.contains(number ?? "表3")
            })
    }

    /// Kizilsu 2022 表五 prints 20801 off by 48.28 (three sums fail): the publisher's error, kept.
    @Test func aPrintedFaultStaysAnError() throws {
        let d = try Fixtures.load(Fixtures.kizilsu2022)
        #expect(d.tables.allSatisfy { $0.uncertain == nil })
        let errors = Checker.check(d).filter { $0.severity == .error && $0.category == .arithmetic }
        // One wrong cell, one finding: 20801's 基本支出, with the two other sums it breaks under it.
        #expect(errors.count == 1)
        #expect(errors.first?.tableNumber == "表五")
        #expect(errors.first?.related.count == 2)
    }
}
