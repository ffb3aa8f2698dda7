import CNcursesw
import YusuanCore
import Foundation

/// The thin ncurses backend: draws a `ScreenBuffer`, reads keys, restores the terminal.
public final class CursesTerminal {
    public enum StartError: Error, CustomStringConvertible {
        case noTerminal(String), notUTF8
        public var description: String {
            switch self {
            case .noTerminal(let term):
                return "cannot open the terminal (TERM=\(term)); run it in a terminal, or use yusuan parse / check."
            case .notUTF8:
                return "the terminal's locale is not UTF-8 and no UTF-8 locale is installed; set LANG=C.UTF-8."
            }
        }
    }

    let colors: Bool
    private var screen: OpaquePointer?

    public init() throws {
        // Chinese text needs a UTF-8 locale; without one ncurses draws blanks.
        setlocale(LC_ALL, "")
        if String(cString: yu_codeset()) != "UTF-8" {
            if setlocale(LC_ALL, "C.UTF-8") == nil || String(cString: yu_codeset()) != "UTF-8" {
                throw StartError.notUTF8
            }
        }
        guard let s = newterm(nil, yu_stdout(), yu_stdin()) else {
            throw StartError.noTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "unset")
        }
        screen = s
        yu_install_signal_handlers()
        cbreak()
        noecho()
        nonl()
        keypad(yu_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        mousemask(yu_all_mouse_events(), nil)
        mouseinterval(0)
        colors = ProcessInfo.processInfo.environment["NO_COLOR"] == nil && has_colors()
        if colors {
            start_color()
            use_default_colors()
            let pairs: [(Int16, Int16)] = [
                (Int16(COLOR_CYAN), -1), (Int16(COLOR_RED), -1), (Int16(COLOR_YELLOW), -1),
                (Int16(COLOR_BLUE), -1), (Int16(COLOR_GREEN), -1), (Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
                (Int16(COLOR_MAGENTA), -1)
            ]
            for (i, p) in pairs.enumerated() { init_pair(Int16(i + 1), p.0, p.1) }
        }
    }

    public func stop() {
        endwin()
        if let s = screen { delscreen(s); screen = nil }
    }

    deinit { if screen != nil { endwin() } }

    public var size: (width: Int, height: Int) { (Int(yu_cols()), Int(yu_lines())) }

    func attributes(_ style: Style) -> Int32 {
        let bold = Int32(yu_attr_bold()), reverse = Int32(yu_attr_reverse()), dim = Int32(yu_attr_dim())
        func pair(_ n: Int32) -> Int32 { colors ? Int32(yu_color_pair(n)) : 0 }
        switch style {
        case .normal: return 0
        case .title: return bold | pair(1)
        case .header: return bold
        case .selected: return reverse
        case .dim, .inferred: return dim
        case .total: return bold
        case .classRow: return bold | pair(4)
        case .error: return bold | (colors ? pair(2) : Int32(yu_attr_underline()))
        case .warning: return colors ? pair(3) : Int32(yu_attr_underline())
        case .info: return pair(5)
        case .number: return 0
        case .key: return bold | pair(7)
        case .status: return colors ? pair(6) : reverse
        case .match: return reverse | pair(3)
        case .added: return colors ? pair(5) : bold
        case .removed: return colors ? pair(2) : dim
        case .changed: return colors ? bold | pair(3) : Int32(yu_attr_underline())
        case .agreeing: return Int32(yu_attr_underline()) | pair(3)
        // Reversed, the flag's colour becomes the cell's background: red or yellow inside the bar.
        case .selectedError: return reverse | bold | (colors ? pair(2) : Int32(yu_attr_underline()))
        case .selectedWarning: return reverse | (colors ? pair(3) : Int32(yu_attr_underline()))
        }
    }

    /// Draws the frame: runs of one style are written together.
    public func draw(_ buffer: ScreenBuffer) {
        erase()
        for (y, row) in buffer.cells.enumerated() {
            var x = 0
            while x < row.count {
                let style = row[x].style
                var text = ""
                let start = x
                while x < row.count, row[x].style == style { text += row[x].text; x += 1 }
                attrset(attributes(style))
                mvaddstr(Int32(y), Int32(start), text)
            }
        }
        attrset(0)
        refresh()
    }

    /// How long `readKey` waits before giving nil; nil waits for a key.
    public func waitLimit(milliseconds: Int32?) { wtimeout(yu_stdscr(), milliseconds ?? -1) }

    /// Blocks for the next key (or until `waitLimit`).
    public func readKey() -> Key? {
        var ch: wint_t = 0
        let kind = get_wch(&ch)
        if kind == ERR { return nil }
        if kind == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_BACKSPACE: return .backspace
            case KEY_RESIZE: return .resize
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                if event.bstate & yu_button4_pressed() != 0 { return .wheelUp }
                if event.bstate & yu_button5_pressed() != 0 { return .wheelDown }
                if event.bstate & yu_button1_pressed() != 0 { return .mouseClick(x: Int(event.x), y: Int(event.y)) }
                return nil
            default: return nil
            }
        }
        switch ch {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 127, 8: return .backspace
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
            return .char(Character(scalar))
        }
    }
}

/// The run loop: draw, read a key, update, until the user quits.
public enum BrowserApp {
    public static func run(_ shelf: DocumentShelf) throws {
        try run(total: shelf.count) { _ in shelf }
    }

    /// Opens the terminal at once and reads the library behind it (`load` reports (done, total));
    /// the status line counts the documents read until the library appears.
    public static func run(
        total: Int, load: @escaping @Sendable (@escaping @Sendable (Int, Int) -> Void) -> DocumentShelf
    ) throws {
        let terminal = try CursesTerminal()
        defer { terminal.stop() }
        let task = LoadTask(total: total)
        Thread.detachNewThread {
            let result = load { done, total in task.progress(done, total) }
            task.finish(result)
        }
        var size = terminal.size
        var browser = Browser(shelf: DocumentShelf(Library(documents: [])), width: size.width, height: size.height)
        browser.loading = (0, total)
        var waiting = true
        // Keys typed while reading are kept and played once the library is there (q quits at once).
        var early: [Key] = []
        // Ten looks a second while reading; then keys only.
        terminal.waitLimit(milliseconds: 100)
        terminal.draw(browser.render())
        while !browser.quit {
            if waiting, let shelf = task.result {
                browser = Browser(shelf: shelf, width: size.width, height: size.height)
                waiting = false
                terminal.waitLimit(milliseconds: nil)
                for key in early { browser.handle(key) }
                terminal.draw(browser.render())
            }
            guard let key = terminal.readKey() else {
                if waiting { browser.loading = task.state; terminal.draw(browser.render()) }
                continue
            }
            if waiting, key != .resize, key != .char("q") { early.append(key); continue }
            if key == .resize {
                size = terminal.size
                browser.width = size.width
                browser.height = size.height
            }
            browser.handle(key)
            terminal.draw(browser.render())
        }
    }

    /// The reading behind the first screen: progress in, the shelf out.
    final class LoadTask: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        private var total: Int
        private var shelf: DocumentShelf?
        init(total: Int) { self.total = total }
        func progress(_ done: Int, _ total: Int) {
            lock.withLock {
                self.done = max(self.done, done); self.total = total
            }
        }
        func finish(_ result: DocumentShelf) { lock.withLock { shelf = result } }
        var state: (done: Int, total: Int) { lock.withLock { (done, total) } }
        var result: DocumentShelf? { lock.withLock { shelf } }
    }
}
