import Testing
import YusuanCore

@testable import YusuanTUI

/// Findings that involve two places (Kizilsu 2022): names.code between 表一 and 表四, a prose
/// claim against 表五, and a fault whose wrong cell makes other sums fail.
@Suite struct FindingPlacesTests {
    let t = BrowserTests()

    /// Kizilsu 2022's Findings list, the search typed, Enter on the finding found.
    func finding(_ w: Int, _ h: Int, _ text: String) -> Browser {
        var b = t.browser(w, h, t.down(t.index("克孜勒苏", year: 2022)) + [.enter, .char("G"), .enter, .char("/")])
        for c in text { b.handle(.char(c)) }
        b.handle(.enter)
        return b
    }

    @Test func namesCodeGoesToBothTables() {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            var b = finding(w, h, "207 在")
            b.handle(.enter)
            var screen = b.render()
            #expect(screen.line(0).contains("表一"), "\(w)")
            #expect(screen.line(h - 1).contains("第 1/2 处：表一 207；Tab 到 表四 207"))
            if w >= 120 { #expect(screen.text.contains("涉及 2 处：表一 207、表四 207")) }
            b.handle(.tab)
            screen = b.render()
            #expect(screen.line(0).contains("表四"))
            #expect(screen.line(h - 1).contains("第 2/2 处：表四 207"))
            // The finding stays in the detail on either table.
            #expect(screen.text.contains("在表四名为“文化"))
            // From the list, Enter again goes to the other place.
            b.handle(.escape)
            b.handle(.enter)
            #expect(b.render().line(0).contains("表一"))
        }
    }

    @Test func proseClaimOpensTheSentenceWithItsFigure() {
        var b = finding(120, 40, "情况说明称")
        b.handle(.enter)
        guard case .content(_, .source(let range, _), _, _, let column) = b.top else {
            Issue.record("not in the source view: \(b.top)"); return
        }
        #expect(range.first == 328)
        // The figure 352.15 sits past the 89 columns of the pane: the view has scrolled to it.
        #expect(column > 0)
        let screen = b.render()
        let cited = screen.lines.first { $0.contains("▶  328") } ?? ""
        #expect(cited.contains("352.15"))
        #expect(screen.line(39).contains("第 1/2 处：情况说明 第 328 行；Tab 到 表五 20801"))
        b.handle(.tab)
        #expect(b.render().line(0).contains("表五"))
    }

    @Test func relatedSumsCountedAndListedWithR() {
        var b = t.browser(120, 40, t.down(t.index("克孜勒苏", year: 2022)) + [.enter, .char("G"), .enter])
        // The detail lines wrap where the width falls: read them as one text.
        let detail = b.render().lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(detail.contains("同一错格还使 2 处不符（r 列出）"))
        b.handle(.char("r"))
        let screen = b.render()
        #expect(screen.text.contains("同一错格还使 2 处不符："))
        #expect(screen.text.contains("· 表五 20801 人力资源和社会保障管理事务“合计”为 320.27"))
    }
}

/// `s` on a table row the prose cites (Kizilsu 2026 表3 2080109, cited at line 449).
@Suite struct CitingSentenceTests {
    let t = BrowserTests()

    func row(_ w: Int, _ h: Int, _ code: String) -> Browser {
        var b = t.browser(w, h, t.down(t.index("克孜勒苏", year: 2026)) + [.enter, .down, .down, .down, .enter, .char("/")])
        for c in code { b.handle(.char(c)) }
        b.handle(.enter)
        return b
    }

    @Test func sShowsTheSentenceThenTheRow() {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            var b = row(w, h, "2080109")
            b.handle(.char("s"))
            var screen = b.render()
            #expect(screen.line(h - 1).contains("情况说明引用本行 1/1：第 449 行"), "\(w)")
            let cited = screen.lines.first { $0.contains("▶  449") } ?? ""
            // The sentence's figure, 387.00, is in view however narrow the pane.
            #expect(cited.contains("387.00"), "\(w): \(cited)")
            b.handle(.char("s"))
            screen = b.render()
            #expect(screen.line(0).contains("表3 第 170–170 行"))
        }
    }
}
