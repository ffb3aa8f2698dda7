import Foundation

/// File names that are not UTF-8 (a GBK name unpacked from a Chinese zip, say). A Swift string
/// cannot hold such a name, so it cannot be opened by one; it is named, its odd bytes written
/// \xHH, rather than lost as "no such file" or skipped without a word.
public enum FileNames {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The bytes as text: each part of the path that is UTF-8 as it is, in the others every
    /// byte past ASCII as \xHH (a GBK name read as UTF-8 would show stray letters).
    public static func escaped(_ bytes: [UInt8]) -> String {
        bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { part in
            if let s = String(validating: part, as: UTF8.self) { return s }
            return part.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + hex($0) }.joined()
        }.joined(separator: "/")
    }

    static func hex(_ byte: UInt8) -> String {
        let s = String(byte, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    /// The sentence for such a name, with what it says if read as GBK.
    public static func notUTF8(_ bytes: [UInt8]) -> String {
        let base = bytes.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? bytes
        let gbk = String(data: Data(base), encoding: gb18030).map { "（按 GBK 读作“\($0)”）" } ?? ""
        return "\(escaped(bytes)): the name is not UTF-8\(gbk), so it cannot be opened by name; "
            + "rename it to UTF-8 (convmv -f gbk -t utf8) and run again."
    }

    /// A folder's entries by their bytes: the UTF-8 names, and the bytes of the others that
    /// matter (a folder, which may hold disclosures, or a disclosure's extension).
    static func list(_ folder: String) throws -> (names: [String], others: [[UInt8]]) {
        guard let dir = opendir(folder) else { throw InputError.unreadableFolder(folder) }
        defer { closedir(dir) }
        var names: [String] = []
        var others: [[UInt8]] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if bytes == [UInt8(ascii: ".")] || bytes == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                names.append(name)
            } else if [UInt8(DT_DIR), UInt8(DT_UNKNOWN)].contains(entry.pointee.d_type) || hasDisclosureExtension(bytes)
            {
                others.append(bytes)
            }
        }
        return (names, others)
    }

    /// Whether a name's bytes end in a disclosure's extension (an ASCII suffix).
    static func hasDisclosureExtension(_ bytes: [UInt8]) -> Bool {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")),
            let ext = String(validating: bytes[(dot + 1)...], as: UTF8.self)
        else { return false }
        return InputPaths.extensions.contains(ext.lowercased())
    }

    /// The command line's arguments that are not UTF-8, by their bytes (Swift's own arguments
    /// have each bad byte replaced, so such a path would be "no such file").
    public static func argumentsNotUTF8() -> [[UInt8]] {
        (0..<Int(CommandLine.argc)).compactMap { i in
            guard let p = CommandLine.unsafeArgv[i] else { return nil }
            let bytes = Array(
                UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
            return String(validating: bytes, as: UTF8.self) == nil ? bytes : nil
        }
    }
}
