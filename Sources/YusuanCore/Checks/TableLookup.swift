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
        summary = d.table(.incomeExpenseSummary)
        income = d.table(.incomeSummary)
        expense = d.table(.expenseSummary)
        fiscal = d.table(.fiscalSummary)
        gpb = d.table(.gpbExpense)
        basic = d.table(.gpbBasicExpense)
        project = d.table(.gpbProjectExpense)
        threePublic = d.table(.threePublic)
    }
}
