import Testing

@testable import YusuanCore

/// The page-geometry stage on words placed by hand: edge cases the corpus does not hold.
@Suite struct PDFGridTests {
    static func word(_ text: String, _ x0: Double, _ y: Double, width: Double? = nil) -> PDFWord {
        let w = width ?? Double(text.reduce(0) { $0 + ($1.isASCII ? 5 : 10) })
        return PDFWord(text: text, x0: x0, y0: y, x1: x0 + w, y1: y + 10)
    }

    @Test func cellsRunTogetherAreSplit() {
        let code = Self.word("2080505机关事业单位基本养老保险缴费支出", 40, 100)
        #expect(code.splitCells().map(\.text) == ["2080505", "机关事业单位基本养老保险缴费支出"])
        #expect(code.splitCells()[0].x1 == 74)  // seven digits, half an em each, a point short
        #expect(Self.word("基本工资1,015.15", 40, 100).splitCells().map(\.text) == ["基本工资", "1,015.15"])
        for whole in ["2017年度", "合计", "1,015.15", "30101", "（2022年）"] {
            #expect(Self.word(whole, 40, 100).splitCells().map(\.text) == [whole])
        }
    }

    /// Codes glued to names, a total centred across the code and name columns, an amount column
    /// that one row leaves empty: the grid still has a code, a name and two amounts a row.
    @Test func aSmallTable() {
        let rows: [[PDFWord]] = [
            [
                Self.word("科目编码", 40, 80), Self.word("科目名称", 150, 80), Self.word("合计", 330, 80),
                Self.word("基本支出", 420, 80)
            ],
            [Self.word("合计", 120, 100), Self.word("9,581.33", 330, 100), Self.word("576.95", 430, 100)],
            [
                Self.word("208社会保障和就业支出", 40, 120).splitCells(),
                [
                    Self.word("9,509.12", 330, 120),
                    Self.word("534.63", 430, 120)
                ]
            ].flatMap { $0 },
            [Self.word("20801人力资源和社会保障管理事务", 40, 140).splitCells(), [Self.word("509.51", 345, 140)]]
                .flatMap { $0 }
        ]
        let lines = rows.map { PDFLine(words: $0.sorted { $0.x0 < $1.x0 }, page: 1) }
        let grid = PDFTableGrid.rows(lines)
        #expect(grid.count == 4)
        #expect(grid[2].first == "208社会保障和就业支出" && grid[2].suffix(2) == ["9,509.12", "534.63"])
        #expect(grid[3].suffix(2) == ["509.51", ""])
        #expect(grid[0].last == "基本支出")
        #expect(grid[1].contains("合计") && grid[1].suffix(2) == ["9,581.33", "576.95"])
        // The reader then takes the code out of its name's cell.
        let text = grid.enumerated().map {
            SourceText.Line(number: $0.offset + 1, text: $0.element.joined(separator: "\t"))
        }
        let table = TabTableParser.parse(kind: .expenseSummary, lines: text)
        #expect(table.rows.first { $0.code == "208" }?.printed == ["9509.12", "534.63"])
        #expect(table.rows.first { $0.code == "20801" }?.name == "人力资源和社会保障管理事务")
        #expect(table.rows.first { $0.isTotal }?.printed == ["9581.33", "576.95"])
    }

    /// Text copied with the code in its name's cell and the amounts right after it.
    @Test func codesInTheirNamesCells() {
        let text = [
            "科目\t合计\t基本支出", "208 社会保障和就业支出\t9509.12\t534.63", "20801人力资源和社会保障管理事务\t509.51\t499.91",
            "合计\t9581.33\t576.95"
        ]
        let lines = text.enumerated().map { SourceText.Line(number: $0.offset + 1, text: $0.element) }
        let table = TabTableParser.parse(kind: .expenseSummary, lines: lines)
        #expect(table.rows.first { $0.code == "208" }?.name == "社会保障和就业支出")
        #expect(table.rows.first { $0.code == "20801" }?.printed == ["509.51", "499.91"])
        #expect(table.rows.first { $0.isTotal }?.printed == ["9581.33", "576.95"])
    }

    /// A running head on every page and a page number set between box-drawing dashes are page
    /// furniture; a table label heading every page is not.
    @Test func runningHeadsAndPageNumbers() {
        let prose = ["主要职能是履行政协职能。", "机构设置共有七个处室。", "本年收入预算合计一万元。", "名词解释见下文各条。"]
        let pages = (1...4).map { n in
            PDFPage(
                number: n, width: 600, height: 800,
                words: [
                    Self.word("江苏省政协办公厅\(2017 + n)年度部门预算", 40, 20), Self.word("公开0\(n)表", 40, 60),
                    Self.word(prose[n - 1], 40, 100), Self.word("─ \(n) ─", 280, 760)
                ])
        }
        let text = PDFLayout.text(pages)
        #expect(!text.contains("年度部门预算"))
        #expect(!text.contains("─"))
        #expect(text.contains("公开03表"))
        #expect(prose.allSatisfy(text.contains))
        #expect(SourceText.isPageNumber("─ 12 ─"))
    }

