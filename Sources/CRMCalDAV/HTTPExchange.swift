import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a server answered: the status, the headers by lower-cased name, and the body.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
    public var text: String { String(decoding: body, as: UTF8.self) }
    public var succeeded: Bool { (200..<300).contains(status) }
}

/// A login for a CalDAV server. The password is held only in memory, for the exchanges of one
/// run: it is never written anywhere and never part of a message.
public struct Login: Sendable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    var authorization: String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }
}

/// HTTP exchanges with one server, each made to wait for its answer: the CLI, the notifier and
/// the dashboard's sync thread all call it from plain threads, and a sync is a sequence of
/// requests that each depend on the one before. Redirects are handed back rather than
/// followed, because URLSession turns a redirected PROPFIND into a GET; certificates are
/// verified as URLSession always does.
public final class HTTPExchange: @unchecked Sendable {
    public let login: Login?
    public let timeout: TimeInterval
    private let session: URLSession
    private let delegate = ExchangeDelegate()

    public init(login: Login?, timeout: TimeInterval = 30) {
        self.login = login
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    /// Sends one request and waits for the whole answer, or for the time-out.
    public func send(_ method: String, _ url: URL, headers: [String: String] = [:],
                     body: Data? = nil) throws(CalDAVError) -> HTTPAnswer {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let login { request.setValue(login.authorization, forHTTPHeaderField: "Authorization") }
        request.httpBody = body
        let outcome = Outcome()
        let task = session.dataTask(with: request) { data, response, error in
            outcome.finish(data, response as? HTTPURLResponse, error)
        }
        task.resume()
        // URLSession keeps its own time-out; the extra margin only catches a session that
        // never calls back at all.
        guard outcome.done.wait(timeout: .now() + timeout + 5) == .success else {
            task.cancel()
            throw .timedOut(method: method, url: url, seconds: timeout)
        }
        if let refused = delegate.refusedLogin(of: task) { return refused }
        return try outcome.answer(method: method, url: url, timeout: timeout)
    }
}

/// The answer of one exchange, handed from URLSession's queue to the waiting thread.
private final class Outcome: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private var data: Data?
    private var response: HTTPURLResponse?
    private var error: (any Error)?

    func finish(_ data: Data?, _ response: HTTPURLResponse?, _ error: (any Error)?) {
        self.data = data
        self.response = response
        self.error = error
        done.signal()
    }

    func answer(method: String, url: URL, timeout: TimeInterval) throws(CalDAVError) -> HTTPAnswer {
        if let error {
            let code = (error as NSError).code
            if code == NSURLErrorTimedOut { throw .timedOut(method: method, url: url, seconds: timeout) }
            throw .unreachable(url: url, reason: error.localizedDescription)
        }
        guard let response else { throw .unreachable(url: url, reason: "no answer") }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return HTTPAnswer(status: response.statusCode, headers: headers, body: data ?? Data())
    }
}

/// Redirects are handed back, and a refused login is answered by giving up: on Linux a
/// challenge left to URLSession's default handling never completes the task, and the login
/// is in every request's header anyway, so there is nothing to retry with. The refusal the
/// server sent is kept for the waiting thread.
private final class ExchangeDelegate: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var refusals: [Int: HTTPAnswer] = [:]

    func refusedLogin(of task: URLSessionTask) -> HTTPAnswer? {
        lock.withLock { refusals.removeValue(forKey: task.taskIdentifier) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        let status = (challenge.failureResponse as? HTTPURLResponse)?.statusCode ?? 401
        lock.withLock { refusals[task.taskIdentifier] = HTTPAnswer(status: status) }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }
}
