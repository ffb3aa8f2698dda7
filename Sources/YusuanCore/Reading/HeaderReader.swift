/// Unit, year, scope and document kind, from the cover, the headings and the tables.
enum HeaderReader {
    struct Header {
        var unit: String
        var year: Int?
        var scope: String
        var documentKind: String
        var date: String?
    }

    static func read(_ source: SourceText, parts: PartLocator, tables: [Table]) -> Header {
        // The unit as the tables' 编制单位 lines print it (the most common one).
        var counts: [String: Int] = [:]
        for t in tables { if let p = t.preparer, !p.isEmpty { counts[CJK.joinWrapped(p), default: 0] += 1 } }
        var unit = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? ""
        let coverEnd = parts.contentsStart ?? parts.start(1) ?? min(source.lines.count, 10)
        let cover = source.lines[0..<min(coverEnd + 1, source.lines.count)].filter { !$0.hasTabs }.map(\.text).joined(
            separator: " ")
        if unit.isEmpty { unit = unitFromCover(cover) }
        if unit.isEmpty, let p1 = parts.start(1) {
            unit = unitFromCover(source.lines[p1].text.replacingOccurrences(of: "第一部分", with: ""))
        }
        if unit.isEmpty { unit = unitFromProse(source) }
        let year =
            firstYear(in: cover) ?? parts.heads.values.sorted().lazy.compactMap { firstYear(in: source.lines[$0].text) }
            .first
            ?? tables.lazy.compactMap { firstYear(in: $0.title) }.first
        // "单位：万元" above a table states the amounts' unit, and "预算单位" the units a 部门 holds:
        // neither says the document is a 单位's.
        let headings =
            withoutUnitWords(
                parts.heads.values.map { source.lines[$0].compact }.joined() + cover + tables.map(\.title).joined())
        let bu = pieces(headings, at: "部门")
        let dan = pieces(headings, at: "单位")
        let scope = bu > dan ? "部门" : "单位"
        // 决算 when its tables say so (…决算表), else when the cover speaks of 决算 and not 预算.
        let finalTitles = tables.filter { $0.title.contains("决算") }.count
        let budgetTitles = tables.filter { $0.title.contains("预算") }.count
        let coverSays = CJK.compact(cover)
        let coverFinal = coverSays.contains("决算") && !coverSays.contains("预算")
        let kind = finalTitles > budgetTitles || (finalTitles == budgetTitles && coverFinal) ? "决算" : "预算"
        var date: String?
        for line in source.lines.suffix(8).reversed() {
            let c = line.compact
            if c.count <= 16, c.contains("年"), c.contains("月"), c.hasSuffix("日") { date = c; break }
        }
        return Header(unit: unit, year: year, scope: scope, documentKind: kind, date: date)
    }

