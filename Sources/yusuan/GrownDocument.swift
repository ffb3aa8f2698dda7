import Foundation

/// A tab-separated disclosure grown to a multiple of its size while it stays one valid
/// disclosure whose sums hold (`yusuan bench --grow`): each added unit puts rows of distinct
/// codes with 0.00 amounts into the functional and economic tables, a 0.00 project into 表七
/// with its prose block and its performance sheet (both of 0 万元), and paragraphs of prose, so
/// every reader and check sees more of its own input.
struct GrownDocument {
    /// Rows of distinct 类/款/项 codes each unit adds to each functional table.
    static let functionalRows = 40
    /// Rows of distinct economic 类/款 codes each unit adds to 表六.
    static let economicRows = 10

    private var lines: [String]
    private var units = 0

    init(sample text: String) { lines = text.components(separatedBy: "\n") }

    /// The sample grown about `factor` times its UTF-8 size (1: the sample itself).
    static func text(from sample: String, factor: Int) -> String {
        guard factor > 1 else { return sample }
        let sampleBytes = sample.utf8.count
        var one = GrownDocument(sample: sample)
        one.addUnits(1)
        let unitBytes = max(1, one.text.utf8.count - sampleBytes)
        var grown = GrownDocument(sample: sample)
        grown.addUnits(max(1, Int((Double((factor - 1) * sampleBytes) / Double(unitBytes)).rounded())))
        return grown.text
    }

    var text: String { lines.joined(separator: "\n") }

    mutating func addUnits(_ count: Int) {
        // Insert from the end of the document towards its start so each anchor found stays
        // valid for the insertions after it.
        let first = units
        units += count
        let range = first..<units
        addSheets(range)
        addProjects(range)
        addProse(range)
        addProjectRows(range)
        addEconomicRows(range)
        for table in ["表五", "表三", "表二"] { addFunctionalRows(range, table: table) }
    }

    // MARK: tables

