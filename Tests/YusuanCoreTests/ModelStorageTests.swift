import Foundation
import Testing

@testable import YusuanCore

/// The model's compact storage reads as what was read: lines found from every 16th line's start,
/// a table's cells held in one buffer.
@Suite struct ModelStorageTests {
    /// Every line of a sample, by index and in order, is the file's line; edges of the marks and
    /// of the text hold.
    @Test func linesAreTheTextsLines() throws {
        let d = try Fixtures.load(Fixtures.kashgar)
        // The text as read (normalised), split at its line feeds.
        let split = d.sourceLines.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(d.sourceLines.count == split.count && split.count > 5000)
        #expect(Array(d.sourceLines) == split)
        for i in stride(from: 0, to: split.count, by: 7) { #expect(d.sourceLines[i] == split[i]) }
        // Line 2569 (1-based), deep in a text of 5,778 short lines: the prose's income sentence.
        #expect(d.sourceLines[2568] == "收入预算包括：一般公共预算拨款 9466.10 万元。")

        let lines = (0..<40).map { $0 % 5 == 0 ? "" : "第\($0)行" }
        let held = SourceLines(lines)
        #expect(held.count == 40 && Array(held) == lines.map { Substring($0) })
        #expect(held[15] == "" && held[16] == "第16行" && held[17] == "第17行" && held[39] == "第39行")
        #expect(SourceLines([""]).count == 1 && SourceLines([""])[0] == "" && SourceLines().isEmpty)
        #expect(SourceLines(["a", ""]) != SourceLines(["a"]) && SourceLines(["a", "b"]) == ["a", "b"])
        // Kept as the text given when the lines are it, else joined anew.
        #expect(SourceLines(["甲", "乙"], joined: "甲\n乙").text == "甲\n乙")
        #expect(SourceLines(["甲", "乙"], joined: "甲\n丙").text == "甲\n乙")
    }

    /// A table's rows share one buffer of cells once read; a row changed takes its own copy and
    /// leaves the others as they were.
    @Test func sharedCellsChangeAlone() throws {
        let d = try Fixtures.load(Fixtures.akto)
        let table = try #require(d.tables.first { $0.kind == .expenseSummary })
        var rows = table.rows
        let total = try #require(rows.firstIndex { $0.isTotal })
        // 表3 单位支出总体情况表: 合计 3,547.87 = 基本支出 424.32 + 项目支出 3,123.55.
        #expect(rows[total].printed.prefix(3) == ["3547.87", "424.32", "3123.55"])
        let next = total == 0 ? 1 : 0
        let before = rows[next].values
        rows[total].values[0] = nil
        rows[total].values.append(Amount(hundredths: 1))
        #expect(rows[total].values[0] == nil && rows[total].values.last == Amount(hundredths: 1))
        #expect(rows[next].values == before && table.rows[total].printed.first == "3547.87")
        #expect(rows[total].values != table.rows[total].values)
    }
}
