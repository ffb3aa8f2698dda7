/// A heading's year is the document's; a 决算's reporting date is its year's end, a 预算's the
/// end of the year before (or a day of its own year).
enum ClaimDates {
    static func run(_ sink: inout FindingSink, _ claims: [Claim]) {
        guard let year = sink.disclosure.year else { return }
        let final = sink.disclosure.documentKind == "决算"
        for c in claims where c.kind == .date {
            guard let y = c.figure("年").map({ Int($0.hundredths / 100) }) else { continue }
            if c.subject == "标题年度" {
                if y != year {
                    sink.add(
                        Finding(
                            rule: Rules.proseHeadingYear,
                            message: "标题“\(ClaimBudgetVsFinal.short(c.sentence))”写 \(y) 年，文件年度为 \(year) 年",
                            line: c.line))
                }
                continue
            }
            let month = c.figure("月").map { Int($0.hundredths / 100) }
            let day = c.figure("日").map { Int($0.hundredths / 100) }
            let endOf = final ? year : year - 1
            let yearEnd = (month == nil || month == 12) && (day == nil || day == 31)
            let fine = (y == endOf && yearEnd) || (!final && y == year)
            if !fine {
                let should = final ? "\(year) 年 12 月 31 日（年底）" : "\(year - 1) 年底或 \(year) 年内"
                sink.add(
                    Finding(
                        rule: Rules.proseDate,
                        message: "“\(c.words.first ?? "")”：\(year) 年\(sink.disclosure.documentKind)的报告时点应为 \(should)",
                        line: c.line))
            }
        }
    }
}
