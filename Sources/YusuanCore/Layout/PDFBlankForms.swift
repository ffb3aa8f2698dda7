/// Blank forms (a template, a table printed empty): no amount and no code to find the rows and
/// columns by, only the labels.
extension PDFTableGrid {
    /// Where a blank form's rows start, its lines holding no amount and no code: at its first line
    /// of numbered items set out in cells ("一、…收入  一、一般公共服务支出"), else at its lowest
    /// header line where it is a few labels repeated under each item ("预算数 决算数 预算数 决算数
    /// …": a form of header alone, those labels stand for its columns). nil for anything else.
    static func blankStart(_ lines: [PDFLine]) -> Int? {
        func cells(_ line: PDFLine) -> Int { line.segmentCount(gap: PDFLayout.cellGap(line)) }
        if let item = lines.indices.dropFirst().first(where: { i in
            cells(lines[i]) >= 2 && lines[i].words.first.map { isNumberedItem($0.text) } == true
        }) {
            return item
        }
        guard lines.count >= 3, let last = lines.last, lines.filter({ cells($0) >= 2 }).count >= 2,
            PairedThreePublic.cycle(last.words.map { CJK.compact($0.text) }) != nil
        else { return nil }
        return lines.count - 1
    }

    /// "一、一般公共服务支出": an item numbered in Chinese, its name in the same word (a list of
    /// contents sets "一、" apart from its title).
    static func isNumberedItem(_ text: String) -> Bool {
        let number = text.prefix { "一二三四五六七八九十".contains($0) }
        return !number.isEmpty && text.dropFirst(number.count).first == "、" && text.count > number.count + 1
    }
}
