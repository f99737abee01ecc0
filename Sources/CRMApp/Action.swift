import CRMCore
import CRMStore
import Foundation
import TerminalUI

/// Everything that can happen to the dashboard. Keys become actions through the
/// key map; the runtime turns clock ticks, resizes, signals and I/O results into actions.
public enum Action: Equatable, Sendable {
    /// A key as typed; the reducer decides what it means where.
    case key(Key)
    case command(Command)
    case tick(Date)
    case resize(Size)
    case signal(Int32)
    /// The changes are on disk; `data` is the directory as saved when others changed it
    /// meanwhile, nil when it holds nothing the screen does not have already.
    case persisted(DataSet?)
    /// The changes could not be stored and are kept in memory, to be tried again; `unsaved`
    /// says how many of the person's changes wait.
    case saveFailed(String, unsaved: Int = 1)
    /// A change no longer applies to the data on disk (someone else removed what it names);
    /// it is dropped, and the next read shows the data without it.
    case refused(String)
    /// The data directory as read again after another process changed it.
    case reloaded(DataSet)
    /// The data directory could not be read; the reason, for the screen.
    case reloadFailed(String)
    /// A passing note for the status bar.
    case note(String)
    case mouse(MouseEvent)
    /// A recovery file holds changes an earlier run could not store.
    case recoveryFound(Recovery)
    /// There is a recovery file, but it cannot be read; why.
    case recoveryUnreadable(String)
    /// What applying the recovery file did.
    case recovered(RecoveryReport)
}

/// Work the runtime performs on the reducer's behalf; results come back as actions.
public enum Effect: Equatable, Sendable {
    /// Store these changes (already applied to the in-memory data).
    case persist([Mutation])
    case bell
    /// Tell people about an event (delivered by the notifier; the dashboard shows it too).
    case notify(Notice)
    /// Open a link with the desktop's opener; the runtime reports when there is none.
    case openLink(String)
    /// Draw with these colours from now on (another theme was chosen).
    case setPalette(Palette)
    /// Try now to store the changes waiting since the disk refused them.
    case saveAgain
    /// The program is about to end on a signal: try once more to store what waits, and keep
    /// what still cannot be stored in the recovery file.
    case keepUnsaved
    /// Apply the recovery file's changes through the store.
    case applyRecovery
    case exit(Int32)
}

/// Something people should hear about: a reminder that started reminding or came due,
/// an SLA clock that entered its warning or breached, a case that climbed the ladder.
public struct Notice: Equatable, Sendable {
    /// The notifier's names for events (`CRMTOP_EVENT`).
    public typealias Kind = NotificationKind

    public var kind: Kind
    public var id: String
    public var title: String
    public var recipients: [String]
    public var at: Date

    public init(kind: Kind, id: String, title: String, recipients: [String], at: Date) {
        self.kind = kind
        self.id = id
        self.title = title
        self.recipients = recipients
        self.at = at
    }
}
