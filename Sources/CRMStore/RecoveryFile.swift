#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CRMCore
import Foundation

/// Changes a dashboard could not store before it had to end (a signal while the disk refused
/// them), kept outside the data directory, which is the thing that failed: in the user's state
/// directory, one file per data directory. JSON Lines: a header naming the data directory, then
/// the changes as the journal writes them, `seq` numbering the person's changes (the lines of
/// one change share it and are applied together).
public struct RecoveryFile: Sendable {
    public let url: URL
    /// The data directory the changes belong to, as an absolute path.
    public let dataDirectory: String

    static let fields: [StaticString] = ["version", "data", "written", "reason"]

    public init(for dataDirectory: URL, environment: [String: String]) {
        let path = dataDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        self.dataDirectory = path
        url = Self.stateDirectory(environment: environment).appendingPathComponent(Self.fileName(for: path))
    }

    /// `$XDG_STATE_HOME/crmtop`, else `~/.local/state/crmtop`.
    public static func stateDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("crmtop")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/crmtop")
    }

    /// The data directory's path with `%` and `/` escaped, so that each directory has its own
    /// file and the name still says which one it is: `%2Fhome%2Fmaria%2Fcrm.recovery.jsonl`.
    static func fileName(for path: String) -> String {
        let escaped = path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
        let suffix = ".recovery.jsonl"
        guard escaped.utf8.count + suffix.utf8.count > 240 else { return escaped + suffix }
        // Too long for a file name: the end of the path, which tells most, and a hash of all of it.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(escaped.suffix(160)) + "-" + String(hash, radix: 16) + suffix
    }

    public var exists: Bool { access(url.path, F_OK) == 0 }

    public func read(zone: TimeZone) throws(LoadError) -> Recovery {
        let name = url.path
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            throw LoadError(file: name, message: "cannot read the file: \(error.localizedDescription)")
        }
        let document: JSONDocument
        do throws(JSONSyntaxError) {
            document = try .parseLines(bytes)
        } catch {
            throw LoadError(file: name, syntax: error, in: bytes)
        }
        do throws(FieldError) {
            var lines = document.root.elements[...]
            guard let first = lines.popFirst() else { throw FieldError("the file is empty", at: 0) }
            var header = try FileFormats.versioned(first, known: Self.fields)
            var recovery = Recovery(dataDirectory: try header.string("data"), written: try header.time("written", zone),
                                    reason: try header.string("reason", or: nil), changes: [])
            header.finish()
            var previous: Int?
            for line in lines {
                var f = try Fields(line, known: MutationCodec.fields)
                let seq = try f.int("seq")
                let mutation = try MutationCodec.decode(&f, zone: zone)
                if seq == previous {
                    recovery.changes[recovery.changes.count - 1].append(mutation)
                } else {
                    recovery.changes.append([mutation])
                }
                previous = seq
            }
            return recovery
        } catch {
            let at = document.position(of: error.offset ?? 0)
            throw LoadError(file: name, path: error.path, line: at.line, column: at.column, message: error.message)
        }
    }

    /// Adds `changes` to those the file holds already (a file not applied yet is never
    /// overwritten), written atomically, readable by the user only.
    public func keep(_ changes: [[Mutation]], reason: String?, at: Date, zone: TimeZone) throws(SaveError) {
        var earlier: [[Mutation]] = []
        if exists {
            do throws(LoadError) {
                earlier = try read(zone: zone).changes
            } catch {
                throw SaveError(file: url.path, message: "holds changes that cannot be read (\(error)); not overwritten")
            }
        }
        try write(Recovery(dataDirectory: dataDirectory, written: at, reason: reason, changes: earlier + changes), zone: zone)
    }

    func write(_ recovery: Recovery, zone: TimeZone) throws(SaveError) {
        let directory = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw SaveError(file: url.path, message: "cannot create \(directory): \(error.localizedDescription)")
        }
        var out: [UInt8] = []
        do throws(FieldError) {
            var header = ObjectBuilder(zone: zone)
            header.put("version", .int(FileFormats.version))
            header.put("data", recovery.dataDirectory)
            try header.put("written", time: recovery.written)
            header.put("reason", recovery.reason)
            JSONWriter.write(header.output, into: &out, indent: 0, style: .compact)
            out.append(.lf)
            for (n, change) in recovery.changes.enumerated() {
                for mutation in change {
                    let members = try MutationCodec.members(mutation, zone: zone)
                    JSONWriter.write(.object([.init("seq", .int(n + 1))] + members), into: &out, indent: 0, style: .compact)
                    out.append(.lf)
                }
            }
        } catch {
            throw SaveError(file: url.path, path: error.path, message: error.message)
        }
        try AtomicFile.replace(name, in: directory, with: out, newFileMode: 0o600)
        try AtomicFile.syncDirectory(directory, after: name)
    }

    /// Removes the file and the backup of its previous version.
    public func remove() throws(SaveError) {
        for path in [url.path, url.path + ".bak"] where unlink(path) != 0 && errno != ENOENT {
            throw SaveError(file: path, message: "cannot remove it: \(String(cString: strerror(errno)))", code: errno)
        }
    }

    /// Applies the changes through `store`, one after another, each as one `Store.apply`.
    /// Those that no longer apply are reported and dropped; if the disk refuses again, the
    /// ones not yet stored stay in the file. The file goes once nothing is left in it.
    public func apply(to store: any Store, zone: TimeZone) -> (report: RecoveryReport, data: DataSet?) {
        var report = RecoveryReport()
        let recovery: Recovery
        do throws(LoadError) {
            recovery = try read(zone: zone)
        } catch {
            report.failure = error.description
            return (report, nil)
        }
        var data: DataSet?
        var remaining = recovery.changes[...]
        while let change = remaining.first {
            do throws(StoreError) {
                data = try store.apply(change)
                report.applied += 1
            } catch .refused(let why) {
                report.refused.append("\(Recovery.describe(change)): \(why)")
            } catch {
                report.failure = error.description
                break
            }
            remaining.removeFirst()
        }
        do throws(SaveError) {
            if remaining.isEmpty {
                try remove()
            } else if remaining.count < recovery.changes.count {
                var rest = recovery
                rest.changes = Array(remaining)
                try write(rest, zone: zone)
            }
        } catch {
            report.failure = [report.failure, error.description].compactMap { $0 }.joined(separator: "; ")
        }
        report.left = remaining.count
        return (report, data)
    }
}

