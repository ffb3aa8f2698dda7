/// Performance sheets: their funding, their projects, their indicators.
enum PerformanceChecks {
    static func run(_ sink: inout FindingSink) {
        let d = sink.disclosure
        var matchedProjects = Set<Int>()
        // The project a sheet speaks of: the most similar name, when similar enough and unique.
        let projectNames = NameMatch.Candidates(d.projects.map(\.name))
        for sheet in d.performanceSheets {
            funding(sheet, &sink)
            indicators(sheet, &sink)
            guard sheet.kind == .project, let name = sheet.project else { continue }
            guard let index = projectNames.best(name) else {
                if !d.projects.isEmpty {
                    sink.add(
                        Finding(
                            rule: Rules.sheetMissing, message: "绩效目标表“\(name)”在项目支出表和情况说明中找不到对应项目", row: name,
                            line: sheet.lines.first))
                }
                continue
            }
            matchedProjects.insert(index)
            let project = d.projects[index]
            guard let total = sheet.fundingTotal else { continue }
            if let amount = project.amount {
                sink.compare(
                    Rules.sheetProject, expected: amount, actual: total, table: d.table(.gpbProjectExpense),
                    row: project.name,
                    line: sheet.lines.first,
                    message: "绩效目标表“\(name)”资金 \(total) 万元，项目支出表“\(project.name)”为 \(amount) 万元")
            }
            if let scale = project.statedScale {
                sink.compare(
                    Rules.sheetProject, expected: scale, actual: total, row: project.name, line: sheet.lines.first,
                    message: "绩效目标表“\(name)”资金 \(total) 万元，情况说明的预算安排规模为 \(scale) 万元")
            }
        }
        let sheets = d.performanceSheets.filter { $0.kind == .project }
        if !sheets.isEmpty {
            for (i, p) in d.projects.enumerated() where !matchedProjects.contains(i) && p.amount != nil {
                sink.add(
                    Finding(
                        rule: Rules.sheetMissing, message: "项目“\(p.name)”没有绩效目标表", row: p.name,
                        line: p.tableLines?.first))
            }
        }
    }

    static func funding(_ sheet: PerformanceSheet, _ sink: inout FindingSink) {
        guard let totalLine = sheet.fundingLines.first(where: { $0.label.contains("总额") || $0.label.contains("合计") }),
            let total = totalLine.amount
        else { return }
        let parts = sheet.fundingLines.filter { $0.label != totalLine.label }.compactMap(\.amount)
        guard !parts.isEmpty else { return }
        let sum = Tolerance.sum(parts)
        sink.compare(
            Rules.sheetFunding, expected: sum, actual: total, terms: parts, row: sheet.project ?? sheet.unit,
            line: sheet.lines.first,
            message: "绩效目标表“\(sheet.project ?? "整体")”资金总额 \(total) 万元，各资金来源之和为 \(sum) 万元")
    }

    static func endsInFigure(_ name: String) -> Bool {
        guard let last = name.unicodeScalars.last else { return false }
        return ("0"..."9").contains(last) || last == "%" || last == "％"
    }

    /// A cell that opens as a 指标值 does ("<=1.67元/人/月预算支出标准", "95%计划标准").
    static func startsAsValue(_ text: String?) -> Bool {
        guard let first = text?.unicodeScalars.first else { return false }
        return ("0"..."9").contains(first) || "<>=≤≥＜＞＝".unicodeScalars.contains(first)
    }

