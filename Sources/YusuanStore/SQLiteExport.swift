import Foundation
import GRDB
import YusuanCore

/// `export --to FILE.sqlite`: the disclosures, their tables, rows, amounts, projects, sheets,
/// indicators and findings, in a schema a person can query with sqlite3 (README shows how).
public enum SQLiteExport {
    /// Bumped whenever the schema changes; stored as `PRAGMA user_version`.
    public static let schemaVersion = 2

    public static let schema = """
        CREATE TABLE disclosures (id INTEGER PRIMARY KEY, path TEXT NOT NULL, unit TEXT NOT NULL, year INTEGER,
            scope TEXT, document_kind TEXT, date TEXT, table_count INTEGER, error_count INTEGER, warning_count INTEGER);
        CREATE TABLE tables (id INTEGER PRIMARY KEY, disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
            kind TEXT NOT NULL, number TEXT, title TEXT NOT NULL, amount_unit TEXT NOT NULL, empty INTEGER NOT NULL,
            columns TEXT NOT NULL, first_line INTEGER, last_line INTEGER);
        CREATE TABLE rows (id INTEGER PRIMARY KEY, table_id INTEGER NOT NULL REFERENCES tables(id), ordinal INTEGER NOT NULL,
            code TEXT, name TEXT NOT NULL, project TEXT, side TEXT, total INTEGER NOT NULL, first_line INTEGER, last_line INTEGER);
        CREATE TABLE amounts (row_id INTEGER NOT NULL REFERENCES rows(id), column_index INTEGER NOT NULL, column_label TEXT NOT NULL,
            amount REAL NOT NULL, amount_text TEXT NOT NULL, amount_wan REAL NOT NULL, inferred INTEGER NOT NULL);
        CREATE TABLE projects (id INTEGER PRIMARY KEY, disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
            name TEXT NOT NULL, code TEXT, amount REAL);
        CREATE TABLE performance_sheets (id INTEGER PRIMARY KEY, disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
            kind TEXT NOT NULL, project TEXT, funding_total REAL, goal TEXT);
        CREATE TABLE indicators (id INTEGER PRIMARY KEY, sheet_id INTEGER NOT NULL REFERENCES performance_sheets(id),
            level1 TEXT, level2 TEXT, name TEXT NOT NULL, value TEXT, basis TEXT, last_value TEXT, weight TEXT);
        CREATE TABLE findings (id INTEGER PRIMARY KEY, disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
            rule TEXT NOT NULL, severity TEXT NOT NULL, category TEXT NOT NULL, message TEXT NOT NULL, table_kind TEXT,
            code TEXT, column_label TEXT, expected REAL, actual REAL, line INTEGER,
            parent_id INTEGER REFERENCES findings(id), blamed_table_number TEXT, blamed_code TEXT, blamed_row TEXT,
            blamed_column TEXT, blamed_printed REAL, blamed_expected REAL);
        CREATE INDEX rows_code ON rows(code);
        CREATE INDEX amounts_row ON amounts(row_id);
        CREATE VIEW amounts_long AS
            SELECT d.unit, d.year, t.kind AS table_kind, t.number AS table_number, r.code, r.name, r.project,
                   a.column_label, a.amount, a.amount_text, t.amount_unit, a.amount_wan, a.inferred
            FROM amounts a JOIN rows r ON r.id = a.row_id JOIN tables t ON t.id = r.table_id JOIN disclosures d ON d.id = t.disclosure_id;
        """

    static func number(_ a: Amount?) -> Double? { a.map { Double($0.hundredths) / 100 } }

    /// Writes a new database at `path` (built beside it, then renamed over it).
    public static func write(_ documents: [(Disclosure, [Finding])], to path: String) throws {
        var rest = documents[...]
        try write(next: { rest.popFirst() }, to: path)
    }

    /// The same, one document at a time from `next` (nil at the end), so memory holds one.
    public static func write(next: () -> (Disclosure, [Finding])?, to path: String) throws {
        let tmp = AtomicFile.temporaryPath(for: path)
        TemporaryFiles.cleanStale(near: path)
        unlink(tmp)
        TemporaryFiles.register(tmp)
        defer { TemporaryFiles.unregister(tmp) }
        do {
            let queue = try DatabaseQueue(path: tmp)
            try queue.write { db in
                try db.execute(sql: schema)
                try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
                while let (d, findings) = next() { try insert(d, findings, db) }
            }
            try queue.close()
        } catch let error as AtomicFile.WriteError {
            unlink(tmp); throw error
        } catch {
            unlink(tmp)
            throw AtomicFile.WriteError(description: "\(path): cannot be written (\(AtomicFile.reason(for: path))).")
        }
        try AtomicFile.commit(tmp, to: path)
    }

