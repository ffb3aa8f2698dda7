/// Tables copied as a stream of fragments: cells separated by spaces or wrapped a few
/// characters per line, headers written vertically, numbers broken across lines.
/// Rows start at a code (or 合计); cells whose column the text does not say are placed by
/// `CellPlacement` using the document's own arithmetic.
enum WrappedTableParser {
    struct Draft {
        var codeTokens: [String]
        var isTotal: Bool
        var totalName = "合计"  // as printed: 合计 or 总计
        var lineTokens: [[String]] = []
        var lines: SourceRange
    }

    /// `shortHeads`: 类 codes this table prints with their last digit on the next line ("20"
    /// for 208); where there are some, 款 and 项 may lose a digit too ("9" / "9" for 99).
    static func codePrefix(_ tokens: [String], economic: Bool, shortHeads: Set<String> = []) -> [String] {
        var out: [String] = []
        for (i, t) in tokens.enumerated() {
            // ASCII digits alone, so a byte is a Character and `count` the digits.
            guard t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { break }
            if i == 0 {
                guard t.count == 3 || t.count == 5 || t.count == 7 || shortHeads.contains(t) else { break }
                guard let f = t.first, f == "2" || f == "3" else { break }
            } else {
                guard t.count == 2 || (t.count == 1 && !shortHeads.isEmpty), out.count < (economic ? 2 : 3) else {
                    break
                }
            }
            out.append(t)
        }
        // "2023" alone is a year, not a code; a lone 3-digit token must be followed by text.
        return out
    }

    static func isTotalToken(_ t: String) -> Bool { t == "合计" || t == "总计" }

