import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

@Suite struct KeyTableTests {
    /// Wherever the keyboard is, one key means one thing: checked for every place keys
    /// work, from the same rule that resolves them.
    @Test(arguments: KeyContext.allCases)
    func noKeyIsBoundTwiceWhereItIsLive(context: KeyContext) {
        var owner: [Key: Command] = [:]
        for binding in KeyMap.active(in: context) {
            for key in binding.keys {
                #expect(owner[key] == nil, "\(key.label) is both \(owner[key].map { "\($0)" } ?? "") and \(binding.command) in \(context)")
                owner[key] = binding.command
            }
        }
        #expect(!owner.isEmpty, "no key works in \(context)")
    }

    /// A scope no place of the keyboard reaches would be keys that do nothing.
    @Test func everyScopeIsLiveSomewhere() {
        #expect(Set(KeyContext.allCases.flatMap(\.scopes)) == Set(KeyScope.allCases))
    }

    /// The config reader refuses what this check finds, so the shipped table must pass it.
    @Test func theDefaultTableHasNoClashes() {
        #expect(KeyMap.clashes(in: KeyMap.bindings).isEmpty)
    }

    @Test func menuItemKeysAreNoneOfTheMenusOwn() {
        let own = Set(KeyMap.active(in: .menu).flatMap(\.keys))
        let items = Menu.itemKeys(KeyMap.bindings)
        #expect(items.count >= 50)
        #expect(items.allSatisfy { !own.contains(.char($0)) })
        #expect(Set(items).count == items.count)
    }

    @Test func everyActionHasANameTheConfigFileReadsBack() {
        for command in Command.allCases {
            #expect(Command(configName: command.configName) == command)
            #expect(KeyMap.bindings.contains { $0.command == command }, "\(command) has no key")
        }
        #expect(Command.pageDown.configName == "page_down")
    }

    /// The help names every key of a binding; the footer its first.
    @Test func helpListsEveryKeyAndTheFooterTheFirst() throws {
        var state = Fixture.state(size: Size(width: 120, height: 60))
        _ = press(.char("?"), &state)
        let lines = Dashboard.render(state).textLines()
        #expect(lines.contains { $0.contains(/│ Esc q Enter \? +close the overlay/) })
        #expect(lines.contains { $0.contains(/│ a Space +acknowledge the selected reminder for you/) })
        #expect(lines.last?.hasPrefix(" Esc close ") == true, "\(lines.last ?? "")")
    }

    /// Rebound keys show in the footer and help like shipped ones, first key first.
    @Test func reboundKeysAreLabelledFromTheKeys() throws {
        let config = try UserConfig.parse(Array(#"{"keys": {"overlay": {"close": ["F2", "x"]}}}"#.utf8), file: "config.json")
        var state = Fixture.state(size: Size(width: 120, height: 60))
        state.keyBindings = config.keyBindings
        _ = press(.char("?"), &state)
        let lines = Dashboard.render(state).textLines()
        #expect(lines.contains { $0.contains(/│ F2 x +close the overlay/) })
        #expect(lines.last?.hasPrefix(" F2 close ") == true, "\(lines.last ?? "")")
        _ = press(.char("x"), &state)
        #expect(state.overlay == nil)
    }

    /// A question names the keys that answer it, as bound.
    @Test func aQuestionShowsTheKeysThatAnswerIt() throws {
        let config = try UserConfig.parse(Array(#"{"keys": {"menu": {"confirm_yes": "Y", "cancel": ["Esc", "N"]}}}"#.utf8),
                                          file: "config.json")
        var state = Fixture.state()
        state.keyBindings = config.keyBindings
        _ = press(.char("d"), &state)
        #expect(Dashboard.render(state).textLines().contains { $0.contains("│ Y yes   N no ") })
        _ = press(.char("y"), &state)
        #expect(state.modal == nil, "any other key declines")
        #expect(state.data.reminders.contains { $0.id == "R1" })
    }
}
