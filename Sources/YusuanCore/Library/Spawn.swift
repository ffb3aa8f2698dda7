import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tool run with an argument list (never a shell), its standard output read as it streams.
/// `posix_spawn` and `waitpid` directly: Foundation's `Process.waitUntilExit` polls a run loop
/// every 50 ms on Linux, which cost a PDF more time than reading it.
enum Spawn {
    enum Outcome: Equatable {
        /// It ran to the end with this exit status.
        case exited(Int32)
        /// Stopped: `chunk` asked to, or a signal ended it.
        case stopped
        /// Stopped when it overran its time.
        case timedOut
    }

    /// Runs `tool` with `arguments`, standard input and error on /dev/null, handing each chunk of
    /// its output to `chunk`; stops it when `chunk` returns false or `timeout` passes. Nil when it
    /// cannot be started.
    static func run(
        _ tool: String, _ arguments: [String], timeout: TimeInterval, chunk: (UnsafeRawBufferPointer) -> Bool
    ) -> Outcome? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, tool, &actions, nil, argv, environ)
        close(fds[1])
        guard started == 0 else {
            close(fds[0])
            return nil
        }
        defer { close(fds[0]) }
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var stopped = false
        var late = false
        reading: while true {
            let left = deadline.timeIntervalSinceNow
            var ready = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, Int32(max(0, min(left, 3600)) * 1000))
            if polled < 0, errno == EINTR { continue }
            if polled <= 0 {
                (stopped, late) = (true, true)  // out of time (or poll failed): stop it rather than hang
                break
            }
            let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            let wanted = buffer.withUnsafeBytes { chunk(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
            if !wanted {
                stopped = true
                break reading
            }
        }
        if stopped { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // The low seven bits are the signal that ended it; zero means it exited, status in the next byte.
        if late { return .timedOut }
        guard !stopped, status & 0x7f == 0 else { return .stopped }
        return .exited((status >> 8) & 0xff)
    }
}
