/// Column labels and the sums that hold between them ("合计 = 基本支出 + 项目支出").
enum ColumnLayout {
    /// Columns a table kind prints in the current national template, used when the text's
    /// header is unreadable (headers written one character per line).
    static func canonical(_ kind: TableKind) -> [String] {
        switch kind {
        case .expenseSummary, .gpbExpense, .govFundExpense, .stateCapitalExpense:
            return ["合计", "基本支出", "项目支出"]
        case .gpbBasicExpense:
            return ["合计", "人员经费", "公用经费"]
        case .gpbProjectExpense:
            return [
                "项目支出合计", "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "债务利息及费用支出",
                "资本性支出（基本建设）", "资本性支出", "对企业补助（基本建设）", "对企业补助", "对社会保障基金补助", "其他支出"
            ]
        case .incomeSummary:
            let fiscal = "财政拨款（补助）"
            return [
                "总计", "\(fiscal)/小计", "\(fiscal)/一般公共预算", "\(fiscal)/上级一般公共预算安排的转移支付",
                "\(fiscal)/政府性基金预算", "\(fiscal)/上级政府性基金安排的转移支付", "\(fiscal)/国有资本经营预算",
                "\(fiscal)/上级国有资本经营预算安排的转移支付", "财政专户（教育收费）", "单位资金", "财政拨款结转", "非财政拨款结转结余"
            ]
        case .incomeExpenseSummary:
            return ["预算数"]
        case .fiscalSummary:
            return ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
        case .threePublic, .entrustedBusiness:
            return ["合计", "一般公共预算", "政府性基金", "国有资本经营预算"]
        case .carryover:
            return [
                "合计", "财政拨款/小计", "财政拨款/基本支出/人员经费", "财政拨款/基本支出/公用经费", "财政拨款/项目支出",
                "非财政拨款/小计", "非财政拨款/基本支出/人员经费", "非财政拨款/基本支出/公用经费", "非财政拨款/项目支出"
            ]
        case .operatingExpense:
            return ["机关运行经费支出"]
        case .procurement, .unknown:
            return ["金额"]
        }
    }

    /// Every layout the templates print for a kind, the current one first: a header that
    /// came without its grid is matched against them (`StreamHeader`).
    static func layouts(_ kind: TableKind) -> [[String]] {
        switch kind {
        case .govFundExpense, .stateCapitalExpense:
            return [canonical(kind), ["合计", "基本支出/人员经费", "基本支出/公用经费", "项目支出"]]
        default:
            return [canonical(kind)]
        }
    }

    /// Captions over other columns, never a column of their own.
    static let captions: Set<String> = ["资金来源", "支出预算", "项目", "金额"]

    static func isTotalLabel(_ label: String) -> Bool {
        let c = CJK.compact(label)
        return c == "合计" || c == "总计" || c.hasSuffix("/合计") || c.hasSuffix("/小计") || c.hasSuffix("支出合计")
            || c == "小计"
    }

    /// Sum relations: (sum column, part columns). The first column, when a total, sums the
    /// top-level columns; a group's 小计/合计 sums the rest of its group.
    static func relations(_ columns: [String]) -> [(Int, [Int])] {
        guard !columns.isEmpty else { return [] }
        var out: [(Int, [Int])] = []
        func group(_ label: String) -> String? {
            guard let slash = label.firstIndex(of: "/") else { return nil }
            return String(label[..<slash])
        }
        var grouped: [String: [Int]] = [:]
        for (i, label) in columns.enumerated() where i > 0 {
            if let g = group(label) { grouped[g, default: []].append(i) }
        }
        var topLevel: [Int] = []
        var covered = Set<Int>()
        for (i, label) in columns.enumerated() where i > 0 {
            guard let g = group(label), let members = grouped[g] else { topLevel.append(i); continue }
            if covered.contains(i) { continue }
            if let sub = members.first(where: { isTotalLabel(columns[$0]) }) {
                let parts = members.filter { $0 != sub }
                out.append((sub, parts))
                topLevel.append(sub)
            } else {
                topLevel.append(contentsOf: members)
            }
            covered.formUnion(members)
        }
        let ownMeasure = !isTotalLabel(columns[0]) && isOwnMeasure(columns[0])
        if !ownMeasure,
            isTotalLabel(columns[0]) || columns[0].contains("合计") || columns[0].contains("总计") || columns.count > 1
        {
            if !topLevel.isEmpty { out.insert((0, topLevel), at: 0) }
        }
        return out
    }

    /// The column that carries a table's figures: the first, unless it measures something of
    /// its own (年初预算数) before a 决算数 or a total.
    static func primaryColumn(_ columns: [String]) -> Int {
        guard let first = columns.first, !isTotalLabel(first), isOwnMeasure(first) else { return 0 }
        let rest = columns.indices.dropFirst()
        return rest.first { ["决算数", "执行数"].contains(where: CJK.compact(columns[$0]).contains) }
            ?? rest.first { isTotalLabel(columns[$0]) } ?? 0
    }

    /// A column that measures something else than the columns after it (a 决算's 年初预算数
    /// before its 决算数, a year-on-year table's 上年数), so it is no sum of them.
    static func isOwnMeasure(_ label: String) -> Bool {
        let c = CJK.compact(label)
        return ["年初预算", "调整预算", "预算数", "上年", "决算数", "执行数"].contains { c.contains($0) }
    }

    /// Joins a header grid into one label per amount column: "财政拨款（补助）/一般公共预算".
    /// A caption spanning every amount column ("支出预算", "资金来源") is dropped.
    static func flatten(header rows: [[String]], from first: Int, count: Int) -> [String] {
        var paths = Array(repeating: [String](), count: count)
        for (r, row) in rows.enumerated() {
            for c in 0..<count {
                let idx = first + c
                var cell = idx < row.count ? CJK.canonicalLabel(row[idx]) : ""
                if cell.isEmpty {
                    // A blank under a spanning header: inherit the nearest label to the left if
                    // a lower header row has something in this column.
                    let lowerHasContent = rows[(r + 1)...].contains { idx < $0.count && !$0[idx].trimmed().isEmpty }
                    if lowerHasContent {
                        var j = min(idx - 1, row.count - 1)
                        while j >= first, CJK.compact(row[j]).isEmpty { j -= 1 }
                        if j >= first, j < row.count { cell = CJK.canonicalLabel(row[j]) }
                    }
                }
                if cell.isEmpty || cell == "类" || cell == "款" || cell == "项" { continue }
                if let last = paths[c].last, cell == last { continue }
                paths[c].append(cell)
            }
        }
        // Drop a caption that every column shares.
        if count > 1, let head = paths.first?.first, paths.allSatisfy({ $0.count > 1 && $0.first == head }) {
            paths = paths.map { Array($0.dropFirst()) }
        }
        paths = paths.map { path in path.count > 1 && captions.contains(path[0]) ? Array(path.dropFirst()) : path }
        return paths.map { path in
            var parts = path
            // "财政拨款（补助）" over "财政拨款（补助）小计" reads "财政拨款（补助）/小计".
            if parts.count >= 2, parts[1].hasPrefix(parts[0]), parts[1] != parts[0] {
                parts[1] = String(parts[1].dropFirst(parts[0].count))
            }
            return parts.joined(separator: "/")
        }
    }
}
