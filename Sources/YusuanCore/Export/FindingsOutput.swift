/// `check` output: the JSON contract and the readable report.
public enum FindingsOutput {
    public static func json(_ f: Finding) -> JSONValue {
        .object([
            ("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)),
            ("category", .string(f.category.rawValue)),
            ("message", .string(f.message)), ("table", .str(f.table?.rawValue)), ("tableNumber", .str(f.tableNumber)),
            ("code", .str(f.code)), ("row", .str(f.row)), ("column", .str(f.column)),
            ("expected", .amount(f.expected)), ("actual", .amount(f.actual)), ("line", .int(f.line)),
            ("blamed", f.blamed.map(json) ?? .null), ("related", .array(f.related.map(json)))
        ])
    }

    /// The cell a fault is traced to: where it stands, what it prints, what the other sums ask of it.
    public static func json(_ c: CellRef) -> JSONValue {
        .object([
            ("table", .str(c.table?.rawValue)), ("tableNumber", .str(c.tableNumber)), ("code", .str(c.code)),
            ("row", .str(c.row)), ("column", .str(c.column)), ("line", .int(c.line)),
            ("printed", .amount(c.printed)), ("expected", .amount(c.expected))
        ])
    }

    public static func json(file d: Disclosure, _ findings: [Finding]) -> JSONValue {
        json(file: LibraryEntry(d, findings: findings, hash: ""), findings)
    }

    /// One file of a library; a cached entry carries all this needs.
    public static func json(file e: LibraryEntry, _ findings: [Finding]) -> JSONValue {
        .object([
            ("path", .string(e.path)), ("pairedWith", .str(e.companion)), ("unit", .string(e.unit)),
            ("year", .int(e.year)),
            ("findings", .array(findings.map(json)))
        ])
    }

    public static func counts(_ findings: [Finding]) -> String {
        Finding.Severity.allCases.map { s in "\(findings.filter { $0.severity == s }.count) \(s.rawValue)" }.joined(
            separator: " · ")
    }

    /// Grouped by severity, each finding with where to look; a summary line at the end.
    public static func text(_ d: Disclosure, _ findings: [Finding]) -> String {
        text(LibraryEntry(d, findings: findings, hash: ""), findings)
    }

    public static func text(_ e: LibraryEntry, _ findings: [Finding]) -> String {
        var out = [
            "\(e.path) — \(e.unit) \(e.year.map(String.init) ?? "?") 年\(e.scope)\(e.documentKind)：\(counts(findings))"
        ]
        for severity in Finding.Severity.allCases {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out.append("  \(severity.rawValue) (\(group.count))")
            for f in group {
                out.append("    [\(f.category.rawValue)] \(f.message)")
                out.append("        \(f.rule)  \(f.location)")
                for r in f.related {
                    out.append("        同一处错误另致：\(r.message)")
                    out.append("            \(r.rule)  \(r.location)")
                }
            }
        }
        return out.map(TextNormalizer.safeForTerminal).joined(separator: "\n")
    }
}