    static func insert(_ d: Disclosure, _ findings: [Finding], _ db: Database) throws {
        try db.execute(
            sql:
                "INSERT INTO disclosures (path, unit, year, scope, document_kind, date, table_count, error_count, warning_count) VALUES (?,?,?,?,?,?,?,?,?)",
            arguments: [
                d.path, d.unit, d.year, d.scope, d.documentKind, d.date, d.tables.count,
                findings.filter { $0.severity == .error }.count, findings.filter { $0.severity == .warning }.count
            ])
        let docID = db.lastInsertedRowID
        for t in d.tables {
            try db.execute(
                sql:
                    "INSERT INTO tables (disclosure_id, kind, number, title, amount_unit, empty, columns, first_line, last_line) VALUES (?,?,?,?,?,?,?,?,?)",
                arguments: [
                    docID, t.kind.rawValue, t.number, t.title, t.amountUnit, t.isEmpty,
                    JSONValue.array(t.columns.map(JSONValue.string)).render(pretty: false), t.lines.first, t.lines.last
                ])
            let tableID = db.lastInsertedRowID
            for (i, row) in t.rows.enumerated() {
                try db.execute(
                    sql:
                        "INSERT INTO rows (table_id, ordinal, code, name, project, side, total, first_line, last_line) VALUES (?,?,?,?,?,?,?,?,?)",
                    arguments: [
                        tableID, i, row.code, row.name, row.project, row.side?.rawValue, row.isTotal, row.lines.first,
                        row.lines.last
                    ])
                let rowID = db.lastInsertedRowID
                for (c, value) in row.values.enumerated() {
                    guard let value, c < t.columns.count else { continue }
                    try db.execute(
                        sql: "INSERT INTO amounts VALUES (?,?,?,?,?,?,?)",
                        arguments: [
                            rowID, c, t.columns[c], number(value), value.description,
                            number(value.inWan(from: t.amountUnit)),
                            c < row.inferred.count && row.inferred[c]
                        ])
                }
            }
        }
        for p in d.projects {
            try db.execute(
                sql: "INSERT INTO projects (disclosure_id, name, code, amount) VALUES (?,?,?,?)",
                arguments: [docID, p.name, p.code, number(p.amount)])
        }
        for s in d.performanceSheets {
            try db.execute(
                sql:
                    "INSERT INTO performance_sheets (disclosure_id, kind, project, funding_total, goal) VALUES (?,?,?,?,?)",
                arguments: [docID, s.kind.rawValue, s.project, number(s.fundingTotal), s.goal])
            let sheetID = db.lastInsertedRowID
            for i in s.indicators {
                try db.execute(
                    sql:
                        "INSERT INTO indicators (sheet_id, level1, level2, name, value, basis, last_value, weight) VALUES (?,?,?,?,?,?,?,?)",
                    arguments: [sheetID, i.level1, i.level2, i.name, i.value, i.basis, i.lastValue, i.weight])
            }
        }
        // A fault's related findings are rows of their own under it (parent_id).
        for f in findings {
            var parent: Int64?
            for g in [f] + f.related {
                try db.execute(
                    sql: """
                        INSERT INTO findings (disclosure_id, rule, severity, category, message, table_kind, code, column_label,
                            expected, actual, line, parent_id, blamed_table_number, blamed_code, blamed_row, blamed_column,
                            blamed_printed, blamed_expected)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                        """,
                    arguments: [
                        docID, g.rule, g.severity.rawValue, g.category.rawValue, g.message, g.table?.rawValue, g.code,
                        g.column, number(g.expected), number(g.actual), g.line, parent, g.blamed?.tableNumber,
                        g.blamed?.code, g.blamed?.row, g.blamed?.column, number(g.blamed?.printed),
                        number(g.blamed?.expected)
                    ])
                if parent == nil { parent = db.lastInsertedRowID }
            }
        }
    }
}
