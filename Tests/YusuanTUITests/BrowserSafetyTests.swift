import Foundation
import Testing
import YusuanCore
@testable import YusuanTUI

/// Whatever a document holds, the screen model holds only printable text, every row exactly the
/// terminal's width, and a terminal too small for anything says so.
@Suite struct BrowserSafetyTests {
    static let attack = "\u{1B}[2J\u{1B}]0;PWNED\u{07}\u{08}\u{202E}"

    @Test func hostileTextNeverReachesTheScreen() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        var text = try String(
            contentsOf: root.appendingPathComponent("SampleData/kizilsu-prefecture-social-insurance-2022.txt"),
            encoding: .utf8)
        text = text.replacingOccurrences(of: "社会保险中心", with: "社会\(Self.attack)保险中心")
        let d = try DisclosureParser.parse(text: text, path: "evil\u{1B}[31m.txt")
        var b = Browser(documents: [LoadedDocument(disclosure: d, findings: Checker.check(d))], width: 100, height: 30)
        // Library, document, a table, its source lines, the findings list.
        for keys in [[], [Key.enter], [.down, .down, .down, .enter], [.char("s")], [.escape, .escape, .char("E")]] {
            for k in keys { b.handle(k) }
            let screen = b.render()
            for line in screen.lines {
                #expect(
                    !line.unicodeScalars.contains {
                        $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                    })
                #expect(DisplayWidth.of(line) == 100)
            }
        }
    }

    @Test func tooSmallSaysSo() {
        let b = Browser(documents: [], width: 20, height: 6)
        let screen = b.render()
        #expect(screen.text.contains("终端太小"))
        #expect(screen.lines.allSatisfy { DisplayWidth.of($0) == 20 })
    }

    @Test func aWideCharacterOverwrittenByHalfLeavesNoHalf() {
        var s = ScreenBuffer(width: 6, height: 1)
        s.put(0, 0, "中文字")
        s.put(1, 0, "a")  // lands on the right half of 中
        #expect(s.line(0) == " a文字")
        s.put(2, 0, "b")  // lands on the left half of 文
        #expect(s.line(0) == " ab 字")
        #expect(DisplayWidth.of(s.line(0)) == 6)
    }
}
