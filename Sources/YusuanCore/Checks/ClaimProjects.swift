/// A project's 预算安排规模 in the prose against its line in the 项目支出 table (`prose.amount`).
enum ClaimProjects {
    /// The table line of a project the prose gives a scale for, read for certain.
    static func line(_ p: Project, _ d: Disclosure) -> (table: Table, row: Row)? {
        // Looked up in the tables as checked (in 万元), not the project's own amount, which is as printed.
        guard p.statedScale != nil, let lines = p.tableLines, let t = d.table(.gpbProjectExpense), t.uncertain == nil,
            let row = t.rows.first(where: { $0.lines == lines && $0.project != nil }), row.value(0) != nil,
            row.certain(0)
        else { return nil }
        return (t, row)
    }

    static func run(_ sink: inout FindingSink) {
        let d = sink.disclosure
        // The projects with a sheet, each sheet matched once (not once per project) to the project
        // of the most similar name, when similar enough and unique.
        let projectNames = NameMatch.Candidates(d.projects.map(\.name))
        let withSheet = Set(
            d.performanceSheets.compactMap { $0.kind == .project ? $0.project : nil }.compactMap {
                projectNames.best($0)
            })
        for (i, p) in d.projects.enumerated() {
            guard let scale = p.statedScale, let (t, row) = line(p, d), let v = row.value(0) else { continue }
            // A project with its sheet has its scale checked against the sheet (sheet.project), and the
            // sheet against this line: one wrong figure, one finding.
            if withSheet.contains(i) { continue }
            sink.compare(
                Rules.proseAmount, expected: v, actual: scale, table: t, row: row.name, line: p.proseLines?.first,
                message: "情况说明称项目“\(p.name)”预算安排规模 \(scale) 万元，\(t.number ?? "")\(t.kind.shortName)表为 \(v)")
        }
    }

    /// The fact "预算安排规模：5 万元" is a project's, tied to its table line.
    static func ties(_ f: NarrativeFact, _ d: Disclosure) -> Bool {
        guard f.subject.contains("预算安排规模") else { return false }
        return d.projects.contains { p in
            guard let r = p.proseLines, r.first <= f.line, f.line <= r.last, p.statedScale == f.amount else {
                return false
            }
            return line(p, d) != nil
        }
    }
}