/// What a recovery file holds.
public struct Recovery: Equatable, Sendable {
    public var dataDirectory: String
    /// When the changes were put in the file.
    public var written: Date
    /// Why they could not be stored.
    public var reason: String?
    /// The person's changes, in order; the mutations of one are applied together.
    public var changes: [[Mutation]]

    public init(dataDirectory: String, written: Date, reason: String?, changes: [[Mutation]]) {
        self.dataDirectory = dataDirectory
        self.written = written
        self.reason = reason
        self.changes = changes
    }

    /// "reminder.acknowledge-occurrence R1": each mutation's op and the id it names.
    public static func describe(_ change: [Mutation]) -> String {
        change.map { mutation in
            let members = (try? MutationCodec.members(mutation, zone: .gmt)) ?? []
            func string(_ key: String, in list: [JSONOutput.Member]) -> String? {
                guard case .string(let text)? = list.first(where: { $0.key == key })?.value else { return nil }
                return text
            }
            let nested = members.lazy.compactMap { member -> [JSONOutput.Member]? in
                guard case .object(let inner) = member.value else { return nil }
                return inner
            }.first ?? []
            let id = string("id", in: members) ?? string("id", in: nested) ?? string("person", in: members)
            return [string("op", in: members), id].compactMap { $0 }.joined(separator: " ")
        }.joined(separator: ", ")
    }
}

/// What applying a recovery file did.
public struct RecoveryReport: Equatable, Sendable {
    public var applied = 0
    /// Each change that no longer applies, described, with the reason.
    public var refused: [String] = []
    /// Why the rest could not be stored (they stay in the file).
    public var failure: String?
    /// Changes still in the file.
    public var left = 0

    public init() {}
}
