import Foundation

/// A PDF's text, read from where its words stand on the page: poppler's `pdftotext -tsv` gives
/// each word with its box, and `PDFLayout` turns the pages into prose lines and tables of
/// tab-separated cells. Spawned directly with an argument list, never a shell.
public enum PDFText {
    /// Seconds a conversion may take before it is stopped (a crafted PDF must not hang us).
    static let timeout: TimeInterval = 60

    public static func isPDF(_ data: Data) -> Bool { data.starts(with: Array("%PDF-".utf8)) }

    /// Each page's lines are laid out as soon as its words are in, while pdftotext goes on with
    /// the pages after it: the two run side by side rather than one after the other.
    public static func extract(path: String) throws -> String {
        var stream = PDFWordStream()
        var pages: [PDFPageLines] = []
        try convert(path: path) { chunk in stream.feed(chunk) { pages.append(PDFPageLines($0)) } }
        stream.finish { pages.append(PDFPageLines($0)) }
        let text = PDFLayout.text(pages)
        // Pages of images (a scan) carry no words: said as such, not as an empty file.
        if !text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            throw InputError.noTextLayer(path, pages.count)
        }
        if isGarbled(text) { throw InputError.garbledPDF(path) }
        return text
    }

    /// Fonts with no Unicode map give glyphs as private-use or replacement characters: where most
    /// of the text is such, the names and titles cannot be read, and saying so beats guessing.
    static func isGarbled(_ text: String) -> Bool {
        var unmapped = 0
        var seen = 0
        for u in text.unicodeScalars where u.value > 0x7F {
            seen += 1
            if (0xE000...0xF8FF).contains(u.value) || u.value == 0xFFFD || (0xF0000...0x10FFFF).contains(u.value) {
                unmapped += 1
            }
        }
        return seen >= 20 && unmapped * 2 > seen
    }

    /// The words of every page with their boxes, as `pdftotext -tsv` prints them.
    static func words(path: String) throws -> Data {
        var data = Data()
        try convert(path: path) { data.append(contentsOf: $0) }
        return data
    }

    /// Runs `pdftotext -tsv`, handing its output to `chunk` as it streams.
    static func convert(path: String, chunk: (UnsafeRawBufferPointer) -> Void) throws {
        guard let tool = executable("pdftotext") else { throw InputError.needsPdftotext(path) }
        // The word list runs about six times the text; past that cap the PDF is too large to read,
        // and it is stopped while it streams rather than held whole.
        let cap = TextDecoder.maxBytes * 6
        var count = 0
        let outcome = Spawn.run(tool, ["-tsv", "-enc", "UTF-8", "-q", path, "-"], timeout: timeout) { bytes in
            count += bytes.count
            guard count <= cap else { return false }
            chunk(bytes)
            return true
        }
        guard let outcome else { throw InputError.needsPdftotext(path) }
        if count > cap { throw InputError.tooLarge(path, count / 6 >> 20) }
        if outcome == .timedOut { throw InputError.slowPDF(path, Int(timeout)) }
        guard outcome == .exited(0) else { throw InputError.unreadablePDF(path) }
    }

    /// `pdftotext -layout` of the whole file, its text thrown away: the yardstick `yusuan bench`
    /// times a PDF's reading against.
    public static func layoutYardstick(path: String) throws {
        guard let tool = executable("pdftotext") else { throw InputError.needsPdftotext(path) }
        let outcome = Spawn.run(tool, ["-layout", "-enc", "UTF-8", "-q", path, "-"], timeout: timeout) { _ in true }
        guard outcome == .exited(0) else { throw InputError.unreadablePDF(path) }
    }

    /// The tool's full path from PATH, as `posix_spawn` needs one.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
