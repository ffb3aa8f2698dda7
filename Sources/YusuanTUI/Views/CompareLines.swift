import Foundation
import YusuanCore

/// The compare screen's items other than tables, as lines: projects, a sheet in both years,
/// staffing, the prose's claims about last year, and a code followed across both years.
enum CompareLines {
    typealias Line = ContentLines.Line

    static func build(_ item: CompareItem, _ c: Comparison, width: Int) -> [Line] {
        switch item {
        case .table: return []
        case .projects: return projects(c)
        case .sheet(let i): return sheet(c, i, width: width)
        case .staffing: return staffing(c)
        case .claims: return claims(c, width: width)
        case .code(let code): return codeAcross(code, c)
        }
    }

    /// Titles, headings and blank lines frame the lines and are no place for the cursor: the
    /// nearest line that is, going `step`, else the other way.
    static func selectable(_ lines: [Line], from i: Int, towards step: Int) -> Int {
        func ok(_ j: Int) -> Bool {
            let l = lines[j]
            if l.target != nil { return true }
            let framing: Set<Style> = [.title, .header, .classRow]
            return !l.plain.trimmingCharacters(in: .whitespaces).isEmpty
                && !(l.segments.count == 1
                    && framing.contains(l.segments[0].1))
        }
        guard !lines.isEmpty else { return 0 }
        for s in [step, -step] {
            var j = min(max(0, i), lines.count - 1)
            while j >= 0, j < lines.count {
                if ok(j) { return j }
                j += s
            }
        }
        return min(max(0, i), lines.count - 1)
    }

    static func years(_ c: Comparison) -> (String, String) {
        (c.old.year.map(String.init) ?? "旧", c.new.year.map(String.init) ?? "新")
    }

    static func markStyle(_ status: ChangeStatus) -> (String, Style) {
        switch status {
        case .same: return ("  ", .normal)
        case .added: return ("+ ", .added)
        case .removed: return ("- ", .removed)
        default: return ("~ ", .changed)
        }
    }

    /// "325.07 → 387.00  +61.93 +19.1%".
    static func change(_ a: AmountChange) -> [(String, Style)] {
        var out: [(String, Style)] = [
            ("\(a.old?.grouped ?? "—") → \(a.new?.grouped ?? "—")", a.differs ? .changed : .number)
        ]
        if a.differs, let d = a.delta {
            out.append(("  \(d.hundredths > 0 ? "+" : "")\(d.grouped)", d.hundredths > 0 ? .added : .removed))
            if let p = a.percent { out.append((String(format: " %+.1f%%", p), .dim)) }
        }
        return out
    }

    static func projects(_ c: Comparison) -> [Line] {
        let (oy, ny) = years(c)
        var out = [Line("项目（\(oy) → \(ny)，万元）", .title)]
        for p in c.projects {
            let (m, s) = markStyle(p.status)
            var segments: [(String, Style)] = [
                (m, s), (p.name, p.status == .removed ? .removed : (p.status == .added ? .added : .normal)),
                ("  ", .normal)
            ]
            segments += change(p.amount)
            if let score = p.score, score < 1 {
                segments.append(("  原为“\(p.old?.name ?? "")” 相似度 \(String(format: "%.2f", score))", .dim))
            }
            let sheet = sheetIndex(p.name, c)
            if sheet != nil { segments.append(("  ▸ 绩效目标", .key)) }
            out.append(Line(segments: segments, target: sheet.map { .compare(.sheet($0)) }))
        }
        return out
    }

    /// Funding and goal in both years, then the indicators grouped 一级 › 二级 with old → new.
    static func sheet(_ c: Comparison, _ i: Int, width: Int) -> [Line] {
        let (oy, ny) = years(c)
        let s = c.sheets[i]
        var out = [Line(s.title, .title)]
        if let score = s.score, score < 1 {
            out.append(Line("按名称匹配：\(oy) 年为“\(s.old?.project ?? "")”（相似度 \(String(format: "%.2f", score))）", .dim))
        }
        if s.old == nil { out.append(Line("仅 \(ny) 年有此绩效目标表", .added)) }
        if s.new == nil { out.append(Line("仅 \(oy) 年有此绩效目标表", .removed)) }
        out.append(Line(segments: [("资金（万元） ", .header)] + change(s.funding)))
        for (year, sheet) in [(oy, s.old), (ny, s.new)] {
            guard let goal = sheet?.goal else { continue }
            out.append(Line("\(year) 年总体目标", .header))
            out += ContentLines.wrap(goal, width, .normal, indent: "  ")
        }
        out.append(
            Line(
                "指标（\(oy) \(s.old?.indicators.count ?? 0) 个 → \(ny) \(s.new?.indicators.count ?? 0) 个；\(s.indicators.filter { $0.status.isChange }.count) 处变动）",
                .header))
        // "产出目标" one year and "产出指标" the other are one group.
        func group(_ level: String?) -> String? {
            level.map { Matching.nameKey($0).replacingOccurrences(of: "目标", with: "指标") }
        }
        var lastL1: String??, lastL2: String??
        for ind in s.indicators {
            if group(ind.level1) != lastL1 {
                out.append(Line(ind.level1 ?? "（未标一级指标）", .classRow)); lastL1 = group(ind.level1); lastL2 = nil
            }
            if group(ind.level2) != lastL2, let l2 = ind.level2 {
                out.append(Line("  \(l2)", .header)); lastL2 = group(l2)
            }
            let (m, ms) = markStyle(ind.status)
            var segments: [(String, Style)] = [(m, ms), ("  \(ind.name)", .normal)]
            switch ind.status {
            case .added: segments.append(("  \(ind.newValue ?? "（无指标值）")", .added))
            case .removed: segments.append(("  \(ind.oldValue ?? "（无指标值）")", .removed))
            case .same: segments.append(("  \(ind.newValue ?? "")", .number))
            default:
                segments.append(("  \(ind.oldValue ?? "—") → \(ind.newValue ?? "—")", .changed))
                if ind.status == .renamed || ind.oldName != ind.name, let old = ind.oldName {
                    segments.append(("  原为“\(old)”", .dim))
                }
            }
            out.append(Line(segments: segments))
        }
        return out
    }

