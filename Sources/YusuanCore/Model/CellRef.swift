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

extension CellRef {
    /// One line of text a cache can keep and give back: the fields in order, tab-separated
    /// (cells never hold a tab; the reader splits on them), amounts as hundredths:decimals.
    public var stored: String {
        func amount(_ a: Amount?) -> String { a.map { "\($0.hundredths):\($0.decimals)" } ?? "" }
        return [
            table?.rawValue ?? "", tableNumber ?? "", code ?? "", row ?? "", column ?? "", line.map(String.init) ?? "",
            amount(printed), amount(expected)
        ].joined(separator: "\t")
    }

    public init?(stored: String) {
        let f = stored.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 8 else { return nil }
        func text(_ s: String) -> String? { s.isEmpty ? nil : s }
        func amount(_ s: String) -> Amount?? {
            if s.isEmpty { return .some(nil) }
            let parts = s.split(separator: ":")
            guard parts.count == 2, let h = Int64(parts[0]), let d = Int(parts[1]) else { return nil }
            return .some(Amount(hundredths: h, decimals: d))
        }
        guard f[0].isEmpty || TableKind(rawValue: f[0]) != nil, f[5].isEmpty || Int(f[5]) != nil,
            let printed = amount(f[6]), let expected = amount(f[7])
        else { return nil }
        self.init(
            table: text(f[0]).flatMap(TableKind.init), tableNumber: text(f[1]), code: text(f[2]), row: text(f[3]),
            column: text(f[4]), line: Int(f[5]), printed: printed, expected: expected)
    }
}
