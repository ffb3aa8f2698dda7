/// The lines of a “三公”经费 table the prose names, and "占“三公”经费的 X%" against the 三公 total.
///
/// The table often prints 会议费 and 培训费 beside the three items, and its 合计 then holds them
/// too: the 三公 total is 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费, summed here.
enum ClaimThreePublic {
    /// A line's amount: one printed cell, or the sum of the lines it is made of.
    struct Line {
        var value: Amount
        var row: String
        var sumOf: String?
    }

    /// The line a subject names: the 三公 total, one of its items, 会议费 or 培训费. A blank cell
    /// is a zero the table states.
    static func line(_ subject: String, _ t: Table) -> Line? {
        guard t.uncertain == nil else { return nil }
        let s = CJK.compact(subject)
        if s.contains("三公") { return s.contains("会议") || s.contains("培训") ? nil : total(t) }
        let lines = ThreePublicLines(t)
        // "…安排的会议费预算支出" names 会议费; "原因是从会议费预算中调减" only mentions it.
        let name = withoutTrailingWords(s)
        if name.hasSuffix("会议费") { return line(lines.meeting, t) }
        if name.hasSuffix("培训费") { return line(lines.training, t) }
        if s.contains("会议费") || s.contains("培训费") { return nil }
        if s.contains("因公出国") { return line(lines.abroad, t) }
        if s.contains("接待") { return line(lines.reception, t) }
        if s.contains("公务用车") || s.contains("购置") || s.contains("运行") {
            let buy = s.contains("购置"), run = s.contains("运行")
            if buy && !run { return line(lines.purchase, t) }
            if run && !buy { return line(lines.running, t) }
            if buy && run && name.hasSuffix("费") { return vehicles(lines, t) }
        }
        return nil
    }

    /// The subject without the words a budget line's name is followed by ("预算支出", "支出").
    static func withoutTrailingWords(_ s: String) -> String {
        var name = s
        var cut = true
        while cut {
            cut = false
            for word in ["预算支出", "支出预算", "预算数", "支出", "预算"] where name.hasSuffix(word) {
                name.removeLast(word.count)
                cut = true
            }
        }
        return name
    }

    /// The 三公 total: the printed 合计, or where that holds 会议费 and 培训费 too, 因公出国（境）费 +
    /// 公务用车 + 公务接待费, when the table prints each of them.
    static func total(_ t: Table) -> Line? {
        let lines = ThreePublicLines(t)
        // Without 会议费 and 培训费 lines the printed 合计 is the 三公 total.
        if !lines.totalHoldsOthers, let row = t.totalRow, let v = row.value(0), row.certain(0) {
            return Line(value: v, row: row.name)
        }
        // Else the 三公's own 小计, where the table prints one.
        if let k = lines.subtotal, let v = t.rows[k].value(0), t.rows[k].certain(0) {
            return Line(value: v, row: t.rows[k].name)
        }
        guard let abroad = line(lines.abroad, t), let cars = vehicles(lines, t),
            let reception = line(lines.reception, t)
        else { return nil }
        return Line(
            value: Tolerance.sum([abroad.value, cars.value, reception.value]), row: "“三公”经费",
            sumOf: "因公出国（境）费、公务用车购置及运行费、公务接待费之和")
    }

    /// 公务用车购置及运行（维护）费: its own line, or its 购置 and 运行 lines summed.
    static func vehicles(_ lines: ThreePublicLines, _ t: Table) -> Line? {
        if let both = line(lines.vehicles, t) { return both }
        guard let buy = line(lines.purchase, t), let run = line(lines.running, t) else { return nil }
        return Line(
            value: Tolerance.sum([buy.value, run.value]), row: "公务用车购置及运行费", sumOf: "\(buy.row)、\(run.row)之和")
    }

    /// Line `k`'s amount, when its reading is certain; a blank cell is a zero the table states.
    static func line(_ k: Int?, _ t: Table) -> Line? {
        guard let k, t.rows[k].certain(0) else { return nil }
        return Line(value: t.rows[k].value(0) ?? Amount(hundredths: 0), row: t.rows[k].name)
    }

    /// "占“三公”经费的 X%": whether the share is of the 三公 total.
    static func isShareOfThreePublic(_ f: NarrativeFact) -> Bool { f.shareOf.map { $0.contains("三公") } ?? false }

    /// The amount over the 三公 total against the printed percent. Each amount was rounded to
    /// 0.01 万元 (±0.005) and the percent is allowed one unit of its last printed decimal, as
    /// `ClaimChangeRates` allows a change's percent: a share adjusted so the items add to 100 % passes.
    static func shareCheck(_ f: NarrativeFact, _ amount: Amount, _ share: Amount, _ t: Table, _ sink: inout FindingSink)
    {
        guard let total = total(t), total.value.hundredths > 0 else { return }
        var low = Double.infinity, high = -Double.infinity
        for da in [-0.5, 0.5] {
            for dt in [-0.5, 0.5] {
                let v = (Double(amount.hundredths) + da) / (Double(total.value.hundredths) + dt) * 100
                low = min(low, v); high = max(high, v)
            }
        }
        let tolerance = share.decimals >= 2 ? 0.0101 : (share.decimals == 1 ? 0.0501 : 0.501)
        let stated = Double(share.hundredths) / 100
        guard stated < low - tolerance || stated > high + tolerance else { return }
        let computed = Double(amount.hundredths) / Double(total.value.hundredths) * 100
        // A share of the table's 合计, where that holds 会议费 and 培训费 too, is the likely slip.
        var ofTable = ""
        if let all = t.totalRow?.value(0), all.hundredths > total.value.hundredths,
            abs(Double(amount.hundredths) / Double(all.hundredths) * 100 - stated) <= tolerance
        {
            ofTable = "（印出的比例等于占本表合计 \(all)（含会议费、培训费）的比例）"
        }
        sink.add(
            Finding(
                rule: Rules.proseShare,
                message:
                    "情况说明称\(f.subject) \(amount) 万元占“三公”经费的 \(share.printed)%；\(t.number ?? "")\(t.kind.shortName)表中“三公”经费\(total.sumOf.map { "（\($0)）" } ?? "")为 \(total.value)，应占 \(String(format: "%.2f", computed))%\(ofTable)",
                table: t, expected: Amount(approximately: computed), actual: share, line: f.line))
    }
}
