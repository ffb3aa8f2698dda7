/// The amount columns of a table whose header came as a stream of labels, one cell per line
/// in reading order (a converter that drops the grid). Which label spans which is no longer
/// printed, so a header of several rows is matched against the layouts the templates print;
/// a header of one row is its own list of columns.
enum StreamHeader {
    static let codeLevels: Set<String> = ["类", "款", "项"]

    /// Every label the kind's layouts print, whole paths and their parts.
    static func vocabulary(_ kind: TableKind) -> Set<String> {
        Set(
            ColumnLayout.layouts(kind).flatMap { layout in
                layout.flatMap { path in
                    let parts = path.split(separator: "/").map(String.init)
                    return parts + [parts.joined()]
                }
            })
    }

    /// The labels of header lines: a line is one label (one cell per line) or, with spaces
    /// between labels, several; a piece inside unclosed brackets belongs to the one before
    /// ("财政专户 （教育收 费）"), and so does a piece that with it makes a label of `known`
    /// that neither is alone ("国有资本经营" "预算").
    static func labels(_ lines: [String], known: Set<String> = []) -> [String] {
        var out: [String] = []
        for line in lines {
            let pieces = Fragment.tokens(line)
            var open = false
            for (i, piece) in pieces.enumerated() {
                if i > 0, open || piece.hasPrefix("（") || piece.hasPrefix("(") {
                    out[out.count - 1] += piece
                } else {
                    out.append(piece)
                }
                let opened = out[out.count - 1].filter { $0 == "（" || $0 == "(" }.count
                let closed = out[out.count - 1].filter { $0 == "）" || $0 == ")" }.count
                open = opened > closed
            }
        }
        var merged: [String] = []
        for label in out {
            if let last = merged.last,
                !known.contains(CJK.canonicalLabel(last)) || !known.contains(CJK.canonicalLabel(label)),
                known.contains(CJK.canonicalLabel(last + label))
            {
                merged[merged.count - 1] += label
            } else {
                merged.append(label)
            }
        }
        return merged
    }

    /// nil when the labels do not make a header (headers written one character per line):
    /// the caller keeps the template's columns.
    static func columns(kind: TableKind, labels lines: [String], widestRow: Int) -> [String]? {
        let labels = lines.map(CJK.canonicalLabel)
        // Amount columns start at the first total (合计, 总计, 项目支出合计); code and name
        // columns and captions over the whole table come before it.
        guard let start = labels.firstIndex(where: ColumnLayout.isTotalLabel) else { return nil }
        var amountLabels: [String] = []
        var afterCodeLevels = false
        var multiLevel = false
        for label in labels[start...] {
            if codeLevels.contains(label) { afterCodeLevels = true; continue }
            if ColumnLayout.captions.contains(label) { continue }
            if afterCodeLevels || amountLabels.contains(label) { multiLevel = true }
            amountLabels.append(label)
        }
        // A label is at least two characters of text; anything else is not a header.
        guard amountLabels.allSatisfy({ $0.count >= 2 && !$0.contains(where: { $0.isASCII && $0.isNumber }) }) else {
            return nil
        }
        let printed = Set(amountLabels)
        let best = ColumnLayout.layouts(kind).map { layout in match(layout, printed) }
            .min { ($0.uncovered, -$0.kept.count) < ($1.uncovered, -$1.kept.count) }
        var columns: [String]?
        if let best, best.uncovered == 0, !best.kept.isEmpty, !multiLevel || best.kept.count > 1 {
            columns = best.kept
        } else if !multiLevel {
            columns = amountLabels
        }
        // Every row's amounts must fit.
        guard let columns, columns.count >= widestRow else { return nil }
        return columns
    }

    /// The amount columns a table with no figures prints over its rows ("功能科目代码 功能科目名称
    /// 金额" → 金额): its labels after those of the code and name columns. nil where the labels
    /// are no header (one character a line, a figure among them).
    static func printed(_ lines: [String]) -> [String]? {
        let names = ["代码", "编码", "编号", "名称"]
        var amounts: [String] = []
        for label in labels(lines).map(CJK.canonicalLabel)
        where !codeLevels.contains(label) && !names.contains(where: label.contains) {
            // A label printed letter-spaced ("金 额") is one label.
            if label.count == 1, let last = amounts.last, last.count == 1 {
                amounts[amounts.count - 1] += label
            } else {
                amounts.append(label)
            }
        }
        guard !amounts.isEmpty,
            amounts.allSatisfy({ $0.count >= 2 && $0.count <= 16 && !$0.contains(where: { $0.isNumber }) })
        else { return nil }
        return amounts
    }

    /// Labels broken wherever the page wrapped them ("一般公共 预算"): the template's columns
    /// whose label the header's text spells, longest spellings taken out first so that
    /// 一般公共预算 is not found inside 上级一般公共预算安排的转移支付.
    static func columns(kind: TableKind, text lines: [String], widestRow: Int) -> [String]? {
        var text = CJK.canonicalLabel(lines.joined())
        let layout = ColumnLayout.canonical(kind)
        var found = Set<String>()
        let spellings = layout.flatMap { path -> [(String, String)] in
            let parts = path.split(separator: "/").map(String.init)
            return [(parts.joined(), path)] + (parts.last.map { [($0, path)] } ?? [])
        }.sorted { $0.0.count > $1.0.count }
        for (spelling, path) in spellings where !found.contains(path) {
            guard let range = text.range(of: spelling) else { continue }
            text.removeSubrange(range)
            found.insert(path)
        }
        let kept = layout.filter(found.contains)
        guard kept.count > 1, kept.first == layout.first, kept.count >= widestRow else { return nil }
        return kept
    }

    /// The layout's columns whose labels are printed, and how many printed labels it leaves
    /// unexplained.
    static func match(_ layout: [String], _ printed: Set<String>) -> (kept: [String], uncovered: Int) {
        var kept: [String] = []
        var covered = Set<String>()
        for path in layout {
            let parts = path.split(separator: "/").map(String.init)
            guard let leaf = parts.last else { continue }
            let joined = parts.joined()
            let spellings = [leaf, joined] + (parts.count > 1 ? [parts[parts.count - 2] + leaf] : [])
            guard spellings.contains(where: printed.contains) else { continue }
            kept.append(path)
            covered.formUnion(spellings)
            covered.formUnion(parts)
        }
        return (kept, printed.subtracting(covered).count)
    }
}
