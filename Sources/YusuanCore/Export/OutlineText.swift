/// The readable outline `parse` prints without --format json.
public enum OutlineText {
    public static func render(_ d: Disclosure) -> String {
        var out: [String] = []
        let year = d.year.map(String.init) ?? "?"
        out.append("\(d.unit)  \(year) 年 \(d.scope)\(d.documentKind)  (\(d.path))")
        let s = d.overview.staffing
        if s.authorized != nil || s.actual != nil {
            out.append(
                "  概况: 编制数 \(s.authorized.map(String.init) ?? "-")  实有 \(s.actual.map(String.init) ?? "-")  在职 \(s.active.map(String.init) ?? "-")  退休 \(s.retired.map(String.init) ?? "-")  离休 \(s.lixiu.map(String.init) ?? "-")  科室 \(d.overview.departments.count)"
            )
        }
        out.append(
            d.contents.isEmpty
                ? "  tables (\(d.tables.count); no contents page):"
                : "  tables (\(d.tables.count) of \(d.contents.count) promised):")
        for t in d.tables {
            let number = (t.number ?? "—").padding(toLength: 5, withPad: " ", startingAt: 0)
            let total = t.totalRow?.values.first.flatMap { $0 }?.grouped ?? "-"
            let state = t.isEmpty ? "empty" : "\(t.rows.count) rows, total \(total) \(t.amountUnit)"
            out.append(
                "    \(number) \(t.kind.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) \(t.title)  [\(state)]"
            )
        }
        for o in d.orphanLabels { out.append("    \(o.label)  (label printed at line \(o.line), no table under it)") }
        out.append("  projects: \(d.projects.count)")
        for p in d.projects { out.append("    \(p.name)  \(p.amount?.grouped ?? p.statedScale?.grouped ?? "-")") }
        out.append("  performance sheets: \(d.performanceSheets.count)")
        for sh in d.performanceSheets {
            out.append(
                "    [\(sh.kind.rawValue)] \(sh.project ?? sh.unit ?? "")  funding \(sh.fundingTotal?.grouped ?? "-")  indicators \(sh.indicators.count)"
            )
        }
        out.append(
            "  prose: \(d.sections.count) sections, \(d.facts.count) numeric facts; glossary: \(d.glossary.count) entries"
        )
        for s in d.sections { out.append("    \(s.number)、\(s.title)") }
        let claims = Claims.of(d)
        let unchecked = claims.filter { $0.unchecked != nil }
        out.append("  claims: \(claims.count) read, \(claims.count - unchecked.count) checked")
        if !unchecked.isEmpty {
            out.append("  未核对的表述 (\(unchecked.count)):")
            for c in unchecked {
                let s = c.sentence.count <= 40 ? c.sentence : String(c.sentence.prefix(38)) + "…"
                out.append("    line \(c.line) [\(c.kind.rawValue)] \(c.subject)：\(c.unchecked ?? "") — \(s)")
            }
        }
        return out.map(TextNormalizer.safeForTerminal).joined(separator: "\n")
    }
}
