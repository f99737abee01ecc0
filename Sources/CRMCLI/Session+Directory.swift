import CRMCore
import CRMStore
import Foundation

/// Look-ups and output shared by the people, KPI, log and leaderboard commands.
extension Session {
    /// The person with this handle; refused (exit 1) naming it when there is none.
    func person(_ handle: String, option: String) throws -> Person {
        guard let person = data.person(handle) else {
            throw CLIError("\(option): no person \(handle); add them with crmtop person add \(handle) --role ROLE")
        }
        return person
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
