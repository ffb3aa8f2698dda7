import Foundation

/// Text → `Disclosure`. Parts are found by their headings (第一部分 …), tables by their titles,
/// and every element keeps the source lines it came from.
public enum DisclosureParser {
    public static func parse(path: String) throws -> Disclosure {
        let text = try TextDecoder.read(path: path)
        return try parse(text: text, path: path)
    }

    /// One disclosure from two files: its prose and its tables (`DocumentPairs`).
    public static func parse(prose prosePath: String, tables tablesPath: String) throws -> Disclosure {
        let merged = DocumentPairs.merge(
            prose: try TextDecoder.read(path: prosePath), tables: try TextDecoder.read(path: tablesPath))
        var d = try parse(text: merged, path: prosePath)
        d.companionPath = tablesPath
        return d
    }

    public static func parse(text raw: String, path: String) throws -> Disclosure {
        let normalized = TextNormalizer.normalizeMarkingPages(raw)
        // On the bytes: the normaliser leaves no "\r", so every line feed is a Character alone.
        let plain = normalized.text.utf8.split(separator: 10, omittingEmptySubsequences: false).map {
            String(Substring($0))
        }
        var source = SourceText(lines: ConverterLayout.tabbed(plain, pageStarts: normalized.pageStarts))
        if source.lines.allSatisfy(\.isBlank) { throw InputError.blank(path) }
        var notes: [Disclosure.ParseNote] = []
        if let cut = DocumentBoundary.secondStart(source.lines), cut > 0 {
            let title = source.lines[cut...].prefix(10).map(\.compact).filter { !$0.isEmpty }.prefix(2).joined(
                separator: " ")
            notes.append(
                .init(
                    kind: .secondDocument, message: "第 \(cut + 1) 行起是另一份公开（\(title)），未读入；请把两份公开分存为两个文件",
                    line: cut + 1))
            source.lines.removeSubrange(cut...)
        }
        let parts = PartLocator.locate(source)
        let tableRegion = parts.tableRegion(in: source)
        let segments = TableSegmenter.segments(source.lines[tableRegion])
        guard segments.contains(where: { $0.kind != nil }) || parts.found >= 3 else {
            throw InputError.notADisclosure(path)
        }
        var tables: [Table] = []
        var orphans: [Disclosure.OrphanLabel] = []
        // Tables read in an order that lets later ones use earlier ones' names and totals.
        let order: [TableKind] = [
            .incomeExpenseSummary, .expenseSummary, .gpbExpense, .fiscalSummary, .incomeSummary,
            .gpbBasicExpense
        ]
        let ranked = segments.enumerated().sorted { a, b in
            let ra = a.element.kind.flatMap { order.firstIndex(of: $0) } ?? order.count
            let rb = b.element.kind.flatMap { order.firstIndex(of: $0) } ?? order.count
            return ra == rb ? a.offset < b.offset : ra < rb
        }
        // Each title without its number, made once for the test of titles repeated below.
        let unnumberedTitles = segments.map { $0.title.map(TableSegmenter.unnumbered) }
        var parsed: [(Int, Table)] = []
        var context = TableContext()
        for (offset, segment) in ranked {
            let meaningful = segment.body.filter { !$0.isBlank }
            if segment.title == nil, meaningful.isEmpty {
                if let label = segment.label, let line = segment.labelLine {
                    orphans.append(.init(label: label, line: line))
                }
                continue
            }
            // A title of no known kind and no label over lines of neither cells nor figures heads
            // a part or a cover ("2017年度部门预算表", "省级部门预算公开报表"); a title alone that a
            // later table repeats is a line of the contents.
            if segment.label == nil, segment.kind == nil,
                !meaningful.contains(where: { $0.hasTabs || $0.text.contains(where: \.isNumber) })
            {
                continue
            }
            if meaningful.isEmpty, let title = unnumberedTitles[offset],
                segments.indices[(offset + 1)...].contains(where: { l in
                    let later = segments[l]
                    return !later.body.isEmpty
                        && (later.kind == segment.kind && segment.kind != nil || unnumberedTitles[l] == title)
                })
            {
                continue
            }
            let table = TableReader.read(segment, context: context)
            context.add(table)
            parsed.append((offset, table))
        }
        tables = RepeatedTables.remove(from: parsed.sorted { $0.0 < $1.0 }.map(\.1), notes: &notes)
        notes += OddAmounts.notes(tables, lines: source.lines.map(\.text))
        let prose = parts.proseRegion(in: source)
        let (read, all) = (source, tables)
        let sections = SectionReader.read(source.lines[prose])
        // The prose's facts take longest; the other readers, as independent, go on beside them.
        let (facts, (header, overview, sheets, glossary, projects, contents)) = Parallel.pair(
            { FactReader.read(read.lines[prose], tables: all) },
            {
                (
                    HeaderReader.read(read, parts: parts, tables: all), OverviewReader.read(read, parts: parts),
                    PerformanceSheetReader.read(read.lines[prose]), GlossaryReader.read(read, parts: parts),
                    ProjectReader.read(tables: all, prose: read.lines[prose]), ContentsReader.read(read, parts: parts)
                )
            })
        var disclosure = Disclosure(
            path: path, unit: header.unit, year: header.year, scope: header.scope, documentKind: header.documentKind,
            date: header.date, overview: overview, contents: contents, tables: tables,
            orphanLabels: orphans, functionalTree: [], economicTree: [], projects: projects, performanceSheets: sheets,
            sections: sections, facts: facts, glossary: glossary,
            sourceLines: SourceLines(source.lines.lazy.map(\.text), joined: normalized.text),
            parseNotes: notes)
        disclosure.functionalTree = ClassificationTreeBuilder.functional(tables)
        disclosure.economicTree = ClassificationTreeBuilder.economic(tables)
        ModelCompaction.compact(&disclosure)
        // The reading checked against the tables' own sums before the document is.
        ReadingDoubt.mark(&disclosure)
        return disclosure
    }
}

