import Foundation
import Testing
@testable import YusuanCore

/// A document crafted to attack a terminal: escape sequences (CSI clears, OSC titles), BEL,
/// backspace and a bidi override, in its text and in its file name. None reaches the output raw.
@Suite struct TerminalSafetyTests {
    static let attack = "\u{1B}[2J\u{1B}]0;PWNED\u{07}\u{08}\u{202E}\u{9B}31m"
    static let path = "/tmp/evil\u{1B}]0;name\u{07}.txt"

    /// True if the text holds anything a terminal would act on rather than print.
    static func hasControls(_ s: String) -> Bool {
        s.unicodeScalars.contains { c in
            (c.value < 0x20 && c != "\n" && c != "\t") || (0x7F...0x9F).contains(c.value)
                || (0x202A...0x202E).contains(c.value) || (0x2066...0x2069).contains(c.value)
        }
    }

    static func hostile() throws -> Disclosure {
        var text = try String(contentsOfFile: Fixtures.path(Fixtures.kizilsu2022), encoding: .utf8)
        text = text.replacingOccurrences(of: "社会保险中心", with: "社会\(attack)保险中心")
        text = text.replacingOccurrences(of: "代办员经费", with: "代办员\(attack)经费")
        return try DisclosureParser.parse(text: text, path: path)
    }

    @Test func theModelHoldsNoControlCharacters() throws {
        let d = try Self.hostile()
        #expect(d.unit == "克孜勒苏柯尔克孜自治州社会[2J]0;PWNED31m保险中心")
        #expect(!Self.hasControls(d.sourceLines.joined(separator: "\n")))
        #expect(d.projects.contains { $0.name.contains("代办员") })
    }

    @Test func textOutputIsSafe() throws {
        let d = try Self.hostile()
        let findings = Checker.check(d)
        // What `parse` and `check` print, through the one function that writes to stdout.
        for out in [OutlineText.render(d), FindingsOutput.text(d, findings)] {
            #expect(!Self.hasControls(TextNormalizer.safeLines(out)))
            #expect(TextNormalizer.safeLines(out).contains("/tmp/evil]0;name.txt"))
        }
    }

    @Test func jsonEscapesThem() throws {
        let d = try Self.hostile()
        let json = DisclosureJSON.encode(d).render()
        #expect(!Self.hasControls(json))
        #expect(json.contains(#""/tmp/evil\u001b]0;name\u0007.txt""#))
        let findings = FindingsOutput.json(file: d, Checker.check(d)).render()
        #expect(!Self.hasControls(findings))
    }
}
