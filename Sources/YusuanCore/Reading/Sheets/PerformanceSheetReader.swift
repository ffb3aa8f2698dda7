/// 项目支出绩效目标表 and 部门(单位)整体绩效目标表, in tab layout or as wrapped fragments.
enum PerformanceSheetReader {
    static func isTitle(_ line: some ProseLine) -> Bool {
        // Asked of every line: a title ends in the Character 表, which no scalar but 表 itself
        // equals, so the last scalar refuses nearly all lines at once.
        guard line.endsWithBiao else { return false }
        let c = line.compact
        return c.hasSuffix("绩效目标表") && c.count <= 20 && !c.contains("，") && !c.contains("见")
    }

    static func read(_ lines: ArraySlice<SourceText.Line>) -> [PerformanceSheet] {
        var blocks: [[SourceText.Line]] = []
        var current: [SourceText.Line]?
        for line in lines {
            if isTitle(line) {
                if let c = current { blocks.append(c) }
                current = [line]
                continue
            }
            guard current != nil else { continue }
            let c = line.compact
            if !line.hasTabs, let h = SectionReader.heading(line.text), h.1 <= 2, !c.contains("指标") {
                blocks.append(current!)
                current = nil
                continue
            }
            if PartLocator.partNumber(c) != nil { blocks.append(current!); current = nil; continue }
            current!.append(line)
        }
        if let c = current { blocks.append(c) }
        return blocks.compactMap(sheet)
    }

    static func sheet(_ block: [SourceText.Line]) -> PerformanceSheet? {
        guard let title = block.first else { return nil }
        let kind: PerformanceSheet.Kind = title.compact.contains("整体") ? .overall : .project
        let body = block.dropFirst().filter { !$0.isBlank && !$0.isPageNumber }
        let range = SourceRange(title.number, body.last?.number ?? title.number)
        var sheet = PerformanceSheet(kind: kind, lines: range)
        // The head: everything before the indicator header.
        guard let headerIndex = body.firstIndex(where: { $0.compact.hasPrefix("一级指") }) else {
            readHead(Array(body), into: &sheet)
            return sheet
        }
        readHead(Array(body[body.startIndex..<headerIndex]), into: &sheet)
        let rest = Array(body[headerIndex...])
        if rest.first?.hasTabs == true {
            sheet.indicators = TabIndicators.read(rest)
        } else if StreamIndicators.applies(rest) {
            sheet.indicators = TabIndicators.read(StreamIndicators.tabbed(rest))
        } else if LabelAboveIndicators.applies(rest) {
            sheet.indicators = TabIndicators.read(LabelAboveIndicators.tabbed(rest))
        } else {
            sheet.indicators = WrappedIndicators.read(rest)
        }
        return sheet
    }

    static let keys: [(String, String)] = [
        ("预算单位", "unit"), ("单位名称", "unit"), ("部门名称", "unit"), ("项目名称", "project"),
        ("项目负责人", "manager"), ("部门联系人", "contact"), ("单位联系人", "contact"), ("联系电话", "phone"),
        ("项目总体目标", "goal"), ("年度绩效目标", "goal"), ("项目资金", "funding"), ("年度预算", "funding")
    ]

    /// The first scalar of each key.
    static let keyLeads: [UInt32] = keys.map { $0.0.unicodeScalars.first!.value }

    static func key(of cell: String) -> String? {
        let c = CJK.compact(cell)
        // The keys are plain: a plain cell (nearly all) is compared and counted by scalars.
        let plain = c.isPlainScalars
        // Most cells start with none of the keys' first scalars: refused without comparing.
        if plain, let first = c.unicodeScalars.first, !keyLeads.contains(first.value) { return nil }
        for (k, v) in keys where c.hasPrefix(k, plain: plain) {
            if v == "funding", c.contains("总额") { return nil }  // "年度预算总额:" is a funding label
            if c.count(plain: plain) <= k.count + 8 { return v }
        }
        return nil
    }

