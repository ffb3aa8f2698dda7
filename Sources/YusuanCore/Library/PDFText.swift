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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-tsv", "-enc", "UTF-8", "-q", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw InputError.needsPdftotext(path) }
        // Read while it runs (a full pipe would block it), and stop it past the timeout.
        let deadline = DispatchTime.now() + timeout
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        // The word list runs about six times the text; past that cap the PDF is too large to read,
        // and it is stopped while it streams rather than held whole.
        let cap = TextDecoder.maxBytes * 6
        var data = Data()
        let reader = output.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > cap {
                process.terminate()
                process.waitUntilExit()
                throw InputError.tooLarge(path, data.count / 6 >> 20)
            }
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw InputError.unreadablePDF(path)
        }
        return data
    }

    /// The tool's full path from PATH, as `Process` needs one.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
