/// Sums inside one table: rows against their parts, trees against their children. Each sum is
/// recorded as a `Relation` of cells, so that `Faults` can trace a failure to the cell behind it.
enum TableArithmetic {
    static func run(_ sink: inout FindingSink) {
        for (ti, t) in sink.disclosure.tables.enumerated() {
            rows(ti, &sink)
            if t.kind.isFunctional || t.kind.isEconomic { tree(ti, &sink) }
            if t.kind.isTwoSided { summary(ti, &sink) }
            if t.kind == .threePublic { threePublic(ti, &sink) }
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

    static func rows(_ ti: Int, _ sink: inout FindingSink) {
        let t = sink.disclosure.tables[ti]
        guard !t.kind.isTwoSided else { return }
        // A table of a kind not known here (or a list of purchases) sums across only under a
        // first column that says it is a total.
        if [.unknown, .procurement, .operatingExpense].contains(t.kind),
            !ColumnLayout.isTotalLabel(t.columns.first ?? "")
        {
            return
        }
        let relations = ColumnLayout.relations(t.columns)
        for (ri, row) in t.rows.enumerated() where row.values.contains(where: { $0 != nil }) {
            for (sum, parts) in relations where certain(row, [sum] + parts) {
                sink.relate(
                    Rules.rowSum, total: TableCell(table: ti, row: ri, column: sum),
                    parts: parts.map { TableCell(table: ti, row: ri, column: $0) }
                ) { actual, expected in
                    "\(t.number ?? "") \(label(row))“\(t.columns[sum])”为 \(actual?.description ?? "空")，各分项之和为 \(expected)"
                }
            }
        }
    }

    static func label(_ row: Row) -> String {
        row.code.map { "\($0) \(row.name)" } ?? row.name
    }

    /// 类 = Σ 款, 款 = Σ 项, total = Σ 类 (项目支出: 项 = Σ projects), column by column.
    static func tree(_ ti: Int, _ sink: inout FindingSink) {
        let t = sink.disclosure.tables[ti]
        let coded = t.rows.indices.filter { t.rows[$0].code != nil && t.rows[$0].project == nil }
        let projects = t.rows.indices.filter { t.rows[$0].project != nil }
        // Rows under each code (two digits longer), projects by their code and by their 款, in
        // printed order, gathered once: a scan of every row for each row made 10,000 rows take minutes.
        var children: [String: [Int]] = [:], projectsOf: [String: [Int]] = [:], projectsUnder: [String: [Int]] = [:]
        for i in coded {
            if let c = t.rows[i].code, c.count >= 2 { children[String(c.dropLast(2)), default: []].append(i) }
        }
        for i in projects {
            guard let c = t.rows[i].code else { continue }
            projectsOf[c, default: []].append(i)
            if c.count == 7 { projectsUnder[String(c.prefix(5)), default: []].append(i) }
        }
        for parent in coded {
            guard let code = t.rows[parent].code else { continue }
            var kids = children[code] ?? []
            var rule = Rules.treeSum
            if kids.isEmpty, t.kind == .gpbProjectExpense {
                kids = projectsOf[code] ?? []
                rule = Rules.projectSum
            }
            guard !kids.isEmpty else { continue }
            compareColumns(
                rule, ti, parent: parent, kids: kids, &sink,
                what: code.count == 3 ? "各款" : (rule == Rules.projectSum ? "各项目" : "各项"))
        }
        // Projects printed directly under a 款 (no 项 rows in between).
        if t.kind == .gpbProjectExpense {
            for parent in coded {
                guard let code = t.rows[parent].code, code.count == 5 else { continue }
                let direct = projectsUnder[code] ?? []
                if (children[code] ?? []).isEmpty, !direct.isEmpty {
                    compareColumns(Rules.projectSum, ti, parent: parent, kids: direct, &sink, what: "各项目")
                }
            }
        }
        guard let total = t.totalRowIndex else {
            partTotals(ti, coded: coded, &sink)
            return
        }
        // 类 rows missing from the print (Akto 表6): their 款 rows stand in for them.
        let classes = coded.filter { t.rows[$0].code?.count == 3 }
        let printedClasses = Set(classes.compactMap { t.rows[$0].code })
        let orphans = coded.filter { i in
            guard let c = t.rows[i].code, c.count == 5 else { return false }
            return !printedClasses.contains(String(c.prefix(3)))
        }
        if !classes.isEmpty || !orphans.isEmpty {
            compareColumns(Rules.treeSum, ti, parent: total, kids: classes + orphans, &sink, what: "各类")
        }
        var firstOrphan: [String: Row] = [:]
        for i in orphans {
            if let c = t.rows[i].code, firstOrphan[String(c.prefix(3))] == nil {
                firstOrphan[String(c.prefix(3))] = t.rows[i]
            }
        }
        for (missing, row) in firstOrphan.sorted(by: { $0.key < $1.key }) {
            sink.add(
                Finding(
                    rule: Rules.missingClassRow, message: "\(t.number ?? "")没有印出类级科目 \(missing) 的行，只印了其下各款", table: t,
                    code: missing,
                    line: row.lines.first))
        }
        if t.kind == .gpbProjectExpense, !projects.isEmpty {
            compareColumns(Rules.projectSum, ti, parent: total, kids: projects, &sink, what: "各项目")
        }
    }

    /// A table with no total but totals of its parts (基本支出: 人员经费合计 under 301 and 303,
    /// 公用经费合计 under 302 and 310): each part's total is the sum of the 类 since the one before.
    static func partTotals(_ ti: Int, coded: [Int], _ sink: inout FindingSink) {
        let t = sink.disclosure.tables[ti]
        var from = 0
        for sub in t.rows.indices where t.rows[sub].isSubtotal && t.rows[sub].code == nil {
            let classes = coded.filter { $0 >= from && $0 < sub && t.rows[$0].code?.count == 3 }
            from = sub + 1
            guard !classes.isEmpty else { continue }
            compareColumns(Rules.treeSum, ti, parent: sub, kids: classes, &sink, what: "各类")
        }
    }

    static func compareColumns(
        _ rule: Rule, _ ti: Int, parent: Int, kids: [Int], _ sink: inout FindingSink, what: String
    ) {
        let t = sink.disclosure.tables[ti]
        for c in t.columns.indices {
            guard certain(t.rows[parent], [c]), kids.allSatisfy({ certain(t.rows[$0], [c]) }) else { continue }
            sink.relate(
                rule, total: TableCell(table: ti, row: parent, column: c),
                parts: kids.map { TableCell(table: ti, row: $0, column: c) }
            ) { actual, expected in
                "\(t.number ?? "") \(label(t.rows[parent]))“\(t.columns[c])”为 \(actual?.description ?? "空")，\(what)之和为 \(expected)"
            }
        }
    }

    /// Two-sided summaries: income total = expense total; each side's total = its lines.
    static func summary(_ ti: Int, _ sink: inout FindingSink) {
        let t = sink.disclosure.tables[ti]
        func first(_ row: Int) -> TableCell { TableCell(table: ti, row: row, column: 0) }
        let income = t.rows.indices.filter { t.rows[$0].side == .income }
        let expense = t.rows.indices.filter { t.rows[$0].side == .expense }
        let inTotal = income.last { t.rows[$0].isTotal }
        let exTotal = expense.last { t.rows[$0].isTotal }
        if let inTotal, let exTotal, t.rows[inTotal].value(0) != nil, t.rows[exTotal].value(0) != nil {
            sink.relate(Rules.summaryBalance, total: first(exTotal), parts: [first(inTotal)]) { e, i in
                "\(t.number ?? "")收入总计 \(i) 与支出总计 \(e?.description ?? "空") 不等"
            }
        }
        let classes = expense.filter { t.rows[$0].code != nil }
        // A 决算's 本年支出合计 sums the 类; its 总计 adds 结余分配 and 年末结转和结余 to it.
        if let sub = expense.first(where: { t.rows[$0].isYearTotal }) {
            yearLines(ti, sub: sub, side: expense, what: "各类支出", &sink)
            yearAndCarryOver(ti, sub: sub, total: exTotal, side: expense, &sink)
        } else if let exTotal, t.rows[exTotal].value(0) != nil,
            classes.contains(where: { t.rows[$0].value(0) != nil })
        {
            sink.relate(Rules.summaryColumn, total: first(exTotal), parts: classes.map(first)) { e, sum in
                "\(t.number ?? "")支出总计 \(e?.description ?? "空")，各类支出之和为 \(sum)"
            }
        }
        if let sub = income.first(where: { t.rows[$0].isYearTotal }) {
            yearLines(ti, sub: sub, side: income, what: "各收入项", &sink)
            yearAndCarryOver(ti, sub: sub, total: inTotal, side: income, &sink)
        } else {
            incomeSide(ti, income, inTotal, &sink)
        }
        // Per 类, the 合计 column of 财政拨款收支总体 equals its source columns; so does any other
        // expense line that prints a source (本年支出合计, 年末财政拨款结转和结余).
        if t.kind == .fiscalSummary, t.columns.count > 1 {
            let others = expense.filter { r in
                !classes.contains(r) && r != exTotal && t.rows[r].values.dropFirst().contains { $0 != nil }
            }
            for ri in classes + others + [exTotal].compactMap({ $0 })
            where certain(t.rows[ri], Array(t.columns.indices)) {
                let row = t.rows[ri]
                sink.relate(
                    Rules.rowSum, total: first(ri),
                    parts: (1..<t.columns.count).map { TableCell(table: ti, row: ri, column: $0) }
                ) { total, sum in
                    "\(t.number ?? "") \(label(row))合计 \(total?.description ?? "空")，各资金来源之和为 \(sum)"
                }
            }
        }
    }
}
