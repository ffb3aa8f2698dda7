/// The claim families, run over the claims read once.
enum ClaimChecks {
    static func run(_ sink: inout FindingSink, _ tables: ProseTables) {
        let claims = Claims.of(sink.disclosure, tables)
        ClaimUnitNames.run(&sink, claims)
        ClaimDates.run(&sink, claims)
        ClaimChanges.run(&sink, claims)
        ClaimBudgetVsFinal.run(&sink, claims)
        ClaimRates.run(&sink, claims)
    }
}
