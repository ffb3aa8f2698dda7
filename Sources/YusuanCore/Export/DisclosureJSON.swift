/// The `parse --format json` contract (DESIGN.md): these keys stay; others may be added.
public enum DisclosureJSON {
    public static func encode(_ d: Disclosure) -> JSONValue {
        .object([
            ("path", .string(d.path)),
            ("pairedWith", .str(d.companionPath)),
            ("unit", .string(d.unit)),
            ("year", .int(d.year)),
            ("scope", .string(d.scope)),
            ("documentKind", .string(d.documentKind)),
            ("date", .str(d.date)),
            ("overview", overview(d.overview)),
            (
                "contents",
                .array(
                    d.contents.map { c in
                        .object([("title", .string(c.title)), ("kind", .str(c.kind?.rawValue)), ("line", .int(c.line))])
                    })
            ),
            ("tables", .array(d.tables.map(table))),
            (
                "missingLabels",
                .array(d.orphanLabels.map { .object([("label", .string($0.label)), ("line", .int($0.line))]) })
            ),
            ("functionalTree", .array(d.functionalTree.map(node))),
            ("economicTree", .array(d.economicTree.map(node))),
            ("projects", .array(d.projects.map(project))),
            ("performanceSheets", .array(d.performanceSheets.map(sheet))),
            ("sections", .array(d.sections.map(section))),
            ("facts", .array(d.facts.map(fact))),
            ("claims", .array(Claims.of(d).map(claim))),
            (
                "glossary",
                .array(
                    d.glossary.map {
                        .object([
                            ("term", .string($0.term)), ("definition", .string($0.definition)), ("line", .int($0.line))
                        ])
                    })
            )
        ])
    }

    static func lines(_ r: SourceRange?) -> JSONValue {
        guard let r else { return .null }
        return .array([.int(r.first), .int(r.last)])
    }

    static func overview(_ o: Overview) -> JSONValue {
        let s = o.staffing
        return .object([
            ("functions", .string(o.functions)),
            ("departments", .array(o.departments.map(JSONValue.string))),
            ("departmentsText", .string(o.departmentsText)),
            (
                "staffing",
                .object([
                    ("authorized", .int(s.authorized)), ("actual", .int(s.actual)),
                    ("active", .int(s.active)), ("activeChange", .int(s.activeChange)),
                    ("retired", .int(s.retired)), ("retiredChange", .int(s.retiredChange)),
                    ("lixiu", .int(s.lixiu)), ("lixiuChange", .int(s.lixiuChange)),
                    ("sentence", .str(s.sentence)), ("line", .int(s.line))
                ])
            )
        ])
    }

    public static func table(_ t: Table) -> JSONValue {
        .object([
            ("kind", .string(t.kind.rawValue)),
            ("number", .str(t.number)),
            ("title", .string(t.title)),
            ("empty", .bool(t.isEmpty)),
            ("uncertain", .str(t.uncertain)),
            ("emptyNote", .str(t.emptyNote)),
            ("amountUnit", .string(t.amountUnit)),
            ("preparer", .str(t.preparer)),
            ("layout", .string(t.layout.rawValue)),
            ("lines", lines(t.lines)),
            ("columns", .array(t.columns.map(JSONValue.string))),
            ("rows", .array(t.rows.map { row(t, $0) }))
        ])
    }

