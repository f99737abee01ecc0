import Foundation

/// What `--data` (or `$CRMTOP_DATA`) names: a data directory, or a PostgreSQL database by
/// URL. Told apart here, without any client library, so that whatever chooses the store can
/// say what is wrong with an address before anything connects.
public enum StoreAddress: Equatable, Sendable, CustomStringConvertible {
    case directory(URL)
    case postgres(PostgresURL)

    /// Anything starting `postgresql://` or `postgres://` is a database; any other
    /// `scheme://` is refused rather than taken for a directory of that name.
    public init(_ text: String) throws(StoreAddressError) {
        if let url = try PostgresURL(parsing: text) {
            self = .postgres(url)
        } else if let scheme = text.range(of: "://"), text[..<scheme.lowerBound].allSatisfy(\.isLetter),
                  !text[..<scheme.lowerBound].isEmpty {
            throw StoreAddressError(address: text, message: "crmtop stores data in a directory or in PostgreSQL "
                + "(postgresql://…); \"\(text[..<scheme.lowerBound])://\" is neither")
        } else {
            guard !text.isEmpty else { throw StoreAddressError(address: text, message: "the data address is empty") }
            self = .directory(URL(fileURLWithPath: text))
        }
    }

    /// Safe to print: a URL's password is masked.
    public var description: String {
        switch self {
        case .directory(let url): url.path
        case .postgres(let url): url.masked
        }
    }
}

public struct StoreAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Already masked.
    public var address: String
    public var message: String

    public init(address: String, message: String) {
        self.address = address
        self.message = message
    }

    public var description: String { "\(address): \(message)" }
}

/// A `postgresql://` URL as libpq reads it: `postgresql://user:password@host:port/db?k=v`,
/// several `host:port` separated by commas, and the host in a query parameter for a unix
/// socket (`postgresql:///crmtop?host=/run/postgresql`). The text itself goes to libpq; the
/// parts are read here to check it early, name the host in messages and mask the password.
public struct PostgresURL: Equatable, Sendable {
    public struct Parameter: Equatable, Sendable {
        public var name: String
        public var value: String
    }

    /// The URL as given, password included: for the client library only, never for output.
    public let text: String
    public let user: String?
    public let password: String?
    /// Host names (or socket directories) with their ports, as the authority lists them.
    public let hosts: [(host: String, port: Int?)]
    public let database: String?
    public let parameters: [Parameter]
    /// The URL with every password replaced by `***`.
    public let masked: String

    static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    /// Nil when `text` is not a PostgreSQL URL at all.
    init?(parsing text: String) throws(StoreAddressError) {
        guard let scheme = ["postgresql://", "postgres://"].first(where: text.hasPrefix) else { return nil }
        self.text = text
        var rest = Substring(text.dropFirst(scheme.count))
        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        var authority = rest
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") { authority = rest[..<slash]; path = rest[rest.index(after: slash)...] }
        var userInfo: Substring?
        var hostSpec = authority
        if let at = authority.lastIndex(of: "@") {
            userInfo = authority[..<at]
            hostSpec = authority[authority.index(after: at)...]
        }
        func fail(_ message: String) -> StoreAddressError {
            StoreAddressError(address: Self.mask(text), message: message)
        }
        var user: String?
        var password: String?
        if let userInfo {
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            user = try Self.decode(parts[0], fail("the user name has a bad %-escape"))
            if parts.count > 1 { password = try Self.decode(parts[1], fail("the password has a bad %-escape")) }
        }
        var hosts: [(host: String, port: Int?)] = []
        for entry in hostSpec.split(separator: ",", omittingEmptySubsequences: false) where !hostSpec.isEmpty {
            let (host, port) = try Self.hostAndPort(entry, fail)
            hosts.append((try Self.decode(host, fail("the host has a bad %-escape")), port))
        }
        var parameters: [Parameter] = []
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, !kv[0].isEmpty else { throw fail("\"\(kv[0])\" in the query needs a value (name=value)") }
            let name = try Self.decode(kv[0], fail("a query parameter's name has a bad %-escape"))
            let value = try Self.decode(kv[1], fail("the value of \(name) has a bad %-escape"))
            parameters.append(Parameter(name: name, value: value))
        }
        self.user = user
        self.password = password
        self.hosts = hosts
        database = path.isEmpty ? nil : try Self.decode(path, fail("the database name has a bad %-escape"))
        self.parameters = parameters
        masked = Self.mask(text)
        try check(fail)
    }

    /// What libpq would refuse anyway, said in crmtop's words before anything connects.
    private func check(_ fail: (String) -> StoreAddressError) throws(StoreAddressError) {
        if let mode = parameter("sslmode"), !Self.sslModes.contains(mode) {
            throw fail("sslmode must be one of \(Self.sslModes.joined(separator: ", ")), not \"\(mode)\"")
        }
        if let timeout = parameter("connect_timeout"), Int(timeout).map({ $0 >= 0 }) != true {
            throw fail("connect_timeout must be a whole number of seconds, not \"\(timeout)\"")
        }
        if let port = parameter("port"), Int(port).map({ (1...65535).contains($0) }) != true {
            throw fail("port must be a number from 1 to 65535, not \"\(port)\"")
        }
    }

    /// The last value given for a query parameter, which is the one libpq uses.
    public func parameter(_ name: String) -> String? {
        parameters.last { $0.name == name }?.value
    }

    /// The server as messages name it: `db.example.com:5432`, or the socket directory, or
    /// libpq's default socket when the URL names none.
    public var server: String {
        if let host = parameter("host") {
            let port = parameter("port").map { ":" + $0 } ?? ""
            return host.split(separator: ",").map { $0 + port }.joined(separator: ",")
        }
        let named = hosts.filter { !$0.host.isEmpty }
        guard !named.isEmpty else { return "the local socket" }
        return named.map { $0.host + ($0.port.map { ":\($0)" } ?? "") }.joined(separator: ",")
    }

    public var databaseName: String? { parameter("dbname") ?? database }

    public static func == (a: PostgresURL, b: PostgresURL) -> Bool { a.text == b.text }

    private static func hostAndPort(_ entry: Substring, _ fail: (String) -> StoreAddressError)
        throws(StoreAddressError) -> (Substring, Int?) {
        var host = entry
        var portText: Substring?
        if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
            host = entry[entry.index(after: entry.startIndex)..<close]
            let after = entry[entry.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
        } else if let colon = entry.lastIndex(of: ":") {
            host = entry[..<colon]
            portText = entry[entry.index(after: colon)...]
        }
        guard let portText, !portText.isEmpty else { return (host, nil) }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw fail("the port must be a number from 1 to 65535, not \"\(portText)\"")
        }
        return (host, port)
    }

    private static func decode(_ text: Substring, _ error: StoreAddressError) throws(StoreAddressError) -> String {
        guard text.contains("%") else { return String(text) }
        guard let decoded = String(text).removingPercentEncoding else { throw error }
        return decoded
    }

    /// Masks the password in the authority and any `password=` parameter, keeping the rest
    /// of the text as written. Works on text that does not parse, for the error about it.
    static func mask(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        var head = String(text[..<schemeEnd.upperBound])
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: Substring?
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            head += authority[...colon] + "***" + authority[at...]
        } else {
            head += authority
        }
        head += rest[authorityEnd...]
        guard let query else { return head }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return (name.removingPercentEncoding ?? name) == "password" ? name + "=***" : String(pair)
        }
        return head + "?" + pairs.joined(separator: "&")
    }
}
