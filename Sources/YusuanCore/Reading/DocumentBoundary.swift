/// Where a second disclosure begins in one file (two documents saved together, or a download
/// appended to another). A document has one contents list and its parts run 第一 → 第四 once
/// after it; a 目录, or a return to 第一部分, after amounts have been printed starts another.
enum DocumentBoundary {
    /// Index of the first line of the second document's cover, if there is one.
    static func secondStart(_ lines: [SourceText.Line]) -> Int? {
        var amountsSeen = false
        var highestPart = 0
        for (i, line) in lines.enumerated() {
            let c = line.compact
            if c == "目录", amountsSeen { return coverStart(lines, before: i) }
            if let n = PartLocator.partNumber(c) {
                if n == 1, highestPart >= 2, amountsSeen { return coverStart(lines, before: i) }
                highestPart = max(highestPart, n)
                if n == 1 { amountsSeen = false }
                continue
            }
            // Two cells with a "." need two "." bytes in the line: most rows without them are
            // out before their cells are split.
            if !amountsSeen, line.hasTabs, line.text.utf8.count(where: { $0 == 0x2E }) >= 2,
                line.cells.filter({ $0.contains(".") && Amount(parsing: $0) != nil }).count >= 2
            {
                amountsSeen = true
            }
        }
        return nil
    }

    /// The cover's title lines just above the heading (unit, "2022 年预算公开", "附件 3:"), up to
    /// eight lines back: short lines that are not sentences, dates, or table rows.
    static func coverStart(_ lines: [SourceText.Line], before heading: Int) -> Int {
        var start = heading
        var i = heading - 1
        while i >= 0, heading - i <= 8 {
            let c = lines[i].compact
            if c.isEmpty { i -= 1; continue }
            let sentence = c.hasSuffix("。") || c.hasSuffix("；")
            let date = c.count <= 16 && c.contains("年") && c.contains("月") && (c.hasSuffix("日") || c.hasSuffix("月"))
            if c.count > 30 || sentence || date || lines[i].hasTabs || lines[i].isPageNumber { break }
            start = i
            i -= 1
        }
        return start
    }
}
