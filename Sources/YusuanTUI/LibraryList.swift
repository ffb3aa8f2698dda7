import YusuanCore

/// The library screen's rows: the documents in the chosen grouping, under group headers,
/// narrowed by the filter text.
struct LibraryList: Equatable, Sendable {
    enum Grouping: Int, CaseIterable, Sendable {
        /// Units A–Z, the years of one unit together (no headers).
        case unit
        /// By 地区/自治州/市 (from the unit's name), then unit and year.
        case region
        /// By year, newest first, then region and unit.
        case year

        var label: String { ["单位", "地区", "年度"][rawValue] }
    }

    enum Row: Equatable, Sendable {
        case header(String, documents: Int, errors: Int)
        case document(Int)
    }

    var rows: [Row] = []
    /// Documents the filter lets through.
    var shown = 0

    static let noRegion = "（名称未注明地区）"

    /// `order`: the documents in unit order (years of a unit together, newest first).
    init(entries: [LibraryEntry], order: [Int], grouping: Grouping, filter: String, folded: Set<String>) {
        let needle = filter.localizedLowercase
        let chosen =
            needle.isEmpty
            ? order
            : order.filter { i in
                let e = entries[i]
                return "\(e.title) \(e.region.names.joined()) \(e.path)".localizedLowercase.contains(needle)
            }
        shown = chosen.count
        switch grouping {
        case .unit:
            rows = chosen.map { .document($0) }
        case .region:
            let sorted = chosen.enumerated().sorted { a, b in
                let ea = entries[a.element], eb = entries[b.element]
                let ka = (ea.region.area ?? LibraryList.noRegion, ea.region.county ?? ""),
                    kb = (eb.region.area ?? LibraryList.noRegion, eb.region.county ?? "")
                return ka != kb ? ka < kb : a.offset < b.offset
            }.map(\.element)
            rows = LibraryList.grouped(sorted, folded: folded) {
                entries[$0].region.area ?? LibraryList.noRegion
            } errors: {
                entries[$0].errors
            }
        case .year:
            let sorted = chosen.enumerated().sorted { a, b in
                let ya = entries[a.element].year ?? 0, yb = entries[b.element].year ?? 0
                return ya != yb ? ya > yb : a.offset < b.offset
            }.map(\.element)
            rows = LibraryList.grouped(sorted, folded: folded) {
                entries[$0].year.map { "\($0) 年" } ?? "年度不详"
            } errors: {
                entries[$0].errors
            }
        }
    }

    /// A header before each run of documents with the same group; a folded group shows only its header.
    static func grouped(_ documents: [Int], folded: Set<String>, group: (Int) -> String, errors: (Int) -> Int) -> [Row]
    {
        var out: [Row] = []
        var start = 0
        while start < documents.count {
            let name = group(documents[start])
            var end = start
            while end < documents.count, group(documents[end]) == name { end += 1 }
            let members = documents[start..<end]
            out.append(.header(name, documents: members.count, errors: members.reduce(0) { $0 + errors($1) }))
            if !folded.contains(name) { out += members.map { .document($0) } }
            start = end
        }
        return out
    }

    func document(at row: Int) -> Int? {
        guard row >= 0, row < rows.count, case .document(let d) = rows[row] else { return nil }
        return d
    }

    func row(of document: Int) -> Int? { rows.firstIndex(of: .document(document)) }
}
