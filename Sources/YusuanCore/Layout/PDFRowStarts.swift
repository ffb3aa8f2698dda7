extension PDFRowSpans {
    /// A line of text under a row's text, starting where that text starts in its column, the text
    /// above short of its column's widest by more than a character: the next line's first
    /// character would have fit on it, so the line is no wrapped line of that cell but a row of its
    /// own (one-line rows set close, taller rows among them: "合计  6.4" over "因公出国（境）费").
    /// Only beside amounts, on one line or the other: a label merged down over rows of labels may
    /// break its line short of the widest ("财政专户管" / "理资金").
    static func startsRow(_ line: PDFLine, after last: PDFLine, data: [PDFLine]) -> Bool {
        // An amount, or a whole number ("6") standing in a cell of its own.
        func number(_ w: PDFWord) -> Bool {
            Amount.isPrinted(w.text) || w.text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        guard line.page == last.page, (last.words + line.words).contains(where: number),
            let firstWords = line.segments(gap: PDFLayout.cellGap(line)).first,
            !firstWords.contains(where: { Amount.isPrinted($0.text) || PDFLine.isCode($0.text) })
        else { return false }
        let first = PDFTableGrid.box(firstWords)
        let all = data.flatMap(runs)
        return last.segments(gap: PDFLayout.cellGap(last)).contains { run in
            let r = PDFTableGrid.box(run)
            return abs(r.x0 - first.x0) <= 1 && !run.contains { Amount.isPrinted($0.text) }
                && !isFull(r, all, within: 1.2 * line.height)
        }
    }
}
