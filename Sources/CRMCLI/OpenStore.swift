import CRMStore
import Foundation

extension GlobalOptions {
    /// The store `--data` names (else `$CRMTOP_DATA`, else the default): the one place that
    /// knows which kinds of store there are, so that every command opens the same one and a new
    /// kind is added here alone. Everything after works on `Store`.
    func openStore(_ environment: [String: String]) throws -> any Store {
        DataStore(directory: dataDirectory(environment))
    }
}
