import YusuanCore

/// What the compare screen's outline lists: each table kind of either year, the projects, each
/// performance sheet, staffing, the prose's claims about last year; and a code followed across.
public enum CompareItem: Hashable, Sendable {
    case table(Int)
    case projects
    case sheet(Int)
    case staffing
    case claims
    /// One 功能分类 code through every table of both years, with its projects and their sheets.
    case code(String)

    static func items(_ c: Comparison) -> [CompareItem] {
        var out = c.tables.indices.map { CompareItem.table($0) }
        if !c.projects.isEmpty { out.append(.projects) }
        out += c.sheets.indices.map { .sheet($0) }
        if !c.staffing.isEmpty { out.append(.staffing) }
        if !c.priorYearClaims.isEmpty { out.append(.claims) }
        return out
    }

    func label(_ c: Comparison) -> String {
        switch self {
        case .table(let i):
            let t = c.tables[i]
            let numbers = "\(t.old?.number ?? "—")→\(t.new?.number ?? "—")"
            switch t.presence {
            case .both: return "\(numbers) \(t.kind.shortName)"
            case .old: return "\(numbers) \(t.kind.shortName)（仅旧）"
            case .new: return "\(numbers) \(t.kind.shortName)（仅新）"
            }
        case .projects: return "项目 (\(c.projects.count))"
        case .sheet(let i): return "绩效 " + c.sheets[i].title
        case .staffing: return "人员"
        case .claims: return "“比上年”核对 (\(c.priorYearClaims.count))"
        case .code(let code): return "\(code) 跨表"
        }
    }

    /// How many changes the item holds, for the outline's counts and `]` / `[`.
    func changes(_ c: Comparison) -> Int {
        switch self {
        case .table(let i): return c.tables[i].presence == .both ? c.tables[i].changedLines : 1
        case .projects: return c.projects.filter { $0.status.isChange }.count
        case .sheet(let i):
            return c.sheets[i].status.isChange ? max(1, c.sheets[i].indicators.filter { $0.status.isChange }.count) : 0
        case .staffing: return c.staffing.filter { $0.old != nil && $0.new != nil && $0.status.isChange }.count
        case .claims: return c.priorYearClaims.filter { !$0.agrees }.count
        case .code: return 0
        }
    }
}
