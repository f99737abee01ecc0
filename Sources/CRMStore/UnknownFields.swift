import CRMCore

/// Fields crmtop does not know, kept from the files they were read from and written back when
/// those files are rewritten: another tool's `"crm_sync_id"`, or a field a newer crmtop adds.
///
/// They are kept per record, found again by its `id` (or `name`, for calendars), so they stay
/// with their record when others are added, removed or reordered. Records without either
/// (activities, SLA policies) are found by position. The fields go back at the end of the
/// object they were in, in the order they were read.
struct UnknownFields: Sendable {
    /// A record, or the file's top level when `list` is empty.
    struct Anchor: Hashable, Sendable {
        var list: String
        var key: String
    }

    /// Members of the object at `path` inside the anchor.
    struct Patch: Sendable {
        var path: [FieldError.Step]
        var members: [JSONOutput.Member]
    }

    var patches: [Anchor: [Patch]] = [:]

    var isEmpty: Bool { patches.isEmpty }

    /// What `document`'s decoding left unread.
    init(_ document: JSONDocument) {
        for (object, keys, _) in document.unknownMembers {
            var path = document.path(to: object)
            let anchor: Anchor
            if case .key(let list)? = path.first, path.count >= 2, case .index(let n) = path[1] {
                let record = document.value(at: Array(path.prefix(2)))
                anchor = Anchor(list: list, key: record.flatMap(Self.identity) ?? "#\(n)")
                path.removeFirst(2)
            } else {
                anchor = Anchor(list: "", key: "")
            }
            patches[anchor, default: []].append(Patch(path: path, members: Self.members(keys, of: document)))
        }
    }

    init() {}

    /// Adds what one record of `list`, parsed as a document of its own, left unread.
    mutating func add(record document: JSONDocument, at index: Int, of list: String) {
        let anchor = Anchor(list: list, key: Self.identity(document.root) ?? "#\(index)")
        patches[anchor, default: []] += Self.patches(ofRecord: document)
    }

    mutating func merge(_ other: UnknownFields) {
        patches.merge(other.patches) { $0 + $1 }
    }

    /// What a document holding one record (a line of JSON Lines) left unread.
    static func patches(ofRecord document: JSONDocument) -> [Patch] {
        document.unknownMembers.map { object, keys, _ in
            Patch(path: document.path(to: object), members: members(keys, of: document))
        }
    }

    private static func members(_ keys: [Int], of document: JSONDocument) -> [JSONOutput.Member] {
        keys.map { key in
            JSONOutput.Member(JSONValue(document: document, index: key).string ?? "",
                              JSONValue(document: document, index: key + 1).output)
        }
    }

    /// How a record is found again: by `id`, else `name`, else nil (by position).
    static func identity(_ record: JSONValue) -> String? {
        guard let id = record["id"]?.string ?? record["name"]?.string else { return nil }
        return "=" + id
    }

    static func identity(_ record: JSONOutput, at index: Int) -> String {
        guard case .object(let members) = record,
              case .string(let id)? = (members.first { $0.key == "id" } ?? members.first { $0.key == "name" })?.value
        else { return "#\(index)" }
        return "=" + id
    }

    /// Puts back what belongs to the record at `index` of `list` (or to the top level).
    func restore(into value: inout JSONOutput, list: String, index: Int) {
        guard !patches.isEmpty else { return }
        let key = list.isEmpty && index < 0 ? "" : Self.identity(value, at: index)
        for patch in patches[Anchor(list: list, key: key)] ?? [] {
            Self.apply(patch.members, at: patch.path[...], to: &value)
        }
    }

    /// Puts back what belongs to the records of every list in a file's top level, for files
    /// whose lists are not built one record at a time (settings).
    func restoreLists(in members: inout [JSONOutput.Member]) {
        guard !patches.isEmpty else { return }
        for m in members.indices {
            guard case .array(var items) = members[m].value,
                  patches.keys.contains(where: { $0.list == members[m].key }) else { continue }
            members[m].value = .null
            for n in items.indices { restore(into: &items[n], list: members[m].key, index: n) }
            members[m].value = .array(items)
        }
    }

    private static func apply(_ members: [JSONOutput.Member], at path: ArraySlice<FieldError.Step>, to value: inout JSONOutput) {
        switch (value, path.first) {
        case (.object(var own), nil):
            for member in members where !own.contains(where: { $0.key == member.key }) { own.append(member) }
            value = .object(own)
        case (.object(var own), .key(let key)?):
            guard let i = own.firstIndex(where: { $0.key == key }) else { return }
            apply(members, at: path.dropFirst(), to: &own[i].value)
            value = .object(own)
        case (.array(var items), .index(let n)?):
            guard items.indices.contains(n) else { return }
            apply(members, at: path.dropFirst(), to: &items[n])
            value = .array(items)
        default:
            return
        }
    }
}

extension JSONValue {
    /// The value as it would be written back.
    var output: JSONOutput {
        switch kind {
        case .null: .null
        case .bool: .bool(bool!)
        case .number: int.map(JSONOutput.int) ?? .double(double!)
        case .string: .string(string!)
        case .array: .array(elements.map(\.output))
        case .object: .object(members.map { JSONOutput.Member($0.key.string ?? "", $0.value.output) })
        }
    }
}

extension JSONDocument {
    /// The keys and values to the node at `index`, found by walking down from the root.
    func path(to index: Int) -> [FieldError.Step] {
        var path: [FieldError.Step] = []
        var node = 0
        while node != index {
            let container = nodes[node]
            var child = node + 1
            var found = false
            for n in 0..<container.payload {
                let valueIndex = container.kind == .object ? child + 1 : child
                let end = nodes[valueIndex].next
                if index >= child && index < end {
                    path.append(container.kind == .object
                        ? .key(JSONValue(document: self, index: child).string ?? "") : .index(n))
                    node = valueIndex
                    found = true
                    break
                }
                child = end
            }
            guard found else { return path }
        }
        return path
    }

    /// The value at `path`, or nil when there is none.
    func value(at path: [FieldError.Step]) -> JSONValue? {
        var value = root
        for step in path {
            switch step {
            case .key(let key): guard let next = value[key] else { return nil }; value = next
            case .index(let n):
                guard value.kind == .array, n >= 0, n < value.count else { return nil }
                value = JSONValue(document: self, index: element(n, ofArrayAt: value.index))
            }
        }
        return value
    }
}
