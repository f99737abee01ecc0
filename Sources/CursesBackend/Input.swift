import CNcursesw
import CTerminalGuard
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CursesTerminal {
    /// Waits at most `timeoutMilliseconds` (negative: no limit) for a key, a resize or
    /// a termination signal. Keys that map to no `Key` are swallowed without ending
    /// the wait early.
    public func readEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(max(0, timeoutMilliseconds)))
        while true {
            if let signal = takeSignal() { return .signal(signal) }
            guard screen != nil else {
                // After shutdown there is no input; a finite wait is still honoured so a
                // loop that keeps calling does not spin.
                _ = poll(nil, 0, Int32(clamping: max(0, timeoutMilliseconds)))
                return takeSignal().map { .signal($0) } ?? .idle
            }
            var wait = -1
            if timeoutMilliseconds >= 0 {
                let left = clock.now.duration(to: deadline).components
                wait = max(0, Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000))
            }
            wtimeout(window, Int32(clamping: wait))
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            // Our handlers have no SA_RESTART, so a signal ends the wait with ERR (EINTR).
            if let signal = takeSignal() { return .signal(signal) }

            if status == cn_KEY_CODE_YES() {
                let keyCode = Int32(bitPattern: code)
                if keyCode == cn_KEY_RESIZE() { return resized() }
                if keyCode == cn_KEY_MOUSE(), let mouse = readMouse() { return .mouse(mouse) }
                if let key = Self.functionKeys[keyCode] { return .key(key) }
            } else if status == cn_OK() {
                if let key = Self.key(forCharacter: code) { return .key(key) }
            } else {
                // A read that fails at once, not at the timeout, may mean the terminal is
                // gone (window closed, tmux server killed). Then every later read fails
                // at once too, and without this check the loop would spin a core forever.
                if wait != 0, inputHungUp() { return .signal(SIGHUP) }
                return .idle
            }
            if timeoutMilliseconds >= 0 && clock.now >= deadline { return .idle }
        }
    }

    private func inputHungUp() -> Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) >= 0 else { return false }
        return fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func takeSignal() -> Int32? {
        let signal = ctg_take_signal()
        return signal == 0 ? nil : signal
    }

    /// ncurses has already resized its windows when it reports KEY_RESIZE.
    private func resized() -> TerminalEvent {
        size = Size(width: Int(cn_getmaxx(window)), height: Int(cn_getmaxy(window)))
        // One full repaint: after a resize the terminal's contents are not what ncurses thinks.
        clearok(cn_curscr(), true)
        lastPresented = nil
        return .resize(size)
    }

    private static let functionKeys: [Int32: Key] = {
        var keys: [Int32: Key] = [
            cn_KEY_UP(): .up, cn_KEY_DOWN(): .down, cn_KEY_LEFT(): .left, cn_KEY_RIGHT(): .right,
            cn_KEY_PPAGE(): .pageUp, cn_KEY_NPAGE(): .pageDown,
            cn_KEY_HOME(): .home, cn_KEY_END(): .end,
            cn_KEY_A1(): .home, cn_KEY_A3(): .pageUp, cn_KEY_C1(): .end, cn_KEY_C3(): .pageDown,
            cn_KEY_BTAB(): .backTab, cn_KEY_DC(): .delete, cn_KEY_IC(): .insert,
            cn_KEY_BACKSPACE(): .backspace, cn_KEY_ENTER(): .enter,
        ]
        for n in 1...12 { keys[cn_KEY_F(Int32(n))] = .function(n) }
        return keys
    }()

    /// Decodes what `wget_wch` returns with status OK. With `nonl`, Enter is 13.
    static func key(forCharacter code: wint_t) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + code))))
        // Ctrl-@ (NUL, also Ctrl-Space), Ctrl-\ (unless it raised SIGQUIT), Ctrl-], Ctrl-^, Ctrl-_.
        case 0, 28...31: return .ctrl(Character(Unicode.Scalar(UInt8(0x40 + code))))
        case 0x80...0x9F: return nil
        default: return Unicode.Scalar(code).map { .char(Character($0)) }
        }
    }
}
