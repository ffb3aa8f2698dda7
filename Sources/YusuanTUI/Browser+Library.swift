import YusuanCore

/// The library screen: moving over documents and group headers, grouping, filtering, opening.
extension Browser {
    mutating func handleLibrary(_ key: Key, cursor: Int, scroll: Int) {
        let doc = library.document(at: cursor)
        switch key {
        case .char("F"): stack.append(.allFindings(cursor: 0, scroll: 0)); return
        case .char("m"): if let doc { toggleMark(doc) }; return
        case .char("d"): if let doc { startCompare(doc: doc) }; return
        case .char("o"):
            regroup(
                LibraryList.Grouping(rawValue: (grouping.rawValue + 1) % LibraryList.Grouping.allCases.count) ?? .unit);
            return
        case .char("f"): filtering = libraryFilter; return
        default: break
        }
        let (c, s, enter) = move(key, cursor: cursor, scroll: scroll, count: library.rows.count, rows: libraryRows)
        replaceTop(.library(cursor: c, scroll: s))
        guard enter, c < library.rows.count else { return }
        switch library.rows[c] {
        case .header(let name, _, _):
            if foldedGroups.contains(name) { foldedGroups.remove(name) } else { foldedGroups.insert(name) }
            rebuildLibrary(keeping: c)
        case .document(let d):
            _ = openDocument(d)
        }
    }

    var atLibrary: Bool {
        if case .library = top { return true }
        return false
    }

    /// Opens document `doc` on top of the stack, or says why it cannot be read now.
    mutating func openDocument(_ doc: Int) -> Bool {
        if let problem = documents.problem(opening: doc) { message = problem; return false }
        stack.append(.document(doc: doc, cursor: 0, scroll: 0))
        return true
    }

    /// `o`: the next grouping. A large library starts with its groups folded, a list of regions
    /// or years to open one by one.
    mutating func regroup(_ next: LibraryList.Grouping) {
        grouping = next
        foldedGroups = []
        if next != .unit, documents.count > Browser.foldedLibrarySize {
            let all = LibraryList(
                entries: documents.library.entries, order: unitOrder, grouping: next,
                filter: libraryFilter, folded: [])
            foldedGroups = Set(
                all.rows.compactMap { if case .header(let name, _, _) = $0 { return name } else { return nil } })
        }
        rebuildLibrary(keeping: nil)
        message = "按\(next.label)排列" + (foldedGroups.isEmpty ? "" : "：Enter 展开一组")
    }

    static let foldedLibrarySize = 200

    /// Rebuilds the rows, keeping the cursor on the same document (or row) when it is still shown.
    mutating func rebuildLibrary(keeping row: Int?) {
        guard case .library(let cursor, let scroll) = stack.first else { return }
        let doc = library.document(at: cursor)
        library = LibraryList(
            entries: documents.library.entries, order: unitOrder, grouping: grouping,
            filter: libraryFilter, folded: foldedGroups)
        let c = min(max(0, doc.flatMap { library.row(of: $0) } ?? row ?? 0), max(0, library.rows.count - 1))
        stack[0] = .library(cursor: c, scroll: scrollFor(c, min(scroll, c), libraryRows))
    }

    /// `f`: typing narrows the list at once; Enter keeps the filter, Esc drops it.
    mutating func handleFilter(_ key: Key) {
        guard var text = filtering else { return }
        switch key {
        case .escape: filtering = nil; text = ""
        case .enter: filtering = nil
        case .backspace: text = String(text.dropLast()); filtering = text
        case .char(let c): text.append(c); filtering = text
        default: return
        }
        guard text != libraryFilter else { return }
        libraryFilter = text
        rebuildLibrary(keeping: 0)
    }
}
