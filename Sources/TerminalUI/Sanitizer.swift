/// Makes text from data safe to draw: nothing in it can move the cursor,
/// change colours, reorder a line or hide in a zero-width gap, and every
/// grapheme left starts with a scalar that takes at least one column, so a
/// cell-based terminal and `DisplayWidth` agree on where each one goes.
public enum Sanitizer {
    /// Shown where something unsafe was removed.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    public static func clean(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var parser = EscapeParser()
        var out = String.UnicodeScalarView()
        var sawZeroWidth = false
        for s in text.unicodeScalars {
            parser.feed(s) { kept in
                if !sawZeroWidth, kept.value >= 0x300, DisplayWidth.of(kept) == 0 { sawZeroWidth = true }
                out.append(kept)
            }
        }
        let scalarClean = String(out)
        return sawZeroWidth ? dropBaselessMarks(scalarClean) : scalarClean
    }

    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// What happens to a scalar met outside any escape sequence.
    enum Disposition: Equatable {
        case keep, space, replace, drop
    }

    static func disposition(of s: Unicode.Scalar) -> Disposition {
        switch s.value {
        case 0x09, 0x0A, 0x0D:
            // Titles and notes often carry line breaks; one space keeps the words apart.
            return .space
        case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029:
            return .replace
        case 0x034F, 0x180B...0x180F, 0xFE00...0xFE0F, 0xE0000...0xE0FFF:
            // Invisible joiners and selectors that are marks rather than format characters
            // (grapheme joiner, variation selectors, tags). U+FE0F would make some
            // terminals draw a symbol two columns wide while others draw it in one.
            return .drop
        default:
            switch s.properties.generalCategory {
            case .format:
                // Bidi embeddings, overrides and isolates, zero-width spaces and joiners,
                // BOM, soft hyphen, prepended number signs: invisible or reordering,
                // and terminals disagree on how many columns they take.
                return .drop
            case .unassigned:
                // Unknown to us, and to a terminal's wcwidth, which answers -1.
                return .replace
            default:
                return .keep
            }
        }
    }

    /// A grapheme that starts with a zero-width scalar (a combining mark or a Hangul
    /// vowel with nothing to sit on) would be drawn on top of whatever is in the cell
    /// to its left. Its leading zero-width scalars are dropped; removing them can
    /// merge graphemes, so this repeats until nothing changes.
    static func dropBaselessMarks(_ text: String) -> String {
        var current = text
        while true {
            var out = String.UnicodeScalarView()
            var changed = false
            for ch in current {
                var leading = true
                for s in ch.unicodeScalars {
                    if leading, DisplayWidth.of(s) == 0 {
                        changed = true
                        continue
                    }
                    leading = false
                    out.append(s)
                }
            }
            if !changed { return current }
            current = String(out)
        }
    }

    /// A terminal's view of escape sequences, after the DEC/ANSI parser that xterm and
    /// others follow: C0 controls inside a sequence are executed without ending it, ESC
    /// starts over, CAN and SUB cancel, C1 controls act anywhere, and string commands
    /// (OSC, DCS, SOS, PM, APC) run to their terminator. Each sequence becomes a single
    /// replacement character, so none of its parameters or payload show as text.
    struct EscapeParser {
        enum State {
            case ground, escape, escapeIntermediate, csi
            /// OSC ends at BEL or ST; DCS, SOS, PM and APC only at ST.
            case string(endsAtBEL: Bool)
            /// ESC inside a string command: ST if a backslash follows.
            case stringEscape
        }

        var state = State.ground

        mutating func feed(_ s: Unicode.Scalar, emit: (Unicode.Scalar) -> Void) {
            let v = s.value
            // CAN, SUB and every C1 control interrupt whatever sequence is in progress.
            if v == 0x18 || v == 0x1A {
                if case .ground = state { emit(replacement) }
                state = .ground
                return
            }
            if (0x80..<0xA0).contains(v) {
                let wasInString = isInString
                state = .ground
                if v == 0x9C, wasInString { return }  // ST: the string's end, already replaced
                startC1(v, emit: emit)
                return
            }
            switch state {
            case .ground:
                ground(s, emit: emit)
            case .escape:
                switch v {
                case 0x1B: emit(replacement)
                case 0x00..<0x20, 0x7F: break
                case 0x20...0x2F: state = .escapeIntermediate
                case 0x5B: state = .csi
                case 0x5D: state = .string(endsAtBEL: true)
                case 0x50, 0x58, 0x5E, 0x5F: state = .string(endsAtBEL: false)
                case 0x30...0x7E: state = .ground
                default:
                    // Not ASCII: no escape sequence continues with it, so it is text.
                    state = .ground
                    ground(s, emit: emit)
                }
            case .escapeIntermediate:
                switch v {
                case 0x1B: state = .escape; emit(replacement)
                case 0x00..<0x20, 0x7F, 0x20...0x2F: break
                case 0x30...0x7E: state = .ground
                default:
                    state = .ground
                    ground(s, emit: emit)
                }
            case .csi:
                switch v {
                case 0x1B: state = .escape; emit(replacement)
                case 0x00..<0x20, 0x7F, 0x20...0x3F: break
                case 0x40...0x7E: state = .ground
                default:
                    state = .ground
                    ground(s, emit: emit)
                }
            case .string(let endsAtBEL):
                switch v {
                case 0x07 where endsAtBEL: state = .ground
                case 0x1B: state = .stringEscape
                default: break
                }
            case .stringEscape:
                if v == 0x5C {
                    state = .ground
                } else {
                    // The ESC ended the string and began a sequence of its own.
                    state = .escape
                    emit(replacement)
                    feed(s, emit: emit)
                }
            }
        }

        private var isInString: Bool {
            switch state {
            case .string, .stringEscape: true
            default: false
            }
        }

        private mutating func ground(_ s: Unicode.Scalar, emit: (Unicode.Scalar) -> Void) {
            if s.value == 0x1B {
                state = .escape
                emit(replacement)
                return
            }
            switch disposition(of: s) {
            case .keep: emit(s)
            case .space: emit(" ")
            case .replace: emit(replacement)
            case .drop: break
            }
        }

        private mutating func startC1(_ v: UInt32, emit: (Unicode.Scalar) -> Void) {
            switch v {
            case 0x9B: state = .csi
            case 0x9D: state = .string(endsAtBEL: true)
            case 0x90, 0x98, 0x9E, 0x9F: state = .string(endsAtBEL: false)
            default: state = .ground
            }
            emit(replacement)
        }
    }
}
