import CRMCore
import CRMStore
import Foundation
import TerminalUI

/// Everything that can happen to the dashboard. Keys become actions through the
/// key map; the runtime turns clock ticks, resizes, signals and I/O results into actions.
public enum Action: Equatable, Sendable {
    case command(Command)
    case tick(Date)
    case resize(Size)
    case signal(Int32)
    case saved
    case saveFailed(String)
}

/// Work the runtime performs on the reducer's behalf; results come back as actions.
public enum Effect: Equatable, Sendable {
    case save(Set<DataStore.Collection>)
    case bell
    case exit(Int32)
}
