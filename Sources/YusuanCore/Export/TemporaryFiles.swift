import Foundation

/// yusuan's temporary files and folders: named `.NAME.yusuan-tmp-PID` beside their destination,
/// removed on SIGINT/SIGTERM, and, when a kill -9 left them, removed by the next run that
/// writes there (its PID gone).
public enum TemporaryFiles {
    static let marker = ".yusuan-tmp-"
    nonisolated(unsafe) static var live = Set<String>()
    static let lock = NSLock()
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []

    /// The temporary path for `path`, in its folder (a rename across file systems is not atomic).
    public static func path(for path: String) -> String { prefix(for: path) + "\(getpid())" }

    /// The temporary's path up to its PID.
    static func prefix(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        // A long name is shortened, so a destination of up to 255 bytes still has a temporary.
        var name = url.lastPathComponent
        while name.utf8.count > 200 { name.removeLast() }
        return url.deletingLastPathComponent().appendingPathComponent(".\(name)\(marker)").path
    }

    /// Where a folder swap moves the old `path` aside until the new one is in place.
    public static func aside(for path: String) -> String { self.path(for: path) + asideSuffix }
    static let asideSuffix = "-old"

    /// A swap killed between its two renames (kill -9, a power cut) leaves no `path`, the old one
    /// aside: it is renamed back before anything else happens there, so the stale-temporary
    /// sweep cannot delete the last good export. True when one was restored.
    public static func restoreAside(for path: String) -> Bool {
        guard FileKind.of(path, follow: false) == .missing else { return false }
        let prefix = (prefix(for: path) as NSString).lastPathComponent
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return false }
        for name in names.sorted() where name.hasPrefix(prefix) && name.hasSuffix(asideSuffix) {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(asideSuffix.count)), !running(pid) else {
                continue
            }
            if rename((dir as NSString).appendingPathComponent(name), path) == 0 { return true }
        }
        return false
    }

    /// Whether a process of this PID runs (one of another user's counts).
    static func running(_ pid: Int32) -> Bool { pid == getpid() || kill(pid, 0) == 0 || errno == EPERM }

    public static func register(_ path: String) { lock.withLock { _ = live.insert(path) } }
    public static func unregister(_ path: String) { lock.withLock { _ = live.remove(path) } }

    /// Removes every registered temporary (a folder with what it holds).
    public static func removeAll() {
        for p in lock.withLock({ live }) {
            // Renamed away first: the writer, still running, can then add nothing to it.
            let gone = p + "-gone"
            let target = rename(p, gone) == 0 ? gone : p
            try? FileManager.default.removeItem(atPath: target)
            unlink(p + "-journal")  // SQLite's, beside a database being written
        }
    }

    /// On SIGINT or SIGTERM: remove the temporaries, then exit as the signal would (130, 143).
    public static func cleanOnSignals() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                removeAll()
                exit(128 + sig)
            }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    /// Removes temporaries beside `path` left by a yusuan that no longer runs.
    public static func cleanStale(near path: String) {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names {
            guard name.hasPrefix("."), let r = name.range(of: marker, options: .backwards),
                let pid = Int32(name[r.upperBound...].prefix { $0.isNumber })
            else { continue }
            if running(pid) { continue }
            try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(name))
        }
    }
}

/// A file written piece by piece into its temporary, renamed over the destination when whole.
public final class StreamedFile {
    public let path: String
    let temporary: String
    let handle: FileHandle

    public init(_ path: String) throws {
        self.path = path
        temporary = TemporaryFiles.path(for: path)
        TemporaryFiles.cleanStale(near: path)
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFile.WriteError(description: AtomicFile.failure(path, errno)) }
        TemporaryFiles.register(temporary)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    public func write(_ data: Data) throws {
        do { try handle.write(contentsOf: data) } catch {
            abandon()
            throw AtomicFile.WriteError(description: "\(path): cannot be written (\(AtomicFile.reason(for: path))).")
        }
    }

    public func commit() throws {
        try? handle.close()
        defer { TemporaryFiles.unregister(temporary) }
        try AtomicFile.commit(temporary, to: path)
    }

    public func abandon() {
        try? handle.close()
        unlink(temporary)
        TemporaryFiles.unregister(temporary)
    }
}