    /// `text` without what the regex `(金额)?单位[：:]\s*(万元|元|千元)|预算单位|所属单位|编制单位`
    /// matches, matched by hand on scalars as the regex reads them (compiling any regex costs the
    /// process a one-time setup larger than all of this). At each place the alternatives are
    /// tried in order; each is fixed text but for `\s*`, which no unit word starts with.
    static func withoutUnitWords(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        func at(_ i: Int, _ word: String) -> Int? {
            var j = i
            for w in word.unicodeScalars {
                guard j < s.count, s[j] == w else { return nil }
                j += 1
            }
            return j
        }
        func amountUnit(_ i: Int) -> Int? {
            guard var j = at(i, "金额单位") ?? at(i, "单位"), j < s.count, s[j] == "：" || s[j] == ":" else { return nil }
            j += 1
            while j < s.count, isRegexSpace(s[j]) { j += 1 }
            return at(j, "万元") ?? at(j, "元") ?? at(j, "千元")
        }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if let end = amountUnit(i) ?? at(i, "预算单位") ?? at(i, "所属单位") ?? at(i, "编制单位") {
                i = end
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    /// ICU's `\s`: Unicode's White_Space (ASCII answered at once; checked over every scalar).
    static func isRegexSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace
    }

    /// `text.components(separatedBy: word).count`. In a plain text (and the words are plain)
    /// the word's places are its byte occurrences, which for 部门 and 单位 cannot overlap.
    static func pieces(_ text: String, at word: String) -> Int {
        guard !word.isEmpty, text.isPlainScalars else { return text.components(separatedBy: word).count }
        var text = text
        var word = word
        return text.withUTF8 { h in
            word.withUTF8 { w in
                var count = 1
                var from = 0
                while let at = FastSearch.find(UnsafeBufferPointer(rebasing: h[from...]), w) {
                    count += 1
                    from += at + w.count
                }
                return count
            }
        }
    }

    /// "2022 年", "2022年" outside brackets (〔2022〕 is a document number).
    static func firstYear(in text: String) -> Int? {
        let chars = Array(text)
        var i = 0
        while i + 4 <= chars.count {
            let slice = String(chars[i..<i + 4])
            if slice.allSatisfy({ $0.isASCII && $0.isNumber }), slice.hasPrefix("20"),
                i == 0 || !(chars[i - 1].isNumber || "〔【[(（".contains(chars[i - 1]))
            {
                var j = i + 4
                while j < chars.count, chars[j] == " " { j += 1 }
                if j < chars.count, chars[j] == "年", let y = Int(slice) { return y }
            }
            i += 1
        }
        return nil
    }

    /// A cover without its name in text (an image): the name the prose's sentences start with
    /// before a year ("江苏省政协办公厅 2019 年度收入、支出预算总计…"), when two or more do.
    static let unitBeforeYear = Pattern(
        #"^([\p{Han}（）()]{3,30}?(厅|局|院|委员会|委|办公室|中心|部|处|所|站|馆|校|社|团|队|会))(20\d\d年|本年)"#)
    static let yearAtEnd = Pattern(#"(20\d\d年|本年)$"#)
    static let yearWord = Pattern(#"20\d\d年度?"#)
    static let attachment = Pattern(#"^附件\d*[:：]?"#)

    static func unitFromProse(_ source: SourceText) -> String {
        var counts: [String: Int] = [:]
        for line in source.lines {
            let c = line.compact
            guard c.count >= 8, let r = unitBeforeYear.range(in: c) else { continue }
            var name = String(c[r])
            while let y = yearAtEnd.range(in: name) { name.removeSubrange(y) }
            counts[name, default: 0] += 1
        }
        guard let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
            best.value >= 2
        else { return "" }
        return best.key
    }

    /// "2026 年克孜勒苏柯尔克孜自治州社会保险中心 部门预算公开" → the name between year and 预算.
    static func unitFromCover(_ cover: String) -> String {
        var text = CJK.compact(cover)
        for marker in ["目录", "第一部分"] { if let r = text.range(of: marker) { text = String(text[..<r.lowerBound]) } }
        while let r = yearWord.range(in: text) { text.removeSubrange(r) }
        for suffix in ["部门预算公开", "单位预算公开", "预算公开", "部门决算公开", "单位决算公开", "决算公开", "部门预算", "单位预算", "部门决算", "单位决算", "公开"] {
            if let r = text.range(of: suffix) { text = String(text[..<r.lowerBound]) }
        }
        text = attachment.replacing(in: text)
        // A part's heading ("第一部分 部门概况") names no unit.
        return text.hasSuffix("概况") && text.count <= 6 ? "" : text
    }
}

/// The contents list: which tables the document promises.
enum ContentsReader {
    static func read(_ source: SourceText, parts: PartLocator) -> [Disclosure.ContentsEntry] {
        guard let start = parts.contentsStart else { return [] }
        let end = parts.start(1) ?? min(source.lines.count, start + 80)
        var out: [Disclosure.ContentsEntry] = []
        var inTables = false
        // An item that wrapped ("十一、…培训费支" / "出预算表", maybe over a page break) is one
        // item: a numbered line not yet ending in 表 takes the unnumbered lines under it.
        var open: (text: String, line: Int)?
        for line in source.lines[start..<max(start, end)] {
            let c = line.compact
            if let n = PartLocator.partNumber(c) { inTables = n == 2; open = nil; continue }
            // A page break or page number inside the list stands between an item's two lines.
            guard inTables, !line.isPageNumber, !c.allSatisfy(\.isWhitespace) else { continue }
            let item = PDFParagraphs.startsItem(c)
            let entry: (text: String, line: Int)
            if !item, let o = open, c.count <= 20 { entry = (o.text + c, o.line) } else { entry = (c, line.number) }
            open = nil
            guard entry.text.hasSuffix("表") else {
                if item { open = entry }
                continue
            }
            var title = entry.text
            while let f = title.first, f == "-" || f == "•" || f == "·" { title.removeFirst() }
            if let dot = title.firstIndex(where: { $0 == "、" || $0 == "." }),
                title.distance(from: title.startIndex, to: dot) <= 3
            {
                title = String(title[title.index(after: dot)...])
            }
            out.append(.init(title: title, kind: TableKind.classify(title: title), line: entry.line))
        }
        return out
    }
}
