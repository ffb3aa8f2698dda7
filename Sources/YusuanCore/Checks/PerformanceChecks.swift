/// Performance sheets: their funding, their projects, their indicators.
enum PerformanceChecks {
    static func run(_ sink: inout FindingSink) {
        let d = sink.disclosure
        var matchedProjects = Set<Int>()
        for sheet in d.performanceSheets {
            funding(sheet, &sink)
            indicators(sheet, &sink)
            guard sheet.kind == .project, let name = sheet.project else { continue }
            guard let index = bestProject(name, d.projects) else {
                if !d.projects.isEmpty {
                    sink.add(Finding(rule: Rules.sheetMissing, message: "绩效目标表“\(name)”在项目支出表和情况说明中找不到对应项目", row: name,
                                     line: sheet.lines.first))
                }
                continue
            }
            matchedProjects.insert(index)
            let project = d.projects[index]
            guard let total = sheet.fundingTotal else { continue }
            if let amount = project.amount {
                sink.compare(Rules.sheetProject, expected: amount, actual: total, table: d.table(.gpbProjectExpense), row: project.name,
                             line: sheet.lines.first,
                             message: "绩效目标表“\(name)”资金 \(total) 万元，项目支出表“\(project.name)”为 \(amount) 万元")
            }
            if let scale = project.statedScale {
                sink.compare(Rules.sheetProject, expected: scale, actual: total, row: project.name, line: sheet.lines.first,
                             message: "绩效目标表“\(name)”资金 \(total) 万元，情况说明的预算安排规模为 \(scale) 万元")
            }
        }
        let sheets = d.performanceSheets.filter { $0.kind == .project }
        if !sheets.isEmpty {
            for (i, p) in d.projects.enumerated() where !matchedProjects.contains(i) && p.amount != nil {
                sink.add(Finding(rule: Rules.sheetMissing, message: "项目“\(p.name)”没有绩效目标表", row: p.name, line: p.tableLines?.first))
            }
        }
    }

    /// The project a sheet speaks of: the most similar name, when similar enough and unique.
    static func bestProject(_ name: String, _ projects: [Project]) -> Int? {
        NameMatch.best(name, in: projects.map(\.name))
    }

    static func funding(_ sheet: PerformanceSheet, _ sink: inout FindingSink) {
        guard let totalLine = sheet.fundingLines.first(where: { $0.label.contains("总额") || $0.label.contains("合计") }),
              let total = totalLine.amount else { return }
        let parts = sheet.fundingLines.filter { $0.label != totalLine.label }.compactMap(\.amount)
        guard !parts.isEmpty else { return }
        let sum = Tolerance.sum(parts)
        sink.compare(Rules.sheetFunding, expected: sum, actual: total, terms: parts, row: sheet.project ?? sheet.unit, line: sheet.lines.first,
                     message: "绩效目标表“\(sheet.project ?? "整体")”资金总额 \(total) 万元，各资金来源之和为 \(sum) 万元")
    }

    static func indicators(_ sheet: PerformanceSheet, _ sink: inout FindingSink) {
        let title = sheet.project ?? "整体"
        for i in sheet.indicators where (i.value ?? "").isEmpty {
            sink.add(Finding(rule: Rules.indicatorValue, message: "绩效目标表“\(title)”的指标“\(i.name)”没有指标值", row: title, line: i.lines.first))
        }
        // 指标值 that are bare small integers adding up to about 100 are the weights, misplaced.
        let values = sheet.indicators.compactMap(\.value)
        let integers = values.compactMap { v -> Int? in v.allSatisfy(\.isNumber) ? Int(v) : nil }
        if sheet.indicators.allSatisfy({ $0.weight == nil }), values.count >= 4, integers.count == values.count,
           integers.allSatisfy({ $0 <= 30 }), (80...110).contains(integers.reduce(0, +)) {
            sink.add(Finding(rule: Rules.indicatorValue,
                             message: "绩效目标表“\(title)”的指标值全是小整数、合计 \(integers.reduce(0, +))，像是分值权重而不是指标值", row: title,
                             line: sheet.indicators.first?.lines.first))
        }
        let repeated = sheet.indicators.filter { $0.nameRepeats > 1 }
        if !repeated.isEmpty {
            sink.add(Finding(rule: Rules.repeatedCell,
                             message: "绩效目标表“\(title)”有 \(repeated.count) 个指标名称把同一短语重复印了多遍（如“\(repeated[0].name)”）", row: title,
                             line: repeated[0].lines.first))
        }
    }
}
