import Foundation
import Testing
@testable import YusuanCore

/// How the Jiangsu PDFs are laid out, as a person sees it on the page: the contents list, table
/// titles and labels, the columns printed over an empty table, notes under a table, the names of
/// subtotal rows. (The amounts are asserted in `JiangsuCorpusTests`.)
@Suite struct JiangsuStructureTests {
    static let available = JiangsuCorpusTests.available
    static let skip = JiangsuCorpusTests.skip
    static func read(_ name: String) throws -> Disclosure { try JiangsuCorpusTests.read(name) }

    /// The contents list twelve tables, "一、收支预算总表" first, on the line under
    /// "第二部分 … 部门预算表": the item is not the end of the part's heading.
    @Test(.enabled(if: available, skip)) func contentsListEveryTable() throws {
        for file in [
            "js-cppcc-office-2017-document", "js-cppcc-office-2018-document", "js-cppcc-office-2019-document",
            "js-high-court-2017", "js-npc-office-2019-document", "js-party-committee-office-2018-document",
            "js-party-committee-office-2019-document"
        ] {
            let d = try Self.read(file)
            #expect(d.contents.count == 12, "\(file)")
            #expect(d.contents.first?.title == "收支预算总表", "\(file)")
            #expect(d.contents.first?.kind == .incomeExpenseSummary, "\(file)")
        }
    }

    /// npc-2017's item 十一 wraps ("…培训费支" / "出预算表", over a page break): one item.
    @Test(.enabled(if: available, skip)) func aWrappedContentsItemIsOne() throws {
        let d = try Self.read("js-npc-office-2017")
        #expect(d.contents.count == 12)
        #expect(d.contents[10].title == "一般公共预算“三公”经费、会议费、培训费支出预算表")
        #expect(d.contents[10].kind == .threePublic)
        #expect(d.contents[11].title == "政府采购支出预算表")
        #expect(d.contents.allSatisfy { $0.kind != nil })
    }

    /// "21、司法行政装备管理处" and "22、审判管理办公室" are two printed lines, not one wrapped line.
    @Test(.enabled(if: available, skip)) func numberedLinesAreNotJoined() throws {
        let d = try Self.read("js-high-court-2018")
        #expect(d.overview.functions.contains("\n21、司法行政装备管理处\n22、审判管理办公室\n"))
    }
}

@Suite struct ItemStartTests {
    /// An item's number starts a line of its own; an amount at a line's start does not.
    @Test func itemNumbers() {
        for item in ["一、收支预算总表", "（三）派出机构", "1.采购品目名称", "2、组织人事处", "(4)会议费", "第二部分 预算表"] {
            #expect(PDFParagraphs.startsItem(CJK.compact(item)), "\(item)")
        }
        for text in ["1.5万元，增长", "2017年度", "出预算表", "123、"] {
            #expect(!PDFParagraphs.startsItem(text), "\(text)")
        }
    }
}
