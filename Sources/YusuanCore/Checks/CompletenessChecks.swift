/// Tables promised, required, printed empty, or said to be empty.
enum CompletenessChecks {
    /// The national template: eight tables, with 项目支出 from 2021 (预算 only) and 国有资本经营 from 2023.
    static func standardKinds(year: Int?, documentKind: String = "预算") -> [TableKind] {
        var kinds: [TableKind] = [
            .incomeExpenseSummary, .incomeSummary, .expenseSummary, .fiscalSummary, .gpbExpense,
            .gpbBasicExpense, .govFundExpense, .threePublic
        ]
        // The 项目支出 table joined the national set later than the first eight (2021 here, as
        // the samples' templates show it); earlier years are not held to it.
        // (The 决算 set has none: its 项目支出 stand in the performance self-evaluation instead.)
        if (year ?? 2023) >= 2021, documentKind != "决算" { kinds.insert(.gpbProjectExpense, at: 6) }
        if (year ?? 2023) >= 2023 { kinds.insert(.stateCapitalExpense, at: 8) }
        return kinds
    }

    /// The 情况说明 saying why a table is empty ("本部门无政府性基金预算", "本部门无此项支出" under its
    /// heading) explains it as a note under the table would.
    static func proseSaysEmpty(_ kind: TableKind, _ d: Disclosure) -> Bool {
        let keys: [String]
        switch kind {
        case .govFundExpense: keys = ["政府性基金"]
        case .stateCapitalExpense: keys = ["国有资本经营"]
        case .threePublic: keys = ["三公"]
        case .gpbProjectExpense: keys = ["项目支出"]
        default: return false
        }
        let none = ["无此项", "无该项", "无相关", "没有", "未安排", "本部门无", "本单位无"]
        var heading = false  // under a heading that names the table
        for line in d.sourceLines where !line.contains("\t") {
            let c = CJK.compact(String(line))
            let names = keys.contains(where: c.contains)
            if names || heading, none.contains(where: c.contains) { return true }
            // A short line without a full stop: a heading (counted by scalars when they are Characters).
            let short = !c.contains("。") && c.count(plain: c.isPlainScalars) <= 40
            if names, short { heading = true; continue }
            if short { heading = false }
        }
        return false
    }

    static func run(_ sink: inout FindingSink) {
        let d = sink.disclosure
        for note in d.parseNotes {
            let rule =
                switch note.kind {
                case .secondDocument: Rules.secondDocument
                case .repeatedTable: Rules.repeatedTable
                case .oddAmount: Rules.oddAmount
                }
            sink.add(Finding(rule: rule, message: note.message, line: note.line))
        }
        let printed = Set(d.tables.map(\.kind))
        var reported = Set<TableKind>()
        // The prose half of a disclosure whose tables were published as a file of their own: no
        // table is missing from it, and none can be checked until the two are read together.
        if d.tables.isEmpty, !d.contents.isEmpty || !d.facts.isEmpty {
            sink.cannot("本文件只有文字部分，未印任何表格（表格可能另册公布）；目录所列各表与文中数字无从核对")
            return
        }
        for entry in d.contents {
            guard let kind = entry.kind, !printed.contains(kind), !reported.contains(kind) else { continue }
            reported.insert(kind)
            let label = d.orphanLabels.first.map { "（\($0.label)只印了标签）" } ?? ""
            sink.add(Finding(rule: Rules.promised, message: "目录列出“\(entry.title)”，正文未印出此表\(label)", line: entry.line))
        }
        for kind in standardKinds(year: d.year, documentKind: d.documentKind)
        where !printed.contains(kind) && !reported.contains(kind) {
            sink.add(
                Finding(
                    rule: Rules.standardSet,
                    message: "缺少\(kind.shortName)情况表（\(d.year.map(String.init) ?? "该")年度标准公开表之一）"))
        }
        for t in d.tables {
            if t.kind == .unknown {
                sink.add(
                    Finding(
                        rule: Rules.unknownTable, message: "未识别的表“\(t.title)”，其内容未纳入核对", table: t, line: t.lines.first))
            }
            let isEmpty = t.isEmpty
            if isEmpty, t.emptyNote == nil, t.kind != .unknown, !proseSaysEmpty(t.kind, d) {
                sink.add(
                    Finding(
                        rule: Rules.emptyNote, message: "\(t.number ?? "")\(t.title)为空表，但未说明原因", table: t,
                        line: t.lines.first))
            }
            if let note = t.emptyNote {
                if !isEmpty, note.contains("空表") || note.contains("空白表") {
                    sink.add(
                        Finding(
                            rule: Rules.emptyWithRows, message: "\(t.number ?? "")\(t.title)注明为空表，但表中有金额", table: t,
                            line: t.lines.first))
                }
                if let other = otherBudget(note, kind: t.kind) {
                    sink.add(
                        Finding(
                            rule: Rules.emptyNote, message: "\(t.number ?? "")\(t.title)的空表说明讲的是\(other)，疑为照抄",
                            table: t, line: t.lines.first))
                }
            }
        }
        // The prose calling a table empty that has amounts.
        // Neither phrase holds a line feed: where the whole text has neither, no line has.
        let all = d.sourceLines.text
        guard all.contains("为空表") || all.contains("为空白表") else { return }
        // The lines that hold one, found on their bytes: a String made only of those.
        var saying: [(Int, String)] = []
        d.sourceLines.forEachLineBytes { index, bytes in
            let holds = Self.emptyPhrases.contains { phrase in
                phrase.withUnsafeBufferPointer { FastSearch.find(bytes, $0) != nil }
            }
            if holds { saying.append((index, String(decoding: bytes, as: UTF8.self))) }
        }
        for (index, raw) in saying {
            let text = CJK.compact(raw)
            guard let r = text.range(of: "情况表为空") else { continue }
            let head = String(text[..<r.lowerBound]) + "情况表"
            let start = head.lastIndex(where: { "，,。；".contains($0) }).map { head.index(after: $0) } ?? head.startIndex
            guard let kind = TableKind.classify(title: String(head[start...])), let table = d.table(kind),
                !table.isEmpty
            else { continue }
            if table.lines.first <= index + 1 && index + 1 <= table.lines.last { continue }
            sink.add(
                Finding(
                    rule: Rules.emptyWithRows, message: "情况说明称\(kind.shortName)情况表为空表，但\(table.number ?? "")有金额",
                    table: table, line: index + 1))
        }
    }

    /// 为空表 and 为空白表 in UTF-8.
    static let emptyPhrases: [[UInt8]] = [Array("为空表".utf8), Array("为空白表".utf8)]

    /// An empty 国有资本经营 table noted "无政府性基金…": a note copied from its neighbour.
    static func otherBudget(_ note: String, kind: TableKind) -> String? {
        switch kind {
        case .stateCapitalExpense: return note.contains("政府性基金") && !note.contains("国有资本") ? "政府性基金" : nil
        case .govFundExpense: return note.contains("国有资本") && !note.contains("政府性基金") ? "国有资本经营预算" : nil
        default: return nil
        }
    }
}
