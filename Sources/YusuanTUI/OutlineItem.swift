import YusuanCore

/// What the document outline lists: 概况, each table by its printed number, the sheets, the
/// prose, the glossary and the findings.
public enum OutlineItem: Hashable, Sendable {
    case overview
    case table(Int)
    case sheets
    case sheet(Int)
    case prose
    case glossary
    case findings
    case source(SourceRange, String)
    /// One 功能分类 code followed through every table, down to its projects and their sheets.
    case code(String)

    static func items(_ doc: LoadedDocument) -> [OutlineItem] {
        var out: [OutlineItem] = [.overview]
        out += doc.disclosure.tables.indices.map { .table($0) }
        if !doc.disclosure.performanceSheets.isEmpty { out.append(.sheets) }
        if !doc.disclosure.sections.isEmpty { out.append(.prose) }
        if !doc.disclosure.glossary.isEmpty { out.append(.glossary) }
        out.append(.findings)
        return out
    }

    func label(_ doc: LoadedDocument) -> String {
        let d = doc.disclosure
        switch self {
        case .overview: return "概况"
        case .table(let i):
            let t = d.tables[i]
            return "\(t.number ?? "表") \(t.kind.shortName)\(t.isEmpty ? "（空）" : "")"
        case .sheets: return "绩效目标表 (\(d.performanceSheets.count))"
        case .sheet(let i): return d.performanceSheets[i].project ?? "整体绩效目标"
        case .prose: return "情况说明"
        case .glossary: return "名词解释"
        case .findings: return "问题 (\(doc.findings.count))"
        case .source(_, let what): return "原文 \(what)"
        case .code(let code): return "\(code) 跨表"
        }
    }
}
