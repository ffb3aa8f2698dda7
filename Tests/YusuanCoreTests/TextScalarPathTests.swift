import Foundation
import Testing
@testable import YusuanCore

/// The Text and Layout helpers work on bytes or scalars where each scalar is a Character of its
/// own, and on Characters otherwise: both ways must answer as the Character-by-Character code
/// they replaced, on the awkward strings too (combining marks, a Prepend before a space, "\r\n",
/// spaces outside ASCII).
@Suite struct TextScalarPathTests {
    static let awkward: [String] = [
        "", " ", "  \t ", "合计", "  合 计  ", "\u{3000}合计\u{3000}", " \u{301}合计", "合计 \u{301}",
        "a\u{0600} ", "\u{0600} x", "\r\n x \r\n", "x\r\n", "\u{00A0}x\u{00A0}", "é ", " e\u{301}",
        "收支总预算 389.75 万元", "增长 -12.5% 。", "−3 人", "5\u{301}.5 万元", "12,345.67万元 和 8.9%",
        "〔2022〕1号", "— 12 —", "- 6 -", "第 3 页", "第3页共20页", "３/20", "x\u{200D}y", "👍🏽 1 个",
        "一二三 4 ", "4\u{0301}", "A  B  C", "  A B   C  D", "甲  \u{301}乙  丙"
    ]

    @Test func trimmedMatchesCharacters() {
        for s in Self.awkward {
            var t = Substring(s)
            while let f = t.first, f.isWhitespace { t = t.dropFirst() }
            while let l = t.last, l.isWhitespace { t = t.dropLast() }
            #expect(s.trimmed() == String(t), "\(s.debugDescription)")
            #expect(Array(s.trimmed().utf8) == Array(String(t).utf8), "\(s.debugDescription)")
        }
    }

    @Test func trailingBlanksMatchCharacters() {
        for s in Self.awkward {
            var t = Substring(s)
            while let l = t.last, l == " " || l == "\t" { t = t.dropLast() }
            #expect(Array(SourceText.dropTrailingBlanks(s).utf8) == Array(String(t).utf8), "\(s.debugDescription)")
        }
    }

    @Test func numbersKeepCharacterOffsets() {
        for s in Self.awkward {
            let chars = Array(s)
            for m in NumberScanner.scan(s) {
                #expect(String(chars[m.start..<m.end]) == m.text, "\(s.debugDescription)")
                #expect(m.unit.count <= 2)
            }
        }
        let m = NumberScanner.scan("收支总预算 389.75 万元")
        #expect(m.map(\.text) == ["389.75"] && m.map(\.unit) == ["万元"] && m.map(\.start) == [6])
    }

    @Test func spaceCellsKeepCharacterPositions() {
        for s in Self.awkward {
            for c in SpaceLayout.cells(s) {
                let chars = Array(s)
                #expect(c.start >= 0 && c.end <= chars.count && c.start < c.end, "\(s.debugDescription)")
                #expect(String(chars[c.start..<c.end]) == c.text, "\(s.debugDescription)")
            }
        }
        #expect(SpaceLayout.cells("  A B   C  D").map(\.text) == ["A B", "C", "D"])
    }

    @Test func pageNumbers() {
        for s in ["- 6 -", "— 12 —", "第 3 页", "第3页共20页", "3/20-"] {
            #expect(SourceText.isPageNumber(s) == SourceText.Line(number: 1, text: s).isPageNumber)
        }
        #expect(SourceText.isPageNumber("- 6 -") && SourceText.isPageNumber("第 3 页"))
        #expect(!SourceText.isPageNumber("6") && !SourceText.isPageNumber("合计"))
    }

    @Test func normalizerOnBytes() {
        let marked = TextNormalizer.normalizeMarkingPages(
            "a\r\nb\rc\u{0C}d\u{FF11}\u{FF0E}５\u{3000}\u{202E}x\u{85}é\u{1F600}")
        #expect(marked.text == "a\nb\nc\nd1.5 xé\u{1F600}")
        #expect(marked.pageStarts == [3])
    }

    @Test func plainDecimals() {
        for text in [
            "56.693333", "-3", "0", "-0", "12.", ".5", "1e3", "+2", "", "-", "1234567890123456.5", "0.1",
            String(repeating: "9", count: 40)
        ] {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { PDFWordStream.decimal($0) }
            if let fast { #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)") }
        }
    }
}
