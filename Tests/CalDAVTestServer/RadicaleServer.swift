import CRMCalDAV
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real CalDAV server for the tests: Radicale on loopback, with a throwaway storage folder
/// and two users. It is started by the tests themselves, as nothing may be running before
/// them, and it goes when the test process does: a shell in front of it waits on a pipe that
/// only this process holds, so even a crashed test run leaves no server behind.
public final class RadicaleServer: @unchecked Sendable {
    public static let users = ["alice": "secret", "bob": "hunter2"]

    /// One server for the whole test process; each test makes its own calendars in it.
    public static let shared = Result { try RadicaleServer() }

    public let base: URL
    public let folder: URL
    private let process: Process
    private let lifeline = Pipe()

    public init() throws {
        guard let radicale = Self.executable() else {
            throw Failure("radicale is not installed (Debian package radicale, or pip install radicale): .ci/run installs it")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-radicale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("storage"), withIntermediateDirectories: true)
        let users = Self.users.map { "\($0.key):\($0.value)" }.sorted().joined(separator: "\n") + "\n"
        try users.write(to: folder.appendingPathComponent("users"), atomically: true, encoding: .utf8)
        let port = try Self.freePort()
        let config = """
            [server]
            hosts = 127.0.0.1:\(port)
            [auth]
            type = htpasswd
            htpasswd_filename = \(folder.path)/users
            htpasswd_encryption = plain
            [storage]
            filesystem_folder = \(folder.path)/storage
            [logging]
            level = warning
            """
        try config.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        base = URL(string: "http://127.0.0.1:\(port)/")!
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // SIGKILL: Radicale waits for open keep-alive connections on SIGTERM.
        process.arguments = ["-c", "'\(radicale)' --config '\(folder.path)/config' 2>'\(folder.path)/log' & child=$!; read _; kill -KILL $child"]
        // Only this process may hold the pipe's writing end: one inherited by another child
        // would keep the server alive after this process ends.
        _ = fcntl(lifeline.fileHandleForWriting.fileDescriptor, F_SETFD, FD_CLOEXEC)
        process.standardInput = lifeline
        try process.run()
        try waitUntilAnswering()
    }

    /// Stops the server now (for a test of a server going away mid-sync).
    public func stop() {
        try? lifeline.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// A new, empty calendar of `user`'s, holding `components`.
    public func makeCalendar(for user: String, components: [String] = ["VEVENT", "VTODO"]) throws -> URL {
        let exchange = exchange(for: user)
        let home = base.appendingPathComponent(user + "/", isDirectory: true)
        _ = try exchange.send("PROPFIND", home, headers: ["Depth": "0"])  // Radicale makes the home on first use
        let calendar = home.appendingPathComponent(UUID().uuidString + "/", isDirectory: true)
        let comps = components.map { "<c:comp name=\"\($0)\"/>" }.joined()
        let body = """
            <?xml version="1.0" encoding="utf-8"?><c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">\
            <d:set><d:prop><d:displayname>Test</d:displayname><c:supported-calendar-component-set>\(comps)\
            </c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>
            """
        let answer = try exchange.send("MKCALENDAR", calendar, body: Data(body.utf8))
        guard answer.status == 201 else { throw Failure("MKCALENDAR \(calendar): \(answer.status) \(answer.text)") }
        return calendar
    }

    public func exchange(for user: String, password: String? = nil) -> HTTPExchange {
        HTTPExchange(login: Login(username: user, password: password ?? Self.users[user]!), timeout: 10)
    }

    private func waitUntilAnswering() throws {
        let probe = HTTPExchange(login: nil, timeout: 2)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if (try? probe.send("GET", base)) != nil { return }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent("log"), encoding: .utf8)) ?? ""
        throw Failure("radicale did not start on \(base): \(log)")
    }

    private static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return dirs.map { $0 + "/radicale" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A port nothing listens on now: the system picks one for a socket bound to port 0.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure("bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

public struct Failure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