    static func indicators(_ sheet: PerformanceSheet, _ sink: inout FindingSink) {
        let title = sheet.project ?? "整体"
        // A name that ends in a figure ("聘用代办员人数16", "…满意度（%）10"), or a 指标值设置依据
        // that opens with one ("<=1.67元/人/月预算支出标准"), holds the value its cell lost to the
        // reading: not a sheet without one.
        for i in sheet.indicators
        where (i.value ?? "").isEmpty && !endsInFigure(i.name) && !startsAsValue(i.basis) {
            sink.add(
                Finding(
                    rule: Rules.indicatorValue, message: "绩效目标表“\(title)”的指标“\(i.name)”没有指标值", row: title,
                    line: i.lines.first))
        }
        // 指标值 that are bare small integers adding up to about 100 are the weights, misplaced.
        let values = sheet.indicators.compactMap(\.value)
        let integers = values.compactMap { v -> Int? in v.allSatisfy(\.isNumber) ? Int(v) : nil }
        if sheet.indicators.allSatisfy({ $0.weight == nil }), values.count >= 4, integers.count == values.count,
            integers.allSatisfy({ $0 <= 30 }), (80...110).contains(integers.reduce(0, +))
        {
            sink.add(
                Finding(
                    rule: Rules.indicatorValue,
                    message: "绩效目标表“\(title)”的指标值全是小整数、合计 \(integers.reduce(0, +))，像是分值权重而不是指标值", row: title,
                    line: sheet.indicators.first?.lines.first))
        }
        let repeated = sheet.indicators.filter { $0.nameRepeats > 1 }
        if !repeated.isEmpty {
            sink.add(
                Finding(
                    rule: Rules.repeatedCell,
                    message: "绩效目标表“\(title)”有 \(repeated.count) 个指标名称把同一短语重复印了多遍（如“\(repeated[0].name)”）", row: title,
                    line: repeated[0].lines.first))
        }
    }
}

/// Numbers a sheet's goal (or its project's prose) states against its indicators, goals
/// copied between sheets, and the prose's count of performance-managed projects.
enum GoalChecks {
    static func run(_ sink: inout FindingSink) {
        let d = sink.disclosure
        var goals: [String: String] = [:]
        for sheet in d.performanceSheets {
            let title = sheet.project ?? "整体"
            if let goal = sheet.goal, goal.count(plain: goal.isPlainScalars) >= 30 {
                let key = NameMatch.key(goal)
                if let other = goals[key] {
                    sink.add(
                        Finding(
                            rule: Rules.sheetGoalCopied, message: "绩效目标表“\(title)”的总体目标与“\(other)”一字不差", row: title,
                            line: sheet.lines.first))
                } else {
                    goals[key] = title
                }
            }
            guard let goal = sheet.goal else { continue }
            for (keyword, stated) in quantities(goal) {
                guard let indicator = bestIndicator(keyword, sheet.indicators), let value = indicator.value,
                    let number = NumberScanner.scan(value).first
                else { continue }
                let unit = stated.unit.hasPrefix("万") ? "万人" : String(stated.unit.prefix(1))
                // Counts compared in persons: "1.89 万人" is 18,900.
                func persons(_ m: NumberScanner.Match) -> Int64 {
                    m.amount.hundredths * (m.unit.hasPrefix("万") ? 10_000 : 1)
                }
                if persons(number) == persons(stated) { continue }
                let sameDigits = number.amount.hundredths == stated.amount.hundredths
                if !sameDigits, number.unit.hasPrefix("万") != stated.unit.hasPrefix("万") { continue }
                // The same digits with 万 on one side only: a count off by ten thousand times.
                let why = sameDigits ? "，单位相差一万倍" : ""
                sink.add(
                    Finding(
                        rule: Rules.sheetGoalNumber,
                        message:
                            "绩效目标表“\(title)”总体目标写“\(keyword) \(stated.text) \(unit)”，指标“\(indicator.name)”为 \(value)\(why)",
                        row: title, expected: stated.amount, actual: number.amount, line: indicator.lines.first))
            }
        }
        projectCount(&sink)
    }

