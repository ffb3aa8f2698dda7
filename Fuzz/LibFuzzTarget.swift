// libFuzzer entry: bytes → decoder → readers → checks → JSON. Built by Fuzz/libfuzz.sh with
// `-sanitize=fuzzer` (not a SwiftPM target: libFuzzer brings its own `main`).
import Foundation

@testable import YusuanCore

/// pdftotext's -tsv header: such an input goes through the PDF word reader and layout first.
let tsvHeader = Data("level\tpage_num".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let text: String
    if data.starts(with: tsvHeader) {
        text = PDFLayout.text(PDFWords.pages(tsv: data))
    } else {
        guard let decoded = try? TextDecoder.decode(data, path: "fuzz") else { return 0 }
        text = decoded
    }
    guard let d = try? DisclosureParser.parse(text: text, path: "fuzz") else { return 0 }
    let findings = Checker.check(d)
    _ = DisclosureJSON.encode(d).render(pretty: false)
    for f in findings { _ = FindingsOutput.json(f).render(pretty: false) }
    return 0
}
