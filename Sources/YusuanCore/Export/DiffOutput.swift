import Foundation

/// `diff` output: a report that reads without colour (`+++` added, `---` removed, `->` changed
/// with `old->new` cells, `...` for unchanged runs left out), and the aligned data as JSON.
public enum DiffOutput {
    // MARK: text

    public static func text(_ c: Comparison, onlyChanged: Bool = false) -> String {
        var out: [String] = []
        let oy = year(c.old), ny = year(c.new)
        out.append(
            "\(c.heading)：\(oy) 年\(c.old.scope)\(c.old.documentKind) → \(ny) 年\(c.new.scope)\(c.new.documentKind)")
        out.append("  旧 \(c.old.path)")
        out.append("  新 \(c.new.path)")
        if !c.cautions.isEmpty { out.append("  注意：\(c.cautions.joined(separator: "，"))；逐行比较仅供参考。") }
        out.append("")
        out += overview(c, oy: oy, ny: ny)
        for t in c.tables where t.presence == .both {
            out.append("")
            out += table(t, oy: oy, ny: ny, onlyChanged: onlyChanged)
        }
        out += projects(c, onlyChanged: onlyChanged)
        out += sheets(c, onlyChanged: onlyChanged)
        if !c.staffing.isEmpty {
            out += ["", "== 人员（\(oy) → \(ny)）"]
            for s in c.staffing where !onlyChanged || s.status.isChange {
                let unstated = "未载明"
                out.append(
                    "\(s.status.mark) \(DisplayWidth.fit(s.label, 10)) \(s.old.map(String.init) ?? unstated)->\(s.new.map(String.init) ?? unstated)"
                )
            }
        }
        if !c.priorYearClaims.isEmpty {
            out += ["", "== 情况说明所称“比上年”与 \(oy) 年文件核对"]
            for p in c.priorYearClaims where !onlyChanged || !p.agrees {
                let f = p.fact
                out.append(
                    "\(p.agrees ? "   " : "!! ") 第 \(f.line) 行 \(f.subject)：\(ny) 年 \(f.amount?.description ?? "") 万元、变动 \(f.change?.description ?? "")，即上年 \(p.implied)；\(p.source)为 \(p.actual)"
                )
            }
        }
        return out.joined(separator: "\n")
    }

    static func year(_ d: Disclosure) -> String { d.year.map(String.init) ?? "?" }

    /// One line per table kind: its numbers in both years and its total.
    static func overview(_ c: Comparison, oy: String, ny: String) -> [String] {
        var out = [
            DisplayWidth.fit("表", 36) + DisplayWidth.fit(oy, 12, alignRight: true)
                + DisplayWidth.fit(ny, 12, alignRight: true)
                + DisplayWidth.fit("变动", 12, alignRight: true) + DisplayWidth.fit("%", 10, alignRight: true) + "  变动行数"
        ]
        for t in c.tables {
            let numbers = "\(t.old?.number ?? "—")→\(t.new?.number ?? "—")"
            let name = DisplayWidth.fit(numbers + " " + t.kind.shortName + emptyMark(t), 36)
            switch t.presence {
            case .both:
                let total = t.total
                out.append(
                    name + DisplayWidth.fit(amount(total.old), 12, alignRight: true)
                        + DisplayWidth.fit(amount(total.new), 12, alignRight: true)
                        + DisplayWidth.fit(delta(total), 12, alignRight: true)
                        + DisplayWidth.fit(percent(total), 10, alignRight: true)
                        + "  \(t.changedLines)")
            case .old: out.append(name + "  --- 仅 \(oy) 年有此表")
            case .new: out.append(name + "  +++ 仅 \(ny) 年有此表")
            }
        }
        return out
    }

    static func emptyMark(_ t: TableComparison) -> String {
        let tables = [t.old, t.new].compactMap { $0 }
        return tables.allSatisfy(\.isEmpty) ? "（空）" : ""
    }

