import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why an exchange with a CalDAV server failed, in words a user can act on. Every message
/// names the address and, where the server said something, what it said; none contains a
/// password (a login travels only in a header).
public enum CalDAVError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreachable(url: URL, reason: String)
    case timedOut(method: String, url: URL, seconds: TimeInterval)
    /// The server answered with a status the request cannot go on from.
    case refused(method: String, url: URL, status: Int, said: String)
    /// The item changed on the server since it was read (412): nothing was written.
    case changedOnServer(url: URL)
    /// The answer was not what the protocol promises (not XML, no calendar data…).
    case malformed(url: URL, reason: String)
    /// Discovery found no calendar where the address points.
    case noCalendar(url: URL, reason: String)

    public var description: String {
        switch self {
        case .unreachable(let url, let reason):
            "cannot reach \(Self.shown(url)): \(reason)"
        case .timedOut(let method, let url, let seconds):
            "\(method) \(Self.shown(url)): no answer within \(Int(seconds)) seconds"
        case .refused(let method, let url, let status, let said):
            "\(method) \(Self.shown(url)): \(status) \(Self.meaning(status))" + (said.isEmpty ? "" : " (the server said: \(said))")
        case .changedOnServer(let url):
            "\(Self.shown(url)) changed on the server since it was read; nothing was overwritten"
        case .malformed(let url, let reason):
            "\(Self.shown(url)): \(reason)"
        case .noCalendar(let url, let reason):
            "no calendar at \(Self.shown(url)): \(reason)"
        }
    }

    /// The address without any user or password written into it.
    static func shown(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url.absoluteString }
        parts.user = nil
        parts.password = nil
        return parts.string ?? url.absoluteString
    }

    static func meaning(_ status: Int) -> String {
        switch status {
        case 401: "the login was refused: check the username and the password"
        case 403: "this login may not do that"
        case 404: "not found"
        case 405: "not allowed here"
        case 409: "conflict"
        case 412: "changed on the server meanwhile"
        case 415: "the server does not take this kind of item"
        case 423: "locked"
        case 507: "the server has no room left"
        case 500..<600: "the server failed"
        default: HTTPURLResponse.localizedString(forStatusCode: status)
        }
    }
}
