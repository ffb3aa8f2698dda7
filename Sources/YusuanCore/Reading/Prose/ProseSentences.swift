/// The prose split into sentences: wrapped lines joined, split at 。and ；.
extension FactReader {
    /// Joins wrapped lines and splits at 。and ；; headings start a new sentence and set the context.
    static func sentences<Line: ProseLine>(_ lines: ArraySlice<Line>) -> [Sentence] {
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
            // Pieces up to each 。；; — found as scalars, not characters: the stops never combine
            // with what follows them, and looking for them skips grapheme breaking.
            var start = text.startIndex
            let utf8 = text.utf8
            for end in stopEnds(text) {
                let next = utf8.index(utf8.startIndex, offsetBy: end)
                if buffer.isEmpty { bufferLine = line.number }
                buffer += text[start..<next]
                flush()
                start = next
            }
            if start < text.endIndex {
                if buffer.isEmpty { bufferLine = line.number }
                buffer += text[start...]
            }
        }
        flush()
        return out
    }

    /// The UTF-8 offset just past each 。(E3 80 82), ；(EF BC 9B) and ; of `text`, read on the bytes
    /// where they lie (E3 and EF only ever lead a scalar, so three bytes that match are the scalar).
    static func stopEnds(_ text: String) -> [Int] {
        let found: [Int]? = text.utf8.withContiguousStorageIfAvailable { b in
            var ends: [Int] = []
            var i = 0
            while i < b.count {
                switch b[i] {
                case 0x3B:
                    ends.append(i + 1)
                case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x82,
                    0xEF where i + 2 < b.count && b[i + 1] == 0xBC && b[i + 2] == 0x9B:
                    ends.append(i + 3)
                    i += 2
                default: break
                }
                i += 1
            }
            return ends
        }
        if let found { return found }
        var ends: [Int] = []
        var offset = 0
        for s in text.unicodeScalars {
            offset += UTF8.width(s)
            if s == "。" || s == "；" || s == ";" { ends.append(offset) }
        }
        return ends
    }
}