    static func parse(
        kind: TableKind, lines: [SourceText.Line], knownNames: [String: String],
        hints: PlacementHints
    ) -> (columns: [String], rows: [Row]) {
        if kind.isTwoSided { return twoSided(kind: kind, lines: lines) }
        if kind == .threePublic, let horizontal = StreamThreePublic.parse(lines.filter { !$0.isBlank }) {
            return horizontal
        }
        let economic = kind == .gpbBasicExpense
        var drafts: [Draft] = []
        var headerSignature: [String] = []
        var headerLines: [String] = []
        var sawData = false
        var skippingHeader = false
        var headerCursor = 0
        let body = lines.filter { !$0.isBlank }
        // A line that is only a 3-digit code starts a row when a name follows on the next line
        // ("208" / "社会保障和"); "259" / ".20" is a number broken across lines.
        func startsCodedRow(_ i: Int, _ tokens: [String], _ code: [String]) -> Bool {
            guard !code.isEmpty else { return false }
            if tokens.count > code.count || code.count > 1 || code[0].count > 3 { return true }
            guard i + 1 < body.count, let s = body[i + 1].text.trimmed().unicodeScalars.first else { return false }
            return CJK.isHan(s)
        }
        // Each line split once: as printed, and with a 合计 / 总计 split in two joined.
        let printedTokens = body.map { Fragment.tokens($0.text) }
        let lineTokens = printedTokens.map { printed in
            var tokens = printed
            if tokens.count > 1, tokens[0] == "合" || tokens[0] == "总", tokens[1] == "计" {
                tokens = [tokens[0] + "计"] + tokens.dropFirst(2)
            }
            return tokens
        }
        let shortHeads = CodeContinuation.shortHeads(body, tokens: printedTokens)
        let (spreadCodes, codeContinuations) = codesOverLines(body, economic: economic, shortHeads: shortHeads)
        let hasCodedRows =
            !spreadCodes.isEmpty
            || body.indices.contains { i in
                let tokens = lineTokens[i]
                return startsCodedRow(i, tokens, codePrefix(tokens, economic: economic, shortHeads: shortHeads))
            }
        for (i, line) in body.enumerated() {
            let compact = line.compact
            // A plain first scalar other than 编 and 单 starts neither prefix: most rows are out there.
            if let head = compact.unicodeScalars.first,
                head.value == 0x7F16 || head.value == 0x5355 || !String.isPlainScalar(head.value),
                compact.hasPrefix("编制") || compact.hasPrefix("单位：")
            {
                continue
            }
            if codeContinuations.contains(i) { continue }
            if let code = spreadCodes[i] {
                skippingHeader = false
                sawData = true
                drafts.append(Draft(codeTokens: code, isTotal: false, lines: SourceRange(line: line.number)))
                continue
            }
            let tokens = lineTokens[i]
            // A header repeated after a page break: the same lines as the first header, in order.
            if sawData, !skippingHeader, let first = headerSignature.first, compact == first {
                skippingHeader = true
                headerCursor = 1
                continue
            }
            if skippingHeader {
                // A repeat may differ in a word (a column the page leaves out): close is enough.
                if headerCursor < headerSignature.count,
                    compact == headerSignature[headerCursor]
                        || NameMatch.similarity(compact, headerSignature[headerCursor]) >= 0.8
                {
                    headerCursor += 1
                    continue
                }
                skippingHeader = false
            }
            let code = codePrefix(tokens, economic: economic, shortHeads: shortHeads)
            // The digits a row's code lost to the next line ("8" / "9" under "20" "01" "9"),
            // with the rest of its name.
            if code.isEmpty, let last = drafts.indices.last, !drafts[last].isTotal,
                let parts = CodeContinuation.fill(drafts[last].codeTokens, from: tokens)
            {
                drafts[last].codeTokens = parts.code
                if !parts.rest.isEmpty { drafts[last].lineTokens.append(parts.rest) }
                drafts[last].lines = drafts[last].lines.union(SourceRange(line: line.number))
                continue
            }
            // One cell per line: a label alone whose amounts follow on lines of their own.
            let amountsFollow =
                i + 1 < body.count && spreadCodes[i + 1] == nil
                && {
                    let next = printedTokens[i + 1]
                    return next.allSatisfy(Fragment.isNumeric) && next.contains { $0.contains(".") }
                }()
            // 合计 alone before any row is a header label unless its amounts follow, the table
            // ends there (an empty table's total) or, in 三公, the items do.
            let itemFollows = kind == .threePublic && i + 1 < body.count && ThreePublicItem.isItem(body[i + 1].compact)
            let isTotal =
                (tokens.first.map(isTotalToken) ?? false)
                && tokens.dropFirst().allSatisfy(Fragment.isNumeric) && (sawData || !hasCodedRows)
                && (sawData || tokens.count > 1 || amountsFollow || itemFollows || i + 1 == body.count)
            let hasText = tokens.contains { !Fragment.isNumeric($0) }
            // A row without a code: the unit's line above its projects, or a 三公 item.
            let uncoded =
                code.isEmpty && !isTotal && hasText
                && ((!sawData && amountsFollow) || (kind == .threePublic && ThreePublicItem.isItem(compact)))
            if startsCodedRow(i, tokens, code) || isTotal || uncoded {
                skippingHeader = false
                sawData = true
                drafts.append(
                    Draft(
                        codeTokens: isTotal ? [] : code, isTotal: isTotal, totalName: isTotal ? tokens[0] : "合计",
                        lineTokens: [Array(tokens.dropFirst(isTotal ? 1 : code.count))],
                        lines: SourceRange(line: line.number)))
                continue
            }
            if !sawData { headerSignature.append(compact); headerLines.append(line.text); continue }
            if TableSegmenter.title(of: line) != nil { continue }
            guard !drafts.isEmpty else { continue }
            drafts[drafts.count - 1].lineTokens.append(tokens)
            drafts[drafts.count - 1].lines = drafts[drafts.count - 1].lines.union(SourceRange(line: line.number))
        }

        let decimals = dominantDecimals(drafts)
        var rows: [Row] = []
        var valueLists: [[Amount]] = []
        for draft in drafts {
            var textParts: [String] = []
            var textLines: [String] = []
            var numberLines: [[String]] = []
            for (li, tokens) in draft.lineTokens.enumerated() {
                let partsBefore = textParts.count
                defer {
                    if textParts.count > partsBefore {
                        textLines.append(textParts[partsBefore...].joined(separator: " "))
                    }
                }
                var nums: [String] = []
                for (ti, t) in tokens.enumerated() {
                    if Fragment.isNumeric(t) {
                        // "2023" followed by "年自" on the next line is part of a name.
                        let next: String? =
                            ti + 1 < tokens.count
                            ? tokens[ti + 1]
                            : (li + 1 < draft.lineTokens.count ? draft.lineTokens[li + 1].first : nil)
                        if let next, let s = next.unicodeScalars.first, CJK.isHan(s), nums.isEmpty,
                            numberLines.allSatisfy(\.isEmpty)
                        {
                            textParts.append(t)
                            continue
                        }
                        nums.append(t)
                    } else {
                        textParts.append(t)
                    }
                }
                numberLines.append(nums)
            }
            let amounts = Fragment.joinNumbers(numberLines, decimals: decimals).compactMap { Amount(parsing: $0) }
            let code =
                draft.isTotal
                ? nil
                : CodeAssembler.code(
                    from: draft.codeTokens.count == 1 && draft.codeTokens[0].count > 3
                        ? [draft.codeTokens[0]] : draft.codeTokens)
            var name = CJK.joinWrapped(textParts.joined(separator: " "))
            var project: String?
            if kind == .gpbProjectExpense, let code {
                (name, project) = splitSubjectAndProject(
                    textParts, lines: textLines, known: knownNames[code], code: code)
            }
            if draft.isTotal { name = draft.totalName }
            rows.append(
                Row(
                    code: code, name: name, project: project, isTotal: draft.isTotal,
                    values: [], lines: draft.lines))
            valueLists.append(amounts)
        }
        if !shortHeads.isEmpty { CodeAssembler.completeTruncated(&rows, parts: drafts.map(\.codeTokens)) }
        // The header's labels when they name the columns (a line a label, as one cell per line
        // prints them, else labels separated by spaces); the template's columns otherwise.
        let widest = valueLists.map(\.count).max() ?? 0
        let columns =
            StreamHeader.columns(kind: kind, labels: headerSignature, widestRow: widest)
            ?? StreamHeader.columns(
                kind: kind, labels: StreamHeader.labels(headerLines, known: StreamHeader.vocabulary(kind)),
                widestRow: widest)
            ?? StreamHeader.columns(kind: kind, text: headerLines, widestRow: widest)
            // A table with no figures keeps the columns it prints, not the template's.
            ?? (widest == 0 ? StreamHeader.printed(headerLines) : nil)
            ?? ColumnLayout.canonical(kind)
        for i in rows.indices {
            rows[i].values = Cells(repeating: nil, count: columns.count)
            rows[i].inferred = Row.noneInferred(columns.count)
        }
        CellPlacement.place(kind: kind, columns: columns, rows: &rows, values: valueLists, hints: hints)
        return (columns, rows)
    }

