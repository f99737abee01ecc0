import CRMCore
import Dispatch
import Foundation

/// The open cases at a moment, each with its SLA clocks, the next breach first (`SLAUrgency`). Redone every
/// second for every open case, 20,000 of them at the scale crmtop is built for, so a second
/// passing updates the rows in place and re-sorts them (nearly sorted already) rather than
/// building 20,000 new ones, which would copy every case.
enum CaseRows {
    static func make(_ cases: [SupportCase], settings: Settings, now: Date) -> [CaseRow] {
        var rows = cases.compactMap { item -> CaseRow? in
            guard item.status.isOpen else { return nil }
            return CaseRow(item: item, clocks: [], urgent: nil, escalationLevel: 0,
                           urgency: SLA.urgency(of: item, clocks: []))
        }
        update(&rows, settings: settings, now: now)
        return rows
    }

    /// The same rows at another moment; `rows` should be the only reference to its array.
    static func update(_ rows: inout [CaseRow], settings: Settings, now: Date) {
        let chunks = rows.count < 2_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        rows.withUnsafeMutableBufferPointer { buffer in
            let shared = Rows(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                // Each chunk writes only its own rows, and has its own policies: objects that
                // both threads retained and released at every case would be passed between
                // the cores' caches all the time.
                let policies = SLAPolicies(settings)
                let ladder = Array(settings.escalation)
                let itemOffset = MemoryLayout<CaseRow>.offset(of: \CaseRow.item)!
                for n in (shared.buffer.count * chunk / chunks)..<(shared.buffer.count * (chunk + 1) / chunks) {
                    let row = shared.buffer.baseAddress! + n
                    // The case is taken out of its row while it is read and put back after:
                    // read in place, each call would be handed a copy of the whole case.
                    let slot = (UnsafeMutableRawPointer(row) + itemOffset).assumingMemoryBound(to: SupportCase.self)
                    let item = slot.move()
                    let clocks = policies.clocks(for: item, now: now)
                    let level = Escalation.level(for: item, clocks: clocks, ladder: ladder, now: now)
                    let urgency = SLA.urgency(of: item, clocks: clocks)
                    slot.initialize(to: consume item)
                    row.pointee.escalationLevel = level
                    row.pointee.urgent = SLA.mostUrgent(clocks)
                    row.pointee.urgency = urgency
                    row.pointee.clocks = clocks
                }
            }
        }
        sortByUrgency(&rows)
    }

    /// Sorts by working out the order first and then moving each row once, along the cycles
    /// of the permutation: sorting the rows themselves moves each whole case some fifteen
    /// times at 20,000 of them, and needs as much memory again to merge in.
    private static func sortByUrgency(_ rows: inout [CaseRow]) {
        let keys = rows.map(\.urgency)
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var placed = order.enumerated().map { $0.offset == $0.element }
        guard placed.contains(false) else { return }
        rows.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            for start in buffer.indices where !placed[start] {
                // Slot `start` is emptied; each slot then takes the row it is due, which
                // empties that row's slot, until the row due is the one taken out first.
                let first = (base + start).move()
                var slot = start
                while true {
                    placed[slot] = true
                    let from = order[slot]
                    if from == start {
                        (base + slot).initialize(to: first)
                        break
                    }
                    (base + slot).moveInitialize(from: base + from, count: 1)
                    slot = from
                }
            }
        }
    }

    private struct Rows: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<CaseRow>
    }
}

/// Each case's SLA policy and business time, looked up once per kind and priority rather than
/// once per case: `SLA.policy` chooses by nothing else. Kept boxed and in a plain table: a
/// policy and its business time hold a dozen references, and a lookup that copied them out
/// for each of 20,000 cases every second would spend more on counting those than on the clocks.
struct SLAPolicies: Sendable {
    private final class Entry: Sendable {
        let policy: SLAPolicy
        let time: BusinessTime

        init(_ policy: SLAPolicy, _ time: BusinessTime) {
            self.policy = policy
            self.time = time
        }
    }

    /// At `slot(kind, priority)`.
    private var entries: [Entry?]
    private static let priorities = CasePriority.allCases.count

    init(_ settings: Settings) {
        entries = Array(repeating: nil, count: CaseKind.allCases.count * Self.priorities)
        for kind in CaseKind.allCases {
            for priority in CasePriority.allCases {
                let probe = SupportCase(id: "", title: "", customer: "", kind: kind, priority: priority, opened: .distantPast)
                entries[Self.slot(kind, priority)] = SLA.policy(for: probe, in: settings).map {
                    Entry($0, SLA.businessTime(for: $0, in: settings))
                }
            }
        }
    }

    private static func slot(_ kind: CaseKind, _ priority: CasePriority) -> Int {
        let row = switch kind {
        case .standard: 0
        case .feedback: 1
        }
        return row * priorities + priority.rank
    }

    func clocks(for item: SupportCase, now: Date) -> [SLAClock] {
        guard let entry = entries[Self.slot(item.kind, item.priority)] else { return [] }
        return SLA.clocks(for: item, policy: entry.policy, time: entry.time, now: now)
    }
}
