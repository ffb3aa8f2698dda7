/// The 功能分类 and 经济分类 trees from every table's codes. A code whose parent was never
/// printed (a 类 row missing from the print) still gets its parent, marked not printed.
enum ClassificationTreeBuilder {
    static func functional(_ tables: [Table]) -> [ClassificationNode] {
        build(tables.filter { $0.kind.isFunctional || $0.kind.isTwoSided }, economic: false)
    }

    static func economic(_ tables: [Table]) -> [ClassificationNode] {
        build(tables.filter { $0.kind == .gpbBasicExpense }, economic: true)
    }

    static func build(_ tables: [Table], economic: Bool) -> [ClassificationNode] {
        var names: [String: String] = [:]
        var kinds: [String: [TableKind]] = [:]
        for t in tables {
            for r in t.rows {
                guard let code = r.code, [3, 5, 7].contains(code.count) else { continue }
                if economic != (code.hasPrefix("3")) { continue }
                if names[code] == nil || names[code]!.isEmpty { names[code] = r.name }
                if !(kinds[code]?.contains(t.kind) ?? false) { kinds[code, default: []].append(t.kind) }
            }
        }
        var all = Set(names.keys)
        for code in names.keys {
            if code.count >= 5 { all.insert(String(code.prefix(3))) }
            if code.count == 7 { all.insert(String(code.prefix(5))) }
        }
        // Each code under its parent (the code two digits shorter), found once: scanning every
        // code for each code made a table of many codes take minutes.
        var children: [String: [String]] = [:]
        for code in all where code.count > 3 { children[String(code.dropLast(2)), default: []].append(code) }
        func node(_ code: String) -> ClassificationNode {
            let kids = (children[code] ?? []).sorted()
            return ClassificationNode(
                code: code, name: names[code] ?? "", printed: names[code] != nil,
                tables: kinds[code] ?? [], children: kids.map(node))
        }
        return all.filter { $0.count == 3 }.sorted().map(node)
    }
}
