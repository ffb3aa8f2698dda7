/// An amount the prose states against the table line, column or income row that states it too (`prose.amount`).
enum ClaimAmounts {
    @discardableResult
    static func compare(
        _ f: NarrativeFact, _ amount: Amount, _ table: Table?, _ value: Amount?, _ what: String,
        _ sink: inout FindingSink, column: String? = nil, code: String? = nil, row: String? = nil, sumOf: String? = nil
    ) -> Bool {
        guard let table else { return true }
        guard let value else {
            if amount.hundredths != 0 {
                sink.add(
                    Finding(
                        rule: Rules.proseAmount,
                        message: "情况说明称\(what) \(amount) 万元，\(table.number ?? "")\(table.kind.shortName)表中没有此数",
                        table: table, code: code, column: column, actual: amount, line: f.line))
            }
            return amount.hundredths == 0
        }
        return sink.compare(
            Rules.proseAmount, expected: value, actual: amount, table: table, code: code, row: row, column: column,
            line: f.line,
            message:
                "情况说明称\(what) \(amount) 万元，\(table.number ?? "")\(table.kind.shortName)表\(sumOf.map { " \($0)" } ?? "")为 \(value)"
        )
    }

    enum IncomeMatch { case exact, sharedStart, bareName }

    /// "一般公共预算 590.69 万元" → the income line or 收入总体 column of exactly that name;
    /// failing that, one whose name starts the same way ("单位上年结余（不包含…"); failing that,
    /// one of the same bare name ("财政拨款收入预算总计" and "一、财政拨款").
    /// True when it found the line or column to compare with.
    @discardableResult
    static func incomeCheck(
        _ f: NarrativeFact, _ amount: Amount, _ names: IncomeNames, _ sink: inout FindingSink
    ) -> Bool {
        let subject = NameMatch.key(withoutFunds(f.subject))
        // "…中心收入预算 389.75" is the whole income, not a line of it, unless its bare name is a line's.
        let named = subject.count >= 4 && !subject.hasSuffix("收入预算")
        let bare = incomeKey(f.subject)
        for mode in named ? [IncomeMatch.exact, .sharedStart, .bareName] : [.bareName] {
            func matches(_ name: IncomeNames.Keys) -> Bool {
                if mode == .bareName { return bare.count >= 2 && name.bare == bare }
                let k = name.key
                if mode == .exact { return k == subject }
                // "单位上年结余（不包含" and "单位上年结余（不包括…）": a shared start, neither a prefix
                // of the other ("一般公共预算" is not "一般公共预算拨款").
                let common = zip(k, subject).prefix { $0 == $1 }.count
                return common >= 6 && common < k.count && common < subject.count
            }
            // A bare name's line must be read for certain: it was not matched by its own words.
            // A blank line, read for certain, states the 0 the prose may give.
            func usable(_ row: Row) -> Bool {
                row.value(0) != nil ? (mode != .bareName || row.certain(0)) : amount.hundredths == 0 && row.certain(0)
            }
            // 收支总体's lines first, then 收入总体's when it prints its sources as lines.
            for (table, lines) in [(names.summary, names.lines), (names.income, names.incomeLines)] {
                var rowHits = lines.indices.filter { matches(lines[$0].keys) && usable(lines[$0].row) }
                // "其他资金" names its group's 小计, not the group's line 其他收入 of the same bare name.
                let subtotals = rowHits.filter { lines[$0].row.name.hasSuffix("小计") }
                if rowHits.count > 1, !subtotals.isEmpty { rowHits = subtotals }
                // "一般公共预算拨款" is this year's line, not the line of that name under 上年结转
                // below it, unless the prose speaks of the carry-over.
                if rowHits.count > 1, !["结转", "结余", "上年"].contains(where: f.subject.contains),
                    let carried = lines.firstIndex(where: { l in ["结转", "结余"].contains(where: l.row.name.contains) })
                {
                    rowHits = rowHits.filter { $0 < carried }
                }
                if rowHits.count == 1, let t = table, let row = rowHits.first.map({ lines[$0].row }) {
                    compare(f, amount, t, row.value(0), f.subject, &sink, row: row.name)
                    return true
                }
            }
            let colHits = names.columns.filter { matches($0.keys) }
            if colHits.count == 1, let i = names.income, let c = colHits.first?.index, let total = i.totalRow,
                total.certain(c)
            {
                compare(f, amount, i, total.value(c), f.subject, &sink, column: i.columns[c])
                return true
            }
        }
        return false
    }

