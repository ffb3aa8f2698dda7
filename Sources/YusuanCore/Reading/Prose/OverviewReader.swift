/// 第一部分 概况: functions, departments, staffing figures.
enum OverviewReader {
    static func read(_ source: SourceText, parts: PartLocator) -> Overview {
        guard let start = parts.start(1) else { return Overview() }
        let end = parts.end(of: 1, total: source.lines.count)
        let lines = source.lines[PartLocator.span(start + 1, end)].filter {
            !$0.isBlank && !$0.isPageNumber
        }
        var functions: [String] = []
        var structure: [String] = []
        var mode = 0
        for line in lines {
            let c = line.compact
            if c.hasPrefix("一、") && c.contains("职能") { mode = 1; continue }
            if c.hasPrefix("二、") && (c.contains("机构") || c.contains("人员")) { mode = 2; continue }
            if mode == 1 { functions.append(line.text.trimmed()) }
            if mode == 2 { structure.append(line.text.trimmed()) }
        }
        let structureText = CJK.joinWrapped(structure.joined())
        var overview = Overview(
            functions: functions.map(CJK.joinWrapped).joined(separator: "\n"),
            departmentsText: structureText,
            lines: SourceRange((lines.first?.number ?? start + 1), (lines.last?.number ?? start + 1)))
        overview.departments = departments(structureText)
        overview.staffing = staffing(structureText, lines: lines)
        return overview
    }

    /// "下设 6 个科室，分别是：办公室、计财科、…。" → the names.
    static func departments(_ text: String) -> [String] {
        guard let r = text.range(of: "分别是：") ?? text.range(of: "分别是:") ?? text.range(of: "分别为：") else { return [] }
        let rest = text[r.upperBound...]
        let sentence = rest.prefix { $0 != "。" && $0 != "\n" }
        return sentence.split(separator: "、").map { String($0).trimmed() }.filter { !$0.isEmpty && $0.count <= 20 }
    }

    static func staffing(_ text: String, lines: [SourceText.Line]) -> Staffing {
        var s = Staffing()
        guard let r = text.range(of: "编制数") else { return s }
        let sentence = String(text[r.lowerBound...].prefix { $0 != "。" })
        s.sentence = sentence
        s.line = lines.first { $0.compact.contains("编制数") }?.number
        func number(after key: String) -> (Int?, Int?) {
            guard let k = sentence.range(of: key) else { return (nil, nil) }
            let after = sentence[k.upperBound...]
            let digits = after.drop { !$0.isNumber }.prefix { $0.isNumber }
            // Head counts: more than seven digits is not a count of people.
            let value = digits.count <= 7 ? Int(digits) : nil
            // "在职 22 人，增加 1 人" / "减少 6 人": the change right after.
            let tail = after.drop { !$0.isNumber }.drop { $0.isNumber }.prefix(12)
            var change: Int?
            for (word, sign) in [("增加", 1), ("减少", -1)] {
                if let w = tail.range(of: word) {
                    let d = tail[w.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
                    if d.count <= 7, let v = Int(d) { change = sign * v }
                }
            }
            return (value, change)
        }
        s.authorized = number(after: "编制数").0
        s.actual = number(after: "实有人数").0 ?? number(after: "实有").0
        (s.active, s.activeChange) = number(after: "在职")
        (s.retired, s.retiredChange) = number(after: "退休")
        (s.lixiu, s.lixiuChange) = number(after: "离休")
        return s
    }
}
