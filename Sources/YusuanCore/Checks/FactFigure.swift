/// The table figure a prose number speaks of: the same rule for "does the prose match its
/// tables" and "does last year's figure the prose implies match last year's document".
struct FactFigure {
    var table: Table
    /// nil when the table has no such figure.
    var value: Amount?
    var what: String
    var column: String?
    var code: String?
    /// The named row (a 三公 item), for locating the finding.
    var row: String?
    /// Where the figure is a sum of lines the table prints ("301、303之和"), what it sums.
    var sumOf: String? = nil

    /// Which table a sentence speaks of: its own words, or its section's title. `nil` for topics
    /// with no single figure (income lines, shares) or a table the document lacks.
    static func resolve(_ f: NarrativeFact, in std: StandardTables) -> FactFigure? {
        let scope = f.sentence + f.context
        // "…年初预算为 A 万元" in a 决算: the budget column, which ClaimBudgetVsFinal reads.
        if f.subject.contains("年初预算") { return nil }
        let inGpb = scope.contains("一般公共预算") || scope.contains("财政拨款")
        switch f.topic {
        case .totalBudget:
            guard let t = std.summary ?? std.expense else { return nil }
            return FactFigure(table: t, value: t.totalRow?.value(0), what: "收支总预算")
        case .fiscalTotal:
            guard let t = std.fiscal else { return nil }
            return FactFigure(table: t, value: t.totalRow?.value(0), what: "财政拨款收支总预算")
        case .gpbTotal:
            guard let t = std.gpb else { return nil }
            return FactFigure(table: t, value: t.totalRow?.value(0), what: "一般公共预算拨款合计")
        case .expenseBasic, .expenseProject:
            let fragment = f.topic == .expenseBasic ? "基本支出" : "项目支出"
            guard let t = (inGpb || f.subject.contains("一般公共预算")) ? std.gpb : std.expense,
                let c = t.columnEnding([fragment]), t.totalRow?.certain(c) ?? false
            else {
                // No 基本支出 column to read: the 财政拨款 基本支出 table's own total is the figure.
                guard f.topic == .expenseBasic, inGpb || f.subject.contains("一般公共预算"), let b = std.basic,
                    let total = b.totalRow, total.certain(0)
                else {
                    return nil
                }
                return FactFigure(table: b, value: total.value(0), what: "基本支出", column: b.columns.first)
            }
            return FactFigure(table: t, value: t.totalRow?.value(c), what: fragment, column: t.columns[c])
        case .personnel, .publicUse:
            let fragment = f.topic == .personnel ? "人员经费" : "公用经费"
            guard let t = std.basic else { return nil }
            guard let c = t.columnEnding([fragment]) else { return economicSplit(personnel: f.topic == .personnel, t) }
            return FactFigure(table: t, value: t.totalRow?.value(c), what: fragment, column: t.columns[c])
        case .classification:
            // A 支出总体 printed as one line of totals has no 类 rows to hold the figure.
            // Nor then does it hold the 类 the prose names in speaking of all funds: 收支总体 does.
            let expense =
                std.expense.flatMap { $0.codedRows.isEmpty ? nil : $0 }
                ?? std.summary.flatMap { s in s.rows.contains { $0.code != nil } ? s : nil }
            guard let code = f.code, let t = inGpb ? (std.gpb ?? expense) : (expense ?? std.gpb) else { return nil }
            return FactFigure(table: t, value: t.codeRow(code)?.value(0), what: "\(code) \(f.subject)", code: code)
        case .threePublic:
            guard let t = std.threePublic, let line = ClaimThreePublic.line(f.subject, t) else { return nil }
            return FactFigure(
                table: t, value: line.value, what: f.subject, column: t.columns.first, row: line.row, sumOf: line.sumOf)
        default:
            return nil
        }
    }

    /// A 基本支出 table by economic class, with no 人员经费 or 公用经费 column: by 财政部's
    /// definitions 人员经费 are its 301 工资福利支出 and 303 对个人和家庭的补助, 公用经费 its other
    /// classes. Only where every class line was read for certain.
    static func economicSplit(personnel: Bool, _ t: Table) -> FactFigure? {
        let classes = t.rows.filter { r in r.code.map { $0.count == 3 && $0.hasPrefix("3") } ?? false }
        guard t.uncertain == nil, classes.contains(where: { $0.code == "301" }), classes.allSatisfy({ $0.certain(0) })
        else { return nil }
        let part = classes.filter { ($0.code == "301" || $0.code == "303") == personnel }
        let values = part.compactMap { $0.value(0) }
        guard !values.isEmpty else { return nil }
        let codes = part.compactMap(\.code)
        return FactFigure(
            table: t, value: Tolerance.sum(values), what: personnel ? "人员经费" : "公用经费", column: t.columns.first,
            code: codes.first, sumOf: codes.count == 1 ? codes[0] : "\(codes.joined(separator: "、"))之和")
    }
}
