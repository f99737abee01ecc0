import CRMCore
import CRMStore
import Foundation

/// Finding people, and saying who there is, for every command that names someone.
extension Session {
    /// The person with this handle; refused (exit 1) naming it when there is none.
    func person(_ handle: String, option: String) throws -> Person {
        guard let person = data.person(handle) else {
            throw CLIError("\(option): no person \(handle); \(peopleAre); add one with crmtop person add \(handle) --role ROLE")
        }
        return person
    }

    /// Refuses the user when there are people and they are not one of them.
    func requireKnownUser(_ options: GlobalOptions) throws {
        guard !data.people.isEmpty, data.person(user) == nil else { return }
        let source = options.userSource(Console.current.environment)
        let choose = source == "--user" ? "" : ", or say who you are with --user NAME"
        throw CLIError("\(source) \(user): no such person; \(peopleAre); add one with crmtop person add "
            + "\(user) --role ROLE\(choose)")
    }

    /// "people are: maria, jonas, …, and 6 more (crmtop person list)": who would have been accepted.
    var peopleAre: String {
        let handles = data.people.map(\.id)
        guard !handles.isEmpty else { return "there are no people yet" }
        let shown = handles.prefix(8).joined(separator: ", ")
        return "people are: " + shown + (handles.count > 8 ? ", and \(handles.count - 8) more (crmtop person list)" : "")
    }
}

extension GlobalOptions {
    /// JSON with `--json`, else the text.
    func report(json value: @autoclosure () throws -> JSONOutput, text: @autoclosure () -> String) rethrows {
        if json {
            Console.current.json(try value())
        } else {
            Console.current.write(text())
        }
    }
}