    /// Lines from the table's title to the next table's title (or the document's end).
    private func table(_ title: String) -> Range<Int>? {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(title) }) else { return nil }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("表") && $0.count <= 4 } ?? lines.count
        return start..<end
    }

    /// The table's 合计 line, above which rows go.
    private func totalLine(_ title: String) -> Int? {
        table(title).flatMap { range in lines[range].lastIndex { $0.contains("合计") } }
    }

    /// `template`'s cells with codes and name replaced and every amount set to 0.00.
    private static func zeroRow(_ template: String, leading: [String]) -> String {
        var cells = template.components(separatedBy: "\t")
        for i in cells.indices {
            if i < leading.count {
                cells[i] = leading[i]
            } else if !cells[i].isEmpty {
                cells[i] = "0.00"
            }
        }
        return cells.joined(separator: "\t")
    }

    private mutating func addFunctionalRows(_ range: Range<Int>, table title: String) {
        guard let total = totalLine(title) else { return }
        let rows = range.flatMap { unit in
            (0..<Self.functionalRows).map { r -> String in
                let i = unit * Self.functionalRows + r
                let (c, k, x) = (201 + i / 9801, 1 + i / 99 % 99, 1 + i % 99)
                let codes = [String(c), String(format: "%02d", k), String(format: "%02d", x), "支出科目\(i)"]
                return Self.zeroRow(lines[total], leading: codes)
            }
        }
        lines.insert(contentsOf: rows, at: total)
    }

    private mutating func addEconomicRows(_ range: Range<Int>) {
        guard let total = totalLine("表六") else { return }
        let rows = range.flatMap { unit in
            (0..<Self.economicRows).map { r -> String in
                let i = unit * Self.economicRows + r
                let codes = [String(310 + i / 99), String(format: "%02d", 1 + i % 99), "经济科目\(i)"]
                return Self.zeroRow(lines[total], leading: codes)
            }
        }
        lines.insert(contentsOf: rows, at: total)
    }

    /// The new projects' names: distinct, and no one a prefix of another's.
    private static func projectName(_ unit: Int) -> String { "扩展项目\(unit)号" }

    private mutating func addProjectRows(_ range: Range<Int>) {
        guard let table = table("表七"), let total = totalLine("表七"),
            let template = lines[table].first(where: {
                $0.components(separatedBy: "\t").count > 5 && $0.first?.isNumber == true
                    && !$0.components(separatedBy: "\t")[4].isEmpty
            })
        else { return }
        let leading = Array(template.components(separatedBy: "\t").prefix(4))
        lines.insert(
            contentsOf: range.map { Self.zeroRow(template, leading: leading + [Self.projectName($0)]) }, at: total)
    }

    // MARK: prose and sheets

    /// Every amount in 万元 on the line set to 0.
    private static func zeroAmounts(_ line: String) -> String {
        line.replacingOccurrences(of: #"[0-9]+(\.[0-9]+)? ?万元"#, with: "0 万元", options: .regularExpression)
    }

    /// The first project block of section 七 copied per unit, renamed, numbered on and of 0 万元.
    private mutating func addProjects(_ range: Range<Int>) {
        let isStart = { (line: String) in line.contains("项目名称：") && line.first?.isNumber == true }
        guard let first = lines.firstIndex(where: isStart),
            let name = lines[first].components(separatedBy: "项目名称：").last,
            let end = lines[(first + 1)...].firstIndex(where: { isStart($0) || $0.hasPrefix("八、") })
        else { return }
        let count = lines[first...].prefix { !$0.hasPrefix("八、") }.filter(isStart).count
        guard let after = lines[first...].firstIndex(where: { $0.hasPrefix("八、") }) else { return }
        let block = Array(lines[(first + 1)..<end])
        let copies = range.flatMap { unit -> [String] in
            ["\(count + unit + 1). 项目名称：\(Self.projectName(unit))"]
                + block.map { Self.zeroAmounts($0.replacingOccurrences(of: name, with: Self.projectName(unit))) }
        }
        lines.insert(contentsOf: copies, at: after)
    }

    /// The first performance sheet copied per unit after the last one, renamed and of 0 万元.
    private mutating func addSheets(_ range: Range<Int>) {
        let title = "项目支出绩效目标表"
        guard let first = lines.firstIndex(where: { $0.hasPrefix(title) }),
            let last = lines.lastIndex(where: { $0.hasPrefix(title) })
        else { return }
        let firstEnd = lines[(first + 1)...].firstIndex { $0.hasPrefix(title) || $0.hasPrefix("（") } ?? lines.count
        let lastEnd = lines[(last + 1)...].firstIndex { $0.hasPrefix("（") || $0.hasPrefix("第") } ?? lines.count
        let block = Array(lines[first..<firstEnd])
        guard
            let nameCell = block.lazy.compactMap({ line -> String? in
                let cells = line.components(separatedBy: "\t")
                return cells.firstIndex(of: "项目名称").flatMap { $0 + 1 < cells.count ? cells[$0 + 1] : nil }
            }).first, !nameCell.isEmpty
        else { return }
        let copies = range.flatMap { unit in
            block.map { line in
                let renamed = line.replacingOccurrences(of: nameCell, with: Self.projectName(unit))
                return line.hasPrefix("项目资金") ? Self.zeroAmounts(renamed) : renamed
            }
        }
        lines.insert(contentsOf: copies, at: lastEnd)
    }

    /// Per unit: the 主要职能 paragraph again, and the paragraphs of section 三 (the spending
    /// budget) again, so prose readers and the claims see more sentences.
    private mutating func addProse(_ range: Range<Int>) {
        if let heading = lines.lastIndex(where: { $0.hasPrefix("三、") && $0.contains("支出预算情况说明") }),
            let next = lines[(heading + 1)...].firstIndex(where: { $0.hasPrefix("四、") })
        {
            let paragraphs = lines[(heading + 1)..<next].filter { !$0.isEmpty }
            lines.insert(contentsOf: range.flatMap { _ in paragraphs }, at: next)
        }
        if let heading = lines.lastIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "一、主要职能" }),
            let paragraph = lines[(heading + 1)...].first(where: { !$0.isEmpty })
        {
            lines.insert(contentsOf: range.map { _ in paragraph }, at: heading + 1)
        }
    }
}
