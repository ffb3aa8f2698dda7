/// A table printed twice (a page exported twice, a copy pasted again). An identical copy is
/// left out, so no sum counts it twice; a copy with other numbers is kept, and both are noted.
enum RepeatedTables {
    static func remove(from tables: [Table], notes: inout [Disclosure.ParseNote]) -> [Table] {
        var kept: [Table] = []
        for t in tables {
            guard t.kind != .unknown,
                let earlier = kept.first(where: {
                    $0.kind == t.kind && $0.number == t.number && !$0.rows.isEmpty
                        && TableSegmenter.unnumbered($0.title) == TableSegmenter.unnumbered(t.title)
                })
            else {
                kept.append(t)
                continue
            }
            let name = "\(t.number ?? "")“\(t.title)”"
            let lines = "第 \(earlier.lines.first) 行、第 \(t.lines.first) 行"
            if earlier.rows.map(\.values) == t.rows.map(\.values), earlier.rows.map(\.name) == t.rows.map(\.name) {
                notes.append(
                    .init(kind: .repeatedTable, message: "\(name)印了两次（\(lines)），内容相同，第二份未计入", line: t.lines.first))
                continue
            }
            notes.append(
                .init(kind: .repeatedTable, message: "\(name)印了两次（\(lines)），数字不同；核对以第一份为准", line: t.lines.first))
            kept.append(t)
        }
        return kept
    }
}
