import Foundation

/// Why a file could not be read as a disclosure's text; each reads as one sentence.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(String)
    case isDirectory(String)
    case unreadable(String)
    case notRegular(String)
    case unreadableFolder(String)
    case empty(String)
    case blank(String)
    case binary(String)
    case undecodable(String)
    case tooLarge(String, Int)
    case notADisclosure(String)
    case needsPdftotext(String)
    case unreadablePDF(String)
    case slowPDF(String, Int)
    case noTextLayer(String, Int)
    case garbledPDF(String)

    public var description: String {
        switch self {
        case .missing(let p): return "\(p): no such file."
        case .isDirectory(let p): return "\(p): is a directory, not a disclosure file."
        case .unreadable(let p): return "\(p): cannot be read (permission denied or not a regular file)."
        case .notRegular(let p): return "\(p): is not a regular file (a pipe, socket or device), so it is not read."
        case .unreadableFolder(let p):
            return "\(p): this folder cannot be read (permission denied); its files are skipped."
        case .empty(let p): return "\(p): the file is empty."
        case .blank(let p): return "\(p): the file holds only blank space, no text."
        case .binary(let p): return "\(p): looks like binary data, not text copied from a disclosure."
        case .undecodable(let p): return "\(p): the text is neither UTF-8, UTF-16 nor GB18030."
        case .tooLarge(let p, let mb):
            return "\(p): the file is \(mb) MB, too large for one disclosure (limit \(TextDecoder.maxBytes >> 20) MB)."
        case .notADisclosure(let p): return "\(p): no budget disclosure found (no 预算/决算 tables or parts)."
        case .needsPdftotext(let p):
            return "\(p): is a PDF; reading it needs pdftotext (Debian/Ubuntu: apt-get install poppler-utils)."
        case .unreadablePDF(let p):
            return "\(p): pdftotext could not read this PDF (damaged, encrypted, or scanned images without text)."
        case .noTextLayer(let p, let pages):
            return
                "\(p): a PDF of \(pages) page(s) with no text on them (scanned images?); yusuan reads the text a PDF carries, so run OCR on it first (for example ocrmypdf) and read the result."
        case .garbledPDF(let p):
            return
                "\(p): this PDF's fonts carry no map to Unicode, so its text comes out as unreadable symbols; OCR of its pages is the way to read it."
        case .slowPDF(let p, let seconds):
            return "\(p): pdftotext was still reading this PDF after \(seconds) s and was stopped."
        }
    }
}

/// Bytes to text: BOMs, UTF-8, UTF-16, and GB18030 for files saved by Chinese Windows tools.
public enum TextDecoder {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    /// A disclosure's text is well under 2 MB; past 16 MB it is something else (a log, a dump),
    /// refused at once rather than parsed for minutes.
    public static let maxBytes = 16 << 20

    public static func read(path: String) throws -> String {
        try text(of: readBytes(path: path), path: path)
    }

    /// The file's bytes, up to one more than the limit (enough to refuse it, or to hash a PDF's start).
    public static func readBytes(path: String) throws -> Data {
        switch FileKind.of(path) {
        case .regular: break
        case .missing: throw InputError.missing(path)
        case .directory: throw InputError.isDirectory(path)
        case .unreachable: throw InputError.unreadable(path)
        case .symlink, .other: throw InputError.notRegular(path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError.unreadable(path) }
        defer { try? handle.close() }
        do {
            return try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw InputError.unreadable(path)
        }
    }

    /// The text of bytes read from `path`: a PDF is converted (from the file), anything else decoded.
    public static func text(of data: Data, path: String) throws -> String {
        if PDFText.isPDF(data) { return try PDFText.extract(path: path) }
        if data.count > maxBytes { throw InputError.tooLarge(path, data.count >> 20) }
        return try decode(data, path: path)
    }

    public static func decode(_ data: Data, path: String) throws -> String {
        if data.isEmpty { throw InputError.empty(path) }
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let s = String(data: data.dropFirst(3), encoding: .utf8) { return s }
            return String(decoding: data.dropFirst(3), as: UTF8.self)
        }
        if bytes.starts(with: [0xFF, 0xFE]), let s = String(data: data.dropFirst(2), encoding: .utf16LittleEndian) {
            return s
        }
        if bytes.starts(with: [0xFE, 0xFF]), let s = String(data: data.dropFirst(2), encoding: .utf16BigEndian) {
            return s
        }
        if looksBinary(data) { throw InputError.binary(path) }
        if let s = String(data: data, encoding: .utf8) { return s }
        if let s = String(data: data, encoding: gb18030) { return s }
        // Mostly UTF-8 with a few broken bytes: keep the text, mark what was lost.
        let lossy = String(decoding: data, as: UTF8.self)
        let replaced = lossy.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        if replaced * 50 < lossy.unicodeScalars.count { return lossy }
        throw InputError.undecodable(path)
    }

    /// NUL bytes, or many C0 control bytes in the first 64 KB, mean this is not text.
    static func looksBinary(_ data: Data) -> Bool {
        // Read through the bytes' buffer: iterating `Data` costs tens of instructions a byte.
        data.prefix(65_536).withUnsafeBytes { bytes in
            var controls = 0
            for byte in bytes {
                if byte == 0 { return true }
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
            }
            return controls * 20 > bytes.count
        }
    }
}
