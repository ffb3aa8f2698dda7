import Foundation

/// Writes a file whole or not at all: into a temporary file beside the destination, then renamed
/// over it, so a reader never sees half a file and a failure leaves the old one in place.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// A temporary path in the destination's folder (`TemporaryFiles`: recognisable, cleaned).
    public static func temporaryPath(for path: String) -> String { TemporaryFiles.path(for: path) }

    public static func write(_ data: Data, to path: String) throws {
        let file = try StreamedFile(path)
        try file.write(data)
        try file.commit()
    }

    /// The sentence for a destination that could not be opened, from its `errno`.
    public static func failure(_ path: String, _ code: Int32) -> String {
        switch code {
        case ENAMETOOLONG:
            let name = URL(fileURLWithPath: path).lastPathComponent
            return "\(path): the name is too long (\(name.utf8.count) bytes; a file name may have at most 255)."
        case ENOSPC: return "\(path): cannot be written (the disk is full)."
        case ENOENT, ENOTDIR: return "\(path): cannot be written (\(reason(for: path)))."
        default: return "\(path): cannot be written (\(String(cString: strerror(code))))."
        }
    }

    /// Renames a finished temporary file over the destination; on failure the temporary is removed.
    public static func commit(_ tmp: String, to path: String) throws {
        if rename(tmp, path) != 0 {
            let code = errno
            unlink(tmp)
            throw WriteError(description: failure(path, code))
        }
    }

    /// Why a path cannot be written: its folder is missing or read-only, or the disk is full.
    public static func reason(for path: String) -> String {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) || !isDir.boolValue {
            return "no such folder: \(dir)"
        }
        if access(dir, W_OK) != 0 { return "the folder is not writable" }
        return "the disk may be full"
    }
}
