import Foundation

/// Writes a file whole or not at all: into a temporary file beside the destination, then renamed
/// over it, so a reader never sees half a file and a failure leaves the old one in place.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// A temporary path in the destination's folder (a rename across file systems is not atomic).
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
    }

    public static func write(_ data: Data, to path: String) throws {
        let tmp = temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: tmp, contents: data) else {
            throw WriteError(description: "\(path): cannot be written (\(reason(for: path))).")
        }
        try commit(tmp, to: path)
    }

    /// Renames a finished temporary file over the destination; on failure the temporary is removed.
    public static func commit(_ tmp: String, to path: String) throws {
        if rename(tmp, path) != 0 {
            let why = String(cString: strerror(errno))
            unlink(tmp)
            throw WriteError(description: "\(path): cannot be written (\(why)).")
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
