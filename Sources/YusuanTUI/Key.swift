/// A key press, independent of the terminal library.
public enum Key: Equatable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end, enter, escape, tab, backTab, backspace, resize
    case char(Character)
    case mouseClick(x: Int, y: Int)
    case wheelUp, wheelDown
}