    static func row(_ t: Table, _ r: Row) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("code", .str(r.code)),
            ("name", .string(r.name)),
            ("project", .str(r.project)),
            ("total", .bool(r.isTotal)),
            ("values", .array(r.values.map(JSONValue.amount)))
        ]
        if let side = r.side { pairs.append(("side", .string(side.rawValue))) }
        if r.isSubtotal { pairs.append(("subtotal", .bool(true))) }
        if r.inferred.contains(true) { pairs.append(("inferred", .array(r.inferred.map(JSONValue.bool)))) }
        pairs.append(("lines", lines(r.lines)))
        return .object(pairs)
    }

    static func node(_ n: ClassificationNode) -> JSONValue {
        .object([
            ("code", .string(n.code)), ("name", .string(n.name)), ("printed", .bool(n.printed)),
            ("tables", .array(n.tables.map { .string($0.rawValue) })),
            ("children", .array(n.children.map(node)))
        ])
    }

    static func project(_ p: Project) -> JSONValue {
        .object([
            ("name", .string(p.name)), ("code", .str(p.code)), ("amount", .amount(p.amount)),
            (
                "economic",
                .array(p.economic.map { .object([("column", .string($0.column)), ("amount", .amount($0.amount))]) })
            ),
            ("details", .array(p.details.map { .object([("label", .string($0.label)), ("text", .string($0.text))]) })),
            ("tableLines", lines(p.tableLines)), ("proseLines", lines(p.proseLines))
        ])
    }

    static func sheet(_ s: PerformanceSheet) -> JSONValue {
        .object([
            ("kind", .string(s.kind.rawValue)),
            ("unit", .str(s.unit)),
            ("project", .str(s.project)),
            ("manager", .str(s.manager)),
            (
                "funding",
                .object([
                    ("total", .amount(s.fundingTotal)), ("fiscal", .amount(s.fundingFiscal)),
                    ("other", .amount(s.fundingOther))
                ])
            ),
            (
                "fundingLines",
                .array(s.fundingLines.map { .object([("label", .string($0.label)), ("amount", .amount($0.amount))]) })
            ),
            ("goal", .str(s.goal)),
            (
                "indicators",
                .array(
                    s.indicators.map { i in
                        var pairs: [(String, JSONValue)] = [
                            ("level1", .str(i.level1)), ("level2", .str(i.level2)), ("name", .string(i.name)),
                            ("value", .str(i.value))
                        ]
                        if let b = i.basis { pairs.append(("basis", .string(b))) }
                        if let l = i.lastValue { pairs.append(("lastValue", .string(l))) }
                        if let w = i.weight { pairs.append(("weight", .string(w))) }
                        if let r = i.scoringRule { pairs.append(("scoringRule", .string(r))) }
                        if let e = i.evidence { pairs.append(("evidence", .string(e))) }
                        if i.nameRepeats > 1 { pairs.append(("nameRepeats", .int(i.nameRepeats))) }
                        pairs.append(("lines", lines(i.lines)))
                        return .object(pairs)
                    })
            ),
            ("lines", lines(s.lines))
        ])
    }

    static func section(_ s: ProseSection) -> JSONValue {
        .object([
            ("number", .string(s.number)), ("title", .string(s.title)), ("lines", lines(s.lines)),
            ("children", .array(s.children.map(section)))
        ])
    }

    static func fact(_ f: NarrativeFact) -> JSONValue {
        .object([
            ("topic", .string(f.topic.rawValue)), ("subject", .string(f.subject)), ("code", .str(f.code)),
            ("amount", .amount(f.amount)), ("unit", .string(f.unit)), ("change", .amount(f.change)),
            ("changePercent", .amount(f.changePercent)), ("share", .amount(f.share)),
            ("reasonGiven", .bool(f.reasonGiven)), ("sentence", .string(f.sentence)), ("line", .int(f.line))
        ])
    }

    static func claim(_ c: Claim) -> JSONValue {
        .object([
            ("kind", .string(c.kind.rawValue)), ("subject", .string(c.subject)), ("code", .str(c.code)),
            ("sentence", .string(c.sentence)), ("line", .int(c.line)),
            (
                "figures",
                .array(c.figures.map { .object([("role", .string($0.role)), ("value", .amount($0.value))]) })
            ),
            ("words", .array(c.words.map { .string($0) })), ("checked", .bool(c.unchecked == nil)),
            ("uncheckedReason", .str(c.unchecked))
        ])
    }
}
