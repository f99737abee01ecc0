import CRMCore
import Foundation

/// Other programs name people by handle, full name ("Maria Oliveira", "Oliveira, Maria")
/// or e-mail address (maria@…, maria.oliveira@…).
enum PersonMatch {
    static func handle(_ text: String, in people: [Person]) -> String? {
        var name = text.trimmingSpaces
        if name.lowercased().hasPrefix("mailto:") { name = String(name.dropFirst(7)) }
        // An address people.json holds is that person, whatever its local part says.
        if name.contains("@"), let owner = people.first(where: { $0.email.map { same($0, name) } ?? false }) {
            return owner.id
        }
        let local = name.split(separator: "@").first.map(String.init) ?? name
        var names = [name, local.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: "_", with: " ")]
        let parts = name.split(separator: ",", maxSplits: 1).map(\.trimmingSpaces)
        if parts.count == 2 { names.append(parts[1] + " " + parts[0]) }
        return people.first { same($0.id, local) }?.id
            ?? people.first { p in names.contains { same(p.name, $0) } }?.id
    }

    /// The handle for someone `text` names who is not a person yet: an address's local part,
    /// else the name in lower case with dashes (`Nobody Known` is `nobody-known`), as
    /// people imports make handles and team ids.
    static func newHandle(for text: String) -> String {
        var name = text.trimmingCharacters(in: .whitespaces)
        if name.lowercased().hasPrefix("mailto:") { name = String(name.dropFirst(7)) }
        if name.contains("@") { name = name.split(separator: "@").first.map(String.init) ?? "" }
        return PeopleCSV.slug(name)
    }

    /// Names and ids are compared as people type them: in any case.
    static func same(_ a: String, _ b: String) -> Bool { a.caseInsensitiveCompare(b) == .orderedSame }
}
