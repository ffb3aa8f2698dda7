/// The one-row 三公 layout copied as a stream: the items' names in the header (a line each, or
/// several to a line), then the amounts with the empty cells gone. Which item an amount belongs
/// to is no longer printed; the items' sums decide it, and a prior the rest.
enum StreamThreePublic {
    /// The items in the order the template prints them, each found in the header's text by
    /// what it starts with and the word that ends it.
    enum Item: CaseIterable {
        case abroad, vehicles, purchase, operation, reception

        var pattern: String {
            switch self {
            case .abroad: return "因公出国[^费]{0,6}费"
            case .vehicles: return "公务用车购置及运行[^费]{0,2}费"
            case .purchase: return "公务用车购置费"
            case .operation: return "公务用车运行费"
            case .reception: return "公务接待[^费]{0,2}费"
            }
        }
    }

    static func parse(_ body: [SourceText.Line]) -> (columns: [String], rows: [Row])? {
        let lines = body.filter { !$0.compact.hasPrefix("编制") && !$0.compact.hasPrefix("单位") }
        guard
            let data = lines.firstIndex(where: { line in
                let tokens = Fragment.tokens(line.text)
                return !tokens.isEmpty && tokens.allSatisfy(Fragment.isNumeric)
            }), data > 0
        else { return nil }
        // Only amounts below the header: items printed as rows are another layout.
        guard lines[data...].allSatisfy({ Fragment.tokens($0.text).allSatisfy(Fragment.isNumeric) }) else { return nil }
        var header = lines[..<data].map(\.compact).joined()
        guard header.contains("因公出国") else { return nil }
        let totalName = header.hasPrefix("总计") ? "总计" : "合计"
        var names: [Item: String] = [:]
        for item in Item.allCases {
            guard let range = header.range(of: item.pattern, options: .regularExpression) else { continue }
            names[item] = CJK.canonicalLabel(String(header[range]))
            header.removeSubrange(range)
        }
        let present = Item.allCases.filter { names[$0] != nil }
        guard present.count >= 2 else { return nil }
        let amounts = lines[data...].flatMap { Fragment.tokens($0.text) }.compactMap { Amount(parsing: $0) }
        // Slot 0 is the total; slots 1… the items present, in order.
        let n = present.count + 1
        guard amounts.count <= n else { return nil }
        func slot(_ item: Item) -> Int? { present.firstIndex(of: item).map { $0 + 1 } }
        var relations: [(Int, [Int])] = []
        let vehicleParts = [Item.purchase, .operation].compactMap(slot)
        if let v = slot(.vehicles), !vehicleParts.isEmpty { relations.append((v, vehicleParts)) }
        let topItems = [Item.abroad, .reception].compactMap(slot) + (slot(.vehicles).map { [$0] } ?? vehicleParts)
        relations.append((0, topItems))
        // Left-most first, except that a vehicle amount equal to its subtotal goes to 运行费:
        // a car is run every year it is kept and bought in few.
        let operation = slot(.operation), purchase = slot(.purchase)
        let prior: ([Int]) -> Int = { placement in
            var score = -placement.reduce(0, +) * 10
            if let operation, let purchase, placement.contains(operation), !placement.contains(purchase) {
                score += 100
            }
            return score
        }
        let placement =
            CellPlacement.rowCandidates(amounts, n: n, relations: relations, prior: prior).first
            ?? Array(0..<amounts.count)
        let inferred = amounts.count < n
        var cells = Array<Amount?>(repeating: nil, count: n)
        for (k, c) in placement.enumerated() { cells[c] = amounts[k] }
        let range = SourceRange(lines[data].number, lines[lines.count - 1].number)
        var rows = [
            Row(
                code: nil, name: totalName, isTotal: true, values: [cells[0]],
                inferred: [inferred && cells[0] != nil && placement.first != 0], lines: range)
        ]
        for (k, item) in present.enumerated() {
            rows.append(
                Row(
                    code: nil, name: names[item]!, values: [cells[k + 1]], inferred: [inferred && cells[k + 1] != nil],
                    lines: range))
        }
        return (["合计"], rows)
    }
}
