import CRMCore
import CRMStore
import Foundation
import Testing

/// The notifier's claims on each kind of store: passes that overlap, in separate store objects
/// as in separate processes, send each message once.
@Suite struct NotifierConformanceTests {
    @Test(arguments: StoreMaker.all)
    func passesThatOverlapSendEachMessageOnce(_ maker: StoreMaker) throws {
        let made = try maker.make()
        defer { made.remove() }
        let calls = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-calls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: calls) }
        let at = StoreConformanceTests.at
        var settings = Settings()
        settings.notify = NotifySettings(command: "printf '%s %s\\n' \"$CRMTOP_EVENT\" \"$CRMTOP_SUBJECT\" >> '\(calls.path)'")
        try made.open().apply([
            .settings(settings),
            .directory(.putPerson(Person(id: "maria", name: "Maria Keller", role: "sales-rep"))),
        ] + (0..<3).map { n in
            .reminder(.add(Reminder(id: "R\(n)", title: "call \(n)", owners: ["maria"], due: at.addingTimeInterval(-600))))
        })
        let stores = (0..<4).map { _ in made.open() }
        let reports = Reports()
        DispatchQueue.concurrentPerform(iterations: stores.count) { n in
            reports.add(Notifier(store: stores[n]).pass(at: at))
        }
        let lines = ((try? String(contentsOf: calls, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        #expect(lines.sorted() == ["reminder.due R0", "reminder.due R1", "reminder.due R2"])
        #expect(reports.all.flatMap(\.sent).count == 3)
        #expect(reports.all.allSatisfy { $0.problem == nil && $0.failed.isEmpty })
        // What was sent is recorded: another pass sends nothing.
        #expect(Notifier(store: made.open()).pass(at: at.addingTimeInterval(1)).sent.isEmpty)
        #expect(try made.open().deliveryRecord().entries.count == 3)
    }
}

private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [Notifier.Report] = []

    func add(_ report: Notifier.Report) { lock.withLock { reports.append(report) } }
    var all: [Notifier.Report] { lock.withLock { reports } }
}
