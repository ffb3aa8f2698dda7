import Foundation
import YusuanCore

/// The run loop: draw, read a key, update, until the user quits.
public enum BrowserApp {
    /// A library already read (one file is read before the terminal opens): its screen at once.
    public static func run(_ shelf: DocumentShelf) throws {
        let terminal = try CursesTerminal()
        defer { terminal.stop() }
        let size = terminal.size
        var browser = Browser(shelf: shelf, width: size.width, height: size.height)
        terminal.draw(browser.render())
        browse(&browser, terminal)
    }

    /// Opens the terminal at once and reads the library behind it (`load` reports (done, total));
    /// the status line counts the documents read until the library appears.
    public static func run(
        total: Int, load: @escaping @Sendable (@escaping @Sendable (Int, Int) -> Void) -> DocumentShelf
    ) throws {
        let terminal = try CursesTerminal()
        defer { terminal.stop() }
        let task = try LoadTask(total: total)
        Thread.detachNewThread {
            let result = load { done, total in task.progress(done, total) }
            task.finish(result)
        }
        var browser = Browser(
            shelf: DocumentShelf(Library(documents: [])), width: terminal.size.width, height: terminal.size.height)
        browser.loading = (0, total)
        terminal.draw(browser.render())
        // Keys typed while reading are kept and played once the library is there (q quits at once).
        var early: [Key] = []
        // The progress is looked at ten times a second; the reading's end wakes the loop at once.
        while task.result == nil {
            switch terminal.wait(forKeyOr: task.finished, milliseconds: 100) {
            case .woken: continue
            case .timeout: browser.loading = task.state
            case .input:
                for key in terminal.typedKeys() {
                    if key != .resize, key != .char("q") { early.append(key); continue }
                    resize(&browser, terminal, key)
                    browser.handle(key)
                }
                if browser.quit { return }
            }
            terminal.draw(browser.render())
        }
        guard let shelf = task.result else { return }
        browser = Browser(shelf: shelf, width: terminal.size.width, height: terminal.size.height)
        for key in early { browser.handle(key) }
        terminal.draw(browser.render())
        browse(&browser, terminal)
    }

    /// Keys until the user quits, each followed by a redraw.
    static func browse(_ browser: inout Browser, _ terminal: CursesTerminal) {
        while !browser.quit {
            guard let key = terminal.readKey() else { continue }
            resize(&browser, terminal, key)
            browser.handle(key)
            terminal.draw(browser.render())
        }
    }

    static func resize(_ browser: inout Browser, _ terminal: CursesTerminal, _ key: Key) {
        guard key == .resize else { return }
        browser.width = terminal.size.width
        browser.height = terminal.size.height
    }

    /// The reading behind the first screen: progress in, the shelf out, and a pipe written once
    /// it is done, so the key loop (which polls the pipe beside the keyboard) wakes at once.
    final class LoadTask: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        private var total: Int
        private var shelf: DocumentShelf?
        private let pipeEnds: (read: Int32, write: Int32)

        init(total: Int) throws {
            self.total = total
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw CursesTerminal.StartError.noWakeup(errno) }
            pipeEnds = (ends[0], ends[1])
        }

        deinit {
            close(pipeEnds.read)
            close(pipeEnds.write)
        }

        /// Readable once the shelf is there.
        var finished: Int32 { pipeEnds.read }

        func progress(_ done: Int, _ total: Int) {
            lock.withLock {
                self.done = max(self.done, done); self.total = total
            }
        }

        func finish(_ result: DocumentShelf) {
            lock.withLock { shelf = result }
            var byte: UInt8 = 1
            _ = write(pipeEnds.write, &byte, 1)
        }

        var state: (done: Int, total: Int) { lock.withLock { (done, total) } }
        var result: DocumentShelf? { lock.withLock { shelf } }
    }
}