    /// A table's header alone at the foot of a page, its one row of amounts at the head of the
    /// next: one table, the amounts under their labels.
    @Test func headerAtAPageFootAndOneRowOnTheNext() {
        let pages = [
            PDFPage(
                number: 1, width: 600, height: 842,
                words: [
                    Self.word("一般公共预算“三公”经费支出情况表", 40, 700), Self.word("合计", 40, 760),
                    Self.word("因公出国（境）费", 150, 760), Self.word("公务接待费", 300, 760)
                ]),
            PDFPage(
                number: 2, width: 600, height: 842,
                words: [
                    Self.word("9.30", 50, 60), Self.word("8.00", 215, 60), Self.word("1.30", 330, 60),
                    Self.word("第三部分 预算情况说明", 40, 120)
                ])
        ]
        let lines = PDFLayout.text(pages).components(separatedBy: "\n")
        let header = lines.firstIndex { $0.hasPrefix("合计\t") }
        #expect(header.map { lines[$0...].contains("9.30\t8.00\t1.30") } == true)
    }

    /// A header alone at a page's foot, the next page opening with a name alone in its row
    /// (empty cells) and rows of amounts under it: the name is the table's first row. A chart's
    /// legend at a page's foot, its caption first on the next page and prose after, stays text.
    @Test func headerAtAPageFootAndANameAloneOnTheNext() {
        func page(_ n: Int, _ words: [PDFWord]) -> PDFPage { PDFPage(number: n, width: 600, height: 842, words: words) }
        let table = PDFLayout.text([
            page(1, [Self.word("合计", 150, 770), Self.word("一般公共预算", 230, 770), Self.word("政府性基金", 330, 770)]),
            page(
                2,
                [
                    Self.word("因公出国（境）费用", 40, 50), Self.word("公务接待费", 40, 70), Self.word("0.80", 160, 70),
                    Self.word("0.80", 250, 70), Self.word("总计", 40, 90), Self.word("4.80", 160, 90),
                    Self.word("4.80", 250, 90)
                ])
        ]).components(separatedBy: "\n")
        #expect(table.first == "\t合计\t一般公共预算\t政府性基金")
        #expect(table.contains("因公出国（境）费用\t\t\t"))
        let chart = PDFLayout.text([
            page(1, [Self.word("基本支出", 100, 770), Self.word("项目支出", 200, 770), Self.word("预留机动经费", 300, 770)]),
            page(2, [Self.word("支出预算图", 120, 50), Self.word("四、财政拨款收支预算总表情况说明", 40, 80)])
        ]).components(separatedBy: "\n")
        #expect(chart.firstIndex(of: "\u{0C}").map { chart[($0 + 1)...].first } == "支出预算图")
    }

    /// A header of labels wrapped in narrow cells, alone at a page's foot, its lines half a line
    /// apart (a label's last line, "付额度结余）", the page's last): the whole header goes on the
    /// table whose rows open the next page.
    @Test func aWrappedHeaderAtAPageFoot() {
        let pages = [
            PDFPage(
                number: 1, width: 600, height: 842,
                words: [
                    Self.word("科目名称", 40, 774), Self.word("总计", 200, 774), Self.word("单位上年结余（", 300, 774),
                    Self.word("一般公共", 400, 780), Self.word("预算拨款", 480, 780), Self.word("付额度结余）", 300, 786)
                ]),
            PDFPage(
                number: 2, width: 600, height: 842,
                words: [
                    Self.word("208 社会保障和就业支出", 40, 60), Self.word("389.75", 200, 60), Self.word("9.80", 320, 60),
                    Self.word("368.55", 400, 60), Self.word("20801 人力资源事务", 40, 80), Self.word("341.47", 200, 80),
                    Self.word("9.80", 320, 80), Self.word("320.27", 400, 80)
                ])
        ]
        let lines = PDFLayout.text(pages).components(separatedBy: "\n")
        #expect(!lines.contains("付额度结余）"))
        #expect(lines.first?.contains("\t") == true)
    }

    /// A header the page break cut, its first line alone at a page's foot: the next page's lines
    /// above the rows, labels of their own but for one word ("财政拨款"), go on the header; a
    /// header the next page repeats whole is dropped there; a row is kept.
    @Test func aHeaderCutByThePageBreak() {
        func line(_ texts: [String], _ y: Double, page: Int) -> PDFLine {
            PDFLine(words: texts.enumerated().map { Self.word($1, 40 + 90 * Double($0), y) }, page: page)
        }
        let first = [line(["科目代码", "科目名称", "总计", "财政拨款（补助）", "财政拨款", "结转"], 780, page: 1)]
        let row = line(["208", "社会保障和就业支出", "557.41", "557.41"], 70, page: 2)
        let goesOn = [line(["类", "款", "项", "财政拨款", "（补助）小", "计", "一般公共", "预算"], 50, page: 2), row]
        #expect(PDFLayout.dropRepeatedHeader(goesOn, after: first) == goesOn)
        let repeated = [line(["科目代码", "科目名称", "总计", "财政拨款（补助）", "财政拨款", "结转"], 50, page: 2), row]
        #expect(PDFLayout.dropRepeatedHeader(repeated, after: first) == [row])
        // A row that names one of the header's labels ("政府性基金预算  203国防支出") is no header.
        let summary = [line(["项目", "合计", "功能分类", "政府性基金预算"], 780, page: 1)]
        let named = [line(["政府性基金预算", "203国防支出"], 50, page: 2), row]
        #expect(PDFLayout.dropRepeatedHeader(named, after: summary) == named)
    }

