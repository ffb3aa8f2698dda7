import Foundation
import YusuanCore

/// Content shown as lines (everything but tables): each line is styled segments and, where
/// Enter leads somewhere, a target.
enum ContentLines {
    enum Target: Equatable {
        case item(OutlineItem)
        case cell(table: Int, row: Int, column: Int)
        case finding(Int)
        /// In the compare screen: an item, or a line of a compared table.
        case compare(CompareItem)
        case compareLine(table: Int, line: Int)
    }

    struct Line {
        var segments: [(String, Style)]
        var target: Target?
        var plain: String { segments.map(\.0).joined() }
        init(_ text: String, _ style: Style = .normal, target: Target? = nil) {
            segments = [(text, style)]
            self.target = target
        }
        init(segments: [(String, Style)], target: Target? = nil) {
            self.segments = segments
            self.target = target
        }
    }

    static func build(_ item: OutlineItem, _ doc: LoadedDocument, width: Int) -> [Line] {
        let d = doc.disclosure
        switch item {
        case .overview: return overview(d, width: width)
        case .table(let i): return [Line("\(d.tables[i].title)")]
        case .sheets: return sheetList(d)
        case .sheet(let i): return sheet(d.performanceSheets[i], width: width)
        case .prose: return prose(doc, width: width)
        case .glossary:
            return d.glossary.flatMap { g in
                wrap("\(g.term)：\(g.definition)", width, .normal, firstStyle: .title) + [Line("")]
            }
        case .findings: return findings(doc, width: width)
        case .source(let range, _): return source(d, range, width: width)
        case .code(let code): return CodeAcross.lines(code, doc, width: width)
        }
    }

    static func wrap(_ text: String, _ width: Int, _ style: Style, firstStyle: Style? = nil, indent: String = "")
        -> [Line]
    {
        DisplayWidth.wrap(text, max(1, width - DisplayWidth.of(indent))).enumerated().map { i, part in
            Line(indent + part, i == 0 ? (firstStyle ?? style) : style)
        }
    }

    static func overview(_ d: Disclosure, width: Int) -> [Line] {
        var out: [Line] = [
            Line("\(d.unit)", .title),
            Line("\(d.year.map(String.init) ?? "?") 年\(d.scope)\(d.documentKind)  ·  \(d.path)", .dim), Line("")
        ]
        let s = d.overview.staffing
        if s.authorized != nil || s.actual != nil {
            func n(_ v: Int?) -> String { v.map(String.init) ?? "—" }
            func c(_ v: Int?) -> String { v.map { $0 == 0 ? "" : ($0 > 0 ? "（+\($0)）" : "（\($0)）") } ?? "" }
            out.append(Line("人员", .header))
            out.append(
                Line(
                    "编制数 \(n(s.authorized))   实有 \(n(s.actual))   在职 \(n(s.active))\(c(s.activeChange))   退休 \(n(s.retired))\(c(s.retiredChange))   离休 \(n(s.lixiu))"
                ))
            out.append(Line(""))
        }
        if !d.overview.departments.isEmpty {
            out.append(Line("机构设置（\(d.overview.departments.count) 个）", .header))
            out += wrap(d.overview.departments.joined(separator: "、"), width, .normal)
            out.append(Line(""))
        }
        if !d.overview.functions.isEmpty {
            out.append(Line("主要职能", .header))
            for paragraph in paragraphs(d.overview.functions) { out += wrap(paragraph, width, .normal) }
            out.append(Line(""))
        }
        // A document without a contents page says only what it printed.
        out.append(
            Line(
                d.contents.isEmpty
                    ? "公开表（印出 \(d.tables.count) 张，无目录）" : "公开表（目录列 \(d.contents.count) 张，印出 \(d.tables.count) 张）",
                .header))
        for (i, t) in d.tables.enumerated() {
            let total = t.totalRow?.values.first.flatMap { $0 }?.grouped ?? ""
            out.append(
                Line(
                    segments: [
                        ("\(t.number ?? "—") ", .key), ("\(t.title)", .normal),
                        (t.isEmpty ? "  空表" : "  \(total)", t.isEmpty ? .dim : .number)
                    ],
                    target: .item(.table(i))))
        }
        for entry in d.contents where entry.kind != nil && !d.tables.contains(where: { $0.kind == entry.kind }) {
            out.append(Line("✗ \(entry.title)（目录列出，未印出）", .error))
        }
        return out
    }

