import Testing
@testable import YusuanCore

/// Changing one printed amount in a copy of a sample must produce a new finding at that table.
@Suite struct MutationTests {
    struct Outcome { var tried = 0; var detected = 0; var missed: [String] = [] }

    static let kinds: [TableKind] = [
        .incomeSummary, .expenseSummary, .gpbExpense, .gpbBasicExpense, .gpbProjectExpense,
        .threePublic, .incomeExpenseSummary, .fiscalSummary
    ]

    func signature(_ f: Finding) -> String {
        "\(f.rule)|\(f.tableNumber ?? "")|\(f.code ?? f.row ?? "")|\(f.column ?? "")|\(f.category.rawValue)"
    }

    func mutate(_ name: String, limit: Int) throws -> Outcome {
        let path = Fixtures.path(name)
        let text = try TextDecoder.read(path: path)
        let base = try DisclosureParser.parse(text: text, path: path)
        let baseline = Set(Checker.check(base).map(signature))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var outcome = Outcome()
        var candidates: [(Table, Row, Amount)] = []
        for t in base.tables where Self.kinds.contains(t.kind) {
            for r in t.rows {
                for (c, v) in r.values.enumerated() where v != nil && r.certain(c) && v!.hundredths != 0 {
                    candidates.append((t, r, v!))
                }
            }
        }
        let stride = max(1, candidates.count / limit)
        for (t, r, v) in Swift.stride(from: 0, to: candidates.count, by: stride).map({ candidates[$0] }) {
            let index = r.lines.first - 1
            let original = lines[index]
            let forms = [v.grouped, v.description, v.jsonText].filter { original.contains($0) }
            guard let form = forms.first, let range = original.range(of: form) else { continue }
            let bumped = Amount(hundredths: v.hundredths + 100, decimals: v.decimals)
            lines[index] = original.replacingCharacters(
                in: range, with: form.contains(",") ? bumped.grouped : bumped.description)
            defer { lines[index] = original }
            outcome.tried += 1
            let mutated = try DisclosureParser.parse(text: lines.joined(separator: "\n"), path: path)
            let fresh = Checker.check(mutated).filter { !baseline.contains(signature($0)) }
            if fresh.contains(where: { $0.table == t.kind || ($0.line ?? 0) == r.lines.first }) {
                outcome.detected += 1
            } else {
                outcome.missed.append("\(t.number ?? "") \(r.code ?? r.name) \(v)")
            }
        }
        return outcome
    }

    @Test func mostMutationsAreDetected() throws {
        var total = Outcome()
        for name in [Fixtures.kizilsu2022, Fixtures.kizilsu2026, Fixtures.akto, Fixtures.bayingol] {
            let o = try mutate(name, limit: 40)
            total.tried += o.tried
            total.detected += o.detected
            total.missed += o.missed.map { "\(name): \($0)" }
        }
        print("mutations detected: \(total.detected) of \(total.tried)")
        for m in total.missed { print("  missed \(m)") }
        #expect(total.tried >= 100)
        #expect(Double(total.detected) >= 0.9 * Double(total.tried))
    }
}
