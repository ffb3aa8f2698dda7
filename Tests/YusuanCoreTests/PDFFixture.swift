import Foundation
@testable import YusuanCore

/// A PDF made from text, for round-trip tests: every cell drawn at its column in a font whose
/// codes are Unicode (Identity-H with a ToUnicode map), so pdftotext reads back the characters.
/// No font is embedded; text extraction needs none. Glyphs are one em wide, a space a quarter
/// (a full-em space would read back as a letter-spaced heading).
enum PDFFixture {
    static let lineHeight = 12.0
    static let advance = 10.0  // every glyph one em of a 10-point font: columns stay columns

    /// `rotate`: the pages' /Rotate, so the text reads down (90) or up (270) the page as shown.
    /// A made PDF read as yusuan reads a file: written to a temporary folder, removed after.
    static func parse(_ pdf: Data) throws -> Disclosure {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("sample.pdf")
        try pdf.write(to: url)
        return try DisclosureParser.parse(path: url.path)
    }

    static func make(from text: String, linesPerPage: Int = 60, rotate: Int = 0) -> Data {
        let lines = text.components(separatedBy: "\n")
        let pages = stride(from: 0, to: max(1, lines.count), by: linesPerPage).map {
            Array(lines[$0..<min(lines.count, $0 + linesPerPage)])
        }
        let drawn = pages.map { page -> (width: Double, content: String) in
            let width = max(600, (page.map { Double($0.count) }.max() ?? 0) * advance + 80)
            var content = "BT /F1 10 Tf\n"
            for (i, line) in page.enumerated() {
                let y = 800 - Double(i) * lineHeight
                for cell in SpaceLayout.cells(line) {
                    content += "1 0 0 1 \(40 + Double(cell.start) * advance) \(y) Tm <\(hex(cell.text))> Tj\n"
                }
            }
            return (width, content + "ET")
        }
        return document(pages: drawn, rotate: rotate)
    }

    /// The PDF of pages already drawn: each page's width and content stream, text in font /F1.
    /// `asciiWidth`: the advance of a letter or digit in thousandths of an em (CJK glyphs one em).
    static func document(pages drawn: [(width: Double, content: String)], rotate: Int = 0, asciiWidth: Int = 1000)
        -> Data
    {
        var objects: [String] = []  // object n is objects[n - 1]
        func add(_ body: String) -> Int { objects.append(body); return objects.count }
        let catalog = add("")  // filled in below, once the page tree's number is known
        let pagesRef = add("")
        let descriptor = add(
            "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
        )
        let widths = asciiWidth == 1000 ? "32 [250]" : "32 [250] 33 126 \(asciiWidth)"
        let cidFont = add(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW 1000 /W [\(widths)] /CIDToGIDMap /Identity >>"
        )
        let cmap = toUnicode()
        let toUnicodeRef = add("<< /Length \(cmap.utf8.count) >>\nstream\n\(cmap)\nendstream")
        let font = add(
            "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicodeRef) 0 R >>"
        )
        var pageRefs: [Int] = []
        for (width, content) in drawn {
            let stream = add("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
            pageRefs.append(
                add(
                    "<< /Type /Page /Parent \(pagesRef) 0 R /MediaBox [0 0 \(Int(width)) 842] /Rotate \(rotate) /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(stream) 0 R >>"
                ))
        }
        objects[catalog - 1] = "<< /Type /Catalog /Pages \(pagesRef) 0 R >>"
        objects[pagesRef - 1] =
            "<< /Type /Pages /Kids [\(pageRefs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageRefs.count) >>"
        var out = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(format: "%010d 00000 n \n", o) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(catalog) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(Data(table.utf8))
        return out
    }

    static func hex(_ s: String) -> String {
        s.utf16.filter { !(0xD800...0xDFFF).contains($0) }.map { String(format: "%04X", $0) }.joined()
    }

    /// Code = Unicode for the whole BMP, 256 codes per range as the CMap format requires.
    static func toUnicode() -> String {
        var ranges: [String] = []
        for high in 0..<256 where !(0xD8...0xDF).contains(high) {
            let h = String(format: "%02X", high)
            ranges.append("<\(h)00> <\(h)FF> <\(h)00>")
        }
        var body =
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        for chunk in stride(from: 0, to: ranges.count, by: 100) {
            let part = ranges[chunk..<min(ranges.count, chunk + 100)]
            body += "\(part.count) beginbfrange\n" + part.joined(separator: "\n") + "\nendbfrange\n"
        }
        return body + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    }
}
