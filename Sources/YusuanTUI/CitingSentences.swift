import YusuanCore

/// `s` on a table row that the prose cites: the sentences (情况说明) that state its figure, one
/// after another with Tab, the figure picked out; `s` again shows the row's own source lines.
extension Browser {
    /// The claims citing a row: by its 功能分类 code, else (a row with no code, 合计) by one of
    /// its printed amounts.
    func citingClaims(doc: Int, table t: Int, row r: Int) -> [Claim] {
        let d = documents[doc].disclosure
        let table = d.tables[t]
        let row = table.rows[r]
        let amounts = Set(row.values.compactMap { $0?.inWan(from: table.amountUnit).hundredths })
        return Claims.of(d).filter { c in
            if let code = row.code { return c.code == code }
            return c.figures.contains { amounts.contains($0.value.hundredths) }
        }
    }

    /// Opens the `which`th citing sentence; false when none cites the row.
    mutating func openCitingSentence(doc: Int, table t: Int, row r: Int, which: Int) -> Bool {
        let claims = citingClaims(doc: doc, table: t, row: r)
        let lines = claims.map(\.line).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        guard which < lines.count else { return false }
        let line = lines[which]
        sourceMarks = claims.filter { $0.line == line }.flatMap {
            $0.figures.flatMap { [$0.value.description, $0.value.grouped] }
        }
        stack.append(sourceFrame(doc: doc, range: SourceRange(line, line), label: "情况说明 第 \(line) 行"))
        scrollToMark(doc: doc, line: line)
        citing = (doc, t, r, which, stack.count)
        let tab = lines.count > 1 ? "；Tab 下一句" : ""
        message =
            "情况说明引用本行 \(which + 1)/\(lines.count)：第 \(lines.map(String.init).joined(separator: "、")) 行\(tab)；s 看本行原文"
        return true
    }

    /// Tab on a citing sentence: the next one.
    mutating func nextCitingSentence() -> Bool {
        guard let (doc, t, r, which, depth) = citing, depth == stack.count else { return false }
        stack.removeLast()
        let count = Set(citingClaims(doc: doc, table: t, row: r).map(\.line)).count
        return openCitingSentence(doc: doc, table: t, row: r, which: (which + 1) % max(1, count))
    }
}
