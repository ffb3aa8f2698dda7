/// Whole numbers typed into a spreadsheet as text are printed flush left in their cells, the
/// decimals beside them flush right ("620" and "1.44" in one 小计 column): two runs of x for one
/// column. A run of whole numbers alone, their left edges in line, right of the names and just
/// left of a run of right-aligned amounts, with no row holding a word in both, is that column's.
extension PDFTableGrid {
    static func joiningFlushLeftWholes(_ columns: [Column], rows: [[PDFLine]]) -> [Column] {
        let byX = columns.sorted { $0.x0 < $1.x0 }
        guard let names = byX.firstIndex(where: { $0.amounts + $0.integers < $0.words }) else { return columns }
        var out: [Column] = []
        for c in byX {
            if let left = out.last, out.count > names, left.words > 0, left.integers == left.words,
                left.leftSpread < 1, c.rightAligned, !rows.contains(where: { inBoth(left, c, $0) })
            {
                var joined = c
                joined.x0 = left.x0
                joined.words += left.words
                joined.integers += left.integers
                joined.amounts += left.amounts
                out[out.count - 1] = joined
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Whether a row has words in both columns.
    private static func inBoth(_ a: Column, _ b: Column, _ row: [PDFLine]) -> Bool {
        func holds(_ c: Column) -> Bool {
            row.contains { line in line.words.contains { min(c.x1, $0.x1) - max(c.x0, $0.x0) > 0 } }
        }
        return holds(a) && holds(b)
    }
}