    /// "聘用 38 名", "工伤保险参保 10.87 万人": the clause before a count of people, and the count.
    static func quantities(_ text: String) -> [(String, NumberScanner.Match)] {
        var out: [(String, NumberScanner.Match)] = []
        // The Characters only for a goal that counts people: most count none.
        lazy var chars = Array(text)
        for m in NumberScanner.scan(text) where ["名", "人", "万人"].contains(where: { m.unit.hasPrefix($0) }) {
            var start = m.start
            while start > 0, !isClauseOpening(chars[start - 1].loneScalar), m.start - start < 16 { start -= 1 }
            var keyword = CJK.compact(String(chars[start..<m.start]))
            for verb in ["完成全年", "完成", "实现", "计划", "全州", "全市", "全县"] where keyword.hasPrefix(verb) {
                keyword.removeFirst(verb.count)
            }
            for tail in ["达到", "达"] where keyword.hasSuffix(tail) { keyword.removeLast(tail.count) }
            guard keyword.count >= 2, keyword.unicodeScalars.allSatisfy({ CJK.isHan($0) }) else { continue }
            out.append((keyword, m))
        }
        return out
    }

    /// One of ，。；、：:,;（( as a Character's lone scalar: none is equal to any other scalar or
    /// sequence but ";", which U+037E equals.
    static func isClauseOpening(_ scalar: UInt32?) -> Bool {
        switch scalar {
        case 0xFF0C, 0x3002, 0xFF1B, 0x3001, 0xFF1A, 0x3A, 0x2C, 0x3B, 0x37E, 0xFF08, 0x28: return true
        default: return false
        }
    }

    /// The indicator naming the same quantity: the longest run of characters in common, at
    /// least six (or the whole keyword when shorter), and no other indicator as close.
    static func bestIndicator(_ keyword: String, _ indicators: [Indicator]) -> Indicator? {
        let k = CharacterLine(keyword)
        func run(_ name: String) -> Int {
            let n = CharacterLine(CJK.compact(name))
            var best = 0
            for i in 0..<k.count {
                for j in 0..<n.count {
                    var l = 0
                    while i + l < k.count, j + l < n.count, CharacterLine.equal(k, i + l, n, j + l) {
                        l += 1
                    }
                    best = max(best, l)
                }
            }
            return best
        }
        let scored = indicators.map { ($0, run($0.name)) }
        guard let top = scored.max(by: { $0.1 < $1.1 }), top.1 >= min(6, k.count) else { return nil }
        return scored.filter { $0.1 == top.1 }.count == 1 ? top.0 : nil
    }

    /// "财政拨款项目 3 个，涉及预算金额 16.4 万元" against the 项目支出 table.
    static func projectCount(_ sink: inout FindingSink) {
        let d = sink.disclosure
        guard let table = d.table(.gpbProjectExpense) else { return }
        let projects = table.rows.filter { $0.project != nil }
        for (index, f) in d.facts.enumerated() where f.topic == .performance && f.unit == "个" {
            let subject = CJK.compact(f.subject)
            guard subject.hasSuffix("财政拨款项目"), !subject.contains("非财政"), let count = f.amount else { continue }
            let stated = Int(count.hundredths / 100)
            if !projects.isEmpty, stated != projects.count {
                sink.add(
                    Finding(
                        rule: Rules.performanceCount,
                        message: "情况说明称财政拨款项目 \(stated) 个，\(table.number ?? "")项目支出表列有 \(projects.count) 个项目",
                        table: table, expected: Amount(hundredths: Int64(projects.count) * 100, decimals: 0),
                        actual: count, line: f.line))
            }
            // The amount stated right after the count, in the same sentence.
            let next = d.facts.dropFirst(index + 1).first
            if let money = next, money.sentence == f.sentence, money.unit == "万元",
                let amount = money.amount, let total = table.totalRow?.value(0)
            {
                sink.compare(
                    Rules.performanceCount, expected: total, actual: amount, table: table, row: "合计",
                    column: table.columns.first, line: f.line,
                    message: "情况说明称绩效管理的财政拨款项目涉及 \(amount) 万元，\(table.number ?? "")项目支出合计为 \(total)")
            }
        }
    }
}