    /// A code whose parts stand on lines of their own ("208" / "01" / "09", then the name), as
    /// converters print one cell per line: the start line → the parts, and the lines they took.
    /// Only a run ending at a line of text counts, so a number broken into digits is not a code.
    static func codesOverLines(_ body: [SourceText.Line], economic: Bool, shortHeads: Set<String> = []) -> (
        [Int: [String]], Set<Int>
    ) {
        var starts: [Int: [String]] = [:]
        var taken = Set<Int>()
        func single(_ i: Int) -> String? { CodeContinuation.digitsAlone(body[i].text) }
        for i in body.indices {
            guard let head = single(i),
                head.count == 3 && (head.first == "2" || head.first == "3") || shortHeads.contains(head)
            else { continue }
            var parts = [head]
            var j = i + 1
            while j < body.count, parts.count < (economic ? 2 : 3), let part = single(j),
                part.count == 2 || (part.count == 1 && !shortHeads.isEmpty)
            {
                parts.append(part)
                j += 1
            }
            // A short 类 alone before its name is a row too ("20" / "社会保障和就业支出").
            guard parts.count > 1 || shortHeads.contains(head), j < body.count,
                let s = body[j].text.trimmed().unicodeScalars.first, CJK.isHan(s)
            else { continue }
            starts[i] = parts
            taken.formUnion((i + 1)..<j)
        }
        return (starts, taken)
    }

    static func dominantDecimals(_ drafts: [Draft]) -> Int {
        var counts = [0, 0, 0]
        for d in drafts {
            for tokens in d.lineTokens where tokens.count >= 2 {
                for t in tokens where Fragment.isNumeric(t) {
                    if let dot = t.firstIndex(of: ".") {
                        let n = t[t.index(after: dot)...].count
                        if n <= 2 { counts[n] += 1 }
                    }
                }
            }
        }
        return counts[2] >= counts[1] && counts[2] > 0 ? 2 : (counts[1] > 0 ? 1 : (counts[2] > 0 ? 2 : 2))
    }

    /// In 项目支出 the subject's name and the project's name wrap into one stream of pieces;
    /// the subject's name as other tables print it tells where one ends.
    static func splitSubjectAndProject(_ parts: [String], lines: [String], known: String?, code: String) -> (
        String, String?
    ) {
        guard let known, !known.isEmpty else {
            // Without a known name: a project name usually starts with a year or a document number.
            if let split = parts.firstIndex(where: { $0.first?.isNumber == true }), split > 0 {
                return (CJK.joinWrapped(parts[..<split].joined()), CJK.joinWrapped(parts[split...].joined()))
            }
            return (CJK.joinWrapped(parts.joined()), nil)
        }
        var subject = ""
        var project = ""
        for part in parts {
            let piece = CJK.compact(part)
            if (subject + piece).count <= known.count, known.hasPrefix(subject + piece) {
                subject += piece
            } else {
                project += piece
            }
        }
        // The table spells the subject unlike the others ("人力资源和社会管理事务"): with one
        // cell per line, the first line is the subject and the rest the project; a 类 or 款
        // row has no project.
        if subject.isEmpty, lines.count > 1 {
            return (CJK.compact(lines[0]), CJK.joinWrapped(lines.dropFirst().joined()))
        }
        // On one line, cells separated by spaces: the first cells that read most like it.
        if subject.isEmpty, parts.count > 1 {
            let splits = (1..<parts.count).map { k in
                (k, NameMatch.similarity(CJK.compact(parts[..<k].joined()), known))
            }
            if let (k, score) = splits.max(by: { $0.1 < $1.1 }), score >= 0.75 {
                return (CJK.compact(parts[..<k].joined()), CJK.joinWrapped(parts[k...].joined()))
            }
        }
        if subject.isEmpty, lines.count == 1, code.count < 7 { return (CJK.compact(lines[0]), nil) }
        return (subject.isEmpty ? known : subject, project.isEmpty ? nil : project)
    }

}
