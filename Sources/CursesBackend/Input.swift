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
    /// a termination signal, or until `descriptor` (when given) is readable, which ends the
    /// wait as `.idle`. Keys that map to no `Key` are swallowed without ending the wait early.
    public func readEvent(timeoutMilliseconds: Int, wakingOn descriptor: Int32?) -> TerminalEvent {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(max(0, timeoutMilliseconds)))
        func left() -> Int32 {
            guard timeoutMilliseconds >= 0 else { return -1 }
            let d = clock.now.duration(to: deadline).components
            return Int32(clamping: max(0, Int(d.seconds) * 1000 + Int(d.attoseconds / 1_000_000_000_000_000)))
        }
        while true {
            if let signal = takeSignal() { return .signal(signal) }
            guard screen != nil else {
                // After shutdown there is no input; a finite wait is still honoured so a
                // loop that keeps calling does not spin.
                _ = poll(nil, 0, left())
                return takeSignal().map { .signal($0) } ?? .idle
            }
            // What ncurses holds already (the rest of an escape sequence, a resize it was told
            // of) comes first, without waiting.
            switch readKey(waiting: 0) {
            case .event(let event): return event
            case .swallowed: continue
            case .nothing: break
            }
            // Wait on the terminal and the descriptor together: ncurses would wait on the
            // terminal alone. Our handlers have no SA_RESTART, and poll is never restarted
            // anyway, so a signal or a resize ends the wait (EINTR) and is read above.
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            if let descriptor { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), left())
            if ready < 0 { continue }
            if ready == 0 { return takeSignal().map { .signal($0) } ?? .idle }
            // A terminal that is gone (window closed, tmux server killed) reports so at once,
            // every time: without this the loop would spin a core forever.
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .signal(SIGHUP) }
            if fds.count > 1, fds[1].revents != 0 { return .idle }
            switch readKey(waiting: Int(left())) {
            case .event(let event): return event
            case .swallowed: continue
            // Readable but nothing to read: let the caller look at the time.
            case .nothing: return .idle
            }
        }
    }

    private enum Read {
        case event(TerminalEvent)
        /// Something arrived that is no key crmtop knows.
        case swallowed
        case nothing
    }

    /// One `wget_wch`, waiting at most `milliseconds` for input already under way.
    private func readKey(waiting milliseconds: Int) -> Read {
        wtimeout(window, Int32(clamping: milliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if let signal = takeSignal() { return .event(.signal(signal)) }
        if status == cn_KEY_CODE_YES() {
            let keyCode = Int32(bitPattern: code)
            if keyCode == cn_KEY_RESIZE() { return .event(resized()) }
            if keyCode == cn_KEY_MOUSE(), let mouse = readMouse() { return .event(.mouse(mouse)) }
            if let key = Self.functionKeys[keyCode] { return .event(.key(key)) }
            return .swallowed
        }
        if status == cn_OK() {
            return Self.key(forCharacter: code).map { .event(.key($0)) } ?? .swallowed
        }
        return .nothing
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