    /// Lines a PDF broke mid-sentence joined again: a new paragraph starts only after a full stop
    /// or at a numbered item ("（2）", "2.", "二、").
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if let last = out.last, !last.hasSuffix("。"), !startsItem(line) {
                out[out.count - 1] += line
            } else {
                out.append(line)
            }
        }
        return out
    }

    static func startsItem(_ line: String) -> Bool {
        let chars = Array(line.prefix(4))
        guard let first = chars.first else { return false }
        let numeral: (Character) -> Bool = { $0.isNumber || "一二三四五六七八九十".contains($0) }
        if first == "（" || first == "(" { return chars.count > 1 && numeral(chars[1]) }
        if numeral(first), let i = chars.firstIndex(where: { !numeral($0) }) { return "、.．）)".contains(chars[i]) }
        return false
    }

    static func sheetList(_ d: Disclosure) -> [Line] {
        d.performanceSheets.enumerated().map { i, s in
            let name = s.project ?? "整体绩效目标"
            return Line(
                segments: [
                    (s.kind == .overall ? "整体 " : "项目 ", .dim), (name, .normal),
                    ("  \(s.fundingTotal?.grouped ?? "—") 万元  \(s.indicators.count) 个指标", .number)
                ],
                target: .item(.sheet(i)))
        }
    }

    static func sheet(_ s: PerformanceSheet, width: Int) -> [Line] {
        var out: [Line] = [Line(s.project ?? "部门（单位）整体绩效目标", .title)]
        var head: [String] = []
        if let u = s.unit { head.append("预算单位 \(u)") }
        if let m = s.manager { head.append("负责人 \(m)") }
        if !head.isEmpty { out.append(Line(head.joined(separator: "  ·  "), .dim)) }
        if !s.fundingLines.isEmpty {
            out.append(
                Line(
                    segments: [("资金（万元） ", .header)]
                        + s.fundingLines.map { ("\($0.label) \($0.amount?.grouped ?? "—")   ", Style.number) }))
        }
        if let goal = s.goal {
            out.append(Line("总体目标", .header))
            out += wrap(goal, width, .normal, indent: "  ")
        }
        out.append(Line("指标（\(s.indicators.count)）", .header))
        var lastL1: String?
        var lastL2: String?
        for i in s.indicators {
            if i.level1 != lastL1 {
                out.append(Line(i.level1 ?? "（未标一级指标）", .classRow)); lastL1 = i.level1; lastL2 = nil
            }
            if i.level2 != lastL2, let l2 = i.level2 { out.append(Line("  \(l2)", .header)); lastL2 = l2 }
            var segments: [(String, Style)] = [
                ("    \(i.name)", i.nameRepeats > 1 ? .warning : .normal),
                ("  \(i.value ?? "（无指标值）")", i.value == nil ? .error : .number)
            ]
            var extras: [String] = []
            if let b = i.basis { extras.append(b) }
            if let l = i.lastValue { extras.append("上年 \(l)") }
            if let w = i.weight { extras.append("权重 \(w)") }
            if !extras.isEmpty { segments.append(("  " + extras.joined(separator: " · "), .dim)) }
            out.append(Line(segments: segments))
        }
        return out
    }

    static func prose(_ doc: LoadedDocument, width: Int) -> [Line] {
        let d = doc.disclosure
        guard let first = d.sections.first?.lines.first else { return [] }
        let end = d.glossary.first.map { $0.line - 1 } ?? d.sourceLines.count
        let flagged = Set(
            doc.findings.filter { $0.category == .narrative || $0.category == .performance }.compactMap(\.line))
        var out: [Line] = []
        var paragraph = ""
        var paragraphLine = first
        var paragraphStart = first
        // Enter on a paragraph goes to what it talks about: its finding's cell, else the row of
        // the code it names.
        func target(_ from: Int, _ to: Int) -> Target? {
            if let i = doc.findings.indices.first(where: { i in
                let l = doc.findings[i].line ?? -1
                return from <= l && l <= to
                    && (doc.findings[i].category == .narrative || doc.findings[i].category == .performance)
            }) {
                return .finding(i)
            }
            for f in d.facts where from <= f.line && f.line <= to {
                guard let code = f.code else { continue }
                for kind in [TableKind.gpbExpense, .expenseSummary] {
                    if let t = d.tables.firstIndex(where: { $0.kind == kind }),
                        let r = d.tables[t].rows.firstIndex(where: { $0.code == code && $0.project == nil })
                    {
                        return .cell(table: t, row: r, column: 0)
                    }
                }
            }
            return nil
        }
        var lineNumber = first
        func flush() {
            guard !paragraph.isEmpty else { return }
            let style: Style = flagged.contains(paragraphLine) ? .warning : .normal
            let goTo = target(paragraphStart, lineNumber)
            for part in DisplayWidth.wrap(paragraph, max(1, width)) {
                out.append(Line(segments: highlightNumbers(part, style), target: goTo))
            }
            paragraph = ""
        }
        for raw in d.sourceLines[(first - 1)..<min(end, d.sourceLines.count)] {
            defer { lineNumber += 1 }
            if d.performanceSheets.contains(where: { $0.lines.first <= lineNumber && lineNumber <= $0.lines.last }) {
                continue
            }
            let text = CJK.joinWrapped(raw.trimmingCharacters(in: .whitespaces))
            if text.isEmpty { continue }
            if SectionReaderBridge.isHeading(text) {
                flush()
                out += DisplayWidth.wrap(text, max(1, width)).map { Line($0, .header) }
                continue
            }
            if paragraph.isEmpty { paragraphLine = lineNumber; paragraphStart = lineNumber }
            paragraph += text
            if flagged.contains(lineNumber) { paragraphLine = lineNumber }
            if text.hasSuffix("。") || text.hasSuffix("：") { flush() }
        }
        flush()
        return out
    }

    /// Numbers in prose stand out.
    static func highlightNumbers(_ text: String, _ base: Style) -> [(String, Style)] {
        var out: [(String, Style)] = []
        var current = ""
        var inNumber = false
        for ch in text {
            let isNum = ch.isASCII && (ch.isNumber || (inNumber && (ch == "." || ch == "," || ch == "%")))
            if isNum != inNumber, !current.isEmpty { out.append((current, inNumber ? .number : base)); current = "" }
            inNumber = isNum
            current.append(ch)
        }
        if !current.isEmpty { out.append((current, inNumber ? .number : base)) }
        return out
    }

    static func findings(_ doc: LoadedDocument, width: Int) -> [Line] {
        if doc.findings.isEmpty { return [Line("没有发现问题。", .dim)] }
        return doc.findings.enumerated().map { i, f in
            let style: Style = f.severity == .error ? .error : (f.severity == .warning ? .warning : .info)
            return Line(
                segments: [
                    (f.severity == .error ? "✗ " : (f.severity == .warning ? "! " : "· "), style),
                    ("\(f.message)", .normal), ("  \(Browser.place(f))", .dim)
                ],
                target: .finding(i))
        }
    }

    /// The lines shown around a cited range: enough on either side to scroll a screen or two.
    static func sourceWindow(_ range: SourceRange, count: Int) -> ClosedRange<Int> {
        let from = max(1, range.first - 60)
        return from...max(from, min(count, range.last + 60))
    }

    /// Source lines, numbered; the cited ones marked "▶" and bright, the rest dim. `shift`
    /// columns of each line's text are left out (←/→ scroll a wide line into view).
    /// `marks`: figures picked out (`.match`) where the cited lines print them.
    static func source(_ d: Disclosure, _ range: SourceRange, width: Int, shift: Int = 0, marks: [String] = [])
        -> [Line]
    {
        guard !d.sourceLines.isEmpty else { return [] }
        return sourceWindow(range, count: d.sourceLines.count).map { n in
            let inside = range.first <= n && n <= range.last
            let text = DisplayWidth.dropLeading(d.sourceLines[n - 1].replacingOccurrences(of: "\t", with: " ⇥ "), shift)
            let number = ((inside ? "▶" : " ") + String(format: "%5d ", n), inside ? Style.key : .dim)
            guard inside else { return Line(segments: [number, (text, .dim)]) }
            return Line(segments: [number] + marked(text, marks))
        }
    }

    /// `text` cut into runs, each mark's occurrences (as a whole number, not inside a longer one)
    /// in `.match`.
    static func marked(_ text: String, _ marks: [String]) -> [(String, Style)] {
        var out: [(String, Style)] = []
        var rest = Substring(text)
        // ASCII only: 万 and 千 are numbers to Unicode, and "352.15万元" prints the figure whole.
        func isDigit(_ c: Character?) -> Bool {
            c.map { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," } ?? false
        }
        while !rest.isEmpty {
            let hits = marks.filter { !$0.isEmpty }.compactMap { m -> Range<Substring.Index>? in
                var from = rest.startIndex
                while let r = rest.range(of: m, range: from..<rest.endIndex) {
                    let before = r.lowerBound > rest.startIndex ? rest[rest.index(before: r.lowerBound)] : nil
                    let after = r.upperBound < rest.endIndex ? rest[r.upperBound] : nil
                    if !isDigit(before), !isDigit(after) { return r }
                    from = r.upperBound
                }
                return nil
            }
            guard let hit = hits.min(by: { $0.lowerBound < $1.lowerBound }) else { break }
            if hit.lowerBound > rest.startIndex { out.append((String(rest[..<hit.lowerBound]), .normal)) }
            out.append((String(rest[hit]), .match))
            rest = rest[hit.upperBound...]
        }
        if !rest.isEmpty { out.append((String(rest), .normal)) }
        return out
    }
}

/// The prose heading test, shared with the parser's section reader.
enum SectionReaderBridge {
    static func isHeading(_ text: String) -> Bool {
        let numerals = "一二三四五六七八九十"
        let chars = Array(text)
        guard let f = chars.first else { return false }
        if numerals.contains(f), let sep = chars.firstIndex(of: "、"), sep <= 3 { return true }
        if f == "（" || f == "(", chars.count > 2, numerals.contains(chars[1]) { return true }
        return false
    }
}
