import Foundation

/// The parsed model made as small as what it holds: each text held once however many places name
/// it (a 功能分类 name is printed in four or five tables, an indicator's 一级/二级 labels on every
/// line of a sheet), and arrays and strings in storage of their own size, not the spare capacity
/// of the appends that built them. The values are unchanged; only their storage is shared.
struct ModelCompaction {
    /// Texts of more than 15 UTF-8 bytes: shorter ones are held inside the String itself.
    private var pool = Set<Bytes>()

    /// A text told by its UTF-8 bytes: String's own hashing and equality first normalise
    /// Unicode, which costs more than all the rest of the compaction.
    private struct Bytes: Hashable {
        var text: String

        static func == (a: Bytes, b: Bytes) -> Bool {
            var (x, y) = (a.text, b.text)
            return x.withUTF8 { p in
                y.withUTF8 { q in
                    p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0)
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            var t = text
            t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    static func compact(_ d: inout Disclosure) {
        var c = ModelCompaction()
        c.tables(&d.tables)
        c.facts(&d.facts)
        c.sheets(&d.performanceSheets)
        c.projects(&d.projects)
        c.nodes(&d.functionalTree)
        c.nodes(&d.economicTree)
        c.sections(&d.sections)
        c.each(&d.glossary) { c, g in c.texts(of: &g, [\.term, \.definition]) }
        c.each(&d.contents) { c, e in c.text(&e.title) }
        c.text(&d.overview.functions)
        c.text(&d.overview.departmentsText)
        c.texts(&d.overview.departments)
        c.text(&d.overview.staffing.sentence)
        c.text(&d.unit)
    }

    /// The pool's copy of `s`, added (in storage of its own size) when it has none.
    mutating func text(_ s: inout String) {
        guard s.utf8.count > 15 else { return }
        if let k = pool.firstIndex(of: Bytes(text: s)) {
            s = pool[k].text
        } else {
            s = s.copiedToSize
            pool.insert(Bytes(text: s))
        }
    }

    mutating func text(_ s: inout String?) {
        guard var t = s else { return }
        s = nil  // so `t` is the only reference while it is replaced
        text(&t)
        s = t
    }

    mutating func texts(_ list: inout [String]) {
        fit(&list)
        for k in list.indices { text(&list[k]) }
    }

    /// `list` in a buffer of its own length when appending left it more.
    func fit<T>(_ list: inout [T]) {
        guard list.capacity > list.count else { return }
        // Copied element by element: `Array(list[...])` would keep the same buffer.
        list = [T](unsafeUninitializedCapacity: list.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: list)
        }
    }

    /// `list` fitted, and `body` run on each of its elements.
    mutating func each<T>(_ list: inout [T], _ body: (inout ModelCompaction, inout T) -> Void) {
        fit(&list)
        for k in list.indices { body(&self, &list[k]) }
    }

    /// The texts of `item` at `paths` and, where present, at `optional`.
    mutating func texts<T>(
        of item: inout T, _ paths: [WritableKeyPath<T, String>], optional: [WritableKeyPath<T, String?>] = []
    ) {
        for p in paths { text(&item[keyPath: p]) }
        for p in optional { text(&item[keyPath: p]) }
    }

    mutating func tables(_ tables: inout [Table]) {
        each(&tables) { c, t in
            c.texts(of: &t, [\.title], optional: [\.preparer, \.emptyNote])
            c.texts(&t.columns)
            c.each(&t.rows) { c, r in c.texts(of: &r, [\.name], optional: [\.project]) }
            Cells.share(&t.rows)
        }
    }

    mutating func facts(_ facts: inout [NarrativeFact]) {
        // A sentence and its heading are one String for all their facts already.
        each(&facts) { c, f in c.texts(of: &f, [\.subject], optional: [\.shareOf]) }
    }

    mutating func sheets(_ sheets: inout [PerformanceSheet]) {
        each(&sheets) { c, s in
            c.texts(of: &s, [], optional: [\.unit, \.project, \.manager, \.goal])
            c.each(&s.fundingLines) { c, f in c.texts(of: &f, [\.label, \.text]) }
            c.each(&s.indicators) { c, i in
                c.texts(
                    of: &i, [\.name],
                    optional: [\.level1, \.level2, \.value, \.basis, \.lastValue, \.weight, \.scoringRule, \.evidence])
            }
        }
    }

    mutating func projects(_ projects: inout [Project]) {
        each(&projects) { c, p in
            c.text(&p.name)
            c.each(&p.economic) { c, e in c.text(&e.column) }
            c.each(&p.details) { c, d in c.texts(of: &d, [\.label, \.text]) }
        }
    }

    /// Each tree node lists the kinds of the tables that print its code: most nodes list the
    /// same few, held once.
    private var kindLists: [[TableKind]: [TableKind]] = [:]

    mutating func nodes(_ nodes: inout [ClassificationNode]) {
        each(&nodes) { c, n in
            c.text(&n.name)
            if let same = c.kindLists[n.tables] {
                n.tables = same
            } else {
                c.fit(&n.tables)
                c.kindLists[n.tables] = n.tables
            }
            c.nodes(&n.children)
        }
    }

    mutating func sections(_ sections: inout [ProseSection]) {
        each(&sections) { c, s in
            c.text(&s.title)
            c.sections(&s.children)
        }
    }
}
