/// A group's label merged across the columns it heads, found from where those columns' cells
/// stand rather than from the labels under it.
extension PDFTableGrid {
    /// The first of the data columns a label centred on their merged cell heads: two columns or
    /// more from a left edge the data shows (a column of names starts at its names, a column after
    /// amounts at their right edge) to a right edge it shows (a column of amounts ends at its
    /// amounts), the label between them, centred to a few points, alone on its line over that
    /// span, with two labels or more side by side on a later header line under it ("支出预算" over
    /// 功能分类科目名称, 合计, 基本支出, 项目支出; centred on the labels under it, it would not be:
    /// the name's label is centred in a wider cell). Nil where no such span is centred on it.
    static func firstColumnOfSpan(
        _ unit: [PDFWord], line: [[PDFWord]], below: ArraySlice<[[PDFWord]]>, columns: [Column], dataCount: Int
    ) -> Int? {
        let b = box(unit)
        let w = PDFWord(text: PDFLine.join(unit), x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1)
        // A label whose next line stands centred right under it is wrapped in its own cell
        // ("公务用车" / "购置费" about "小计  公务用车运行维护费"): no group's.
        let wrapped = below.joined().contains { u in
            let v = box(u)
            return abs((v.x0 + v.x1) / 2 - w.centerX) <= 2 && v.y0 > w.y0 && v.y0 - w.y1 < 2 * w.height
        }
        guard !wrapped else { return nil }
        let order = (0..<dataCount).sorted { columns[$0].x0 < columns[$1].x0 }
        let lefts: [Double?] = order.indices.map { p in
            if !columns[order[p]].rightAligned { return columns[order[p]].x0 }
            return p > 0 && columns[order[p - 1]].rightAligned ? columns[order[p - 1]].x1 : nil
        }
        let tolerance = max(0.5 * w.height, 3)
        var best: (column: Int, off: Double)?
        for a in order.indices {
            guard let left = lefts[a], left <= w.x0 else { continue }
            for z in order.indices where z > a && columns[order[z]].rightAligned {
                let right = columns[order[z]].x1
                let off = abs((left + right) / 2 - w.centerX)
                guard right >= w.x1, off <= tolerance, off < best?.off ?? .infinity else { continue }
                func inside(_ u: [PDFWord]) -> Bool { box(u).x0 >= left - 1 && box(u).x1 <= right + 1 }
                // The merged cell holds the label alone on its line.
                guard !line.contains(where: { u in u != unit && min(box(u).x1, right) - max(box(u).x0, left) > 0 })
                else { continue }
                // Labels side by side under it: a wrapped label's next lines stand one under another.
                let sideBySide = below.contains { next in
                    let spans = next.filter(inside).map { box($0) }.sorted { $0.x0 < $1.x0 }
                    return zip(spans, spans.dropFirst()).contains { $1.x0 >= $0.x1 }
                }
                if sideBySide { best = (order[a], off) }
            }
        }
        return best?.column
    }
}

extension PDFTableGrid {
    /// The first of the labels, an odd number of three or more side by side on the next header
    /// line under it, whose cells a group's label is centred on, though it stands over one of their
    /// columns' data ("财政拨款支出" over 功能分类, 合计, 一般公共预算, 政府性基金预算, 国有资本经营预算,
    /// itself over 合计's amounts). A label is centred in its cell, so adjacent cells of centres
    /// c₁ … cₙ (n odd) span a width centred on c₁ − c₂ + c₃ − … + cₙ: their shared edges cancel.
    /// Nil where a label under it is centred as it is (a wrapped label's next line; the middle one
    /// of cells alike, which the group's centre cannot tell from its own column).
    static func firstOfCellsCentred(
        _ unit: [PDFWord], among line: [[PDFWord]], below: ArraySlice<[[PDFWord]]>
    ) -> PDFWord? {
        let b = box(unit)
        let centre = (b.x0 + b.x1) / 2
        // Centres on the page are exact to a fraction of a point: the sum is, to a point or two.
        let tolerance = max(0.15 * b.height, 1.5)
        func overlaps(_ u: [PDFWord]) -> Bool { min(box(u).x1, b.x1) - max(box(u).x0, b.x0) > 0 }
        func mid(_ u: [PDFWord]) -> Double { (box(u).x0 + box(u).x1) / 2 }
        guard let next = below.first(where: { $0.contains(where: overlaps) }),
            !next.contains(where: { overlaps($0) && abs(mid($0) - centre) <= tolerance })
        else { return nil }
        let labels = next.sorted { box($0).x0 < box($1).x0 }
        let others = line.filter { $0 != unit }.map(mid)
        var best: (off: Double, first: PDFWord)?
        for a in labels.indices {
            for z in labels.indices where z >= a + 2 && (z - a) % 2 == 0 {
                let run = labels[a...z]
                let (x0, x1) = (box(run.first!).x0, box(run.last!).x1)
                let sum = run.enumerated().reduce(0.0) { s, e in s + (e.offset % 2 == 0 ? 1 : -1) * mid(e.element) }
                let off = abs(sum - centre)
                guard off <= tolerance, off < best?.off ?? .infinity, run.contains(where: overlaps),
                    !others.contains(where: { $0 > x0 && $0 < x1 })
                else { continue }
                best = (off, run.first![0])
            }
        }
        return best?.first
    }
}
