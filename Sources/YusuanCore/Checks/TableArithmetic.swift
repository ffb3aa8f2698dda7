/// Sums inside one table: rows against their parts, trees against their children.
enum TableArithmetic {
    static func run(_ sink: inout FindingSink) {
        for t in sink.disclosure.tables {
            rows(t, &sink)
            if t.kind.isFunctional || t.kind.isEconomic { tree(t, &sink) }
            if t.kind.isTwoSided { summary(t, &sink) }
            if t.kind == .threePublic { threePublic(t, &sink) }
            let inferred = t.rows.reduce(0) { $0 + $1.inferred.filter { $0 }.count }
            if inferred > 0 {
                sink.add(
                    Finding(
                        rule: Rules.inferredCells, message: "\(inferred) 个单元格的列未在文本中标明，已按表内算术关系推定，不作为核对依据", table: t,
                        line: t.lines.first))
            }
        }
    }

    /// Cells placed by inference prove nothing: a check that needs one is skipped.
    static func certain(_ row: Row, _ columns: [Int]) -> Bool { columns.allSatisfy(row.certain) }

    static func rows(_ t: Table, _ sink: inout FindingSink) {
        guard !t.kind.isTwoSided else { return }
        // A table of a kind not known here (or a list of purchases) sums across only under a
        // first column that says it is a total.
        if [.unknown, .procurement, .operatingExpense].contains(t.kind),
            !ColumnLayout.isTotalLabel(t.columns.first ?? "")
        {
            return
        }
        let relations = ColumnLayout.relations(t.columns)
        for row in t.rows where row.values.contains(where: { $0 != nil }) {
            for (sum, parts) in relations where certain(row, [sum] + parts) {
                let values = parts.compactMap { row.value($0) }
                guard row.value(sum) != nil || !values.isEmpty else { continue }
                let expected = Tolerance.sum(values)
                sink.compare(
                    Rules.rowSum, expected: expected, actual: row.value(sum), terms: values, table: t, code: row.code,
                    row: row.code == nil ? row.name : nil, column: t.columns[sum], line: row.lines.first,
                    message:
                        "\(t.number ?? "") \(label(row))“\(t.columns[sum])”为 \(row.value(sum)?.description ?? "空")，各分项之和为 \(expected)"
                )
            }
        }
    }

    static func label(_ row: Row) -> String {
        row.code.map { "\($0) \(row.name)" } ?? row.name
    }

    /// 类 = Σ 款, 款 = Σ 项, total = Σ 类 (项目支出: 项 = Σ projects), column by column.
    static func tree(_ t: Table, _ sink: inout FindingSink) {
        let coded = t.rows.filter { $0.code != nil && $0.project == nil }
        let projects = t.rows.filter { $0.project != nil }
        // Rows under each code (two digits longer), projects by their code and by their 款, in
        // printed order, gathered once: a scan of every row for each row made 10,000 rows take minutes.
        var children: [String: [Row]] = [:], projectsOf: [String: [Row]] = [:], projectsUnder: [String: [Row]] = [:]
        for row in coded {
            if let c = row.code, c.count >= 2 { children[String(c.dropLast(2)), default: []].append(row) }
        }
        for row in projects {
            guard let c = row.code else { continue }
            projectsOf[c, default: []].append(row)
            if c.count == 7 { projectsUnder[String(c.prefix(5)), default: []].append(row) }
        }
        for parent in coded {
            guard let code = parent.code else { continue }
            var kids = children[code] ?? []
            var rule = Rules.treeSum
            if kids.isEmpty, t.kind == .gpbProjectExpense {
                kids = projectsOf[code] ?? []
                rule = Rules.projectSum
            }
            guard !kids.isEmpty else { continue }
            compareColumns(
                rule, parent: parent, kids: kids, table: t, sink: &sink,
                what: code.count == 3 ? "各款" : (rule == Rules.projectSum ? "各项目" : "各项"))
        }
        // Projects printed directly under a 款 (no 项 rows in between).
        if t.kind == .gpbProjectExpense {
            for parent in coded where parent.code?.count == 5 {
                let items = children[parent.code!] ?? []
                let direct = projectsUnder[parent.code!] ?? []
                if items.isEmpty, !direct.isEmpty {
                    compareColumns(Rules.projectSum, parent: parent, kids: direct, table: t, sink: &sink, what: "各项目")
                }
            }
        }
        guard let total = t.totalRow else { return }
        // 类 rows missing from the print (Akto 表6): their 款 rows stand in for them.
        let classes = coded.filter { $0.code?.count == 3 }
        let printedClasses = Set(classes.compactMap(\.code))
        let orphans = coded.filter { row in
            guard let c = row.code, c.count == 5 else { return false }
            return !printedClasses.contains(String(c.prefix(3)))
        }
        if !classes.isEmpty || !orphans.isEmpty {
            compareColumns(Rules.treeSum, parent: total, kids: classes + orphans, table: t, sink: &sink, what: "各类")
        }
        var firstOrphan: [String: Row] = [:]
        for row in orphans {
            if let c = row.code, firstOrphan[String(c.prefix(3))] == nil { firstOrphan[String(c.prefix(3))] = row }
        }
        for (missing, row) in firstOrphan.sorted(by: { $0.key < $1.key }) {
            sink.add(
                Finding(
                    rule: Rules.missingClassRow, message: "\(t.number ?? "")没有印出类级科目 \(missing) 的行，只印了其下各款", table: t,
                    code: missing,
                    line: row.lines.first))
        }
        if t.kind == .gpbProjectExpense, !projects.isEmpty {
            compareColumns(Rules.projectSum, parent: total, kids: projects, table: t, sink: &sink, what: "各项目")
        }
    }

