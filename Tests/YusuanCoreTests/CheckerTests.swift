import Testing
@testable import YusuanCore

/// Real inconsistencies in the samples, each checkable against the document, and clean parts
/// that must yield none.
@Suite struct CheckerTests {
    func findings(_ name: String) throws -> [Finding] { Checker.check(try Fixtures.load(name)) }

    @Test func kizilsu2022() throws {
        let f = try findings(Fixtures.kizilsu2022)
        // 表五 20801: 基本支出 352.15 copied from 208. Its 项 sum to 303.87, its 合计 320.27 less
        // 项目支出 16.40 is 303.87, and 208's 基本支出 352.15 less 20805's 48.28 is 303.87: one
        // wrong cell, one finding, the other two sums under it.
        let fault = try #require(f.first { $0.blamed != nil })
        #expect(fault.severity == .error)
        #expect(fault.rule == "tree.sum")
        let blamed = try #require(fault.blamed)
        #expect(blamed.table == .gpbExpense && blamed.tableNumber == "表五")
        #expect(blamed.code == "20801" && blamed.column == "基本支出")
        #expect(blamed.printed?.description == "352.15" && blamed.expected?.description == "303.87")
        let row = try #require(fault.related.first { $0.rule == "row.sum" && $0.code == "20801" })
        #expect(row.expected?.description == "368.55")
        #expect(row.actual?.description == "320.27")
        #expect(fault.related.contains { $0.rule == "tree.sum" && $0.code == "208" && $0.column == "基本支出" })
        #expect(f.filter { $0.category == .arithmetic && $0.severity == .error }.count == 1)
        // The prose says 人力资源和社会保障管理事务 352.15, 表五 prints 320.27.
        let prose = try #require(f.first { $0.rule == "prose.amount" && $0.code == "20801" })
        #expect(prose.actual?.description == "352.15")
        #expect(prose.expected?.description == "320.27")
        // 表九 promised, never printed.
        #expect(f.contains { $0.rule == "tables.promised" && $0.message.contains("政府性基金") })
        // 303 printed as 对个人和家庭的补支.
        #expect(f.contains { $0.rule == "names.catalog" && $0.code == "303" })
        // Goal says 38 agents, the indicator 16.
        #expect(
            f.contains {
                $0.rule == "sheet.goal_number" && $0.expected?.description == "38.00"
                    && $0.actual?.description == "16.00"
            })
        #expect(f.contains { $0.rule == "prose.doubled" && $0.line == 330 })
        // Clean parts: 表三 adds up, the basic-expense table matches 表五, 三公 adds up.
        #expect(!f.contains { $0.table == .expenseSummary && $0.severity == .error })
        #expect(!f.contains { $0.rule == "cross.basic" })
        #expect(!f.contains { $0.rule == "three_public.sum" })
    }

    @Test func kizilsu2026() throws {
        let f = try findings(Fixtures.kizilsu2026)
        let sme = try #require(f.first { $0.rule == "prose.procurement" })
        #expect(sme.actual?.description == "18.06")
        #expect(sme.expected?.description == "6.06")
        #expect(f.contains { $0.rule == "names.code" && $0.code == "20801" && $0.tableNumber == "表7" })
        #expect(f.filter { $0.rule == "sheet.indicator_value" }.count == 4)
        #expect(f.contains { $0.rule == "sheet.goal_number" && $0.expected?.description == "10.87" })
        // The 12 tables agree with each other.
        #expect(!f.contains { $0.category == .crossTable })
        #expect(!f.contains { $0.category == .arithmetic })
    }

    @Test func akto() throws {
        let f = try findings(Fixtures.akto)
        #expect(f.contains { $0.rule == "tables.promised" && $0.message.contains("政府性基金") })
        #expect(f.contains { $0.rule == "tree.class_row" && $0.code == "301" })
        #expect(f.contains { $0.rule == "names.code" && $0.code == "234" })
        // 表6's total still adds up once its 301 款 rows stand in for the missing 类 row.
        #expect(!f.contains { $0.rule == "tree.sum" && $0.table == .gpbBasicExpense && $0.severity == .error })
        #expect(f.filter { $0.severity == .error }.count == 1)
    }

    @Test func bayingol() throws {
        let f = try findings(Fixtures.bayingol)
        let funding = try #require(f.first { $0.rule == "sheet.funding" })
        #expect(funding.actual?.description == "13.00")
        #expect(funding.expected?.description == "153.24")
        #expect(f.filter { $0.rule == "tables.promised" }.count == 2)
        // 表2 is rounded for display: its differences are rounding, never arithmetic.
        #expect(f.contains { $0.category == .rounding && $0.table == .incomeSummary })
        #expect(!f.contains { $0.category == .arithmetic && $0.table == .incomeSummary })
        #expect(f.contains { $0.rule == "prose.doubled" && $0.message.contains("行政单位离退休经费增加") })
        #expect(f.contains { $0.rule == "check.unavailable" && $0.message.contains("基本支出") })
    }

    @Test func kashgar() throws {
        let f = try findings(Fixtures.kashgar)
        #expect(f.filter { $0.severity == .error }.isEmpty)
        #expect(f.contains { $0.rule == "sheet.goal_copied" })
        // 就业补助 29.62 against 12.61 + 17.00: rounding, not arithmetic.
        #expect(f.contains { $0.category == .rounding && $0.code == "20807" })
        // The goal plans for 48 office staff; the indicator says >=48万人.
        let staff = f.first { $0.rule == "sheet.goal_number" && $0.row == "2023年自治区社保经办机构业务经费" }
        #expect(staff?.expected?.description == "48.00")
        #expect(staff?.message.hasSuffix("为 >=48万人，单位相差一万倍") == true)
    }

    @Test func toleranceSeparatesRoundingFromErrors() throws {
        let a = try #require(Amount(parsing: "712.00"))
        #expect(Tolerance.compare(a, try #require(Amount(parsing: "712.01"))) == .rounding)
        #expect(Tolerance.compare(a, try #require(Amount(parsing: "712.05"))) == .mismatch)
        let rounded = try #require(Amount(parsing: "620"))
        #expect(Tolerance.compare(try #require(Amount(parsing: "619.80")), rounded) == .rounding)
    }

    /// An indicator without a value is reported, unless its name ends in a figure: there the
    /// reading glued the value to the name ("聘用代办员人数16"), and the sheet is not at fault.
    @Test func indicatorValueMissingOrGlued() throws {
        let d = try Fixtures.load(Fixtures.kizilsu2022)
        func findings(_ name: String, basis: String? = "计划标准") -> [Finding] {
            var sink = FindingSink(disclosure: d)
            let indicator = Indicator(
                level1: "产出指标", level2: "数量指标", name: name, value: nil, basis: basis, lines: SourceRange(line: 1))
            PerformanceChecks.indicators(
                PerformanceSheet(
                    kind: .project, project: "代办员经费", indicators: [indicator], lines: SourceRange(line: 1)),
                &sink)
            return sink.findings.filter { $0.rule == Rules.indicatorValue.id }
        }
        #expect(findings("聘用代办员人数").count == 1)
        #expect(findings("聘用代办员人数16").isEmpty)
        #expect(findings("补助资金到位率100%").isEmpty)
        // The value glued to the next cell (an office-printed sheet, its value wider than its column).
        #expect(findings("新增企业基本养老保险参保人数人均扩面经费", basis: "<=1.67元/人/月预算支出标准").isEmpty)
        #expect(findings("新增企业基本养老保险参保人数人均扩面经费", basis: "预算支出标准").count == 1)
    }
}
