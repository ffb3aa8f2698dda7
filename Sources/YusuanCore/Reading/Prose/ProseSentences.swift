/// The prose split into sentences: wrapped lines joined, split at 。and ；.
extension FactReader {
    /// Joins wrapped lines and splits at 。and ；; headings start a new sentence and set the context.
    static func sentences(_ lines: ArraySlice<SourceText.Line>) -> [Sentence] {
        var out: [Sentence] = []
        var buffer = ""
        var bufferLine = 0
        var section = ""
        var subsection = ""
        // Made once per heading: the sentences under it share the one String.
        var context = "|"
        var inSheet = false
        func flush() {
            // The sentence (kept by the model's facts) in storage of its own size, not the buffer's.
            let t = buffer.trimmed().copiedToSize
            if !t.isEmpty { out.append(Sentence(text: t, line: bufferLine, context: context)) }
            buffer = ""
        }
        let body = lines.filter { !$0.isBlank && !$0.isPageNumber }
        var skip = -1
        for (index, line) in body.enumerated() {
            if index == skip { continue }
            if PerformanceSheetReader.isTitle(line) { flush(); inSheet = true; continue }
            let heading = SectionReader.heading(line.text)
            if inSheet {
                guard let h = heading, h.1 <= 2, !line.hasTabs else { continue }
                inSheet = false
            }
            if line.hasTabs { continue }
            let text = CJK.joinWrapped(line.text.trimmed())
            if let (_, depth, short) = heading {
                flush()
                var title = short
                if let rest = SectionReader.continuation(
                    of: short, next: index + 1 < body.count ? body[index + 1] : nil)
                {
                    title += rest
                    skip = index + 1
                }
                if depth == 1 { section = title; subsection = "" } else { subsection = title }
                context = section + "|" + subsection
                // A heading that carries its own sentence ("（一）…情况" is a title; "1、…：…万元" is not).
                if NumberScanner.scan(title).contains(where: { $0.unit.hasPrefix("万") }) {
                    buffer = title
                    bufferLine = line.number
                }
                continue
            }
            if startsItem(text) || startsLabel(text) { flush() }
            // Pieces up to each 。；; — scalars, not characters: the stops never combine with
            // what follows them, and walking scalars skips grapheme breaking.
            var start = text.startIndex
            let scalars = text.unicodeScalars
            var k = scalars.startIndex
            while k < scalars.endIndex {
                let next = scalars.index(after: k)
                if scalars[k] == "。" || scalars[k] == "；" || scalars[k] == ";" {
                    if buffer.isEmpty { bufferLine = line.number }
                    buffer += text[start..<next]
                    flush()
                    start = next
                }
                k = next
            }
            if start < text.endIndex {
                if buffer.isEmpty { bufferLine = line.number }
                buffer += text[start...]
            }
        }
        flush()
        return out
    }
}
