import Foundation

/// A PDF's text, read from where its words stand on the page: poppler's `pdftotext -tsv` gives
/// each word with its box, and `PDFLayout` turns the pages into prose lines and tables of
/// tab-separated cells. Spawned directly with an argument list, never a shell.
public enum PDFText {
    /// Seconds a conversion may take before it is stopped (a crafted PDF must not hang us).
    static let timeout: TimeInterval = 60

    public static func isPDF(_ data: Data) -> Bool { data.starts(with: Array("%PDF-".utf8)) }

    public static func extract(path: String) throws -> String {
        PDFLayout.text(PDFWords.pages(tsv: try words(path: path)))
    }

    /// The words of every page with their boxes, as `pdftotext -tsv` prints them.
    static func words(path: String) throws -> Data {
        guard let tool = executable("pdftotext") else { throw InputError.needsPdftotext(path) }
        // The word list runs about six times the text; past that cap the PDF is too large to read,
        // and it is stopped while it streams rather than held whole.
        let cap = TextDecoder.maxBytes * 6
        var data = Data()
        let outcome = Spawn.run(tool, ["-tsv", "-enc", "UTF-8", "-q", path, "-"], timeout: timeout) { chunk in
            data.append(contentsOf: chunk)
            return data.count <= cap
        }
        guard let outcome else { throw InputError.needsPdftotext(path) }
        if data.count > cap { throw InputError.tooLarge(path, data.count / 6 >> 20) }
        if outcome == .timedOut { throw InputError.slowPDF(path, Int(timeout)) }
        guard outcome == .exited(0) else { throw InputError.unreadablePDF(path) }
        return data
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
