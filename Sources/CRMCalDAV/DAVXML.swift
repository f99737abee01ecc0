import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a WebDAV answer, by namespace and local name: servers pick their own
/// prefixes (`d:`, `D:`, none), so names are only ever compared with their namespace.
public struct DAVElement: Sendable, Equatable {
    public var namespace: String
    public var name: String
    public var attributes: [String: String]
    public var text: String
    public var children: [DAVElement]

    public func child(_ namespace: String, _ name: String) -> DAVElement? {
        children.first { $0.namespace == namespace && $0.name == name }
    }

    public func children(_ namespace: String, _ name: String) -> [DAVElement] {
        children.filter { $0.namespace == namespace && $0.name == name }
    }

    /// The text of the first `href` inside, as servers put one in principal and home-set
    /// properties.
    public var href: String? {
        child(DAV.dav, "href")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

public enum DAV {
    public static let dav = "DAV:"
    public static let caldav = "urn:ietf:params:xml:ns:caldav"
    public static let calendarServer = "http://calendarserver.org/ns/"

    /// Parses a whole answer; nil when it is not well-formed XML.
    public static func parse(_ data: Data) -> DAVElement? {
        let parser = XMLParser(data: data)
        let builder = TreeBuilder()
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        // A server's answer never needs an external entity; reading one would let a hostile
        // server make crmtop fetch or read what it names.
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }

    /// Escapes text for an element's content or an attribute value.
    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [DAVElement] = []
    var root: DAVElement?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        stack.append(DAVElement(namespace: namespaceURI ?? "", name: elementName, attributes: attributeDict,
                                text: "", children: []))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard let done = stack.popLast() else { return }
        if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
    }
}

/// One `response` of a multistatus answer: the resource, its properties found (status 200),
/// and the status of the response itself where the server gave one (404 for a member removed
/// since a sync token).
public struct DAVResponse: Sendable, Equatable {
    public var href: String
    public var status: Int?
    public var properties: [DAVElement]

    public func property(_ namespace: String, _ name: String) -> DAVElement? {
        properties.first { $0.namespace == namespace && $0.name == name }
    }
}

/// A multistatus answer: its responses, and a new sync token when it was a sync REPORT.
public struct MultiStatus: Sendable, Equatable {
    public var responses: [DAVResponse]
    public var syncToken: String?

    public init(_ root: DAVElement) {
        syncToken = root.child(DAV.dav, "sync-token")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        responses = root.children(DAV.dav, "response").compactMap { response in
            guard let href = response.href else { return nil }
            var found: [DAVElement] = []
            for propstat in response.children(DAV.dav, "propstat")
            where Self.code(propstat.child(DAV.dav, "status")?.text) == 200 {
                found += propstat.child(DAV.dav, "prop")?.children ?? []
            }
            return DAVResponse(href: href,
                               status: Self.code(response.child(DAV.dav, "status")?.text), properties: found)
        }
    }

    /// The code of a status line such as "HTTP/1.1 404 Not Found".
    static func code(_ line: String?) -> Int? {
        guard let line else { return nil }
        let parts = line.split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}
