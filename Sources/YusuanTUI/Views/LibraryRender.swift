import YusuanCore

/// The library screen: one line per document (or group), its counts beside it.
extension Browser {
    func renderLibrary(_ buffer: inout ScreenBuffer, cursor: Int, scroll: Int) {
        let countsWidth = 16
        let unitWidth = max(16, width - 2 - 6 - 10 - 14 - 2 - countsWidth)
        buffer.put(
            1, 1,
            DisplayWidth.fit("单位", unitWidth) + DisplayWidth.fit("年度", 6) + DisplayWidth.fit("范围", 10)
                + DisplayWidth.fit("收支总额", 14, alignRight: true) + "  " + "问题 ✗错误 !警告 ·提示", .header, maxWidth: width - 2
        )
        for r in 0..<libraryRows {
            let row = scroll + r
            guard row < library.rows.count else { break }
            let y = 2 + r
            switch library.rows[row] {
            case .header(let name, let count, let errors):
                let mark = foldedGroups.contains(name) ? "▸ " : "▾ "
                var x = buffer.put(1, y, mark + name, .header, maxWidth: width - 2)
                x = buffer.put(x, y, "  \(count) 个文件", .dim, maxWidth: max(0, width - 1 - x))
                if errors > 0 { buffer.put(x, y, "  ✗\(errors)", .error, maxWidth: max(0, width - 1 - x)) }
            case .document(let i):
                renderLibraryEntry(&buffer, i, row: row, y: y, unitWidth: unitWidth)
            }
            if row == cursor { buffer.restyle(0, y, width: width, .selected) }
        }
        if loading != nil {
            buffer.put(1, 3, "正在读取…", .dim)
        } else if documents.isEmpty {
            buffer.put(1, 3, "没有可读的文件。", .dim)
        } else if library.rows.isEmpty {
            buffer.put(1, 3, "没有符合“\(libraryFilter)”的文件（f 修改筛选，Esc 清除）。", .dim, maxWidth: width - 2)
        }
    }

    func renderLibraryEntry(_ buffer: inout ScreenBuffer, _ i: Int, row: Int, y: Int, unitWidth: Int) {
        let e = documents.entry(i)
        var x = grouping == .unit ? 1 : 3
        // Years of one unit sit together under its name.
        let sameUnit = row > 0 && library.document(at: row - 1).map { unitKeys[$0] == unitKeys[i] } == true
        let years = documentsPerUnit[unitKeys[i], default: 1]
        let unitText = sameUnit ? "  └ 同一单位" : e.unit + (years > 1 ? "（\(years) 年）" : "")
        if marked == i { buffer.put(0, y, "*", .key) }
        // One column kept blank before the year, however long the name.
        x = buffer.put(x, y, DisplayWidth.fitKeepingEnd(unitText, unitWidth - x) + " ", sameUnit ? .dim : .normal)
        x = buffer.put(x, y, DisplayWidth.fit(e.year.map(String.init) ?? "?", 6))
        x = buffer.put(x, y, DisplayWidth.fit(e.scope + e.documentKind, 10))
        x = buffer.put(x, y, DisplayWidth.fit(e.total?.grouped ?? "—", 14, alignRight: true), .number)
        x = buffer.put(x, y, "  ")
        x = buffer.put(x, y, "✗\(e.errors) ", e.errors > 0 ? .error : .dim)
        x = buffer.put(x, y, "!\(e.warnings) ", e.warnings > 0 ? .warning : .dim)
        buffer.put(x, y, "·\(e.infos)", .dim)
    }
}
