import CRMCore
import CRMStore
import Foundation

// A writer for the tests that run several processes against one data directory, and kill
// them: acknowledges reminders for one person and logs an activity after each, one change
// at a time, printing what is stored as soon as it is, and compacting like any writer.
//
//   StoreWriter STORE PERSON COMPACTION_BYTES ID...
//
// STORE is where the store is, as the conformance suite's makers give it (a directory's path).
//
// Prints "ack ID" once the acknowledgement is durable and "activity ID" once the activity is.

let arguments = CommandLine.arguments
guard arguments.count >= 4, let threshold = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: StoreWriter STORE PERSON COMPACTION_BYTES ID...\n".utf8))
    exit(2)
}
/// The store at `location`, of whichever kind it names.
func openStore(_ location: String, compactionThreshold: Int) -> any Store {
    DataStore(directory: URL(fileURLWithPath: location), compactionThreshold: compactionThreshold)
}

let store = openStore(arguments[1], compactionThreshold: threshold)
let person = arguments[2]

let at = Date(timeIntervalSince1970: 1_795_428_000)

func report(_ line: String) {
    // Unbuffered, so a line printed is a line the parent sees even if this process is killed.
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

do {
    for id in arguments[4...] {
        try store.apply([.reminder(.acknowledge(id: id, person: person, at: at))])
        report("ack \(id)")
        try store.apply([.logActivity(Activity(person: person, kpi: "calls", at: at, note: id))])
        report("activity \(id)")
        try store.compactIfNeeded()
    }
} catch {
    FileHandle.standardError.write(Data("StoreWriter: \(error)\n".utf8))
    exit(1)
}
