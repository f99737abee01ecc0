import CRMStore
import TerminalUI

private extension Key {
    var isPrintable: Bool {
        if case .char = self { true } else { false }
    }
}

/// Reads `"keys"`: action names mapped to a key or a list of keys, for every place the
/// action works, or under a scope name (`"cases": {"resolve": "X"}`) for that place only.
struct KeyBindingsReader {
    let fail: (JSONValue, String, String) -> LoadError

    /// Where each rebound binding was written, by index into the table.
    private var written: [Int: (value: JSONValue, field: String)] = [:]

    init(fail: @escaping (JSONValue, String, String) -> LoadError) { self.fail = fail }

    mutating func read(_ keys: JSONValue) throws(LoadError) -> [KeyBinding] {
        guard keys.kind == .object else {
            throw fail(keys, "keys", "expected an object like {\"quit\": \"Q\"}")
        }
        var bindings = KeyMap.bindings
        // Everywhere-bindings first, so one given for a single place wins wherever it is written.
        for (key, value) in keys.members where value.kind != .object {
            try rebind(key, value, scope: nil, field: "keys", in: &bindings)
        }
        for (key, value) in keys.members where value.kind == .object {
            let name = key.string ?? ""
            guard let scope = KeyScope(rawValue: name) else {
                if Command(configName: name) != nil {
                    throw fail(value, "keys.\(name)", "expected a key name or a list of them")
                }
                throw fail(key, "keys.\(name)", "unknown place; keys can be bound under "
                           + KeyScope.allCases.map(\.rawValue).joined(separator: ", "))
            }
            for (action, keyList) in value.members {
                try rebind(action, keyList, scope: scope, field: "keys.\(name)", in: &bindings)
            }
        }
        try checkClashes(bindings)
        return bindings
    }

    private mutating func rebind(_ name: JSONValue, _ value: JSONValue, scope: KeyScope?, field: String,
                                 in bindings: inout [KeyBinding]) throws(LoadError) {
        let actionName = name.string ?? ""
        let field = "\(field).\(actionName)"
        guard let command = Command(configName: actionName) else {
            throw fail(name, field, "unknown action; actions are "
                       + Command.allCases.map(\.configName).joined(separator: ", "))
        }
        let places = bindings.indices.filter { bindings[$0].command == command }
        let targets = places.filter { scope == nil || bindings[$0].scope == scope }
        guard !targets.isEmpty else {
            let works = places.map { bindings[$0].scope.rawValue }.joined(separator: ", ")
            throw fail(name, field, "\(actionName) has no key in \(scope?.rawValue ?? "any place"); it works in: \(works)")
        }
        let keys = try readKeys(value, field: field)
        for i in targets {
            if bindings[i].scope.typesText, let typed = keys.first(where: \.isPrintable) {
                let elsewhere = scope == nil ? ", or bind it under the place it is meant for" : ""
                throw fail(value, field, "\"\(typed.label)\" would be typed into the text \(bindings[i].scope.place); "
                           + "bind Enter, Tab, a function key or Ctrl- and a letter there" + elsewhere)
            }
            bindings[i].keys = keys
            written[i] = (value, field)
        }
    }

    private func readKeys(_ value: JSONValue, field: String) throws(LoadError) -> [Key] {
        let items = value.kind == .array ? value.elements : [value]
        guard !items.isEmpty else { throw fail(value, field, "give at least one key") }
        var keys: [Key] = []
        for item in items {
            guard let name = item.string else {
                throw fail(item, field, "expected a key name like \"q\", \"Enter\" or \"Ctrl-S\", or a list of them")
            }
            do {
                let key = try Key(name: name)
                if !keys.contains(key) { keys.append(key) }
            } catch {
                throw fail(item, field, error.description)
            }
        }
        return keys
    }

    /// A key two live bindings claim is reported where the person wrote it; when they
    /// wrote both, at the later one.
    private func checkClashes(_ bindings: [KeyBinding]) throws(LoadError) {
        guard let clash = KeyMap.clashes(in: bindings).first else { return }
        let a = bindings[clash.first], b = bindings[clash.second]
        let candidates = [written[clash.first], written[clash.second]].compactMap { $0 }
        guard let blame = candidates.max(by: { $0.value.offset < $1.value.offset }) else { return }
        let places = a.scope == b.scope ? a.scope.place : "\(a.scope.place) and \(b.scope.place)"
        throw fail(blame.value, blame.field, "\"\(clash.key.label)\" is bound to both \(a.command.configName) "
                   + "and \(b.command.configName) (\(places)); give one of them another key")
    }
}
