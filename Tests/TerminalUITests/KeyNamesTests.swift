import TerminalUI
import Testing

@Suite struct KeyNamesTests {
    static let keys: [Key] = [
        .char("q"), .char("Q"), .char("?"), .char(" "), .char("é"), .ctrl("s"), .up, .down, .left, .right,
        .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete, .insert,
        .function(1), .function(12),
    ]

    @Test(arguments: keys)
    func everyLabelReadsBackAsItsKey(key: Key) throws {
        #expect(try Key(name: key.label) == key)
    }

    @Test func namesAreReadAsPeopleWriteThem() throws {
        #expect(try Key(name: "enter") == .enter)
        #expect(try Key(name: "Return") == .enter)
        #expect(try Key(name: "ESC") == .escape)
        #expect(try Key(name: "PageDown") == .pageDown)
        #expect(try Key(name: "ctrl-w") == .ctrl("w"))
        #expect(try Key(name: "Ctrl+W") == .ctrl("w"))
        #expect(try Key(name: " Tab ") == .tab)
        #expect(try Key(name: " ") == .char(" "))
        #expect(try Key(name: "f5") == .function(5))
        // A single letter keeps its case: Q is not q.
        #expect(try Key(name: "G") == .char("G"))
    }

    @Test func labelsOfSeveralKeysAreSpaced() {
        #expect(Key.label([.char("a"), .char(" ")]) == "a Space")
        #expect(Key.label([.backTab, .up]) == "Shift-Tab ↑")
        #expect(Key.label([.ctrl("s")]) == "Ctrl-S")
    }

    @Test(arguments: [
        ("", "an empty key name"),
        ("qq", "\"qq\" is not a key"),
        ("F13", "\"F13\" is not a key"),
        ("Ctrl-", "Ctrl goes with one letter"),
        ("Ctrl-ab", "Ctrl goes with one letter"),
        ("Ctrl-C", "Ctrl-C interrupts and always quits"),
        ("Ctrl-I", "Ctrl-I is the same key as Tab"),
        ("Ctrl-M", "Ctrl-M is the same key as Enter"),
        ("\u{7}", "a control character is not a key"),
        ("\u{9B}", "a control character is not a key"),
    ])
    func mistakesSayWhatIsWrong(name: String, message: String) {
        #expect {
            try Key(name: name)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
