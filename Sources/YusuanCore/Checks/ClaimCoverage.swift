/// Every claim of a disclosure's prose, each marked with why it could not be checked, if so.
public enum Claims {
    public static func of(_ d: Disclosure) -> [Claim] {
        let d = d.inWan()
        return of(d, ProseTables(d))
    }

    /// The claims of `d`, in 万元, against the tables the checks already looked up.
    static func of(_ d: Disclosure, _ tables: ProseTables) -> [Claim] {
        var out: [Claim] = []
        for (i, f) in d.facts.enumerated() {
            for var c in ClaimReader.claims(of: f) {
                c.unchecked = reason(c, i, d, tables)
                out.append(c)
            }
        }
        for var c in ClaimReader.ownClaims(d) where !fromFacts.contains(c.kind) {
            c.unchecked = reason(c, d)
            out.append(c)
        }
        return out.enumerated().sorted { a, b in
            a.element.line != b.element.line ? a.element.line < b.element.line : a.offset < b.offset
        }.map(\.element)
    }

    /// Kinds read from `NarrativeFact`s (the reader lists them too; here they carry their fact).
    static let fromFacts: Set<Claim.Kind> = [.amount, .change, .share]

    static func reason(_ c: Claim, _ index: Int, _ d: Disclosure, _ tables: ProseTables) -> String? {
        let f = d.facts[index], std = tables.std
        switch c.kind {
        case .amount:
            if tables.figure(index) != nil { return nil }
            switch f.topic {
            case .income:
                return tables.incomeCheck(index).found ? nil : "收入项目名称未能对应到收入表的行或列"
            case .operatingCost:
                if !f.subject.contains("运行经费") { return "机关运行经费的细项未与表格逐项对照" }
                let checked = ClaimOperatingCost.operatingTotal(d) != nil || std.basic?.columnEnding(["公用经费"]) != nil
                return checked ? nil : ClaimOperatingCost.uncheckedReason(std)
            case .procurement:
                return d.table(.procurement) == nil
                    ? "政府采购金额没有表格可对照（只核对货物、工程、服务之和）" : "政府采购表中没有此数所说的合计或货物、工程、服务行"
            case .classification:
                return f.code == nil ? "科目名称未能对应到表中的科目编码" : "表中没有此科目所在的支出表"
            case .performance: return "绩效数字没有表格可对照"
            case .assets: return "资产数字没有表格可对照"
            case .project: return ClaimProjects.ties(f, d) ? nil : "项目金额未与表格逐项对照"
            default: return "未能判断此数对应哪张表的哪个数"
            }
        case .change:
            if f.change != nil, f.changePercent != nil { return nil }
            return f.changePercent == nil ? "只有变动额，没有上年数或变动率可对照" : "只有变动率，没有变动额可对照"
        case .share:
            if ClaimThreePublic.isShareOfThreePublic(f) {
                return std.threePublic.flatMap(ClaimThreePublic.total) == nil ? "没有“三公”经费表可作分母" : nil
            }
            let totals = [std.summary, std.expense, std.gpb, std.fiscal].compactMap { $0?.totalRow?.value(0) }
            return totals.isEmpty && f.topic != .procurement ? "没有可作分母的总数" : nil
        default:
            return nil
        }
    }

    static func reason(_ c: Claim, _ d: Disclosure) -> String? {
        switch c.kind {
        case .budgetVsFinal:
            let t = ClaimBudgetVsFinal.target(c, d)
            let budget = c.figure("年初预算") != nil || t?.budget != nil
            let final = c.figure("决算") != nil || t?.final != nil
            let rate = c.figure("完成率") != nil
            let word = c.words.contains { BudgetVsFinalReader.comparisons.contains($0) }
            // Checked when two of its own or the table's figures meet: the rate and the word need both sides.
            if budget && final || (word && rate) || (t != nil && (c.figure("年初预算") ?? c.figure("决算")) != nil) {
                return nil
            }
            return budget ? "没有决算数可对照" : "没有年初预算数可对照（表中未印预算数）"
        case .rate:
            return c.figure("金额") == nil ? "项目没有预算安排规模可对照" : nil
        case .date:
            return d.year == nil ? "文件年度未读出" : nil
        case .unitName:
            return c.subject != "占位符" && d.unit.isEmpty ? "文件单位名称未读出" : nil
        default:
            return nil
        }
    }
}
