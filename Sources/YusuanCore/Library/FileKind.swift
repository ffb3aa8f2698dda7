import Foundation

/// What a path names, asked of stat(2) before anything opens it: opening a FIFO waits for a
/// writer forever and a device never ends, so only regular files are read.
enum FileKind: Equatable {
    case missing, unreachable, directory, regular, symlink, other

    /// `follow`: a symbolic link counts as what it points to; otherwise as itself.
    static func of(_ path: String, follow: Bool = true) -> FileKind {
        var st = stat()
        guard (follow ? stat(path, &st) : lstat(path, &st)) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .unreachable
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }
}
