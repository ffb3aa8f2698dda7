/// Rows a form prints that are no rows of amounts by their code: totals of a part, the "…" of rows
/// left out.
extension TabTableParser {
    /// A total of part of a table, named for what it adds up ("人员经费合计", "公用经费合计").
    static func isPartTotalName(_ compact: String) -> Bool {
        compact.count > 2 && (compact.hasSuffix("合计") || compact.hasSuffix("总计")) && !isTotalName(compact)
    }

    /// "…", "⋯⋯", "...": the mark of rows left out.
    static func isFiller(_ compact: String) -> Bool {
        !compact.isEmpty && compact.allSatisfy { "…⋯.·。".contains($0) }
    }
}
