extension Disclosure {
    /// The same disclosure with every table in 万元, so tables printed in 元 compare with the
    /// others and with the prose, which speaks in 万元. Sums within one table are checked before
    /// this, on the amounts as printed: converting first would turn exact 元 sums into rounding.
    func inWan() -> Disclosure {
        guard tables.contains(where: { $0.amountUnit == "元" }) else { return self }
        var copy = self
        for t in copy.tables.indices where copy.tables[t].amountUnit == "元" {
            for r in copy.tables[t].rows.indices {
                copy.tables[t].rows[r].values = Cells(copy.tables[t].rows[r].values.lazy.map { $0?.inWan(from: "元") })
            }
            copy.tables[t].amountUnit = "万元"
        }
        return copy
    }
}
