/// The prose against the tables, and against itself.
enum NarrativeChecks {
    static func run(_ sink: inout FindingSink) {
        let d = sink.disclosure
        let std = StandardTables(d)
        let denominators = [
            std.summary?.totalRow?.value(0), std.expense?.totalRow?.value(0), std.gpb?.totalRow?.value(0),
            std.fiscal?.totalRow?.value(0)
        ].compactMap { $0 }

        for f in d.facts {
            guard let amount = f.amount, f.unit == "万元" else {
                if f.change != nil { changeChecks(f, &sink) }
                continue
            }
            // One claim, one finding: a wrong amount makes its share and change wrong too.
            var agrees = true
            if let figure = FactFigure.resolve(f, in: std) {
                // A classification figure of zero need not be printed as a row.
                if !(f.topic == .classification && figure.value == nil && amount.hundredths == 0) {
                    agrees = compare(
                        f, amount, figure.table, figure.value, figure.what, &sink, column: figure.column,
                        code: figure.code, row: figure.row)
                }
            }
            switch f.topic {
            case .income:
                let before = sink.findings.count
                incomeCheck(f, amount, &sink)
                if sink.findings[before...].contains(where: { $0.severity == .error }) { agrees = false }
            case .operatingCost:
                if let b = std.basic, let c = b.columnEnding(["公用经费"]), let v = b.totalRow?.value(c) {
                    if Tolerance.compare(v, amount) == .mismatch {
                        sink.add(
                            Finding(
                                rule: Rules.operatingCost,
                                message: "情况说明的机关运行经费 \(amount) 与\(b.number ?? "")基本支出表公用经费 \(v) 不一致",
                                table: b, column: b.columns[c], expected: v, actual: amount, line: f.line))
                    }
                } else if f.subject.contains("机关运行经费") {
                    sink.cannot("机关运行经费 \(amount) 万元：基本支出表未印出，无法与公用经费核对")
                }
            default:
                break
            }
            guard agrees else { continue }
            if let share = f.share {
                // A purchase's share is of all purchases: the table's total or the one the prose states.
                let purchases =
                    f.topic == .procurement
                    ? d.facts.filter { $0.topic == .procurement && $0.share == nil }.compactMap(\.amount)
                        + [d.table(.procurement)?.totalRow?.value(0)].compactMap { $0 }
                    : []
                shareCheck(f, amount, share, denominators + purchases, &sink)
            }
            changeChecks(f, &sink)
        }
        staffing(&sink)
        procurement(&sink)
        yearsAndWords(&sink)
    }