    /// Reads key/value cells in order; tab rows give cells, other lines give space-split tokens
    /// (a whole line when it is prose, as the goal is).
    static func readHead(_ lines: [SourceText.Line], into sheet: inout PerformanceSheet) {
        var cells: [(String, Int)] = []
        for line in lines {
            if line.hasTabs {
                for c in line.cells where !c.isEmpty { cells.append((c, line.number)) }
            } else {
                let tokens = Fragment.tokens(line.text)
                // The line under a goal's label is the goal, whatever words it starts with.
                let afterGoalLabel = cells.last.map { key(of: $0.0) == "goal" } ?? false
                if !afterGoalLabel, tokens.count > 1, let first = tokens.first, key(of: first) == "goal" {
                    // The goal's label and the goal on one line.
                    cells.append((first, line.number))
                    cells.append((tokens.dropFirst().joined(separator: " "), line.number))
                } else if !afterGoalLabel, tokens.count <= 6 || tokens.first.flatMap(key(of:)) != nil,
                    tokens.contains(where: { key(of: $0) != nil })
                {
                    // Labels and values separated by spaces (a short line, or one that starts
                    // with a label).
                    for t in tokens { cells.append((t, line.number)) }
                } else {
                    cells.append((line.text.trimmed(), line.number))
                }
            }
        }
        var mode = ""
        var label = ""
        var goal: [String] = []
        for (cell, _) in cells {
            if let k = key(of: cell) {
                mode = k
                label = ""
                if k == "funding" { continue }
                continue
            }
            switch mode {
            case "unit": if sheet.unit == nil { sheet.unit = CJK.joinWrapped(cell) }
            case "project": sheet.project = CJK.joinWrapped((sheet.project ?? "") + cell)
            case "manager": if sheet.manager == nil { sheet.manager = cell }
            case "goal": goal.append(cell)
            case "funding":
                // "8.4 万元" split by a space: the unit after its amount.
                if ["万元", "万"].contains(CJK.compact(cell)), sheet.fundingLines.last?.amount != nil, label.isEmpty {
                    continue
                }
                if let amount = fundingAmount(cell) {
                    sheet.fundingLines.append(.init(label: fundingLabel(label), amount: amount, text: cell))
                    label = ""
                } else if CJK.compact(cell).hasPrefix("资金来源") || CJK.compact(cell).hasPrefix("资金总额") {
                    continue
                } else {
                    if !label.isEmpty, fundingLabelComplete(label) {
                        sheet.fundingLines.append(.init(label: fundingLabel(label), amount: nil, text: ""))
                        label = ""
                    }
                    label += CJK.compact(cell)
                }
            default: break
            }
        }
        if mode == "funding", !label.isEmpty, fundingLabelComplete(label) {
            sheet.fundingLines.append(.init(label: fundingLabel(label), amount: nil, text: ""))
        }
        if !goal.isEmpty {
            var text = CJK.joinWrapped(goal.joined())
            // Searched by bytes first: nothing but these very bytes can match the tags.
            // A plain text (nearly every goal) has them removed by bytes too, as Foundation would.
            for tag in ["<p>", "</p>"] where text.contains(tag) {
                text =
                    text.isPlainScalars
                    ? FactReader.removingAll(tag, from: text) : text.replacingOccurrences(of: tag, with: "")
            }
            sheet.goal = text
        }
    }

    static func fundingLabelComplete(_ label: String) -> Bool {
        // "其中:" only leads into the label that follows.
        guard label != "其中:", label != "其中：" else { return false }
        return label.hasSuffix(":") || label.hasSuffix("：") || label.hasSuffix("其他资金") || label.hasSuffix("财政拨款")
    }

    static func fundingLabel(_ raw: String) -> String {
        let compact = CJK.compact(raw)
        // A plain label's scalars are its Characters: the colons are dropped, and the rest cut,
        // by scalars, as Foundation would by Characters.
        if compact.isPlainScalars {
            var label = String(compact.unicodeScalars.filter { $0 != ":" && $0 != "：" })
            if label.hasPrefix("其中", plain: true), label.unicodeScalars.count > 2 {
                label = String(label.unicodeScalars.dropFirst(2))
            }
            if let r = label.lastRange(of: "）"), label.unicodeScalars[r.upperBound...].count >= 2 {
                label = String(label[r.upperBound...])
            }
            return label
        }
        var s = compact.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "：", with: "")
        if s.hasPrefix("其中"), s.count > 2 { s.removeFirst(2) }
        // "财政资金（万元）上级安排" → "上级安排"; keep the last meaningful part.
        if let r = s.range(of: "）", options: .backwards), s.distance(from: r.upperBound, to: s.endIndex) >= 2 {
            s = String(s[r.upperBound...])
        }
        return s
    }

    /// "5万元", "8.4 万元", "3,107.25" → the amount; "合计：" → nil.
    static func fundingAmount(_ cell: String) -> Amount? {
        var c = CJK.compact(cell)
        if c.hasSuffix("万元") { c = String(c.dropLast(2)) } else if c.hasSuffix("万") { c = String(c.dropLast()) }
        return Amount(parsing: c)
    }
}
