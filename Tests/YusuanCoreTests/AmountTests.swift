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
}
