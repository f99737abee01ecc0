import Foundation

/// One field of a case that its actions change, with its value.
public enum CaseStateField: Equatable, Sendable {
    case status(CaseStatus)
    case owner(String?)
    case firstResponseAt(Date?)
    case lastResponseAt(Date?)
    case lastCustomerMessageAt(Date?)
    case resolvedAt(Date?)
    case pauses([Pause])
    case escalationLevel(Int)

    /// Every field an action can change, as `c` has them.
    static func all(of c: SupportCase) -> [CaseStateField] {
        [.status(c.status), .owner(c.owner), .firstResponseAt(c.firstResponseAt), .lastResponseAt(c.lastResponseAt),
         .lastCustomerMessageAt(c.lastCustomerMessageAt), .resolvedAt(c.resolvedAt), .pauses(c.pauses),
         .escalationLevel(c.escalationLevel)]
    }

    func holds(in c: SupportCase) -> Bool { Self.all(of: c).contains(self) }

    func apply(to c: inout SupportCase) {
        switch self {
        case .status(let v): c.status = v
        case .owner(let v): c.owner = v
        case .firstResponseAt(let v): c.firstResponseAt = v
        case .lastResponseAt(let v): c.lastResponseAt = v
        case .lastCustomerMessageAt(let v): c.lastCustomerMessageAt = v
        case .resolvedAt(let v): c.resolvedAt = v
        case .pauses(let v): c.pauses = v
        case .escalationLevel(let v): c.escalationLevel = v
        }
    }

    /// The actions (`CaseAction.name`, and undoing) that change the field.
    var changedBy: Set<String> {
        let actions: [CaseAction] = switch self {
        case .status: [.respond, .pause, .resume, .resolve, .reopen, .close]
        case .owner: [.assign(owner: "")]
        case .firstResponseAt: [.respond, .reopen]
        case .lastResponseAt: [.respond]
        case .lastCustomerMessageAt: [.resume]
        case .resolvedAt: [.resolve, .reopen]
        case .pauses: [.pause, .resume, .resolve, .reopen]
        case .escalationLevel: [.escalate()]
        }
        return Set(actions.map(\.name) + [SupportCase.undoneAction])
    }
}

/// What taking back one action on a case puts back: the fields it changed, with the values it
/// left (see `Reverting`).
public struct CaseUndo: Equatable, Sendable {
    public var fields: [Reverting<CaseStateField>]
    /// The action taken back, for the history.
    public var undoing: CaseAction
    /// When the action was made; what the history shows after it was done by someone else.
    public var since: Date

    public init(fields: [Reverting<CaseStateField>], undoing: CaseAction, since: Date) {
        self.fields = fields
        self.undoing = undoing
        self.since = since
    }

    /// What takes `after` back to `before`, the case as it was before `action`.
    public init(from before: SupportCase, to after: SupportCase, undoing action: CaseAction, since: Date) {
        let fields = zip(CaseStateField.all(of: before), CaseStateField.all(of: after)).filter { $0 != $1 }
            .map { Reverting(restore: $0, expected: $1) }
        self.init(fields: fields, undoing: action, since: since)
    }
}

extension SupportCase {
    /// The history's name for an undo.
    public static let undoneAction = "undone"

    /// Takes back an action, recording `undone` with the action's name at `at`. Refused when
    /// the case is closed or a field the action changed was changed since: putting the earlier
    /// value back would throw that change away.
    public mutating func undo(_ undo: CaseUndo, at: Date, actor: String?) throws(MutationError) {
        func refuse(_ why: String) -> MutationError { MutationError("not undone: " + why) }
        guard status != .closed else { throw refuse("\(id) was closed since") }
        for field in undo.fields where !field.expected.holds(in: self) {
            throw refuse(changeSince(field.expected, undo.since))
        }
        for field in undo.fields { field.restore.apply(to: &self) }
        let event = HistoryEvent(at: at, actor: actor, action: Self.undoneAction, detail: undo.undoing.name)
        history.insert(event, at: history.firstIndex { $0.at > at } ?? history.endIndex)
    }

    /// Who changed `field` after `since`, and how: "jonas reassigned C-2025 since".
    private func changeSince(_ field: CaseStateField, _ since: Date) -> String {
        let changes = field.changedBy
        guard let event = history.last(where: { $0.at > since && changes.contains($0.action) }) else {
            return "\(id) was changed since"
        }
        return "\(event.actor ?? "someone else") \(HistoryPhrase.did(event.action)) \(id) since"
    }
}
