import YusuanCore

/// How a cell looks: a role, mapped to colours and attributes by the terminal backend, so the
/// screen model stays free of terminal codes and NO_COLOR only changes the mapping.
public enum Style: Int, Sendable, CaseIterable {
    case normal, title, header, selected, dim, total, classRow, error, warning, info, number, inferred, key, status,
        match
    /// Compare screen: lines new in the newer year, gone from it, and changed cells.
    case added, removed, changed
    /// A cell whose sum agrees that the flagged cell is the wrong one (a fault's related sums).
    case agreeing
    /// Flagged cells under the cursor bar: the bar's background, the flag's colour.
    case selectedError, selectedWarning
}

/// A grid of cells: the whole frame as a value, drawn by the backend and asserted in tests.
public struct ScreenBuffer: Sendable {
    public struct Cell: Equatable, Sendable {
        /// One scalar cluster, or "" for the right half of a wide character.
        public var text: String
        public var style: Style
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [[Cell]]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(
            repeating: Array(repeating: Cell(text: " ", style: .normal), count: max(0, width)), count: max(0, height))
    }

    /// Writes text from (x, y), clipped at `x + maxWidth` and at the right edge; a wide
    /// character that would straddle the edge becomes a space. Control characters never
    /// get in: text is made terminal-safe first.
    @discardableResult
    public mutating func put(_ x: Int, _ y: Int, _ text: String, _ style: Style = .normal, maxWidth: Int? = nil) -> Int
    {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for scalar in TextNormalizer.safeForTerminal(text).unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if w == 0 { continue }
            if col + w > limit {
                if col < limit, col >= 0 { set(y, col, Cell(text: " ", style: style)) }
                break
            }
            if col >= 0 {
                set(y, col, Cell(text: String(scalar), style: style))
                if w == 2, col + 1 < width { set(y, col + 1, Cell(text: "", style: style)) }
            }
            col += w
        }
        return col
    }

    /// Writes one cell without leaving half of a wide character behind: a wide character whose
    /// half is overwritten becomes a space, so every row stays exactly `width` columns.
    private mutating func set(_ y: Int, _ x: Int, _ cell: Cell) {
        let old = cells[y][x].text
        if old.isEmpty, !cell.text.isEmpty, x > 0 { cells[y][x - 1].text = " " }
        if !old.isEmpty, x + 1 < width, cells[y][x + 1].text.isEmpty { cells[y][x + 1].text = " " }
        cells[y][x] = cell
    }

    /// Paints a style over a span without changing its text (the cursor bar).
    public mutating func restyle(_ x: Int, _ y: Int, width w: Int, _ style: Style) {
        guard y >= 0, y < height else { return }
        for c in max(0, x)..<min(width, x + w) { cells[y][c].style = style }
    }

    /// The cursor bar: every cell takes the bar's style but a flagged one, which keeps its
    /// colour inside the bar (the cursor must not hide what it landed on).
    public mutating func restyleCursor(_ x: Int, _ y: Int, width w: Int) {
        guard y >= 0, y < height else { return }
        for c in max(0, x)..<min(width, x + w) {
            switch cells[y][c].style {
            case .error: cells[y][c].style = .selectedError
            case .warning: cells[y][c].style = .selectedWarning
            default: cells[y][c].style = .selected
            }
        }
    }

    /// Copies the rows of another buffer (a pane) to column `x0`, cell for cell, restyling as asked.
    public mutating func copy(_ pane: ScreenBuffer, toX x0: Int, rows: Range<Int>, restyle: (Style) -> Style = { $0 }) {
        for y in rows where y >= 0 && y < height && y < pane.height {
            for (x, cell) in pane.cells[y].enumerated() where x0 + x >= 0 && x0 + x < width {
                set(y, x0 + x, Cell(text: cell.text, style: restyle(cell.style)))
            }
        }
    }

    public mutating func fill(_ y: Int, _ style: Style) {
        guard y >= 0, y < height else { return }
        for c in 0..<width { cells[y][c] = Cell(text: " ", style: style) }
    }

    /// The frame as text, one line per row, trailing spaces kept (tests compare whole lines).
    public var lines: [String] { cells.map { row in row.map(\.text).joined() } }
    public var text: String { lines.joined(separator: "\n") }
    public func line(_ y: Int) -> String { y < height ? lines[y] : "" }
    public func style(atColumn x: Int, row y: Int) -> Style { cells[y][x].style }
}