    /// Largest changes first, then every aligned line.
    static func table(_ t: TableComparison, oy: String, ny: String, onlyChanged: Bool) -> [String] {
        let total = t.total
        var out = [
            "== \(t.old?.number ?? "")→\(t.new?.number ?? "") \(t.kind.shortName)  合计 \(amount(total.old)) → \(amount(total.new))（\(delta(total))，\(percent(total))）  \(t.changedLines) 行有变动"
        ]
        let largest = t.largestChanges.prefix(5)
        guard !largest.isEmpty || !onlyChanged else { out.append("   （无变动）"); return out }
        let shown = t.columnsWithAmounts
        let cells = t.lines.map { line in shown.map { cell(line.cells[$0]) } }
        let widths = shown.indices.map { j in
            max(DisplayWidth.of(t.columns[shown[j]].label), cells.map { DisplayWidth.of($0[j]) }.max() ?? 0)
        }
        let labelWidth = min(44, max(20, t.lines.map { DisplayWidth.of(label($0, t)) }.max() ?? 20))
        func render(_ i: Int) -> String {
            let line = t.lines[i]
            var s = line.status.mark + " " + DisplayWidth.fit(label(line, t), labelWidth)
            for j in shown.indices { s += "  " + DisplayWidth.fit(cells[i][j], widths[j], alignRight: true) }
            if line.isChange {
                s += "  " + delta(line.primary) + (line.primary.percent.map { "  " + percentText($0) } ?? "")
            }
            if let note = note(line) { s += "  " + note }
            return s
        }
        if !largest.isEmpty {
            out.append("   变动最大：")
            for i in largest { out.append(render(i)) }
            out.append("   逐行：")
        }
        var header = "    " + DisplayWidth.fit("", labelWidth)
        for j in shown.indices {
            header += "  " + DisplayWidth.fit(t.columns[shown[j]].label, widths[j], alignRight: true)
        }
        out.append(header)
        var unchanged = 0
        // Income apart from expense in a two-sided table, as printed otherwise.
        for i in t.ordered(Array(t.lines.indices), by: .printed) {
            if onlyChanged, !t.lines[i].isChange { unchanged += 1; continue }
            if unchanged > 0 { out.append("... \(unchanged) 行无变化"); unchanged = 0 }
            out.append(render(i))
        }
        if unchanged > 0 { out.append("... \(unchanged) 行无变化") }
        return out
    }

    /// Code and name; a two-sided table's lines say which side they stand on (收 / 支).
    static func label(_ line: AlignedLine, _ t: TableComparison) -> String {
        var code = line.code.map { $0 + " " } ?? ""
        if t.kind.isTwoSided { code = (line.side == .income ? "收 " : "支 ") + code }
        if let project = line.project { return code + project }
        return code + line.name
    }

    /// Why a line was matched as it was: renamed, moved, matched by a similar name.
    static func note(_ line: AlignedLine) -> String? {
        switch line.status {
        case .renamed: return "（原名：\(line.oldName ?? "")）"
        case .moved: return "（原编码 \(line.oldCode ?? "")，按名称匹配）"
        default:
            guard let score = line.score, score < 1 else { return nil }
            return "（原为“\(line.oldProject ?? line.oldName ?? "")”，相似度 \(String(format: "%.2f", score))）"
        }
    }

    static func cell(_ a: AmountChange) -> String {
        if a.old == nil && a.new == nil { return "" }
        return a.differs ? "\(amount(a.old))->\(amount(a.new))" : amount(a.new ?? a.old)
    }

    static func amount(_ a: Amount?) -> String { a.map { Amount(hundredths: $0.hundredths).grouped } ?? "—" }

    static func delta(_ a: AmountChange) -> String {
        guard let d = a.delta else { return "" }
        return (d.hundredths > 0 ? "+" : "") + Amount(hundredths: d.hundredths).grouped
    }

    static func percent(_ a: AmountChange) -> String { a.percent.map(percentText) ?? "—" }

    static func percentText(_ p: Double) -> String { String(format: "%+.2f%%", p) }

    static func projects(_ c: Comparison, onlyChanged: Bool) -> [String] {
        guard !c.projects.isEmpty else { return [] }
        var out = ["", "== 项目（\(year(c.old)) → \(year(c.new))）"]
        for p in c.projects where !onlyChanged || p.status.isChange {
            var s = "\(p.status.mark) \(p.name)  \(cell(p.amount))"
            if p.status.isChange, p.old != nil, p.new != nil { s += "  " + delta(p.amount) }
            if let score = p.score, score < 1 {
                s += "  （原为“\(p.old?.name ?? "")”，相似度 \(String(format: "%.2f", score))）"
            }
            out.append(s)
        }
        return out
    }

    static func sheets(_ c: Comparison, onlyChanged: Bool) -> [String] {
        guard !c.sheets.isEmpty else { return [] }
        var out = ["", "== 绩效目标表（\(year(c.old)) → \(year(c.new))）"]
        for s in c.sheets where !onlyChanged || s.status.isChange {
            var head = "\(s.status.mark) \(s.title)  资金 \(cell(s.funding))"
            if let score = s.score, score < 1 {
                head += "  （原为“\(s.old?.project ?? "")”，相似度 \(String(format: "%.2f", score))）"
            }
            out.append(head)
            guard s.old != nil, s.new != nil else { continue }
            for i in s.indicators where i.status.isChange {
                let path = [i.level2, i.name].compactMap { $0 }.joined(separator: " › ")
                var line = "    \(i.status.mark) \(path)  \(i.oldValue ?? "—")->\(i.newValue ?? "—")"
                if i.status == .added { line = "    +++ \(path)  \(i.newValue ?? "")" }
                if i.status == .removed { line = "    --- \(path)  \(i.oldValue ?? "")" }
                if i.status == .renamed { line += "  （原名：\(i.oldName ?? "")）" }
                out.append(line)
            }
        }
        return out
    }

