extension Disclosure {
    /// The same disclosure with every table in 万元, so tables printed in 元 compare with the
    /// others and with the prose, which speaks in 万元. Sums within one table are checked before
    /// this, on the amounts as printed: converting first would turn exact 元 sums into rounding.
    func inWan() -> Disclosure {
        guard tables.contains(where: { $0.amountUnit == "元" }) else { return self }
        var copy = self
        // Projects carry the amounts of the project table they were read from.
        if table(.gpbProjectExpense)?.amountUnit == "元" {
            for p in copy.projects.indices {
                copy.projects[p].amount = copy.projects[p].amount?.inWan(from: "元")
                for e in copy.projects[p].economic.indices {
                    copy.projects[p].economic[e].amount = copy.projects[p].economic[e].amount.inWan(from: "元")
                }
            }
        }
        for t in copy.tables.indices where copy.tables[t].amountUnit == "元" {
            for r in copy.tables[t].rows.indices {
                copy.tables[t].rows[r].values = Cells(copy.tables[t].rows[r].values.lazy.map { $0?.inWan(from: "元") })
            }
            copy.tables[t].amountUnit = "万元"
        }
        return copy
    }
}
