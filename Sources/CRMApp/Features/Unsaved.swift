import CRMCore
import CRMStore
import Foundation

/// Changes the disk refused: the question `q` asks about them, and the recovery file an
/// earlier run left with those it could not store before it ended.
enum Unsaved {
    static func count(_ n: Int) -> String { n == 1 ? "1 change" : "\(n) changes" }

    /// Quits, unless changes wait to be stored: then asks what to do with them.
    static func quit(_ state: inout AppState) -> [Effect] {
        guard state.unsavedChanges > 0 else { return [.exit(0)] }
        ask(&state)
        return []
    }

    private static func ask(_ state: inout AppState) {
        let n = state.unsavedChanges
        state.modal = .menu(Menu(title: "\(count(n)) \(n == 1 ? "is" : "are") not saved",
                                 labels: ["save again", "quit anyway (\(n == 1 ? "it is" : "they are") lost)", "cancel"],
                                 purpose: .unsavedOnQuit, bindings: state.keyBindings))
    }

    static func choose(_ index: Int, _ state: inout AppState) -> [Effect] {
        state.modal = nil
        switch index {
        case 0:
            state.quitWhenSaved = true
            return [.saveAgain]
        case 1:
            return [.exit(0)]
        default:
            return []
        }
    }

    /// Everything is stored: a quit that waited for it goes ahead.
    static func saved(_ state: inout AppState) -> [Effect] {
        guard state.quitWhenSaved else { return [] }
        state.quitWhenSaved = false
        return [.exit(0)]
    }

    /// Saving again failed: the question comes back, with the reason in the status line.
    static func stillUnsaved(_ state: inout AppState) {
        guard state.quitWhenSaved else { return }
        state.quitWhenSaved = false
        ask(&state)
    }

    // MARK: - The recovery file

    static func offerRecovery(_ recovery: Recovery, _ state: inout AppState) {
        guard state.wall == nil else { return }
        let n = recovery.changes.count
        let when = Format.moment(recovery.written, zone: state.zone)
        state.modal = .confirm(Confirm(
            question: "Apply \(count(n)) not saved on \(when)?", purpose: .applyRecovery,
            title: "Recovery file"))
    }

    static func applyRecovery(_ state: inout AppState) -> [Effect] {
        state.modal = nil
        return [.applyRecovery]
    }

    static func keepRecovery(_ state: inout AppState) {
        ReminderActions.note(&state, "Kept the recovery file; crmtop recover --apply applies it later")
    }

    static func report(_ report: RecoveryReport, _ state: inout AppState) {
        var parts = ["Recovered \(count(report.applied))"]
        if !report.refused.isEmpty { parts.append("not applied: " + report.refused.joined(separator: "; ")) }
        if let failure = report.failure {
            parts.append(report.left > 0 ? "\(count(report.left)) still in the recovery file: \(failure)" : failure)
        }
        let trouble = !report.refused.isEmpty || report.failure != nil
        state.message = StatusMessage(text: parts.joined(separator: "; "), isError: trouble,
                                      expires: trouble ? nil : state.now.addingTimeInterval(Reducer.noteLifetime))
    }
}
