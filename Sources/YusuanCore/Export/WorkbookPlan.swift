/// A workbook as a spreadsheet reader sees the disclosure: one sheet per table as printed
/// (header groups merged, codes as text, amounts as numbers), flagged cells with their finding,
/// a sheet of all findings linking to their cells, and the long-form amounts. Pure data, so the
/// xlsx writer (a C library, outside the core) only draws it and tests can read it.
public struct WorkbookPlan: Sendable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Amount)
        /// A link to a cell of another sheet: (sheet, cell as "B7", shown text).
        case link(String, String, String)
    }

    public enum Look: Sendable, Equatable { case header, text, amount, total, error, warning, info }

    public struct Cell: Sendable {
        public var row: Int
        public var column: Int
        public var value: Value
        public var look: Look
        public var comment: String?
    }

    public struct Merge: Sendable, Equatable {
        public var firstRow, firstColumn, lastRow, lastColumn: Int
        public var text: String
    }

    public struct Sheet: Sendable {
        public var name: String
        public var cells: [Cell] = []
        public var merges: [Merge] = []
        /// Column widths in characters, by column.
        public var widths: [Int: Double] = [:]
        /// Rows and columns frozen at the top left (the header, the code and name).
        public var frozen: (rows: Int, columns: Int) = (0, 0)
    }

    public var sheets: [Sheet]

    /// "B7": a cell as a spreadsheet names it.
    public static func cellName(row: Int, column: Int) -> String {
        var letters = ""
        var c = column + 1
        while c > 0 {
            let r = (c - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            c = (c - 1) / 26
        }
        return letters + String(row + 1)
    }

    /// A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the book.
    static func sheetName(_ wanted: String, taken: inout Set<String>) -> String {
        let cleaned = String(wanted.map { "[]:*?/\\'".contains($0) ? "_" : $0 })
        var name = String(cleaned.prefix(31))
        var n = 2
        while taken.contains(name.lowercased()) {
            let suffix = "~\(n)"
            name = String(cleaned.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        taken.insert(name.lowercased())
        return name
    }
}