/// What tables already read can tell the next one.
struct TableContext {
    private(set) var tables: [Table] = []

    /// Code → name, from the tables that print names cleanly (the first to name a code wins);
    /// kept up as tables are added, not rebuilt from them all for each table.
    private(set) var names: [String: String] = [:]

    mutating func add(_ table: Table) {
        tables.append(table)
        guard table.kind.isFunctional || table.kind == .gpbBasicExpense else { return }
        for r in table.rows { if let c = r.code, names[c] == nil, !r.name.isEmpty { names[c] = r.name } }
    }

    /// 收支总体's income lines, as evidence for 收入总体's column totals.
    var incomeHints: PlacementHints {
        guard let summary = tables.first(where: { $0.kind == .incomeExpenseSummary }) else { return PlacementHints() }
        let income = summary.rows.filter { $0.side == .income }
        var hints = PlacementHints()
        // Column label fragment ← the income line that states its total (only lines printed).
        let known: [(String, [String])] = [
            ("一般公共预算", ["一般财力"]),
            ("上级一般公共预算安排的转移支付", ["上级一般公共预算安排转移支付", "上级一般公共预算安排的转移支付"]),
            ("财政专户（教育收费）", ["财政专户核拨"]),
            ("单位资金", ["5.单位资金"]),
            ("财政拨款结转", ["财政拨款结转"]),
            ("非财政拨款结转结余", ["非财政拨款结转结余", "非财政拨款结余"])
        ]
        for (column, keys) in known {
            if let r = income.first(where: { r in keys.contains { CJK.compact(r.name).hasSuffix($0) } }) {
                hints.columnTotals.append((column, r.values.first ?? nil))
            }
        }
        // Templates whose 收入总体 columns repeat the income lines' names (上级专项收入,
        // 政府性基金预算 → 政府性基金预算拨款): the line's amount is the column's total.
        let named = Set(known.map(\.0))
        for r in income {
            let name = TableReader.droppingNumbering(CJK.canonicalLabel(r.name))
            if name.count >= 4, !named.contains(name) { hints.columnTotals.append((name, r.values.first ?? nil)) }
        }
        return hints
    }
}

