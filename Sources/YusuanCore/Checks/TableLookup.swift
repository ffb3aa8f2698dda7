/// Finding the rows and columns that rules compare across tables.
extension Table {
    /// Rows carrying this code, not project rows.
    func codeRow(_ code: String) -> Row? { rows.first { $0.code == code && $0.project == nil && $0.side != .income } }

    /// The first column whose last path component ends with one of the fragments.
    func columnEnding(_ fragments: [String]) -> Int? {
        columns.firstIndex { label in
            let last = label.split(separator: "/").last.map(String.init) ?? label
            return fragments.contains { last.hasSuffix($0) || last == $0 }
        }
    }

    /// Rows by code as `codeRow` finds them, looked up once per code: rules that look up every code
    /// of one table in another cost the product of their rows with `codeRow`.
    var codeRows: [String: Row] {
        var first: [String: Row] = [:]
        for row in rows where row.project == nil && row.side != .income {
            // String's hashing agrees with its `==` (canonical equivalence), as `codeRow` compares.
            if let code = row.code, first[code] == nil { first[code] = row }
        }
        return first
    }

    /// Codes of 类/款/项 rows (no projects, no income items).
    var codedRows: [Row] { rows.filter { $0.code != nil && $0.project == nil && $0.side != .income } }
}

extension Row {
    /// True when the cell is known, not placed by inference. In a row whose amounts were placed
    /// (fewer printed than columns), an empty cell is no more certain than a filled one: the
    /// amount beside it may have stood there.
    func certain(_ column: Int) -> Bool {
        guard inferred.contains(true) else { return true }
        return column < inferred.count && !inferred[column] && value(column) != nil
    }
}

/// The standard tables of a document, by kind, for rules that compare them.
struct StandardTables {
    let summary, income, expense, fiscal, gpb, basic, project, threePublic: Table?

    init(_ d: Disclosure) {
        func table(_ kind: TableKind) -> Table? { d.table(kind)?.primaryFirst() }
        summary = table(.incomeExpenseSummary)
        income = table(.incomeSummary)
        expense = table(.expenseSummary)
        fiscal = table(.fiscalSummary)
        gpb = table(.gpbExpense)
        basic = table(.gpbBasicExpense)
        project = table(.gpbProjectExpense)
        threePublic = table(.threePublic)
    }
}

extension Row {
    /// A summary's 本年收入合计 / 本年支出合计: the year's lines, to which the carry-overs are added
    /// to make the 总计 (a 小计 is another outline's).
    var isYearTotal: Bool { isSubtotal && CJK.compact(name).hasSuffix("合计") }
}

extension Table {
    /// The table with the column that carries its figures first, as rules that compare tables
    /// read column 0: a 决算's 决算数, not the 年初预算数 printed before it. Columns keep their
    /// labels, so findings still name the printed cell.
    func primaryFirst() -> Table {
        let p = ColumnLayout.primaryColumn(columns)
        guard p > 0 else { return self }
        let order = [p] + columns.indices.filter { $0 != p }
        var t = self
        t.columns = order.map { columns[$0] }
        t.rows = rows.map { row in
            var r = row
            r.values = Cells(order.lazy.map { $0 < row.values.count ? row.values[$0] : nil })
            r.inferred = order.map { $0 < row.inferred.count ? row.inferred[$0] : false }
            return r
        }
        return t
    }
}
