/// The claim families, run over the claims read once.
enum ClaimChecks {
    static func run(_ sink: inout FindingSink) {
        let claims = Claims.of(sink.disclosure)
        ClaimUnitNames.run(&sink, claims)
        ClaimDates.run(&sink, claims)
        ClaimChanges.run(&sink, claims)
        ClaimBudgetVsFinal.run(&sink, claims)
        ClaimRates.run(&sink, claims)
    }
}
