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

    /// The empty 政府性基金 tables print 功能科目代码 | 功能科目名称 | 金额 (or "金 额") over a lone 合计:
    /// one column, 金额. The 收支预算总表 and 财政拨款收支预算总表 print 金额 over their amounts.
    @Test(.enabled(if: available, skip)) func columnsAsPrinted() throws {
        for file in [
            "js-cppcc-office-2017-tables", "js-party-committee-office-2018-tables", "js-high-court-2017",
            "js-npc-office-2019-tables"
        ] {
            let d = try Self.read(file)
            let fund = try #require(d.table(.govFundExpense), "\(file)")
            #expect(fund.isEmpty, "\(file)")
            #expect(fund.columns == ["金额"], "\(file)")
            #expect(d.table(.incomeExpenseSummary)?.columns == ["金额"], "\(file)")
            #expect(d.table(.fiscalSummary)?.columns == ["金额"], "\(file)")
        }
    }

    /// Under the 2018 政府采购预算表: "注：1.采购组织形式为…。" and "2.采购品目名称根据…填写。", one note
    /// in two numbered items, not a row.
    @Test(.enabled(if: available, skip)) func aNumberedNoteIsNoRow() throws {
        let d = try Self.read("js-party-committee-office-2018-tables")
        let t = try #require(d.table(.procurement))
        #expect(!t.rows.contains { $0.name.contains("采购品目名称") })
        #expect(t.emptyNote?.hasSuffix("2.采购品目名称根据《政府采购品目分类目录》（财库[2013]189号）规定品目名称填写。") == true)
        #expect(t.rows.count == 39)
        #expect(t.totalRow?.printed == ["1449.50"])
    }

    /// The 三公 table prints two 小计: under "“三公”经费" (676.10) and under "公务用车购置及运行维护费"
    /// (156.60). Each is named for its caption, and each is checked against its items.
    @Test(.enabled(if: available, skip)) func threePublicSubtotalsNamedForTheirGroups() throws {
        var d = try Self.read("js-cppcc-office-2017-tables")
        let i = try #require(d.tables.firstIndex { $0.kind == .threePublic })
        let named = d.tables[i].rows.map { "\($0.name)|\($0.printed.joined())" }
        #expect(named.prefix(4) == ["合计|1852.32", "“三公”经费小计|676.10", "因公出国（境）费|76.00", "公务用车购置及运行维护费小计|156.60"])
        #expect(!Checker.check(d).contains { $0.rule == Rules.itemSum.id })
        // 676.10 = 76.00 + 156.60 + 443.50: a wrong 小计 is the publisher's error, named.
        let k = try #require(d.tables[i].rows.firstIndex { $0.name == "“三公”经费小计" })
        d.tables[i].rows[k].values = [Amount(parsing: "677.10")]
        let found = Checker.check(d).filter { $0.rule == Rules.itemSum.id }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("“三公”经费小计 677.10") == true)
        for file in ["js-npc-office-2017", "js-high-court-2017", "js-party-committee-office-2019-tables"] {
            let t = try #require(try Self.read(file).table(.threePublic), "\(file)")
            #expect(t.rows.filter(\.isSubtotal).map(\.name) == ["“三公”经费小计", "公务用车购置及运行维护费小计"], "\(file)")
        }
    }

    /// Titles as printed, with the qualifier after 表: "财政拨款支出预算表（功能科目）",
    /// "“三公”经费、会议费、培训费支出预算表（一般公共预算）".
    @Test(.enabled(if: available, skip)) func titlesKeepTheirQualifier() throws {
        let d = try Self.read("js-cppcc-office-2019-tables")
        #expect(
            d.tables[4...7].map(\.title) == [
                "财政拨款支出预算表（功能科目）", "财政拨款基本支出预算表（经济科目）", "一般公共预算支出预算表（功能科目）",
                "一般公共预算基本支出预算表（经济科目）"
            ])
        #expect(d.tables[4...7].map(\.kind) == [.gpbExpense, .gpbBasicExpense, .gpbExpense, .gpbBasicExpense])
        let old = try Self.read("js-cppcc-office-2017-tables")
        #expect(old.table(.threePublic)?.title == "“三公”经费、会议费、培训费支出预算表（一般公共预算）")
        #expect(TableSegmenter.unqualified("财政拨款支出预算表（功能科目）") == "财政拨款支出预算表")
    }

    /// The court PDFs label their tables by the ordinal in front of the title ("一、2017年度…收支预算
    /// 总表" … "十二、…政府采购预算表"): that is the table's number, and the contents still match.
    @Test(.enabled(if: available, skip)) func ordinalHeadingsNumberTheTables() throws {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
        for file in ["js-high-court-2017", "js-high-court-2018"] {
            let d = try Self.read(file)
            #expect(d.tables.map { $0.number ?? "" } == numerals.map { $0 + "、" }, "\(file)")
            #expect(d.tables.allSatisfy { $0.title.hasPrefix("201") }, "\(file)")
            #expect(d.contents.count == 12, "\(file)")
            #expect(!Checker.check(d).contains { $0.rule == Rules.promised.id }, "\(file)")
        }
        let d = try Self.read("js-high-court-2017")
        #expect(d.tables.first?.title == "2017年度江苏省高级人民法院部门收支预算总表")
        // npc-2017 prints its titles without a label: none is made up.
        #expect(try Self.read("js-npc-office-2017").tables.allSatisfy { $0.number == nil })
    }

    /// court-2017's last procurement item "物业管理服务" is one cell over two rows (部门集中采购 430.00,
    /// 分散自行组织 40.00): both rows carry the item's name.
    @Test(.enabled(if: available, skip)) func anItemMergedOverTwoRowsNamesBoth() throws {
        let t = try #require(try Self.read("js-high-court-2017").table(.procurement))
        let last = t.rows.suffix(2).map { "\($0.name)|\($0.printed.joined())" }
        #expect(last == ["物业管理服务部门集中采购|430.00", "物业管理服务分散自行组织|40.00"])
        #expect(t.totalRow?.printed == ["3742.40"])
    }

    /// npc-2017's 收入预算总表 (pp. 9–10) prints 15 rows, all blank but the first three; its last
    /// group "上年结转和 / 结余资金" holds 小计 and "其中：动用上年 / 结转和结余资金", each name over
    /// two lines: an item under text in its column starts a row, and the group label's second line,
    /// a little left of its first, stays in the table.
    @Test(.enabled(if: available, skip)) func incomeRowsUnderAWrappedGroupLabel() throws {
        let t = try #require(try Self.read("js-npc-office-2017").table(.incomeSummary))
        #expect(t.rows.count == 15)
        #expect(
            t.rows.suffix(7).map(\.name) == [
                "其他资金小计", "事业收入", "经营收入", "其他收入", "债务资金(银行贷款)", "上年结转和结余资金小计",
                "其中：动用上年结转和结余资金"
            ])
        #expect(t.totalRow?.printed == ["13649.07"])
    }

    /// "21、司法行政装备管理处" and "22、审判管理办公室" are two printed lines, not one wrapped line.
    @Test(.enabled(if: available, skip)) func numberedLinesAreNotJoined() throws {
        let d = try Self.read("js-high-court-2018")
        #expect(d.overview.functions.contains("\n21、司法行政装备管理处\n22、审判管理办公室\n"))
    }
}

@Suite struct PrintedColumnTests {
    /// A table with no figures: the labels after the code and name columns, a letter-spaced one whole.
    @Test func emptyTableLabels() {
        #expect(StreamHeader.printed(["功能科目代码 功能科目名称 金 额"]) == ["金额"])
        #expect(StreamHeader.printed(["科目编码 科目名称 合计 基本支出 项目支出"]) == ["合计", "基本支出", "项目支出"])
        #expect(StreamHeader.printed(["功能科目代码 功能科目名称"]) == nil)
        #expect(StreamHeader.printed(["合", "计"]) == ["合计"])
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
