import Foundation

/// Every amount of a set of disclosures in long form, one line per cell: what CSV and the
/// SQLite `amounts` table hold, so the two exports always agree.
public struct AmountRecord: Sendable {
    public var path: String
    public var unit: String
    public var year: Int?
    public var tableKind: String
    public var tableNumber: String?
    public var code: String?
    public var name: String
    public var project: String?
    public var side: String?
    public var column: String
    public var amount: Amount
    public var amountUnit: String
    public var inferred: Bool

    /// The amount in 万元, whatever the table's unit.
    public var wan: Amount { amount.inWan(from: amountUnit) }

    public static func records(_ d: Disclosure) -> [AmountRecord] {
        var out: [AmountRecord] = []
        for t in d.tables {
            for row in t.rows {
                for (c, value) in row.values.enumerated() {
                    guard let value, c < t.columns.count else { continue }
                    out.append(
                        AmountRecord(
                            path: d.path, unit: d.unit, year: d.year, tableKind: t.kind.rawValue, tableNumber: t.number,
                            code: row.code, name: row.name, project: row.project, side: row.side?.rawValue,
                            column: t.columns[c], amount: value, amountUnit: t.amountUnit,
                            inferred: c < row.inferred.count && row.inferred[c]))
                }
            }
        }
        return out
    }
}

/// CSV in long form (one amount per line) and JSON Lines (one disclosure per line).
public enum TableExport {
    public static let csvHeader = [
        "unit", "year", "table_kind", "table_number", "code", "name", "project", "side",
        "column", "amount", "amount_unit", "amount_wan", "inferred", "path"
    ]

    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// OWASP's rule against CSV formula injection: a text cell that a spreadsheet would run as a
    /// formula (= + - @, or a tab or CR first: "=HYPERLINK(…)") gets a leading quote. Only text
    /// cells: an amount is a number, and -3.5 must stay one. Bidi and other format characters
    /// (a file name may carry one) are dropped first, so none hides a formula.
    public static func text(_ raw: String) -> String {
        let s =
            raw.unicodeScalars.contains(where: TextNormalizer.invisible)
            ? String(String.UnicodeScalarView(raw.unicodeScalars.filter { !TextNormalizer.invisible($0) })) : raw
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    /// `bom`: a UTF-8 byte-order mark first, so Excel opens the Chinese text as UTF-8.
    public static func csv(_ documents: [Disclosure], bom: Bool = false) -> Data {
        var out = csvHead(bom: bom)
        for d in documents { out.append(csvRows(d)) }
        return out
    }

    /// The header line (after the byte-order mark, if asked for).
    public static func csvHead(bom: Bool) -> Data {
        var out = Data()
        if bom { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        out.append(contentsOf: (csvHeader.joined(separator: ",") + "\r\n").utf8)
        return out
    }

    /// One document's lines: an export streams them document by document.
    public static func csvRows(_ d: Disclosure) -> Data {
        var chunk = ""
        for r in AmountRecord.records(d) {
            func t(_ s: String) -> String { field(text(s)) }
            let fields = [
                t(r.unit), r.year.map(String.init) ?? "", t(r.tableKind), t(r.tableNumber ?? ""), t(r.code ?? ""),
                t(r.name),
                t(r.project ?? ""), t(r.side ?? ""), t(r.column), r.amount.description, t(r.amountUnit),
                r.wan.description,
                r.inferred ? "1" : "0", t(r.path)
            ]
            chunk += fields.joined(separator: ",") + "\r\n"
        }
        return Data(chunk.utf8)
    }

    /// The `parse` JSON with the document's findings added: a JSON Lines line, a folder's file.
    public static func withFindings(_ d: Disclosure, _ findings: [Finding]) -> JSONValue {
        guard case .object(var pairs) = DisclosureJSON.encode(d) else { return .null }
        pairs.append(("findings", .array(findings.map(FindingsOutput.json))))
        return .object(pairs)
    }

    /// One disclosure per line.
    public static func jsonLines(_ documents: [(Disclosure, [Finding])]) -> Data {
        var out = Data()
        for (d, f) in documents { out.append(contentsOf: (withFindings(d, f).render(pretty: false) + "\n").utf8) }
        return out
    }
}
