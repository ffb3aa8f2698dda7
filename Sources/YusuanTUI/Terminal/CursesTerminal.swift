import CNcursesw
import YusuanCore
import Foundation

/// The thin ncurses backend: draws a `ScreenBuffer`, reads keys, restores the terminal.
public final class CursesTerminal {
    public enum StartError: Error, CustomStringConvertible {
        case noTerminal(String), notUTF8
        /// No pipe could be made to wake the key loop when reading ends (errno).
        case noWakeup(Int32)
        public var description: String {
            switch self {
            case .noWakeup(let code):
                return "cannot make a pipe to wake the browser: \(String(cString: strerror(code)))."
            case .noTerminal(let term):
                return "cannot open the terminal (TERM=\(term)); run it in a terminal, or use yusuan parse / check."
            case .notUTF8:
                return "the terminal's locale is not UTF-8 and no UTF-8 locale is installed; set LANG=C.UTF-8."
            }
        }
    }

    let colors: Bool
    private var screen: OpaquePointer?
    /// The frame on the terminal now: rows unchanged since are not written again.
    private var shown: ScreenBuffer?

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

    /// Draws the frame: only the rows that differ from the frame shown (all after a resize),
    /// each row whole, runs of one style written together.
    public func draw(_ buffer: ScreenBuffer) {
        let previous = shown.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        if previous == nil { erase() }
        for (y, row) in buffer.cells.enumerated() where previous?.cells[y] != row {
            // Blanked first, as erase() blanks the whole screen.
            move(Int32(y), 0)
            clrtoeol()
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
        shown = buffer
    }

    public enum WaitOutcome { case input, woken, timeout }

    /// Waits until a key is typed (or the terminal resized), `wake` becomes readable, or
    /// `milliseconds` pass. ncurses' own buffer is empty here: `typedKeys` reads until it is.
    public func wait(forKeyOr wake: Int32, milliseconds: Int32) -> WaitOutcome {
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake, events: Int16(POLLIN), revents: 0)
        ]
        let ready = poll(&fds, 2, milliseconds)
        if ready > 0, fds[1].revents != 0 { return .woken }
        // A resize interrupts poll (EINTR); ncurses then has KEY_RESIZE for `typedKeys`.
        return ready == 0 ? .timeout : .input
    }

    /// Every key typed so far, without waiting; keys the browser does not know are dropped.
    public func typedKeys() -> [Key] {
        wtimeout(yu_stdscr(), 0)
        defer { wtimeout(yu_stdscr(), -1) }
        var keys: [Key] = []
        while let input = nextInput() { if let key = input { keys.append(key) } }
        return keys
    }

    /// Blocks for the next key; nil for input the browser does not know.
    public func readKey() -> Key? { nextInput() ?? nil }

    /// The next input: nil when there is none (only without waiting), .some(nil) for input
    /// that is no key of the browser's.
    private func nextInput() -> Key?? {
        var ch: wint_t = 0
        let kind = get_wch(&ch)
        if kind == ERR { return .none }
        return .some(key(kind, ch))
    }

    private func key(_ kind: Int32, _ ch: wint_t) -> Key? {
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
            case KEY_RESIZE:
                shown = nil  // ncurses resized the screen: draw it all again
                return .resize
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
