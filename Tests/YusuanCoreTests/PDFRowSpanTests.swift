import Testing

@testable import YusuanCore

/// Rows and header labels of tables whose cells are centred vertically, on words placed by hand.
@Suite struct PDFRowSpanTests {
    static func word(_ text: String, _ x0: Double, _ y: Double) -> PDFWord { PDFGridTests.word(text, x0, y) }
    static func lines(_ rows: [[PDFWord]]) -> [PDFLine] { rows.map { PDFLine(words: $0, page: 1) } }

    /// A label whose last line is one character ("公务用车购置" / "费"), centred under its first:
    /// one label, though six times narrower.
    @Test func aLabelsShortLastLine() {
        let grid = PDFTableGrid.rows(
            Self.lines([
                [Self.word("合计", 40, 80), Self.word("公务用车购置", 120, 80), Self.word("公务接待费", 220, 80)],
                [Self.word("费", 145, 95)],
                [Self.word("12.00", 40, 130), Self.word("2.00", 160, 130), Self.word("10.00", 250, 130)]
            ]))
        #expect(grid.first == ["合计", "公务用车购置费", "公务接待费"])
        #expect(grid.count == 2)
    }

    /// Names wrapped over lines set as far apart as rows (double spacing), amounts centred beside
    /// them: each name and its amount are one row, the first row's name too, though its first
    /// line stands above the first amount.
    @Test func namesWrappedBesideCentredAmounts() {
        let grid = PDFTableGrid.rows(
            Self.lines([
                [Self.word("项目", 40, 80), Self.word("金额", 160, 80)],
                [Self.word("一、财政", 40, 110)],
                [Self.word("13,649.07", 150, 125)],
                [Self.word("拨款", 40, 140)],
                [Self.word("1.一般公", 40, 171)],
                [Self.word("13,649.07", 150, 186)],
                [Self.word("共预算", 40, 201)]
            ]))
        #expect(grid == [["项目", "金额"], ["一、财政拨款", "13,649.07"], ["1.一般公共预算", "13,649.07"]])
    }

    /// A project's name in a cell merged over its own row and the first of its details, centred
    /// between them: it names the upper row, whose amount is the details' sum.
    @Test func aCellMergedOverTwoRows() {
        var rows: [[PDFWord]] = [[Self.word("专项名称", 120, 60), Self.word("品名", 240, 60), Self.word("总计", 340, 60)]]
        rows.append([Self.word("30.00", 340, 100)])
        rows.append([Self.word("机要业务费", 120, 118)])
        for (k, (name, amount)) in [("台式计算机", "4.00"), ("路由器", "26.00")].enumerated() {
            rows.append([Self.word(name, 240, 137 + 37 * Double(k)), Self.word(amount, 345, 137 + 37 * Double(k))])
        }
        let grid = PDFTableGrid.rows(Self.lines(rows))
        #expect(grid[1] == ["机要业务费", "", "30.00"])
        #expect(grid[2] == ["", "台式计算机", "4.00"])
        #expect(grid.count == 4)
    }

    /// Evenly spaced one-line rows: a row whose only cell stands where its neighbours have none
    /// (a group's name) is a row of its own, not a merged cell.
    @Test func evenRowsStayApart() {
        let grid = PDFTableGrid.rows(
            Self.lines([
                [Self.word("项目", 40, 60), Self.word("说明", 120, 60), Self.word("金额", 240, 60)],
                [Self.word("甲", 40, 80), Self.word("1.00", 240, 80)],
                [Self.word("乙", 40, 100), Self.word("2.00", 240, 100)],
                [Self.word("其中：", 120, 120)],
                [Self.word("丙", 40, 140), Self.word("3.00", 240, 140)],
                [Self.word("丁", 40, 160), Self.word("4.00", 240, 160)]
            ]))
        #expect(grid.count == 6)
        #expect(grid[3] == ["", "其中：", ""])
    }
}