    static func compareColumns(
        _ rule: Rule, parent: Row, kids: [Row], table t: Table, sink: inout FindingSink, what: String
    ) {
        for c in t.columns.indices {
            guard certain(parent, [c]), kids.allSatisfy({ certain($0, [c]) }) else { continue }
            let values = kids.compactMap { $0.value(c) }
            guard parent.value(c) != nil || !values.isEmpty else { continue }
            let expected = Tolerance.sum(values)
            sink.compare(
                rule, expected: expected, actual: parent.value(c), terms: values, table: t, code: parent.code,
                row: parent.code == nil ? parent.name : nil, column: t.columns[c], line: parent.lines.first,
                message:
                    "\(t.number ?? "") \(label(parent))“\(t.columns[c])”为 \(parent.value(c)?.description ?? "空")，\(what)之和为 \(expected)"
            )
        }
    }

    /// Two-sided summaries: income total = expense total; each side's total = its lines.
    static func summary(_ t: Table, _ sink: inout FindingSink) {
        let income = t.rows.filter { $0.side == .income }
        let expense = t.rows.filter { $0.side == .expense }
        let inTotal = income.last { $0.isTotal }
        let exTotal = expense.last { $0.isTotal }
        if let i = inTotal?.value(0), let e = exTotal?.value(0) {
            sink.compare(
                Rules.summaryBalance, expected: i, actual: e, table: t, row: "支出总计", column: t.columns.first,
                line: exTotal?.lines.first, message: "\(t.number ?? "")收入总计 \(i) 与支出总计 \(e) 不等")
        }
        let classes = expense.filter { $0.code != nil }
        let classValues = classes.compactMap { $0.value(0) }
        if let e = exTotal?.value(0), !classValues.isEmpty {
            let sum = Tolerance.sum(classValues)
            sink.compare(
                Rules.summaryColumn, expected: sum, actual: e, terms: classValues, table: t, row: "支出总计",
                column: t.columns.first,
                line: exTotal?.lines.first, message: "\(t.number ?? "")支出总计 \(e)，各类支出之和为 \(sum)")
        }
        incomeSide(t, income, inTotal, &sink)
        // Per 类, the 合计 column of 财政拨款收支总体 equals its source columns.
        if t.kind == .fiscalSummary {
            for row in classes + [exTotal].compactMap({ $0 }) where t.columns.count > 1 {
                let parts = (1..<t.columns.count).compactMap { row.value($0) }
                guard row.value(0) != nil || !parts.isEmpty, certain(row, Array(t.columns.indices)) else { continue }
                let sum = Tolerance.sum(parts)
                sink.compare(
                    Rules.rowSum, expected: sum, actual: row.value(0), terms: parts, table: t, code: row.code,
                    row: row.code == nil ? row.name : nil, column: t.columns[0], line: row.lines.first,
                    message: "\(t.number ?? "") \(label(row))合计 \(row.value(0)?.description ?? "空")，各资金来源之和为 \(sum)")
            }
        }
    }

