import CRMCore
import Dispatch
import Foundation

/// The open cases at a moment, each with its SLA clocks, most urgent first. Redone every
/// second for every open case, 20,000 of them at the scale crmtop is built for, so a second
/// passing updates the rows in place and re-sorts them (nearly sorted already) rather than
/// building 20,000 new ones, which would copy every case.
enum CaseRows {
    static func make(_ cases: [SupportCase], settings: Settings, now: Date) -> [CaseRow] {
        var rows = cases.compactMap { item -> CaseRow? in
            guard item.status.isOpen else { return nil }
            return CaseRow(item: item, clocks: [], urgent: nil, escalationLevel: 0,
                           urgency: SLAUrgency(remaining: nil, priorityRank: 0, opened: item.opened, id: item.id))
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
                for n in (shared.buffer.count * chunk / chunks)..<(shared.buffer.count * (chunk + 1) / chunks) {
                    let row = shared.buffer.baseAddress! + n
                    let clocks = policies.clocks(for: row.pointee.item, now: now)
                    row.pointee.escalationLevel = Escalation.level(for: row.pointee.item, clocks: clocks,
                                                                   ladder: ladder, now: now)
                    row.pointee.urgent = SLA.mostUrgent(clocks)
                    row.pointee.urgency = SLA.urgency(of: row.pointee.item, clocks: clocks)
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
/// once per case: `SLA.policy` chooses by nothing else.
struct SLAPolicies: Sendable {
    private struct Key: Hashable {
        var kind: CaseKind
        var priority: CasePriority
    }

    private var found: [Key: (policy: SLAPolicy, time: BusinessTime)] = [:]

    init(_ settings: Settings) {
        for kind in CaseKind.allCases {
            for priority in CasePriority.allCases {
                let probe = SupportCase(id: "", title: "", customer: "", kind: kind, priority: priority, opened: .distantPast)
                found[Key(kind: kind, priority: priority)] = SLA.policy(for: probe, in: settings).map {
                    ($0, SLA.businessTime(for: $0, in: settings))
                }
            }
        }
    }

    func clocks(for item: SupportCase, now: Date) -> [SLAClock] {
        guard let entry = found[Key(kind: item.kind, priority: item.priority)] else { return [] }
        return SLA.clocks(for: item, policy: entry.policy, time: entry.time, now: now)
    }
}
