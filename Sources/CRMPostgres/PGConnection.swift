#if canImport(Glibc)
import Glibc
#endif
import CLibPQ
import CRMStore
import Foundation

/// One connection to PostgreSQL through libpq, used synchronously. libpq itself reads what
/// a user expects of a PostgreSQL client: the URL, `PGPASSWORD`, `~/.pgpass`, `sslmode`,
/// `connect_timeout`. Statements are sent with their parameters apart from the text, so
/// nothing from the data is ever spliced into SQL.
///
/// Calls are serialised by a lock: libpq allows one statement at a time per connection.
public final class PGConnection: @unchecked Sendable {
    /// When the URL gives no `connect_timeout`: libpq would otherwise wait as long as the
    /// operating system does, and a command must exit within a known time.
    public static let defaultConnectTimeout = 10

    public let url: PostgresURL
    private let handle: OpaquePointer
    private let lock = NSLock()

    public init(_ url: PostgresURL) throws(PGError) {
        self.url = url
        // Keywords before `dbname` are defaults that the URL, expanded in its place, overrides.
        let keywords = ["connect_timeout", "fallback_application_name", "client_encoding", "dbname"]
        let values = ["\(Self.defaultConnectTimeout)", "crmtop", "UTF8", url.text]
        let connection: OpaquePointer? = Self.withCStrings(keywords) { k in
            Self.withCStrings(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let connection else {
            throw PGError(kind: .other, server: url.server, message: "cannot connect", detail: "out of memory", sqlState: nil)
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let detail = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw PGError.connecting(detail, url: url)
        }
        handle = connection
    }

    deinit { PQfinish(handle) }

    /// Runs one statement; `$1`, `$2`… in `sql` take `parameters` in order (nil is NULL).
    @discardableResult
    public func exec(_ sql: String, _ parameters: [String?] = []) throws(PGError) -> PGRows {
        lock.lock()
        defer { lock.unlock() }
        return try execLocked(sql, parameters)
    }

    /// Runs several statements without parameters (a migration): PQexecParams takes one.
    public func execScript(_ sql: String) throws(PGError) {
        lock.lock()
        defer { lock.unlock() }
        try check(PQexec(handle, sql))
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    @discardableResult
    public func transaction<T>(_ body: () throws(PGError) -> T) throws(PGError) -> T {
        try exec("BEGIN")
        do {
            let result = try body()
            try exec("COMMIT")
            return result
        } catch {
            _ = try? exec("ROLLBACK")
            throw error
        }
    }

    /// Starts listening on `channel` (a name, quoted here).
    public func listen(_ channel: String) throws(PGError) {
        try exec("LISTEN " + Self.quoteIdentifier(channel))
    }

    /// The next notification on a channel this connection listens on: one already received,
    /// or the first to arrive within `timeout` seconds; nil when none came. Waits in poll on
    /// libpq's socket, so a caller can bound how long it is away.
    public func nextNotification(timeout: Double) throws(PGError) -> PGNotification? {
        lock.lock()
        defer { lock.unlock() }
        if let waiting = try takeNotification() { return waiting }
        let socket = PQsocket(handle)
        guard socket >= 0 else { throw lost("the connection has no socket") }
        // The monotonic clock: a wall clock set back must not stretch the wait.
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(max(timeout, 0) * 1000)))
        while true {
            let remaining = clock.now.duration(to: deadline).components
            let left = Double(remaining.seconds) + Double(remaining.attoseconds) / 1e18
            if left <= 0 { return nil }
            var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(min(left * 1000, 60_000).rounded(.up)))
            if ready < 0 && errno != EINTR { throw lost("poll: \(String(cString: strerror(errno)))") }
            if ready > 0, let note = try takeNotification() { return note }
        }
    }

    /// Reads what the socket has and hands over the first queued notification.
    private func takeNotification() throws(PGError) -> PGNotification? {
        guard PQconsumeInput(handle) == 1 else { throw lost(String(cString: PQerrorMessage(handle))) }
        guard let note = PQnotifies(handle) else { return nil }
        defer { PQfreemem(note) }
        return PGNotification(channel: String(cString: note.pointee.relname),
                              payload: String(cString: note.pointee.extra), senderPID: Int(note.pointee.be_pid))
    }

    /// Whether the connection is still usable, as libpq last saw it.
    public var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    private func lost(_ detail: String) -> PGError {
        PGError(kind: .connectionLost, server: url.server, message: "the connection was lost",
                detail: PGError.trimmed(detail), sqlState: nil)
    }

    private func execLocked(_ sql: String, _ parameters: [String?]) throws(PGError) -> PGRows {
        let result = Self.withOptionalCStrings(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        return try check(result)
    }

    /// The rows of a result, or the error it carries; frees it either way.
    @discardableResult
    private func check(_ result: OpaquePointer?) throws(PGError) -> PGRows {
        guard let result else { throw lost(String(cString: PQerrorMessage(handle))) }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return PGRows(result)
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let detail = String(cString: PQresultErrorMessage(result))
            if PQstatus(handle) != CONNECTION_OK { throw lost(detail) }
            throw PGError.statement(detail, sqlState: state, server: url.server)
        }
    }

    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        withOptionalCStrings(strings) { body($0) }
    }

    private static func withOptionalCStrings<R>(_ strings: [String?],
                                                _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        var pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeMutableBufferPointer { body(UnsafePointer($0.baseAddress!)) }
    }
}

/// A notification: its channel, its payload, and the server process that sent it.
public struct PGNotification: Equatable, Sendable {
    public var channel: String
    public var payload: String
    public var senderPID: Int
}

/// A statement's rows, copied out of libpq's result as text (nil for NULL).
public struct PGRows: Sendable {
    public let columns: [String]
    public let rows: [[String?]]
    /// For INSERT, UPDATE and DELETE: how many rows they touched.
    public let affected: Int

    init(_ result: OpaquePointer) {
        let width = Int(PQnfields(result))
        columns = (0..<width).map { String(cString: PQfname(result, Int32($0))) }
        rows = (0..<Int(PQntuples(result))).map { r in
            (0..<width).map { c in
                PQgetisnull(result, Int32(r), Int32(c)) == 1 ? nil : String(cString: PQgetvalue(result, Int32(r), Int32(c)))
            }
        }
        affected = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    public var count: Int { rows.count }

    /// The first row's first value, for statements that return one.
    public var scalar: String? { rows.first?.first ?? nil }
}