    /// The income side's outline: "一、本年收入" = its "1." … lines, "1.一般公共预算拨款" = its
    /// "其中：" lines, 收入总计 = the "一、" lines. 财政拨款收支总体's 财政拨款 = its three budgets.
    static func incomeSide(_ t: Table, _ income: [Row], _ total: Row?, _ sink: inout FindingSink) {
        func level(_ name: String) -> Int {
            let c = CJK.compact(name)
            if let f = c.first, "一二三四五".contains(f), c.dropFirst().first == "、" { return 1 }
            if let f = c.first, f.isNumber, c.dropFirst().first == "." || c.dropFirst().first == "、" { return 2 }
            return 3
        }
        let items = income.filter { !$0.isTotal && !$0.isSubtotal }
        // 财政拨款收支总体's first line sums the budgets below it, unless it is numbered as their
        // sibling ("一、一般公共预算" beside "二、政府性基金预算").
        let firstSums =
            t.kind == .fiscalSummary
            && !(level(items.first?.name ?? "") == 1 && items.dropFirst().contains { level($0.name) == 1 })
        var groups: [(Row, [Row])] = []
        for (i, row) in items.enumerated() where level(row.name) < 3 || (firstSums && i == 0) {
            let own = firstSums && i == 0 ? 0 : level(row.name)
            var kids: [Row] = []
            for next in items[(i + 1)...] {
                let l = level(next.name)
                if own == 0 { if CJK.compact(next.name).hasSuffix("预算") { kids.append(next); continue } else { break } }
                if l <= own { break }
                if l == own + 1 || (own == 2 && l == 3) { kids.append(next) }
            }
            if !kids.isEmpty { groups.append((row, kids)) }
        }
        for (parent, kids) in groups {
            let values = kids.compactMap { $0.value(0) }
            guard parent.value(0) != nil || !values.isEmpty else { continue }
            let sum = Tolerance.sum(values)
            sink.compare(
                Rules.summaryColumn, expected: sum, actual: parent.value(0), terms: values, table: t, row: parent.name,
                column: t.columns.first, line: parent.lines.first,
                message: "\(t.number ?? "")收入项“\(parent.name)”为 \(parent.value(0)?.description ?? "空")，其下各项之和为 \(sum)")
        }
        let tops = items.filter { level($0.name) == 1 }
        // Only an outline numbered all the way down (一、 › 1. › 其中) says what the total is made of.
        let numbered = items.contains { level($0.name) == 2 }
        if let total, !tops.isEmpty, numbered {
            let values = tops.compactMap { $0.value(0) }
            let sum = Tolerance.sum(values)
            sink.compare(
                Rules.summaryColumn, expected: sum, actual: total.value(0), terms: values, table: t, row: total.name,
                column: t.columns.first, line: total.lines.first,
                message: "\(t.number ?? "")收入总计 \(total.value(0)?.description ?? "空")，各收入大项之和为 \(sum)")
        }
    }

    /// 三公: total = 因公出国 + 公务接待 + 公务用车购置及运行; 公务用车购置及运行 = 购置 + 运行.
    static func threePublic(_ t: Table, _ sink: inout FindingSink) {
        func find(_ test: (String) -> Bool) -> Row? { t.rows.first { test(CJK.compact($0.name)) && !$0.isTotal } }
        let abroad = find { $0.contains("因公出国") }
        let reception = find { $0.contains("公务接待") }
        let vehicles = find { $0.contains("购置及运行") || $0.contains("购置和运行") }
        let purchase = find { $0.contains("购置") && !$0.contains("运行") }
        let running = find { $0.contains("运行") && !$0.contains("购置") }
        guard let total = t.totalRow else { return }
        // A table that prints 会议费 and 培训费 beside the 三公 items totals them all: its 合计 is
        // the sum of the items that are no subtotal (购置 and 运行 in place of their sum).
        let others = [find { $0.contains("会议费") }, find { $0.contains("培训费") }].compactMap { $0 }
        if !others.isEmpty {
            let leaves = t.rows.filter { r in
                !r.isTotal && !r.isSubtotal && !(r.name == vehicles?.name && (purchase != nil || running != nil))
            }
            for c in t.columns.indices {
                let parts = leaves.compactMap { $0.value(c) }
                guard total.value(c) != nil || !parts.isEmpty else { continue }
                let sum = Tolerance.sum(parts)
                sink.compare(
                    Rules.itemSum, expected: sum, actual: total.value(c), terms: parts, table: t, row: total.name,
                    column: t.columns[c], line: total.lines.first,
                    message: "\(t.number ?? "")“三公”经费、会议费、培训费合计 \(total.value(c)?.description ?? "空")，各项之和为 \(sum)")
            }
            return
        }
        for c in t.columns.indices {
            let parts = [abroad, reception, vehicles].compactMap { $0?.value(c) }
            if vehicles != nil || abroad != nil {
                let sum = Tolerance.sum(parts)
                if total.value(c) != nil || !parts.isEmpty {
                    sink.compare(
                        Rules.itemSum, expected: sum, actual: total.value(c), terms: parts, table: t, row: total.name,
                        column: t.columns[c], line: total.lines.first,
                        message: "\(t.number ?? "")“三公”经费合计 \(total.value(c)?.description ?? "空")，各项之和为 \(sum)")
                }
            }
            if let v = vehicles {
                let sub = [purchase, running].compactMap { $0?.value(c) }
                guard v.value(c) != nil || !sub.isEmpty else { continue }
                let sum = Tolerance.sum(sub)
                sink.compare(
                    Rules.itemSum, expected: sum, actual: v.value(c), terms: sub, table: t, row: v.name,
                    column: t.columns[c],
                    line: v.lines.first,
                    message: "\(t.number ?? "")\(v.name) \(v.value(c)?.description ?? "空")，购置费与运行费之和为 \(sum)")
            }
        }
    }
}
