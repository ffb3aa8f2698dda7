/// 第四部分 名词解释: "一、财政拨款：指由…" → term and definition.
enum GlossaryReader {
    static func read(_ source: SourceText, parts: PartLocator) -> [GlossaryEntry] {
        guard let start = parts.start(4) else { return [] }
        var out: [GlossaryEntry] = []
        for line in source.lines[(start + 1)...] where !line.isBlank {
            var text = line.text.trimmed().replacingOccurrences(of: "**", with: "")
            guard let sep = text.firstIndex(where: { $0 == "、" }), text.distance(from: text.startIndex, to: sep) <= 3
            else {
                // A definition wrapped onto the next line.
                if !out.isEmpty, !text.isEmpty, text.count > 12 {
                    out[out.count - 1].definition += CJK.joinWrapped(text)
                }
                continue
            }
            text = String(text[text.index(after: sep)...])
            guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
            let term = String(text[..<colon]).trimmed()
            let definition = String(text[text.index(after: colon)...]).trimmed()
            guard !term.isEmpty, term.count <= 20 else { continue }
            out.append(GlossaryEntry(term: term, definition: CJK.joinWrapped(definition), line: line.number))
        }
        return out
    }
}
