import Foundation

/// Who else has the cache open: every yusuan holds a shared `flock` on `library.sqlite.lock` while
/// it uses the cache, and the file is only ever replaced by one that holds it exclusively, so a
/// cache is never deleted under another process.
final class CacheLock: @unchecked Sendable {
    private let fd: Int32

    /// nil when the lock file cannot be made (a read-only folder): then nothing may be written.
    init?(path: String) {
        let fd = Foundation.open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        self.fd = fd
        flock(fd, LOCK_SH)  // shared locks never wait on each other; an exclusive one is brief
    }

    deinit { close(fd) }

    /// Runs `body` as the only yusuan holding the cache, or returns false at once if another
    /// holds it too.
    func exclusively(_ body: () throws -> Void) rethrows -> Bool {
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            flock(fd, LOCK_SH)  // a failed conversion may have dropped the shared lock
            return false
        }
        defer { flock(fd, LOCK_SH) }
        try body()
        return true
    }
}