    /// The sheet pair of a project, by the newer name first.
    static func sheetIndex(_ project: String, _ c: Comparison) -> Int? {
        NameMatch.best(project, in: c.sheets.map { $0.new?.project ?? "" })
            ?? NameMatch.best(project, in: c.sheets.map { $0.old?.project ?? "" })
    }

    static func staffing(_ c: Comparison) -> [Line] {
        let (oy, ny) = years(c)
        var out = [Line("人员（\(oy) → \(ny)）", .title)]
        for f in c.staffing {
            let (m, ms) = f.old != nil && f.new != nil ? markStyle(f.status) : ("  ", Style.dim)
            out.append(
                Line(segments: [
                    (m, ms), (DisplayWidth.fit(f.label, 10), .normal),
                    (
                        "\(f.old.map(String.init) ?? "未载明") → \(f.new.map(String.init) ?? "未载明")",
                        f.status == .changed ? .changed : .number
                    )
                ]))
        }
        return out
    }

    static func claims(_ c: Comparison, width: Int) -> [Line] {
        let (oy, ny) = years(c)
        var out = [Line("\(ny) 年情况说明所称“比上年”与 \(oy) 年文件核对", .title)]
        for p in c.priorYearClaims {
            let f = p.fact
            out.append(
                Line(segments: [
                    (p.agrees ? "✓ " : "✗ ", p.agrees ? .added : .error), ("第 \(f.line) 行 \(f.subject)", .normal)
                ]))
            out.append(
                Line(segments: [
                    (
                        "    称 \(f.amount?.grouped ?? "") 万元、比上年 \(f.change.map { ($0.hundredths >= 0 ? "+" : "") + $0.grouped } ?? "")，即上年 ",
                        .dim
                    ),
                    (p.implied.grouped, .number), ("；\(p.source)为 ", .dim),
                    (p.actual.grouped, p.agrees ? .number : .error)
                ]))
        }
        return out
    }

    /// A code through every table of both years, then the projects under it and their sheets.
    static func codeAcross(_ code: String, _ c: Comparison) -> [Line] {
        let (oy, ny) = years(c)
        let name =
            c.tables.lazy.compactMap { t in t.lines.first { $0.code == code && $0.project == nil }?.name }.first ?? ""
        var out = [Line("\(code) \(name)（\(oy) → \(ny)，万元）", .title), Line("各表中的数", .header)]
        for (ti, t) in c.tables.enumerated() {
            guard let li = t.lines.firstIndex(where: { $0.code == code && $0.project == nil && $0.side != .income })
            else { continue }
            let line = t.lines[li]
            let (m, ms) = markStyle(line.isChange ? line.status : .same)
            out.append(
                Line(
                    segments: [(m, ms), (DisplayWidth.fit(CompareItem.table(ti).label(c), 26), .key)]
                        + change(line.primary),
                    target: .compareLine(table: ti, line: li)))
        }
        if let ti = c.tables.firstIndex(where: { $0.kind == .gpbProjectExpense }) {
            let projects = c.tables[ti].lines.enumerated().filter {
                $0.element.project != nil && ($0.element.code?.hasPrefix(code) ?? false)
            }
            if !projects.isEmpty {
                out.append(Line(""))
                out.append(Line("项目（\(projects.count)）", .header))
                for (li, line) in projects {
                    let sheet = sheetIndex(line.label, c)
                    let (m, ms) = markStyle(line.status)
                    out.append(
                        Line(
                            segments: [(m, ms), (line.label, .normal), ("  ", .normal)] + change(line.primary)
                                + [(sheet == nil ? "  无绩效目标表" : "  ▸ 绩效目标", sheet == nil ? .dim : .key)],
                            target: sheet.map { .compare(.sheet($0)) } ?? .compareLine(table: ti, line: li)))
                }
            }
        }
        return out
    }
}
