import Testing
@testable import YusuanCore

@Suite struct AmountTests {
    @Test func parsesPrintedForms() throws {
        #expect(Amount(parsing: "3,547.87")?.hundredths == 354_787)
        #expect(Amount(parsing: "9.8")?.hundredths == 980)
        #expect(Amount(parsing: "9.8")?.decimals == 1)
        #expect(Amount(parsing: "712")?.hundredths == 71_200)
        #expect(Amount(parsing: "-2.90")?.hundredths == -290)
        #expect(Amount(parsing: "0.00")?.hundredths == 0)
    }

    @Test func rejectsWhatIsNotAnAmount() {
        #expect(Amount(parsing: "") == nil)
        #expect(Amount(parsing: "208a") == nil)
        #expect(Amount(parsing: "1.234") == nil)
        #expect(Amount(parsing: "1.2.3") == nil)
        #expect(Amount(parsing: String(repeating: "9", count: 30)) == nil)
    }

    @Test func formats() throws {
        let a = try #require(Amount(parsing: "9509.12"))
        #expect(a.grouped == "9,509.12")
        #expect(a.jsonText == "9509.12")
        #expect(Amount(hundredths: 500).jsonText == "5")
        #expect(Amount(hundredths: 980).jsonText == "9.8")
        #expect(Amount(hundredths: -290).description == "-2.90")
    }

    /// A row's cells hold what they were given: blanks, printed decimals, signs, the largest
    /// amount a document can print; beyond the sums' ceiling, the ceiling.
    @Test func cellsHoldTheirAmounts() throws {
        let printed = ["3,547.87", "620", "13.8", "-303.87", "0.00", "9999999999999.99"]
        let amounts = printed.map { Amount(parsing: $0) }
        var cells = Cells([nil] + amounts)
        #expect(cells.count == 7 && cells[0] == nil)
        #expect(Array(cells.dropFirst()) == amounts)
        #expect(
            cells.dropFirst().map { $0?.printed } == ["3547.87", "620", "13.8", "-303.87", "0.00", "9999999999999.99"])
        cells[0] = Amount(hundredths: 5, decimals: 1)
        #expect(cells[0]?.decimals == 1 && cells[0]?.hundredths == 5)
        cells[1] = nil
        #expect(cells.compactMap { $0 }.count == 6 && cells[1] == nil)
        let huge = Cells([Amount(hundredths: .max), Amount(hundredths: .min)])
        #expect(huge.map { $0?.hundredths } == [1_000_000_000_000_000_000, -1_000_000_000_000_000_000])
        #expect(Cells([nil, Amount(hundredths: 1)]) != Cells([Amount(hundredths: 1), nil]))
    }
}
