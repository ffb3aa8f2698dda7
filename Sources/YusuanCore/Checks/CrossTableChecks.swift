/// Tables of one document that state the same money must agree. Tables of different scope
/// (all funds vs this year's 一般公共预算) are compared only through 收入总体's funding columns.
enum CrossTableChecks {
    /// A summary's expense for the year: its 本年支出合计 where it prints one above the carry-overs
    /// (a 决算's 年末结转和结余 is in its 总计), else its 总计.
    static func yearExpense(_ summary: Table) -> Row? {
        summary.rows.first { $0.side == .expense && $0.isYearTotal } ?? summary.totalRow
    }

    static func run(_ sink: inout FindingSink) {
        let d = sink.disclosure
        let std = StandardTables(d)

        // One total for all funds: the year's expense (本年支出合计 where the summary prints one
        // above its carry-overs, else its 总计).
        let iesRow = std.summary.flatMap(Self.yearExpense)
        let final = d.documentKind == "决算"
        if let e = std.expense, let total = e.totalRow?.value(0) {
            if let r = iesRow, let t = r.value(0) {
                let what = r.isYearTotal ? r.name : "支出总计"
                sink.compare(
                    Rules.totalsAgree, expected: t, actual: total, table: e, row: "合计", column: e.columns.first,
                    line: e.totalRow?.lines.first,
                    message: "\(e.number ?? "")支出总体合计 \(total) 与\(std.summary?.number ?? "")收支总体\(what) \(t) 不一致")
            }
            // A 决算's income and expense differ by what is left over: only a 预算 balances them.
            if !final, let i = std.income, let it = i.totalRow?.value(0) {
                sink.compare(
                    Rules.totalsAgree, expected: total, actual: it, table: i, row: "合计", column: i.columns.first,
                    line: i.totalRow?.lines.first,
                    message: "\(i.number ?? "")收入总体合计 \(it) 与\(e.number ?? "")支出总体合计 \(total) 不一致")
            }
        } else if std.expense == nil {
            sink.cannot("支出总体情况表未印出，收支总数无法与之核对")
        }

        // 收支总体's 类 lines = 支出总体's 类 rows.
        // (Only where 支出总体 prints 类 rows: some templates print it as one line of totals.)
        if let s = std.summary, let e = std.expense, !e.codedRows.isEmpty {
            let expenseRows = e.codeRows
            for row in s.rows where row.side == .expense && row.code != nil {
                guard let code = row.code else { continue }
                let other = expenseRows[code]?.value(0)
                guard row.value(0) != nil || other != nil else { continue }
                sink.compare(
                    Rules.codeAgrees, expected: other, actual: row.value(0) ?? Amount(hundredths: 0), table: s,
                    code: code,
                    column: s.columns.first, line: row.lines.first,
                    message:
                        "\(s.number ?? "")收支总体 \(code) \(row.name) 为 \(row.value(0)?.description ?? "空")，\(e.number ?? "")支出总体为 \(other?.description ?? "空")"
                )
            }
        }

        // 收入总体 and 支出总体 cover the same money, code by code (in a 预算).
        if !final, let i = std.income, let e = std.expense {
            let incomeRows = i.codeRows
            for row in e.codedRows {
                guard let code = row.code, let ir = incomeRows[code] else {
                    if let code = row.code, row.value(0) != nil {
                        sink.add(
                            Finding(
                                rule: Rules.codeAgrees,
                                message: "\(e.number ?? "")支出总体有 \(code) \(row.name)，\(i.number ?? "")收入总体没有此科目",
                                table: i, code: code, line: row.lines.first))
                    }
                    continue
                }
                sink.compare(
                    Rules.codeAgrees, expected: row.value(0), actual: ir.value(0), table: i, code: code,
                    column: i.columns.first,
                    line: ir.lines.first,
                    message:
                        "\(i.number ?? "")收入总体 \(code) 总计 \(ir.value(0)?.description ?? "空")，\(e.number ?? "")支出总体合计 \(row.value(0)?.description ?? "空")"
                )
            }
        }

        // Appropriations: 财政拨款收支总体 against 一般公共预算支出.
        if let f = std.fiscal, let g = std.gpb {
            let column = f.columnEnding(["一般公共预算"]) ?? f.columnEnding(["一般公共预算财政拨款"]) ?? 0
            let year = Self.yearExpense(f)
            if let ft = year?.value(column) ?? year?.value(0), let gt = g.totalRow?.value(0),
                year?.certain(column) ?? true
            {
                sink.compare(
                    Rules.totalsAgree, expected: gt, actual: ft, table: f,
                    row: year?.isYearTotal == true ? year?.name : "支出总计",
                    column: f.columns[column],
                    line: year?.lines.first,
                    message: "\(f.number ?? "")财政拨款支出（一般公共预算）\(ft) 与\(g.number ?? "")一般公共预算支出合计 \(gt) 不一致")
            }
            let gpbRows = g.codeRows
            for row in f.rows where row.side == .expense && row.code != nil && row.certain(column) {
                guard let code = row.code else { continue }
                let other = gpbRows[code]?.value(0)
                guard row.value(column) != nil || other != nil else { continue }
                sink.compare(
                    Rules.codeAgrees, expected: other, actual: row.value(column), table: f, code: code,
                    column: f.columns[column],
                    line: row.lines.first,
                    message:
                        "\(f.number ?? "")财政拨款收支总体 \(code) \(row.name) 为 \(row.value(column)?.description ?? "空")，\(g.number ?? "")一般公共预算支出为 \(other?.description ?? "空")"
                )
            }
        }

        // 一般公共预算支出 against 基本支出 and 项目支出 tables.
        if let g = std.gpb {
            let basicColumn = g.columnEnding(["基本支出"])
            let projectColumn = g.columnEnding(["项目支出"])
            if let b = std.basic, let c = basicColumn, let gb = g.totalRow?.value(c), g.totalRow?.certain(c) ?? false {
                // A table printing only its halves' totals (人员经费合计, 公用经费合计) totals their sum.
                let halves = b.rows.filter { $0.isSubtotal && $0.code == nil }
                let (actual, name): (Amount?, String) =
                    b.totalRow != nil || halves.count < 2
                    ? (b.totalRow?.value(0), "合计")
                    : (
                        halves.allSatisfy { $0.value(0) != nil }
                            ? Tolerance.sum(halves.compactMap { $0.value(0) }) : nil,
                        halves.map(\.name).joined(separator: "与")
                    )
                sink.compare(
                    Rules.basicTotal, expected: gb, actual: actual, table: b, row: name,
                    column: b.columns.first,
                    line: (b.totalRow ?? halves.last)?.lines.first,
                    message:
                        "\(b.number ?? "")基本支出\(name == "合计" ? "合计" : "（\(name)）") \(actual?.description ?? "空")，\(g.number ?? "")一般公共预算支出的基本支出为 \(gb)"
                )
            } else if std.basic == nil, g.totalRow?.value(basicColumn ?? 1) != nil {
                sink.cannot("一般公共预算基本支出情况表未印出，基本支出无法核对", table: g)
            }
            if let p = std.project, let c = projectColumn {
                if let gp = g.totalRow?.value(c), g.totalRow?.certain(c) ?? false {
                    sink.compare(
                        Rules.projectTotal, expected: gp, actual: p.totalRow?.value(0), table: p, row: "合计",
                        column: p.columns.first,
                        line: p.totalRow?.lines.first,
                        message:
                            "\(p.number ?? "")项目支出合计 \(p.totalRow?.value(0)?.description ?? "空")，\(g.number ?? "")一般公共预算支出的项目支出为 \(gp)"
                    )
                }
                // Each table's rows by code once, not a scan of the project table per code.
                let projectRows = p.codeRows
                let projectsByCode = Dictionary(grouping: p.rows.filter { $0.code != nil && $0.project != nil }) {
                    $0.code ?? ""
                }
                var firstLineByCode: [String: Int] = [:]
                for r in p.rows {
                    if let code = r.code, firstLineByCode[code] == nil { firstLineByCode[code] = r.lines.first }
                }
                for row in g.codedRows where row.code?.count == 7 && row.certain(c) {
                    guard let code = row.code else { continue }
                    let projects = (projectsByCode[code] ?? []).compactMap { $0.value(0) }
                    let listed = projectRows[code]?.value(0) ?? (projects.isEmpty ? nil : Tolerance.sum(projects))
                    guard row.value(c) != nil || listed != nil else { continue }
                    sink.compare(
                        Rules.projectTotal, expected: row.value(c), actual: listed, terms: projects, table: p,
                        code: code,
                        column: p.columns.first, line: firstLineByCode[code] ?? p.lines.first,
                        message:
                            "\(code) \(row.name)：\(g.number ?? "")一般公共预算支出的项目支出为 \(row.value(c)?.description ?? "空")，\(p.number ?? "")项目支出表为 \(listed?.description ?? "空")"
                    )
                }
            } else if std.project == nil, let c = projectColumn, let v = g.totalRow?.value(c), v.hundredths != 0 {
                sink.cannot("一般公共预算项目支出情况表未印出，项目支出 \(v) 无法核对", table: g)
            }
        }

        // 收入总体's current-year 一般公共预算 columns = 一般公共预算支出, per code.
        if let i = std.income, let g = std.gpb {
            let columns = i.columns.indices.filter { c in
                let last = i.columns[c].split(separator: "/").last.map(String.init) ?? ""
                return last == "一般公共预算" || last == "一般公共预算拨款" || last.hasPrefix("上级一般公共预算")
            }
            if i.codedRows.isEmpty {
                // An income table by source (一般公共预算资金 / 政府性基金 … as lines) has no 科目 to
                // reconcile one by one: nothing to say.
            } else if columns.isEmpty {
                sink.cannot("收入总体情况表没有一般公共预算列，无法与一般公共预算支出核对", table: i)
            } else {
                let incomeRows = i.codeRows
                for row in g.codedRows {
                    guard let code = row.code, let ir = incomeRows[code], columns.allSatisfy({ ir.certain($0) }) else {
                        continue
                    }
                    let parts = columns.compactMap { ir.value($0) }
                    let sum = Tolerance.sum(parts)
                    sink.compare(
                        Rules.reconcile, expected: row.value(0), actual: sum, terms: parts, table: i, code: code,
                        column: columns.map { i.columns[$0] }.joined(separator: "+"), line: ir.lines.first,
                        message:
                            "\(code) \(row.name)：\(i.number ?? "")收入总体的一般公共预算为 \(sum)，\(g.number ?? "")一般公共预算支出为 \(row.value(0)?.description ?? "空")"
                    )
                }
            }
        }
    }
}