    // MARK: JSON

    public static func json(_ c: Comparison, onlyChanged: Bool = false) -> JSONValue {
        func doc(_ d: Disclosure) -> JSONValue {
            .object([
                ("path", .string(d.path)), ("unit", .string(d.unit)), ("year", .int(d.year)),
                ("scope", .string(d.scope)),
                ("documentKind", .string(d.documentKind))
            ])
        }
        return .object([
            ("old", doc(c.old)), ("new", doc(c.new)), ("sameUnit", .bool(c.sameUnit)),
            ("tables", .array(c.tables.map { tableJSON($0, onlyChanged: onlyChanged) })),
            (
                "projects",
                .array(
                    c.projects.filter { !onlyChanged || $0.status.isChange }.map { p in
                        .object(
                            [
                                ("status", .string(p.status.rawValue)), ("name", .string(p.name)),
                                ("oldName", .str(p.old?.name)),
                                ("score", score(p.score))
                            ] + changeJSON(p.amount))
                    })
            ),
            ("performanceSheets", .array(c.sheets.filter { !onlyChanged || $0.status.isChange }.map(sheetJSON))),
            (
                "staffing",
                .array(
                    c.staffing.filter { !onlyChanged || $0.status.isChange }.map { s in
                        .object([
                            ("label", .string(s.label)), ("status", .string(s.status.rawValue)), ("old", .int(s.old)),
                            ("new", .int(s.new))
                        ])
                    })
            ),
            (
                "priorYearClaims",
                .array(
                    c.priorYearClaims.filter { !onlyChanged || !$0.agrees }.map { p in
                        .object([
                            ("line", .int(p.fact.line)), ("subject", .string(p.fact.subject)),
                            ("sentence", .string(p.fact.sentence)),
                            ("amount", .amount(p.fact.amount)), ("change", .amount(p.fact.change)),
                            ("implied", .amount(p.implied)),
                            ("actual", .amount(p.actual)), ("source", .string(p.source)), ("agrees", .bool(p.agrees))
                        ])
                    })
            )
        ])
    }

    static func score(_ s: Double?) -> JSONValue { s.map { .number(String(format: "%.3f", $0)) } ?? .null }

    /// old, new, change and change in percent of one amount.
    static func changeJSON(_ a: AmountChange) -> [(String, JSONValue)] {
        [
            ("old", .amount(a.old)), ("new", .amount(a.new)), ("change", .amount(a.delta)),
            ("changePercent", a.percent.map { .number(String(format: "%.2f", $0)) } ?? .null)
        ]
    }

    static func tableJSON(_ t: TableComparison, onlyChanged: Bool) -> JSONValue {
        .object([
            ("kind", .string(t.kind.rawValue)), ("presence", .string(t.presence.rawValue)),
            ("oldNumber", .str(t.old?.number)), ("newNumber", .str(t.new?.number)),
            ("oldTitle", .str(t.old?.title)), ("newTitle", .str(t.new?.title)),
            (
                "columns",
                .array(
                    t.columns.map {
                        .object([("label", .string($0.label)), ("old", .int($0.old)), ("new", .int($0.new))])
                    })
            ),
            ("total", .object(changeJSON(t.total))),
            (
                "lines",
                .array(
                    t.lines.filter { !onlyChanged || $0.isChange }.map { l in
                        .object(
                            [
                                ("status", .string(l.status.rawValue)), ("code", .str(l.code)),
                                ("oldCode", .str(l.oldCode)),
                                ("name", .string(l.name)), ("oldName", .str(l.oldName)), ("project", .str(l.project)),
                                ("oldProject", .str(l.oldProject)), ("score", score(l.score)),
                                ("total", .bool(l.isTotal)),
                                ("side", .str(l.side?.rawValue)),
                                ("oldValues", .array(l.cells.map { .amount($0.old) })),
                                ("newValues", .array(l.cells.map { .amount($0.new) }))
                            ]
                                + changeJSON(l.primary))
                    })
            )
        ])
    }

    static func sheetJSON(_ s: SheetComparison) -> JSONValue {
        .object([
            ("status", .string(s.status.rawValue)), ("kind", .string((s.new ?? s.old)?.kind.rawValue ?? "project")),
            ("project", .str(s.new?.project ?? s.old?.project)), ("oldProject", .str(s.old?.project)),
            ("score", score(s.score)),
            ("funding", .object(changeJSON(s.funding))),
            (
                "indicators",
                .array(
                    s.indicators.map { i in
                        .object([
                            ("status", .string(i.status.rawValue)), ("level1", .str(i.level1)),
                            ("level2", .str(i.level2)),
                            ("name", .string(i.name)), ("oldName", .str(i.oldName)), ("old", .str(i.oldValue)),
                            ("new", .str(i.newValue)),
                            ("score", score(i.score))
                        ])
                    })
            )
        ])
    }
}