    /// "）一般公共预算收入预算", "1.一般公共预算", "二、财政专户管理资金": the name without its numbering
    /// and the words any income line may end with (收入, 预算, 总计, 合计) or hold (资金).
    static func incomeKey(_ label: String, side: String = "收入") -> String { bareName(nameKey(label), side: side) }

    /// A name as income names are matched: without its numbering, 资金, and what `NameMatch` ignores.
    static func nameKey(_ label: String) -> String { NameMatch.key(withoutFunds(stripOutline(label))) }

    /// A `nameKey` without what leads its first Han character and the words any line may end with.
    static func bareName(_ key: String, side: String) -> String {
        var s = key
        s = CJK.fromFirstHan(s)
        var cut = true
        while cut {
            cut = false
            for suffix in ["总计", "合计", "小计", "预算", side] where s.hasSuffix(suffix) && s.count > suffix.count {
                s.removeLast(suffix.count)
                cut = true
            }
        }
        // "上年结转和结余资金" is the standard line of what the prose calls "上年结转资金".
        if s == "上年结转和结余" { return "上年结转" }
        return s
    }

    /// `s` without "资金". Foundation's search, not literal, would match a compatibility ideograph
    /// too (金 U+F90A for 金), so only a string holding 资 or such an ideograph can hold a match:
    /// any other is returned as it is, without Foundation's cost.
    static func withoutFunds(_ s: String) -> String {
        let mayHold = s.unicodeScalars.contains {
            $0 == "资" || (0xF900...0xFAFF).contains($0.value) || (0x2F800...0x2FA1F).contains($0.value)
        }
        return mayHold ? s.replacingOccurrences(of: "资金", with: "") : s
    }

    static func stripOutline(_ name: String) -> String {
        var s = CJK.compact(name)
        if s.isPlainScalars {
            // Each scalar a Character (`String.isPlainScalars`): the same cuts on scalars.
            var scalars = s.unicodeScalars[...]
            for prefix in ["其中：", "其中:"] where scalars.starts(with: prefix.unicodeScalars) {
                scalars = scalars.dropFirst(3)
            }
            if let dot = scalars.prefix(3).firstIndex(where: { $0 == "、" || $0 == "." }) {
                scalars = scalars[scalars.index(after: dot)...]
            }
            return String(Substring(scalars))
        }
        for prefix in ["其中：", "其中:"] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
        if let dot = s.firstIndex(where: { $0 == "、" || $0 == "." }), s.distance(from: s.startIndex, to: dot) <= 2 {
            s = String(s[s.index(after: dot)...])
        }
        return s
    }
}

/// The income lines of 收支总体 and the columns of 收入总体, each name keyed once per document
/// rather than once per prose claim that looks for it (`ClaimAmounts.incomeCheck`); built only
/// for a document whose prose states an income.
struct IncomeNames {
    /// A label's key for an exact or shared-start match, and its bare name (`incomeKey`).
    struct Keys {
        var key: String
        var bare: String
        init(_ label: String) {
            key = ClaimAmounts.nameKey(label)
            bare = ClaimAmounts.bareName(key, side: "收入")
        }
    }

    let summary: Table?
    let income: Table?
    let lines: [(row: Row, keys: Keys)]
    /// 收入总体's lines where it prints each source as a line ("政府性基金 小计"), not a column.
    let incomeLines: [(row: Row, keys: Keys)]
    let columns: [(index: Int, keys: Keys)]

    init?(_ d: Disclosure) {
        guard d.facts.contains(where: { $0.topic == .income }) else { return nil }
        summary = d.table(.incomeExpenseSummary)
        income = d.table(.incomeSummary)
        lines = (summary?.rows.filter { $0.side == .income } ?? []).map { ($0, Keys($0.name)) }
        let byLines = income.map { $0.uncertain == nil && $0.columns.count == 1 && $0.codedRows.isEmpty } ?? false
        incomeLines = byLines ? (income?.rows.filter { !$0.isTotal } ?? []).map { ($0, Keys($0.name)) } : []
        columns =
            income.map { t in
                t.columns.indices.map { ($0, Keys(t.columns[$0].split(separator: "/").last.map(String.init) ?? "")) }
            } ?? []
    }
}
