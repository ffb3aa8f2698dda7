import Testing

@testable import YusuanCore

/// Headers of the national 决算 form's kind, on words placed as its 2024 template places them.
@Suite struct PDFHeaderTests {
    static func w(_ t: String, _ x0: Double, _ x1: Double, _ y: Double) -> PDFWord {
        PDFWord(text: t, x0: x0, y0: y, x1: x1, y1: y + 10.4)
    }

    /// 收入决算表 with amounts in 本年收入合计, 财政拨款收入 and 其他收入 alone: the columns left
    /// empty in every row keep their labels, "附属单位" / "上缴收入" (two lines about the others'
    /// line) one label of a column of its own, and 34.56 stays under 其他收入.
    @Test func emptyColumnsBetweenAmountColumns() throws {
        var words: [PDFWord] = [
            Self.w("收入决算表", 394.7, 447.1, 92.5), Self.w("单位：万元", 699.4, 751.8, 108.1),
            Self.w("本年收入合计", 292.3, 355.2, 157.2), Self.w("功能分类", 88.4, 130.3, 161.1),
            Self.w("科目编码", 88.4, 130.3, 176.7), Self.w("科目名称", 195.4, 237.2, 168.9),
            Self.w("财政拨款收入", 370.1, 433.0, 157.2), Self.w("上级补助收入", 448.1, 511.0, 157.2),
            Self.w("事业收入", 532.9, 574.8, 157.2), Self.w("经营收入", 598.6, 640.4, 157.2),
            Self.w("附属单位", 658.8, 700.7, 149.3), Self.w("上缴收入", 658.8, 700.7, 164.9),
            Self.w("其他收入", 731.8, 773.6, 157.2), Self.w("合计", 167.6, 188.5, 209.8),
            Self.w("1,234.56", 320, 357, 209.8), Self.w("1,200.00", 398, 435, 209.8), Self.w("34.56", 750, 775, 209.8)
        ]
        for (k, (code, name)) in [("205", "教育支出"), ("20502", "普通教育")].enumerated() {
            let y = 233.3 + 23.5 * Double(k)
            words += [
                Self.w(code, 76.7, 76.7 + Double(code.count) * 5.2, y), Self.w(name, 153.2, 195.1, y),
                Self.w("1,234.56", 320, 357, y), Self.w("1,200.00", 398, 435, y), Self.w("34.56", 750, 775, y)
            ]
        }
        let text = PDFLayout.text([PDFPage(number: 1, width: 842, height: 595, words: words)])
        let d = try DisclosureParser.parse(text: "2024年度部门决算\n" + text, path: "x.txt")
        let t = try #require(d.table(.incomeSummary))
        #expect(t.columns == ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"])
        #expect(t.row("205")?.printed == ["1234.56", "1200.00", "-", "-", "-", "-", "34.56"])
    }

    /// The blank form (codes and names, no amounts yet): each label right of the names heads a
    /// column of its own, "对附属单位补" / "助支出" about the labels' line one label, not the names'.
    @Test func aBlankFormKeepsItsColumns() {
        let words: [PDFWord] = [
            Self.w("支出决算表", 394.7, 447.1, 92.5), Self.w("单位：万元", 699.4, 751.8, 108.1),
            Self.w("本年支出合计", 290.8, 353.6, 151.5), Self.w("功能分类", 90.0, 131.9, 155.5),
            Self.w("科目编码", 90.0, 131.9, 171.1), Self.w("科目名称", 195.0, 236.9, 163.3),
            Self.w("基本支出", 383.4, 425.3, 151.5), Self.w("经营支出", 629.9, 671.8, 151.5),
            Self.w("对附属单位补", 701.5, 764.4, 143.7), Self.w("助支出", 717.2, 748.7, 159.3),
            Self.w("合计", 165.7, 186.6, 198.6), Self.w("205", 76.7, 92.5, 233.3), Self.w("教育支出", 153.2, 195.1, 233.3),
            Self.w("20502", 76.7, 102.9, 256.9), Self.w("普通教育", 153.2, 195.1, 256.9)
        ]
        let rows = PDFLayout.text([PDFPage(number: 1, width: 842, height: 595, words: words)])
            .components(separatedBy: "\n").map { $0.components(separatedBy: "\t") }
        let header = rows.first { $0.contains("本年支出合计") } ?? []
        #expect(header.suffix(4) == ["本年支出合计", "基本支出", "经营支出", "对附属单位补助支出"])
        #expect(rows.contains { $0.prefix(2) == ["205", "教育支出"] })
    }
}
