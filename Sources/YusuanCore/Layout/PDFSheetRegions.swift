/// Where a 绩效目标表 stands among a page's lines: from the line after its title to the next
/// title, heading or part (it may go on over the page's end).
extension PDFLayout {
    /// A sheet's title, with the year under it where the page joined the two ("…绩效目标表(2026年)").
    static func isSheetTitle(_ line: PDFLine) -> Bool {
        var text = CJK.compact(line.text)
        if text.hasSuffix("年)") || text.hasSuffix("年）"), let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }) {
            text = String(text[..<open])
        }
        return PerformanceSheetReader.isTitle(SourceText.Line(number: 0, text: text))
    }

    /// The first line from `i` that no longer belongs to the sheet; nil where the page ends in it.
    static func sheetEnd(_ lines: [PDFLine], from i: Int) -> Int? {
        lines.indices[i...].first { k in
            let line = lines[k]
            if isSheetTitle(line) { return true }
            let c = CJK.compact(line.text)
            if PartLocator.partNumber(c) != nil { return true }
            // A heading standing alone ("（五）其他需要说明的事项"); the sheet's own lines are cells.
            if line.segmentCount(gap: cellGap(line)) == 1, !c.contains("指标"),
                let h = SectionReader.heading(line.text), h.1 <= 2
            {
                return true
            }
            return isTitle(line) && TableSegmenter.label(of: line.text) != nil
        }
    }
}
