import Foundation
import YusuanCore

/// A finding that involves two places (one code named two ways in 表2 and 表7, a sum that does
/// not reconcile across tables, a sentence that disagrees with a table) names each, and Enter
/// or Tab goes to one, then the other.
enum FindingPlace: Hashable {
    case cell(table: Int, row: Int?, column: Int?)
    /// The sentence (情况说明) at this source line.
    case sentence(line: Int)
}

extension Browser {
    /// The places a finding involves, in the order a reader meets them: a prose finding's
    /// sentence first, then the cell it lands on, then each other table its message names
    /// (by the number the document prints, "表2", "表五"), at the same code or row.
    func places(doc: Int, index: Int) -> [FindingPlace] {
        let loaded = documents[doc]
        let d = loaded.disclosure
        let f = loaded.findings[index]
        var out: [FindingPlace] = []
        if f.rule.hasPrefix("prose."), let line = f.line,
            !d.tables.contains(where: { $0.lines.first <= line && line <= $0.lines.last })
        {
            out.append(.sentence(line: line))
        }
        let target = loaded.targets[index]
        var named: [(offset: Int, place: FindingPlace)] = []
        // The cell it lands on comes first unless the message names another table before it.
        if let target {
            let at = d.tables[target.table].number.flatMap { Browser.mention(of: $0, in: f.message) } ?? -1
            named.append((at, .cell(table: target.table, row: target.row, column: target.column)))
        }
        for (ti, t) in d.tables.enumerated() where ti != target?.table {
            guard let number = t.number, let at = Browser.mention(of: number, in: f.message) else { continue }
            let ref = CellRef(
                table: t.kind, tableNumber: number, code: f.code, row: f.row, column: f.column, line: nil, printed: nil,
                expected: nil)
            guard let cell = FindingCell.locate(ref, in: d), cell.table == ti, cell.row != nil else { continue }
            named.append((at, .cell(table: ti, row: cell.row, column: cell.column)))
        }
        out += named.sorted { $0.offset < $1.offset }.map(\.place)
        return out
    }

    /// Where "表2" stands in `text` as a whole number ("表2" in "表2收入总体", not in "表21").
    static func mention(of number: String, in text: String) -> Int? {
        var search = text.startIndex..<text.endIndex
        while let r = text.range(of: number, range: search) {
            let next = r.upperBound < text.endIndex ? text[r.upperBound] : " "
            if !(next.isNumber || "〇一二三四五六七八九十".contains(next)) {
                return text.distance(from: text.startIndex, to: r.lowerBound)
            }
            search = r.upperBound..<text.endIndex
        }
        return nil
    }

    /// "表7 20801", "情况说明 第 328 行": a place as the document names it.
    func placeLabel(doc: Int, _ place: FindingPlace) -> String {
        let d = documents[doc].disclosure
        switch place {
        case .sentence(let line): return "情况说明 第 \(line) 行"
        case .cell(let t, let r, _):
            let table = d.tables[t]
            let row = r.map { table.rows[$0] }
            return [table.number ?? table.kind.shortName, row.flatMap { $0.project ?? $0.code ?? $0.name }]
                .compactMap { $0 }.joined(separator: " ")
        }
    }

    /// Goes to the `which`th place of a finding (the first when nil), remembering it for Tab.
    mutating func goToPlace(doc: Int, index: Int, which: Int) {
        let all = places(doc: doc, index: index)
        guard which < all.count else { return }
        let f = documents[doc].findings[index]
        switch all[which] {
        case .cell(let t, let r, let c):
            stack.append(tableFrame(doc: doc, table: t, row: r ?? 0, column: c ?? 0))
        case .sentence(let line):
            // The claim's figures, as the sentence prints them, stand out.
            sourceMarks = [f.expected, f.actual].compactMap { $0 }.flatMap { [$0.description, $0.grouped] }
            stack.append(sourceFrame(doc: doc, range: SourceRange(line, line), label: "情况说明 第 \(line) 行"))
            scrollToMark(doc: doc, line: line)
        }
        landedPlace = all.count > 1 ? (doc, index, which, stack.count) : nil
        if all.count > 1 {
            let others = all.indices.filter { $0 != which }.map { placeLabel(doc: doc, all[$0]) }
            message =
                "第 \(which + 1)/\(all.count) 处：\(placeLabel(doc: doc, all[which]))；Tab 到 \(others.joined(separator: "、"))"
        }
    }

    /// The source view scrolled sideways (ten columns a step) until the first marked figure of
    /// the cited line is in view.
    mutating func scrollToMark(doc: Int, line: Int) {
        let text = documents[doc].disclosure.sourceLines[line - 1].replacingOccurrences(of: "\t", with: " ⇥ ")
        let segments = ContentLines.marked(text, sourceMarks)
        guard let k = segments.firstIndex(where: { $0.1 == .match }),
            case .content(let d, let item, let cursor, let scroll, _) = top
        else { return }
        let at = segments[..<k].reduce(0) { $0 + DisplayWidth.of($1.0) }
        let room = contentLayout.width - 8 - DisplayWidth.of(segments[k].0) - 2
        let column = at > room ? (at - room + 9) / 10 : 0
        replaceTop(.content(doc: d, item: item, cursor: cursor, scroll: scroll, column: min(40, column)))
    }

    /// Tab on a place a finding led to: its next place, in the same depth of the stack.
    mutating func nextPlace() -> Bool {
        guard let (doc, index, which, depth) = landedPlace, depth == stack.count, currentDocument == doc else {
            return false
        }
        let count = places(doc: doc, index: index).count
        stack.removeLast()
        goToPlace(doc: doc, index: index, which: (which + 1) % count)
        return true
    }
}