    /// A lone number at the head of a page is its number; two whole numbers a cell apart there
    /// are the amounts of a table's first row on the page (a row centred below its name's first
    /// line, "6" and "6").
    @Test func numbersAtThePageHead() {
        let page = PDFPage(number: 2, width: 600, height: 842)
        let lone = PDFLine(words: [Self.word("12", 290, 30)], page: 2)
        let amounts = PDFLine(words: [Self.word("6", 232.5, 55), Self.word("6", 302.5, 55)], page: 2)
        #expect(PDFLayout.isFurniture(lone, page: page))
        #expect(!PDFLayout.isFurniture(amounts, page: page))
    }

    /// Amounts printed as integers (a table in 元 without decimals), set flush right under labels
    /// centred over their cells: each label goes over its own column of integers, not the name's.
    @Test func integerAmountsFlushRight() {
        func right(_ text: String, _ x1: Double, _ y: Double) -> PDFWord {
            Self.word(text, x1 - Double(text.count * 5), y)
        }
        let rows: [[PDFWord]] = [
            [
                Self.word("科目编码", 40, 80), Self.word("科目名称", 150, 80), Self.word("合计", 300, 80),
                Self.word("基本支出", 380, 80)
            ],
            [
                Self.word("208", 40, 100), Self.word("社会保障和就业支出", 150, 100), right("12500", 350, 100),
                right("9800", 450, 100)
            ],
            [
                Self.word("20801", 40, 120), Self.word("人力资源和社会保障管理事务", 150, 120), right("500", 350, 120),
                right("500", 450, 120)
            ],
            [
                Self.word("2080101", 40, 140), Self.word("行政运行", 150, 140), right("12000", 350, 140),
                right("9300", 450, 140)
            ]
        ]
        let grid = PDFTableGrid.rows(rows.map { PDFLine(words: $0, page: 1) })
        #expect(grid.first == ["科目编码", "科目名称", "合计", "基本支出"])
        #expect(grid[1] == ["208", "社会保障和就业支出", "12500", "9800"])
    }

    /// A table of whole numbers and no codes is a table, not prose.
    @Test func wholeNumbersWithoutCodes() {
        let page = PDFPage(
            number: 1, width: 600, height: 800,
            words: [
                Self.word("项目", 40, 80), Self.word("合计", 200, 80), Self.word("一般公共预算", 300, 80),
                Self.word("合计", 40, 100), Self.word("12000", 215, 100), Self.word("12000", 335, 100),
                Self.word("公务接待费", 40, 120), Self.word("9000", 220, 120), Self.word("9000", 340, 120)
            ])
        let lines = PDFLayout.text([page]).components(separatedBy: "\n")
        #expect(lines == ["项目\t合计\t一般公共预算", "合计\t12000\t12000", "公务接待费\t9000\t9000"])
    }

    /// A total's label spaced out over the code and name cells ("合        计"): one label, in one
    /// cell; the codes and names keep two columns, not three.
    @Test func aTotalSpacedOverTwoCells() {
        let page = PDFPage(
            number: 1, width: 600, height: 800,
            words: [
                Self.word("科目编码", 40, 80), Self.word("科目名称", 200, 80), Self.word("金额", 400, 80),
                Self.word("合", 130, 100), Self.word("计", 175, 100), Self.word("2,232.91", 400, 100),
                Self.word("302", 40, 120), Self.word("商品和服务支出", 170, 120), Self.word("2,232.91", 400, 120)
            ])
        let lines = PDFLayout.text([page]).components(separatedBy: "\n")
        #expect(lines == ["科目编码\t科目名称\t金额", "\t合计\t2,232.91", "302\t商品和服务支出\t2,232.91"])
        #expect(PDFWord.joinSpacedTotals([Self.word("类", 40, 80), Self.word("款", 90, 80)]).count == 2)
    }

    /// A title with its unit at the right of the same line: a title, the unit a meta line, and the
    /// table under them read as one.
    @Test func unitBesideTheTitle() {
        let page = PDFPage(
            number: 1, width: 600, height: 800,
            words: [
                Self.word("部门收入预算表", 200, 40), Self.word("单位：万元", 480, 40),
                Self.word("项目", 40, 80), Self.word("合计", 200, 80), Self.word("一般公共预算", 300, 80),
                Self.word("合计", 40, 100), Self.word("1,200.00", 200, 100), Self.word("1,200.00", 300, 100)
            ])
        let lines = PDFLayout.text([page]).components(separatedBy: "\n")
        #expect(lines == ["部门收入预算表", "单位：万元", "项目\t合计\t一般公共预算", "合计\t1,200.00\t1,200.00"])
    }
}
