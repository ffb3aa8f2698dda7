/// Cuts 第二部分 into tables: a segment starts at a label (表一 / 表 1 / 表1:) or a title that
/// names a table kind; a title repeated after a page break continues the same table.
struct TableSegment {
    var label: String?
    var labelLine: Int?
    var title: String?
    var titleLine: Int?
    var kind: TableKind?
    var body: [SourceText.Line] = []
    var firstLine: Int
    var lastLine: Int
}

enum TableSegmenter {
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇"]

    /// "表一：" → "表一", "表 1" → "表1", "公开 03 表" → "公开03表"; nil when the line is not a label.
    static func label(of line: String) -> String? { label(compact: CJK.compact(line)) }

    /// The same for a line's compact form.
    static func label(compact: String) -> String? {
        var c = compact
        // Every label starts 表… or 公开…: most lines are out at their first scalar (a plain
        // scalar other than 表 and 公 starts no Character equal to either), the rest at their
        // first Character.
        guard let scalar = c.unicodeScalars.first,
            scalar.value == 0x8868 || scalar.value == 0x516C || !String.isPlainScalar(scalar.value)
        else { return nil }
        guard let head = c.first, head == "表" || head == "公" else { return nil }
        while let l = c.last, l == ":" || l == "：" { c.removeLast() }
        if c.hasPrefix("表"), c.count >= 2, c.count <= 5 {
            let rest = c.dropFirst()
            if rest.allSatisfy({ chineseNumerals.contains($0) || ($0.isASCII && $0.isNumber) }) { return c }
        }
        if c.hasPrefix("公开"), c.hasSuffix("表"), c.count <= 8,
            c.dropFirst(2).dropLast().allSatisfy({ $0.isASCII && $0.isNumber })
        {
            return c
        }
        // "公开表四", "公开表12"
        if c.hasPrefix("公开表"), c.count >= 4, c.count <= 7,
            c.dropFirst(3).allSatisfy({ chineseNumerals.contains($0) || ($0.isASCII && $0.isNumber) })
        {
            return c
        }
        return nil
    }

    /// A table title: short, ends in 表, and names a known kind, or else speaks of a 预算/决算
    /// (then it is a table of a kind not known here, kept as `unknown`). Sentences ("…为空表。")
    /// are not titles.
    static func title(of line: SourceText.Line) -> (String, TableKind?)? {
        var c = line.compact
        // A title ends in 表, or in a bracket after it: most lines are out at their last scalar
        // (a Character ending in a plain scalar other than these equals none of them), the rest at
        // their last Character.
        guard let scalar = c.unicodeScalars.last,
            scalar.value == 0x8868 || scalar.value == 0xFF09 || scalar.value == 0x29
                || !String.isPlainScalar(scalar.value)
        else { return nil }
        guard let end = c.last, end == "表" || end == "）" || end == ")" else { return nil }
        guard !line.hasTabs || line.cells.filter({ !$0.isEmpty }).count == 1 else { return nil }
        for suffix in ["（续）", "(续)", "续表"] where c.hasSuffix(suffix) { c = String(c.dropLast(suffix.count)) }
        // The title as printed, its qualifier after 表 ("（功能科目）") kept; the kind from the rest.
        let printed = c
        c = unqualified(c)
        guard c.count >= 5, c.count <= 64, c.hasSuffix("表"), !c.hasPrefix("备注"), !c.contains("空表"),
            !c.contains("空白表"), !c.contains("绩效"), !c.contains("，"), !c.contains("。")
        else { return nil }
        if let kind = TableKind.classify(title: c) { return (printed, kind) }
        // "第二部分 2022 年…预算公开表" heads the whole set of tables, not one of them.
        guard PartLocator.partNumber(c) == nil, !c.hasSuffix("公开表") else { return nil }
        return c.contains("预算") || c.contains("决算") ? (printed, nil) : nil
    }

    /// "财政拨款支出预算表（功能科目）" → "财政拨款支出预算表": a title without the qualifier after its 表.
    static func unqualified(_ title: String) -> String {
        guard title.hasSuffix("）") || title.hasSuffix(")"),
            let open = title.lastIndex(where: { $0 == "（" || $0 == "(" }),
            title[..<open].hasSuffix("表"), title.distance(from: open, to: title.endIndex) <= 8
        else { return title }
        return String(title[..<open])
    }

    /// A title without its "十、" or "3." in front.
    static func unnumbered(_ title: String) -> String {
        // A mark past the third Character would be too far: only the first four are searched.
        guard let mark = title.prefix(4).firstIndex(where: { $0 == "、" || $0 == "." }),
            title.distance(from: title.startIndex, to: mark) <= 3,
            title[..<mark].allSatisfy({ chineseNumerals.contains($0) || $0.isNumber })
        else { return title }
        return String(title[title.index(after: mark)...])
    }

    static func segments(_ lines: ArraySlice<SourceText.Line>) -> [TableSegment] {
        var out: [TableSegment] = []
        var current: TableSegment?
        func flush() { if let c = current { out.append(c) }; current = nil }
        for line in lines {
            if line.isBlank || line.isPageNumber { continue }
            if let label = label(compact: line.compact) {
                // A label printed under its title ("财政拨款收支预算总表" then "公开表四") names it.
                if var c = current, c.label == nil, c.title != nil, c.body.isEmpty {
                    c.label = label
                    c.labelLine = line.number
                    c.lastLine = line.number
                    current = c
                    continue
                }
                flush()
                current = TableSegment(
                    label: label, labelLine: line.number, firstLine: line.number, lastLine: line.number)
                continue
            }
            if let (title, kind) = title(of: line) {
                if var c = current {
                    if c.title == nil {
                        c.title = title
                        c.titleLine = line.number
                        c.kind = kind
                        c.lastLine = line.number
                        current = c
                        continue
                    }
                    if c.kind == kind, kind != nil || c.title == title {  // the title again after a page break
                        c.lastLine = line.number
                        current = c
                        continue
                    }
                }
                flush()
                // "一、2017年度…收支预算总表": the ordinal in front labels the table, as 表一 does.
                let rest = unnumbered(title)
                let ordinal = rest == title ? nil : String(title.dropLast(rest.count))
                current = TableSegment(
                    label: ordinal, labelLine: ordinal == nil ? nil : line.number, title: rest, titleLine: line.number,
                    kind: kind, firstLine: line.number, lastLine: line.number)
                continue
            }
            if current == nil { continue }
            current!.body.append(line)
            current!.lastLine = line.number
        }
        flush()
        return out
    }
}
