import Foundation
import Testing
import YusuanCore
@testable import YusuanTUI

/// The library screen over many documents: grouping, filtering, documents read when opened.
@Suite struct LibraryScreenTests {
    func browser(_ keys: [Key], width: Int = 120, height: Int = 30) -> Browser {
        var b = Browser(shelf: DocumentShelf(documents: BrowserTests.documents), width: width, height: height)
        for k in keys { b.handle(k) }
        return b
    }

    func type(_ text: String) -> [Key] { text.map { .char($0) } }

    @Test func unitOrderKeepsTheYearsOfAUnitTogether() {
        let screen = browser([]).render()
        let rows = (2..<7).map { screen.line($0) }
        // 克孜勒苏 2026 then 2022 (newest first), the second under the first.
        let first = rows.firstIndex { $0.contains("克孜勒苏柯尔克孜自治州社会保险中心（2 年）") }!
        #expect(rows[first].contains("2026"))
        #expect(rows[first + 1].contains("└ 同一单位") && rows[first + 1].contains("2022"))
    }

    @Test func groupedByRegion() {
        let b = browser([.char("o")])
        let screen = b.render()
        #expect(screen.line(0).contains("按地区"))
        #expect(screen.text.contains("▾ 喀什地区  1 个文件"))
        // 阿克陶县 is a county of 克孜勒苏柯尔克孜自治州 (the national list of divisions): one group.
        #expect(screen.text.contains("▾ 克孜勒苏柯尔克孜自治州  3 个文件"))
        #expect(!screen.text.contains("▾ 阿克陶县"))
        // The cursor stays on the document it was on; Enter on a header folds its group, again unfolds it.
        var folded = b
        folded.handle(.home)
        folded.handle(.enter)
        #expect(folded.library.rows.count == b.library.rows.count - 3)  // 克孜勒苏, first: two years and 阿克陶县
        #expect(folded.render().line(2).contains("▸"))
        folded.handle(.enter)
        #expect(folded.library.rows == b.library.rows)
    }

    @Test func groupedByYearNewestFirst() {
        let b = browser([.char("o"), .char("o")])
        let headers = b.library.rows.compactMap { row -> String? in
            if case .header(let name, let n, _) = row { return "\(name):\(n)" } else { return nil }
        }
        #expect(headers == ["2026 年:1", "2024 年:1", "2023 年:2", "2022 年:1"])
        #expect(b.render().line(0).contains("按年度"))
        // A third `o` is back to units, no headers.
        var units = b
        units.handle(.char("o"))
        #expect(units.library.rows.allSatisfy { if case .document = $0 { return true } else { return false } })
    }

    @Test func filterNarrowsAsYouType() {
        var b = browser([.char("f")] + type("克孜"))
        // The region counts: 阿克陶县 sits in 克孜勒苏柯尔克孜自治州.
        #expect(b.library.shown == 3)
        #expect(b.render().line(29).contains("筛选：克孜"))
        #expect(b.render().line(29).contains("3/5"))
        b.handle(.enter)
        // ✗ counts the whole library: 1 + 3 + 1 + 3 + 0.
        #expect(b.render().line(0).contains("筛选“克孜” 3/5 个文件  ✗8 错误"))
        b.handle(.enter)  // opens the first one shown
        #expect(b.render().line(0).contains("克孜勒苏柯尔克孜自治州社会保险中心 2026"))
        // Esc while typing drops the filter.
        var cleared = browser([.char("f")] + type("喀什") + [.escape])
        #expect(cleared.library.shown == 5)
        cleared.handle(.char("f"))
        for k in type("没有这个单位") { cleared.handle(k) }
        #expect(cleared.render().text.contains("没有符合“没有这个单位”的文件"))
    }

    @Test func aLargeLibraryStartsWithItsGroupsFolded() {
        let many = Array(repeating: BrowserTests.documents, count: 45).flatMap { $0 }
        var b = Browser(shelf: DocumentShelf(documents: many), width: 120, height: 30)
        b.handle(.char("o"))
        #expect(b.library.rows.count == 3)  // 克孜勒苏 (with 阿克陶县), 喀什地区, 巴音郭楞: headers only
        #expect(b.render().text.contains("▸ 克孜勒苏柯尔克孜自治州  135 个文件"))
        b.handle(.enter)
        #expect(b.library.rows.count == 3 + 135)  // the first group, 克孜勒苏, opened
    }

    /// Summaries only: each document is parsed when it is opened.
    @Test func documentsAreReadWhenOpened() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let dir = root.appendingPathComponent("SampleData").path
        let files = try InputPaths.expand([dir])
        let library = Library.open(files, cache: nil, keep: false)
        var b = Browser(shelf: DocumentShelf(library), width: 120, height: 30)
        #expect(b.render().text.contains("389.75"))  // 克孜勒苏 2022's total, from its summary
        b.handle(.char("/")); for c in "喀什" { b.handle(.char(c)) }; b.handle(.enter)
        b.handle(.enter)
        let screen = b.render()
        #expect(screen.line(0).contains("新疆维吾尔自治区喀什地区喀什市社会保险中心 2023"))
        #expect(screen.text.contains("表3"))
        // Every finding of the library, from the summaries' documents, errors first.
        var all = Browser(shelf: DocumentShelf(library), width: 120, height: 30)
        all.handle(.char("F"))
        // 125: with prose.basis on 克孜勒苏 2022's 代办员经费 (38 × 750 × 7 = 19.95 against 8.40 万元)
        // and 2026's 生活补助 (231 × 120 × 8 = 22.18 against 25 万元); 2022 表五's one wrong cell is
        // one finding, its other two failing sums under it.
        #expect(all.documents.allFindings.count == 125)
        #expect(all.render().line(1).hasPrefix("✗"))
    }

    @Test func aFileGoneSinceIndexingSaysSo() throws {
        let folder = NSTemporaryDirectory() + "yusuan-gone-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        for name in ["akto-county-social-insurance-2024.txt", "kizilsu-prefecture-social-insurance-2022.txt"] {
            try FileManager.default.copyItem(atPath: root.path + "/SampleData/" + name, toPath: folder + "/" + name)
        }
        let library = Library.open(try InputPaths.expand([folder]), cache: nil, keep: false)
        try FileManager.default.removeItem(atPath: folder + "/akto-county-social-insurance-2024.txt")
        var b = Browser(shelf: DocumentShelf(library), width: 120, height: 30)
        b.handle(.char("/")); for c in "阿克陶" { b.handle(.char(c)) }; b.handle(.enter)
        b.handle(.enter)
        #expect(b.stack.count == 1)
        #expect(b.render().line(29).contains("no such file"))
    }
}
