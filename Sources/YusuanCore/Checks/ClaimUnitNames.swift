/// The unit a heading names is the document's; no placeholder of the blank form is left in.
enum ClaimUnitNames {
    static func run(_ sink: inout FindingSink, _ claims: [Claim]) {
        let unit = sink.disclosure.unit
        for c in claims where c.kind == .unitName {
            if c.subject == "占位符" {
                sink.add(
                    Finding(
                        rule: Rules.prosePlaceholder,
                        message: "第 \(c.line) 行留有模板占位符“\(c.words.first ?? "")”：\(ClaimBudgetVsFinal.short(c.sentence))",
                        line: c.line))
                continue
            }
            guard !unit.isEmpty, !sameUnit(c.subject, unit) else { continue }
            sink.add(
                Finding(
                    rule: Rules.proseUnitName,
                    message: "标题“\(ClaimBudgetVsFinal.short(c.sentence))”写的单位是“\(c.subject)”，文件单位为“\(unit)”",
                    line: c.line))
        }
    }

    /// The same body, written in full or shortened ("社会保险中心" inside the full name).
    static func sameUnit(_ a: String, _ b: String) -> Bool {
        let ka = NameMatch.key(a), kb = NameMatch.key(b)
        if ka.contains(kb) || kb.contains(ka) { return true }
        return NameMatch.containment(a, b) >= 0.8
    }
}