/// One segment of 第二部分 → a `Table`.
enum TableReader {
    static func read(_ segment: TableSegment, context: TableContext) -> Table {
        var body: [SourceText.Line] = []
        var preparer: String?
        var unit = "万元"
        var noteLines: [String] = []
        var inNote = false
        var afterNote = false  // the line before was the note's
        for line in segment.body where !line.isBlank && !line.isPageNumber {
            let c = line.compact
            // The first Character picks the few prefixes worth testing (hasPrefix compares
            // Character by Character, so a prefix can only match after its own first one).
            let head = c.first
            if head == "编" && (c.hasPrefix("编制单位") || c.hasPrefix("编制部门"))
                || head == "部" && (c.hasPrefix("部门：") || c.hasPrefix("部门:"))
            {
                var rest = line.text.trimmed()
                if let colon = rest.firstIndex(where: { $0 == "：" || $0 == ":" }) {
                    rest = String(rest[rest.index(after: colon)...])
                }
                if let u = rest.range(of: "单位：") ?? rest.range(of: "单位:") {
                    unit = amountUnit(String(rest[u.upperBound...]))
                    rest = String(rest[..<u.lowerBound])
                }
                if preparer == nil { preparer = rest.trimmed() }
                continue
            }
            if head == "单", c.hasPrefix("单位：") || c.hasPrefix("单位:") {
                unit = amountUnit(String(c.dropFirst(3)))
                continue
            }
            let isNote =
                head == "备" && c.hasPrefix("备注") || head == "注" && (c.hasPrefix("注：") || c.hasPrefix("注:"))
                || c.contains("空表") || c.contains("空白表")
                || ((head == "（" && c.hasPrefix("（无") || head == "(" && c.hasPrefix("(无"))
                    && (c.hasSuffix("）") || c.hasSuffix(")")))
            // A note's next numbered item ("注：1.…。" then "2.…") goes on the note.
            let nextItem =
                !noteLines.isEmpty && afterNote && !line.hasTabs && PDFParagraphs.startsItem(c)
                && !Fragment.tokens(line.text).contains(where: Amount.isPrinted)
            if isNote || nextItem || (inNote && !line.hasTabs) {
                noteLines.append(line.text.trimmed())
                inNote = !(c.hasSuffix("。") || c.contains("空表") || c.contains("空白表"))
                afterNote = true
                continue
            }
            inNote = false
            afterNote = false
            body.append(line)
        }
        var note = noteLines.isEmpty ? nil : CJK.joinWrapped(noteLines.joined())
        if let n = note, n.hasPrefix("备注") {
            note = String(n.drop { $0 != "：" && $0 != ":" }.dropFirst()).trimmed()
        }
        let kind = segment.kind ?? .unknown
        let tabbed = body.filter(\.hasTabs).count * 2 >= body.count && !body.isEmpty
        let result: (columns: [String], rows: [Row])
        let names = context.names
        if tabbed {
            result = TabTableParser.parse(kind: kind, lines: body)
        } else {
            result = WrappedTableParser.parse(
                kind: kind, lines: body, knownNames: names,
                hints: kind == .incomeSummary ? context.incomeHints : PlacementHints())
        }
        var rows = result.rows
        completeCodes(&rows, kind: kind, names: names)
        let first = segment.labelLine ?? segment.titleLine ?? segment.firstLine
        return Table(
            kind: kind, number: segment.label, title: segment.title ?? "", preparer: preparer, amountUnit: unit,
            columns: result.columns, rows: rows, emptyNote: note,
            lines: SourceRange(first, segment.lastLine), layout: tabbed ? .tabs : .wrapped)
    }

    /// `name` without a leading "一、" or "1." (`^([一二三四五六七八九十]+、|\d+\.)`, matched by hand:
    /// compiling a regex costs the process a one-time setup larger than all of its matching).
    static func droppingNumbering(_ name: String) -> String {
        let scalars = name.unicodeScalars
        var i = scalars.startIndex
        let numeral = scalars.first.map { SectionReader.isNumeral(scalar: $0.value) } ?? false
        while i < scalars.endIndex,
            numeral
                ? SectionReader.isNumeral(scalar: scalars[i].value) : ClassificationResolver.isDecimal(scalars[i])
        {
            i = scalars.index(after: i)
        }
        guard i > scalars.startIndex, i < scalars.endIndex, scalars[i] == (numeral ? "、" : ".") else { return name }
        return String(scalars[scalars.index(after: i)...])
    }

    static func amountUnit(_ text: String) -> String {
        let c = CJK.compact(text)
        if c.hasPrefix("万元") { return "万元" }
        if c.hasPrefix("元") { return "元" }
        return c.isEmpty ? "万元" : String(c.prefix(4))
    }

    /// A 类 code still short after assembly ("20…") takes the code other tables give its name,
    /// when they give that name one code only ("其他支出" stands under many).
    static func completeCodes(_ rows: inout [Row], kind: TableKind, names: [String: String]) {
        guard kind.isFunctional else { return }
        var codes: [String: Set<String>] = [:]
        for (code, name) in names { codes[name, default: []].insert(code) }
        let byName = codes.compactMapValues { $0.count == 1 ? $0.first : nil }
        for i in rows.indices {
            guard let code = rows[i].code, ![3, 5, 7].contains(code.count) || !code.hasPrefix("2") else { continue }
            if let known = byName[rows[i].name], known.count == 3 || known.count == 5 || known.count == 7 {
                if code.count >= 2, known.hasPrefix(String(code.prefix(2))) { rows[i].code = known }
            }
        }
    }
}
