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

    /// A header set with lines as far apart as rows (double spacing), each label's later lines a
    /// character left of centre ("小" / "计", "公务接待" / "费"), and an amount set lower than the
    /// others of its row: each label whole, and one data row.
    @Test func doubleSpacedHeaderLabels() {
        func at(_ text: String, _ x0: Double, _ y: Double) -> PDFWord {
            PDFWord(text: text, x0: x0, y0: y, x1: x0 + Double(text.count) * 10.4, y1: y + 10.4)
        }
        let rows: [[PDFWord]] = [
            [at("合计", 64, 264.8), at("公务接待", 405, 271.6), at("小", 124.4, 271.6)],
            [at("计", 114, 301.1), at("费", 410.3, 301.1), at("小", 211.6, 302)],
            [at("计", 201, 331.5)],
            [
                PDFWord(text: "2,542.60", x0: 56.5, y0: 393.5, x1: 86.4, y1: 400.9),
                PDFWord(text: "833.60", x0: 115.4, y0: 393.5, x1: 137.9, y1: 400.9),
                PDFWord(text: "183.60", x0: 202.6, y0: 393.5, x1: 225, y1: 400.9),
                PDFWord(text: "427.50", x0: 411.8, y0: 393.5, x1: 434.2, y1: 400.9)
            ],
            [PDFWord(text: "0", x0: 272.4, y0: 399.6, x1: 276.1, y1: 407.1)]
        ]
        let grid = PDFTableGrid.rows(Self.lines(rows))
        #expect(grid.count == 3)
        #expect(grid.first == ["合计", "小计", "", "", "公务接待费"])
        #expect(grid[1] == ["", "", "小计", "", ""])
        #expect(grid.last == ["2,542.60", "833.60", "183.60", "0", "427.50"])
    }

    /// Labels set a few characters a word, a space between words ("上级一般 公共预算"), each over a
    /// column of its own, one of them empty in every row: every label keeps its column whole.
    @Test func labelsSetAWordAtATime() {
        let rows: [[PDFWord]] = [
            [
                Self.word("项目", 40, 80), Self.word("一般公共", 160, 80), Self.word("预算", 202.5, 80),
                Self.word("上级一般", 260, 80), Self.word("公共预算", 302.5, 80), Self.word("政府性基", 380, 80),
                Self.word("金预算", 422.5, 80)
            ],
            [Self.word("合计", 40, 100), Self.word("515.08", 190, 100), Self.word("42.33", 320, 100)],
            [Self.word("行政运行", 40, 120), Self.word("404.60", 190, 120), Self.word("17.33", 320, 120)]
        ]
        let grid = PDFTableGrid.rows(Self.lines(rows))
        #expect(grid.first == ["项目", "一般公共 预算", "上级一般 公共预算", "政府性基 金预算"])
        #expect(grid[1] == ["合计", "515.08", "42.33", ""])
    }

    /// Names of three lines, their middle line beside the row's other cells, rows set far apart
    /// (a project's name, 会议费, 229.00): each name whole in its row, and the page's table goes
    /// on over the gaps between such rows instead of breaking into text.
    @Test func threeLineNamesKeepTheTableTogether() {
        func at(_ text: String, _ x0: Double, _ y: Double) -> PDFWord {
            PDFWord(text: text, x0: x0, y0: y, x1: x0 + Double(text.count) * 9, y1: y + 9)
        }
        let words: [PDFWord] = [
            at("专项名称", 160, 60), at("经济科目", 245, 60), at("品名", 312, 60), at("组织形式", 362, 60),
            at("总计", 520, 60),
            at("常委会会议", 176.6, 147.7), at("经费及省人大工", 158.6, 177.2), at("会议费", 244.4, 177.2),
            at("229.00", 532.9, 177.2), at("作会议经费", 158.6, 206.8),
            at("会议服务", 312.4, 254.8), at("分散自行组织", 362.3, 254.8), at("229.00", 532.9, 254.8),
            at("江苏省第十", 176.6, 302.8), at("二届人代会五次", 158.6, 332.2), at("会议费", 244.4, 332.2),
            at("950.00", 532.9, 332.2), at("会议经费", 158.6, 361.7),
            at("会议服务", 312.4, 409.7), at("分散自行组织", 362.3, 409.7), at("950.00", 532.9, 409.7),
            at("办公印刷费", 176.6, 461.8), at("印刷费", 244.4, 461.8), at("94.00", 537.4, 461.8),
            at("印刷服务", 312.4, 513.9), at("分散自行组织", 362.3, 513.9), at("94.00", 537.4, 513.9)
        ]
        let text = PDFLayout.text([PDFPage(number: 1, width: 600, height: 800, words: words)])
        let rows = text.components(separatedBy: "\n").map { $0.components(separatedBy: "\t") }
        #expect(rows.count == 7)
        #expect(rows[1] == ["常委会会议经费及省人大工作会议经费", "会议费", "", "", "229.00"])
        #expect(rows[3] == ["江苏省第十二届人代会五次会议经费", "会议费", "", "", "950.00"])
        #expect(rows[6] == ["", "", "印刷服务", "分散自行组织", "94.00"])
    }

    /// A name of two lines ("台式计算机" / "（20 万以下）") beside cells centred between them, the
    /// next cell half an em to its right: still one row.
    @Test func aNameBesideTheNextCell() {
        func at(_ text: String, _ x0: Double, _ y: Double) -> PDFWord {
            PDFWord(text: text, x0: x0, y0: y, x1: x0 + Double(text.count) * 9, y1: y + 9)
        }
        let grid = PDFTableGrid.rows(
            Self.lines([
                [at("品名", 312, 60), at("组织形式", 362.3, 60), at("总计", 520, 60)],
                [at("办公设备", 312.4, 99.5), at("59.00", 537.4, 99.5)],
                [at("台式计算机", 312.4, 148)],
                [at("分散自行组织", 362.3, 162.7), at("10.00", 537.4, 162.7)],
                [at("（20", 294.4, 177.5), at("万以下）", 314.6, 177.5)],
                [at("分散自行组织", 362.3, 226.1), at("14.00", 537.4, 226.1)]
            ]))
        #expect(grid.count == 4)
        #expect(grid[2] == ["台式计算机（20万以下）", "分散自行组织", "10.00"])
    }

    /// Rows of fixed height (a procurement table's, 20 points), a name wrapped in one of them, its
    /// lines filling the row, the other cells centred between them: the row above, whose name is
    /// as long as a full line and stands nearer than rows do, is a row of its own, and so is the
    /// wrapped one.
    @Test func aFullNameAboveARowOfFixedHeight() {
        let w = Self.word
        let grid = PDFTableGrid.rows(
            Self.lines([
                [w("品名", 412.4, 199), w("组织形式", 536.8, 199), w("总计", 740, 199)],
                [w("台式计算机（20万以下）", 412.4, 218.7), w("分散自行组织", 536.8, 218.7), w("18.00", 750, 218.7)],
                [w("便携式计算机（20万以", 412.4, 232.6)],
                [w("分散自行组织", 536.8, 238.6), w("12.00", 750, 238.6)],
                [w("下）", 412.4, 245.1)],
                [w("打印设备（20万以下）", 412.4, 258.6), w("分散自行组织", 536.8, 258.6), w("2.00", 755, 258.6)],
                [w("其他计算机设备及软件", 412.4, 278.5), w("分散自行组织", 536.8, 278.5), w("53.00", 750, 278.5)],
                [w("复印机", 412.4, 298.4), w("分散自行组织", 536.8, 298.4), w("7.00", 755, 298.4)]
            ]))
        #expect(grid.count == 6)
        #expect(grid[1] == ["台式计算机（20万以下）", "分散自行组织", "18.00"])
        #expect(grid[2] == ["便携式计算机（20万以下）", "分散自行组织", "12.00"])
    }

    /// A name's last line a character short of its column's widest ("与传媒支出" under
    /// "文化旅游体育", the code 207 centred between them) was not full: the line under it, nearer
    /// than the table's rows, starts the next name ("其他文化旅游" / "20799 体育与传媒支" / "出",
    /// the final-accounts template's 支出决算表).
    @Test func aNamesShortLastLineEndsIt() {
        let w = Self.word
        let grid = PDFTableGrid.rows(
            Self.lines([
                [w("科目编码", 107.4, 150), w("科目名称", 180.6, 150), w("合计", 282.8, 150)],
                [w("205", 107.4, 182.9), w("教育支出", 180.6, 182.9)],
                [w("20502", 107.4, 207.4), w("普通教育", 180.6, 207.4)],
                [w("2050205", 107.4, 231.9), w("高等教育", 180.6, 231.9)],
                [w("…", 107.4, 256.4), w("…", 180.6, 256.4)],
                [w("文化旅游体育", 180.6, 275.7)], [w("207", 107.4, 282.6)], [w("与传媒支出", 180.6, 289.4)],
                [w("其他文化旅游", 180.6, 303.6)], [w("20799", 107.4, 317.1), w("体育与传媒支", 180.6, 317.1)],
                [w("出", 180.6, 330.7)],
                [w("…", 107.4, 344.8)], [w("…", 107.4, 358.5), w("…", 180.6, 358.5)], [w("…", 107.4, 372.1)]
            ]))
        #expect(grid.contains(["207", "文化旅游体育与传媒支出", ""]))
        #expect(grid.contains(["20799", "其他文化旅游体育与传媒支出", ""]))
    }

    /// A project's long name wrapped beside its row's cells, first on a page: its two lines go
    /// with the table; prose around a line of figures does not.
    @Test func longNamesBesideCentredCells() {
        let w = Self.word
        let name = Self.lines([
            [w("新财社（2025）225号--2026年自治区财政", 392, 49)],
            [w("2080199", 63.5, 55), w("其他人力资源和社会管理事务支出", 160, 55), w("17.33", 720, 55)],
            [w("社保经办机构补助经费资金", 392, 61)]
        ])
        #expect(PDFRowSpans.lastLinesOfNames(name) == [0, 2])
        let prose = Self.lines([
            [w("全年保障州本级231名退休人员，", 392, 49)], [w("17.33", 720, 55)], [w("享受国家补贴。", 392, 61)]
        ])
        #expect(PDFRowSpans.lastLinesOfNames(prose).isEmpty)
    }

    /// A row the page break cut ("八、社会保障和就" at the foot of one page, "业支出" at the head of
    /// the next, the name's cell full to its width): one row. A row of its own at the head of the
    /// page ("九、医疗卫生支出") stays one.
    @Test func aRowCutByThePageBreak() {
        func line(_ page: Int, _ words: [PDFWord]) -> PDFLine { PDFLine(words: words, page: page) }
        let head = line(1, [Self.word("项目", 40, 60), Self.word("金额", 200, 60)])
        let first = line(1, [Self.word("七、文化体育支出", 40, 80), Self.word("5.00", 200, 80)])
        let cut = line(1, [Self.word("八、社会保障和就", 40, 100), Self.word("1,608.51", 200, 100)])
        let tail = line(2, [Self.word("业支出", 40, 40)])
        let next = line(2, [Self.word("九、医疗卫生支出", 40, 60), Self.word("3.00", 200, 60)])
        #expect(
            PDFTableGrid.rows([head, first, cut, tail, next]) == [
                ["项目", "金额"], ["七、文化体育支出", "5.00"], ["八、社会保障和就业支出", "1,608.51"], ["九、医疗卫生支出", "3.00"]
            ])
        let own = line(2, [Self.word("九、医疗卫生", 40, 40)])
        #expect(PDFTableGrid.rows([head, first, cut, own]).count == 4)
        // A name wrapped beside its amounts, first on the next page, starts a row of its own, though
        // the row above ends the page with a name as long as a full line.
        let full = line(1, [Self.word("社会保障和就业支出", 40, 100), Self.word("1,608.51", 200, 100)])
        let wrapped = [
            line(2, [Self.word("卫生健康和医疗", 40, 40)]), line(2, [Self.word("3.00", 200, 46)]),
            line(2, [Self.word("支出", 40, 52)])
        ]
        #expect(PDFTableGrid.rows([head, first, full] + wrapped).last == ["卫生健康和医疗支出", "3.00"])
    }
}
