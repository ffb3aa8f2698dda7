/// One printed cell of a table, named as a reader finds it on the page: table, row, column.
public struct CellRef: Hashable, Sendable {
    public var table: TableKind?
    public var tableNumber: String?
    public var code: String?
    /// The row's name when it has no code (合计, a 三公 item, a project).
    public var row: String?
    public var column: String?
    public var line: Int?
    /// As printed; nil for a blank cell.
    public var printed: Amount?
    /// What the table's other sums say it should be.
    public var expected: Amount?

    public init(
        table: TableKind?, tableNumber: String?, code: String?, row: String?, column: String?, line: Int?,
        printed: Amount?, expected: Amount?
    ) {
        self.table = table
        self.tableNumber = tableNumber
        self.code = code
        self.row = row
        self.column = column
        self.line = line
        self.printed = printed
        self.expected = expected
    }

    /// "20801 基本支出", "合计 预算数": the row and column, as the document names them.
    public var label: String {
        [code ?? row, column].compactMap { $0 }.joined(separator: " ")
    }
}
