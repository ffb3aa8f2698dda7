import Testing

@testable import YusuanCore

/// A list of sources whose first column names groups of rows (收入预算总表), each group opening
/// with a 小计: the label names its 小计, and the item it stood beside keeps its own name.
@Suite struct GroupLabelTests {
    static func parse(_ rows: [String]) -> [Row] {
        let lines = rows.enumerated().map { SourceText.Line(number: $0.offset + 1, text: $0.element) }
        return TabTableParser.parse(kind: .incomeSummary, lines: lines).rows
    }

    @Test func labelsNameTheirSubtotals() {
        let rows = Self.parse([
            "\t项目名称\t金额", "\t收入总计\t18,330.37", "\t小计\t18,330.37", "一般公共预算资金\t公共财政拨款(补助)资金\t18,330.37",
            "\t专项收入\t", "政府性基金\t小计\t", "其他资金\t小计\t80.00", "\t事业收入\t", "\t其他收入\t80.00"
        ])
        #expect(
            rows.map(\.name) == [
                "收入总计", "一般公共预算资金小计", "公共财政拨款(补助)资金", "专项收入", "政府性基金小计", "其他资金小计", "事业收入", "其他收入"
            ])
        #expect(rows.filter(\.isSubtotal).map(\.name) == ["一般公共预算资金小计", "政府性基金小计", "其他资金小计"])
        #expect(rows.first { $0.name == "公共财政拨款(补助)资金" }?.printed == ["18330.37"])
    }

    /// Two text columns without 小计 rows are a name and what describes it: joined as before.
    @Test func withoutSubtotalsNothingMoves() {
        let rows = Self.parse(["\t项目\t金额", "\t合计\t5.00", "财政拨款\t一般公共预算\t5.00"])
        #expect(rows.map(\.name) == ["合计", "财政拨款一般公共预算"])
    }
}