    @discardableResult
    static func compare(
        _ f: NarrativeFact, _ amount: Amount, _ table: Table?, _ value: Amount?, _ what: String,
        _ sink: inout FindingSink, column: String? = nil, code: String? = nil, row: String? = nil
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
            message: "情况说明称\(what) \(amount) 万元，\(table.number ?? "")\(table.kind.shortName)表为 \(value)")
    }

    /// "一般公共预算 590.69 万元" → the income line or 收入总体 column of exactly that name;
    /// failing that, one whose name starts the same way ("单位上年结余（不包含…").
    /// True when it found the line or column to compare with.
    @discardableResult
    static func incomeCheck(_ f: NarrativeFact, _ amount: Amount, _ sink: inout FindingSink) -> Bool {
        let d = sink.disclosure
        let subject = NameMatch.key(f.subject.replacingOccurrences(of: "资金", with: ""))
        guard subject.count >= 4, !subject.hasSuffix("收入预算") else { return false }
        func key(_ label: String) -> String {
            NameMatch.key(stripOutline(label).replacingOccurrences(of: "资金", with: ""))
        }
        let summary = d.table(.incomeExpenseSummary)
        let income = d.table(.incomeSummary)
        let lines = summary?.rows.filter { $0.side == .income } ?? []
        let columns =
            income.map { t in
                t.columns.indices.map { (t.columns[$0].split(separator: "/").last.map(String.init) ?? "", $0) }
            } ?? []
        for exact in [true, false] {
            func matches(_ label: String) -> Bool {
                let k = key(label)
                if exact { return k == subject }
                // "单位上年结余（不包含" and "单位上年结余（不包括…）": a shared start, neither a prefix
                // of the other ("一般公共预算" is not "一般公共预算拨款").
                let common = zip(k, subject).prefix { $0 == $1 }.count
                return common >= 6 && common < k.count && common < subject.count
            }
            let rowHits = lines.filter { matches($0.name) && $0.value(0) != nil }
            if rowHits.count == 1, let s = summary, let row = rowHits.first, row.value(0) != nil {
                compare(f, amount, s, row.value(0), f.subject, &sink)
                return true
            }
            let colHits = columns.filter { matches($0.0) }
            if colHits.count == 1, let i = income, let c = colHits.first?.1, let total = i.totalRow, total.certain(c) {
                compare(f, amount, i, total.value(c), f.subject, &sink, column: i.columns[c])
                return true
            }
        }
        return false
    }

    static func stripOutline(_ name: String) -> String {
        var s = CJK.compact(name)
        for prefix in ["其中：", "其中:"] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
        if let dot = s.firstIndex(where: { $0 == "、" || $0 == "." }), s.distance(from: s.startIndex, to: dot) <= 2 {
            s = String(s[s.index(after: dot)...])
        }
        return s
    }

    /// "占 94.56%": the amount over one of the document's totals.
    static func shareCheck(
        _ f: NarrativeFact, _ amount: Amount, _ share: Amount, _ totals: [Amount], _ sink: inout FindingSink
    ) {
        guard !totals.isEmpty else { return }
        let tolerance = share.decimals >= 2 ? 0.0101 : (share.decimals == 1 ? 0.0501 : 0.501)
        let stated = Double(share.hundredths) / 100
        var closest: Double?
        for total in totals where total.hundredths > 0 {
            let computed = Double(amount.hundredths) / Double(total.hundredths) * 100
            if abs(computed - stated) <= tolerance { return }
            if closest == nil || abs(computed - stated) < abs(closest! - stated) { closest = computed }
        }
        guard let c = closest else { return }
        sink.add(
            Finding(
                rule: Rules.proseShare,
                message: "情况说明称\(f.subject) \(amount) 万元占 \(share)%，按表中总数计算应为 \(String(format: "%.2f", c))%",
                expected: Amount(approximately: c), actual: share, line: f.line))
    }

    /// "增加 A 万元，增长 P%": P = A / (X − A); a change needs its reason.
    static func changeChecks(_ f: NarrativeFact, _ sink: inout FindingSink) {
        guard let change = f.change else { return }
        if change.hundredths != 0, !f.reasonGiven {
            sink.add(
                Finding(rule: Rules.proseReason, message: "情况说明称\(f.subject)比上年变动 \(change) 万元，未说明原因", line: f.line))
        }
        guard let amount = f.amount, let percent = f.changePercent else { return }
        // 增加 with 下降 is one wrong word, said by prose.change_word.
        if change.hundredths != 0, percent.hundredths != 0, (change.hundredths > 0) != (percent.hundredths > 0) {
            return
        }
        let previous = amount.hundredths - change.hundredths
        let stated = Double(percent.hundredths) / 100
        if previous == 0 {
            if change.hundredths != 0, abs(stated - 100) > 0.01, stated != 0 {
                sink.add(
                    Finding(
                        rule: Rules.proseChange, message: "情况说明称\(f.subject)上年为 0、增加 \(change) 万元，增幅却写为 \(percent)%",
                        actual: percent, line: f.line))
            }
            return
        }
        guard previous > 0 else {
            sink.add(
                Finding(
                    rule: Rules.proseChange, message: "情况说明称\(f.subject) \(amount) 万元、比上年变动 \(change) 万元，推出上年为负数",
                    actual: change, line: f.line))
            return
        }
        // Allow for the rounding of the printed amount and change (±0.005 万元 each).
        var low = Double.infinity, high = -Double.infinity
        for da in [-0.5, 0.5] {
            for dx in [-0.5, 0.5] {
                let a = Double(change.hundredths) + da
                let p = Double(previous) + dx - da
                guard p > 0 else { continue }
                let v = a / p * 100
                low = min(low, v); high = max(high, v)
            }
        }
        let tolerance = percent.decimals >= 2 ? 0.0101 : (percent.decimals == 1 ? 0.0501 : 0.501)
        if stated < low - tolerance || stated > high + tolerance {
            let expected = Double(change.hundredths) / Double(previous) * 100
            sink.add(
                Finding(
                    rule: Rules.proseChange,
                    message:
                        "情况说明称\(f.subject) \(amount) 万元、比上年变动 \(change) 万元、变动 \(percent)%；按前两数应为 \(String(format: "%.2f", expected))%",
                    expected: Amount(approximately: expected), actual: percent, line: f.line))
        }
    }

    static func staffing(_ sink: inout FindingSink) {
        let s = sink.disclosure.overview.staffing
        guard let actual = s.actual, let active = s.active, let retired = s.retired else { return }
        let sum = active + retired + (s.lixiu ?? 0)
        if sum != actual {
            sink.add(
                Finding(
                    rule: Rules.staffing,
                    message: "实有人数 \(actual) 人，在职 \(active) + 退休 \(retired) + 离休 \(s.lixiu ?? 0) = \(sum) 人",
                    expected: Amount(hundredths: Int64(sum) * 100, decimals: 0),
                    actual: Amount(hundredths: Int64(actual) * 100, decimals: 0),
                    line: s.line))
        }
    }

    static func procurement(_ sink: inout FindingSink) {
        let facts = sink.disclosure.facts.filter { $0.topic == .procurement && $0.amount != nil && $0.unit == "万元" }
        func find(_ test: (String) -> Bool) -> NarrativeFact? { facts.first { test(CJK.compact($0.subject)) } }
        let sme = find { $0.contains("中小企业") }
        let small = find { $0.contains("小微") }
        let total = find { $0.contains("政府采购预算") && !$0.contains("货物") && !$0.contains("工程") && !$0.contains("服务") }
        let parts = [
            find { $0.contains("货物") }, find { $0.contains("工程") }, find { $0.contains("服务") && !$0.contains("中小") }
        ].compactMap { $0?.amount }
        if let t = total?.amount, parts.count == 3 {
            sink.compare(
                Rules.procurement, expected: Tolerance.sum(parts), actual: t, terms: parts, line: total?.line,
                message: "政府采购预算 \(t) 万元，货物、工程、服务之和为 \(Tolerance.sum(parts))")
        }
        if let t = total?.amount, let s = sme?.amount, s > t {
            sink.add(
                Finding(
                    rule: Rules.procurement, message: "面向中小企业预留 \(s) 万元，超过政府采购预算总额 \(t) 万元",
                    expected: t, actual: s, line: sme?.line))
        }
        if let s = sme?.amount, let m = small?.amount, m > s {
            sink.add(
                Finding(
                    rule: Rules.procurement, message: "面向小微企业预留 \(m) 万元，超过面向中小企业预留 \(s) 万元",
                    expected: s, actual: m, line: small?.line))
        }
    }

    /// Years that are neither the document's nor the one before, and words written twice.
    static func yearsAndWords(_ sink: inout FindingSink) {
        let d = sink.disclosure
        guard let year = d.year else { return }
        let dated = [Rules.proseDate.id, Rules.proseHeadingYear.id]
        var reported = Set(sink.findings.filter { dated.contains($0.rule) }.compactMap(\.line))
        for (index, raw) in d.sourceLines.enumerated() {
            let line = index + 1
            guard isProse(line, d) else { continue }
            let chars = Array(raw)
            var i = 0
            while i + 4 < chars.count {
                guard chars[i] == "2", chars[i + 1] == "0" else { i += 1; continue }
                let slice = String(chars[i..<i + 4])
                if slice.hasPrefix("20"), slice.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(slice),
                    (i == 0 || !(chars[i - 1].isNumber || "〔【[(（{".contains(chars[i - 1])))
                {
                    var j = i + 4
                    while j < chars.count, chars[j] == " " { j += 1 }
                    if j < chars.count, chars[j] == "年", y != year, y != year - 1, y >= year - 4, y <= year + 2,
                        !reported.contains(line)
                    {
                        reported.insert(line)
                        sink.add(
                            Finding(
                                rule: Rules.proseYear, message: "情况说明第 \(line) 行写有 \(y) 年，文件年度为 \(year) 年", line: line))
                    }
                }
                i += 1
            }
            if let doubled = doubledPhrase(chars) {
                sink.add(Finding(rule: Rules.proseDoubled, message: "第 \(line) 行“\(doubled)”连写两次", line: line))
            }
        }
    }

    static func isProse(_ line: Int, _ d: Disclosure) -> Bool {
        guard let first = d.sections.first?.lines.first else { return false }
        if line < first { return false }
        if d.performanceSheets.contains(where: { $0.lines.first <= line && line <= $0.lines.last }) { return false }
        if let g = d.glossary.first, line >= g.line { return false }
        return !d.sourceLines[line - 1].contains("\t")
    }

    /// "预算预算", "增加行政单位离退休经费增加行政单位离退休经费": a Han phrase of 2–16 characters
    /// written twice in a row.
    static func doubledPhrase(_ chars: [Character]) -> String? {
        // Only runs of Han characters can hold one, so a long line of digits or Latin costs one pass.
        let han = chars.map { $0.unicodeScalars.first.map(CJK.isHan) ?? false }
        var runs: [Range<Int>] = []
        var start: Int?
        for i in 0...chars.count {
            let inRun = i < chars.count && han[i]
            if inRun, start == nil { start = i }
            if !inRun, let s = start { if i - s >= 4 { runs.append(s..<i) }; start = nil }
        }
        for length in stride(from: 16, through: 2, by: -1) {
            for run in runs where 2 * length <= run.count {
                var i = run.lowerBound
                while i + 2 * length <= run.upperBound {
                    if chars[i..<i + length] == chars[(i + length)..<(i + 2 * length)] {
                        let phrase = String(chars[i..<i + length])
                        if Set(phrase).count > 1 { return phrase }
                    }
                    i += 1
                }
            }
        }
        return nil
    }
}
