import Foundation
import CRMStore

/// Why talking to PostgreSQL failed, in words that name the server (never the password) and
/// carry the server's own message.
public struct PGError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The server refused the password, or none was given where one is needed.
        case wrongPassword
        case missingDatabase
        case unknownRole
        /// The role may not connect to the database, or may not do what was asked.
        case noRights
        case timedOut
        /// Nothing answered at the address: no server there, or no route to it.
        case unreachable
        /// The connection was lost after it was made.
        case connectionLost
        /// A statement failed for another reason; `sqlState` says which.
        case statement
        /// The database's crmtop schema is missing, older or newer than this crmtop's.
        case schema
        case other
    }

    public var kind: Kind
    /// The server, as `PostgresURL.server` names it.
    public var server: String
    /// What crmtop says about it.
    public var message: String
    /// The server's (or libpq's) own words, trimmed.
    public var detail: String
    /// The five-character SQLSTATE, for statement errors.
    public var sqlState: String?

    public init(kind: Kind, server: String, message: String, detail: String, sqlState: String?) {
        self.kind = kind
        self.server = server
        self.message = message
        self.detail = detail
        self.sqlState = sqlState
    }

    public var description: String {
        detail.isEmpty ? "\(server): \(message)" : "\(server): \(message) (\(detail))"
    }

    /// Connection failures as libpq reports them: it gives no SQLSTATE before a connection
    /// exists, so the server's message text tells them apart. The server writes these
    /// messages in English unless its lc_messages says otherwise; then the failure is still
    /// reported, with the server's words, as `.other`.
    static func connecting(_ detail: String, url: PostgresURL) -> PGError {
        let user = url.user ?? url.parameter("user") ?? "the current user"
        let database = url.databaseName ?? "the default database"
        let text = detail.lowercased()
        let (kind, message): (Kind, String)
        if text.contains("password authentication failed") || text.contains("no password supplied") {
            (kind, message) = (.wrongPassword, "the server refused the password for role \(user); check the URL, "
                + "PGPASSWORD or ~/.pgpass")
        } else if text.contains("database") && text.contains("does not exist") {
            (kind, message) = (.missingDatabase, "there is no database \(database); create it (createdb) "
                + "and run `crmtop store init`")
        } else if text.contains("role") && text.contains("does not exist") {
            (kind, message) = (.unknownRole, "there is no role \(user) on the server")
        } else if text.contains("permission denied") || text.contains("connect privilege") {
            (kind, message) = (.noRights, "role \(user) may not connect to database \(database)")
        } else if text.contains("timeout expired") {
            (kind, message) = (.timedOut, "the server did not answer within the connect timeout")
        } else if text.contains("connection refused") || text.contains("no such file or directory")
                    || text.contains("could not translate host name") || text.contains("no route to host")
                    || text.contains("network is unreachable") {
            (kind, message) = (.unreachable, "no PostgreSQL server answers there")
        } else {
            (kind, message) = (.other, "cannot connect")
        }
        return PGError(kind: kind, server: url.server, message: message, detail: trimmed(detail), sqlState: nil)
    }

    static func statement(_ detail: String, sqlState: String?, server: String) -> PGError {
        let kind: Kind
        let message: String
        switch sqlState {
        case "42501"?: (kind, message) = (.noRights, "the role lacks the rights for this")
        case let state? where state.hasPrefix("08"): (kind, message) = (.connectionLost, "the connection was lost")
        default: (kind, message) = (.statement, "the statement failed")
        }
        return PGError(kind: kind, server: server, message: message, detail: trimmed(detail), sqlState: sqlState)
    }

    /// libpq's messages end in a newline and may run to several lines ("DETAIL: …").
    static func trimmed(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
