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
        for k in d.glossary.indices {
            c.text(&d.glossary[k].term)
            c.text(&d.glossary[k].definition)
        }
        for k in d.contents.indices { c.text(&d.contents[k].title) }
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

    mutating func tables(_ tables: inout [Table]) {
        fit(&tables)
        for t in tables.indices {
            text(&tables[t].title)
            text(&tables[t].preparer)
            text(&tables[t].emptyNote)
            texts(&tables[t].columns)
            fit(&tables[t].rows)
            for r in tables[t].rows.indices {
                text(&tables[t].rows[r].name)
                text(&tables[t].rows[r].project)
                tables[t].rows[r].values.fit { fit(&$0) }
            }
        }
    }

    mutating func facts(_ facts: inout [NarrativeFact]) {
        fit(&facts)
        for k in facts.indices {
            // A sentence and its heading are one String for all their facts already.
            text(&facts[k].subject)
            text(&facts[k].shareOf)
        }
    }

    mutating func sheets(_ sheets: inout [PerformanceSheet]) {
        fit(&sheets)
        for s in sheets.indices {
            text(&sheets[s].unit)
            text(&sheets[s].project)
            text(&sheets[s].manager)
            text(&sheets[s].goal)
            fit(&sheets[s].fundingLines)
            for f in sheets[s].fundingLines.indices {
                text(&sheets[s].fundingLines[f].label)
                text(&sheets[s].fundingLines[f].text)
            }
            fit(&sheets[s].indicators)
            for i in sheets[s].indicators.indices {
                text(&sheets[s].indicators[i].level1)
                text(&sheets[s].indicators[i].level2)
                text(&sheets[s].indicators[i].name)
                text(&sheets[s].indicators[i].value)
                text(&sheets[s].indicators[i].basis)
                text(&sheets[s].indicators[i].lastValue)
                text(&sheets[s].indicators[i].weight)
                text(&sheets[s].indicators[i].scoringRule)
                text(&sheets[s].indicators[i].evidence)
            }
        }
    }

    mutating func projects(_ projects: inout [Project]) {
        fit(&projects)
        for p in projects.indices {
            text(&projects[p].name)
            fit(&projects[p].economic)
            for e in projects[p].economic.indices { text(&projects[p].economic[e].column) }
            fit(&projects[p].details)
            for k in projects[p].details.indices {
                text(&projects[p].details[k].label)
                text(&projects[p].details[k].text)
            }
        }
    }

    /// Each tree node lists the kinds of the tables that print its code: most nodes list the
    /// same few, held once.
    private var kindLists: [[TableKind]: [TableKind]] = [:]

    mutating func nodes(_ nodes: inout [ClassificationNode]) {
        fit(&nodes)
        for k in nodes.indices {
            text(&nodes[k].name)
            if let same = kindLists[nodes[k].tables] {
                nodes[k].tables = same
            } else {
                fit(&nodes[k].tables)
                kindLists[nodes[k].tables] = nodes[k].tables
            }
            self.nodes(&nodes[k].children)
        }
    }

    mutating func sections(_ sections: inout [ProseSection]) {
        fit(&sections)
        for k in sections.indices {
            text(&sections[k].title)
            self.sections(&sections[k].children)
        }
    }
}
