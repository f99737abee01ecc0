import CNcursesw
import TerminalUI

extension CursesTerminal {
    /// The left button and the wheel only: no motion reports, which would wake the loop
    /// on every move. No click interval, so nothing waits to see whether a double click
    /// follows.
    static func enableMouse() {
        let wanted = cn_BUTTON1_PRESSED() | cn_BUTTON1_RELEASED() | cn_BUTTON1_CLICKED()
            | cn_BUTTON4_PRESSED() | cn_BUTTON5_PRESSED()
        guard mousemask(wanted, nil) != 0 else { return }
        mouseinterval(0)
    }

    /// The mouse event behind a KEY_MOUSE; nil for what the screens do not use (a press,
    /// another button) or when ncurses could not read it.
    ///
    /// A click counts when the button comes up: when a press and its release arrive
    /// in one read (a busy machine, a remote terminal), ncurses reports only the last
    /// event of the run, the release, and acting on presses would lose that click.
    func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == cn_OK() else { return nil }
        let state = event.bstate
        let x = Int(event.x), y = Int(event.y)
        if state & (cn_BUTTON1_RELEASED() | cn_BUTTON1_CLICKED()) != 0 { return MouseEvent(.click, x: x, y: y) }
        if state & cn_BUTTON4_PRESSED() != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
        if cn_BUTTON5_PRESSED() != 0, state & cn_BUTTON5_PRESSED() != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
        return nil
    }
}
