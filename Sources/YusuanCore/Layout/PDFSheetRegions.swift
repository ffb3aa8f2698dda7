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

    /// A sheet's title at line `i`: the title as text, the sheet's lines after it as a sheet
    /// (none where the title ends the page: the sheet goes on at the top of the next), and the
    /// line after them; nil where line `i` is no sheet's title.
    static func sheet(_ lines: [PDFLine], at i: Int, into out: inout [Item]) -> Int? {
        guard isSheetTitle(lines[i]) else { return nil }
        out.append(.text(lines[i]))
        let end = sheetEnd(lines, from: i + 1) ?? lines.count
        out.append(.sheet(Array(lines[(i + 1)..<end])))
        return end
    }

    /// The lines at a page's top that go on with the sheet of the page before; the line after them.
    static func sheetGoesOn(_ lines: [PDFLine], into out: inout [Item]) -> Int {
        let end = sheetEnd(lines, from: 0) ?? lines.count
        if end > 0 { out.append(.sheet(Array(lines[..<end]))) }
        return end
    }

    /// A sheet's part on a later page joined to its part before (the items between dropped, a page
    /// break after), less the head and header a printer repeats atop each page; false where
    /// `item` goes on no sheet.
    static func joinSheet(_ item: Item, to out: inout [Item]) -> Bool {
        guard case .sheet(let lines) = item, let t = out.lastIndex(where: { !$0.isFurniture }),
            case .sheet(let first) = out[t]
        else { return false }
        let seen = Set(first.map(\.text))
        out[t] = .sheet(first + lines.drop { seen.contains($0.text) })
        out.removeSubrange((t + 1)...)
        out.append(.pageBreak)
        return true
    }
}
