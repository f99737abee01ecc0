/// New ids in the style of the existing ones: `R-1031` after `R-1030`.
public enum Identifiers {
    /// The next free id with `prefix` (e.g. "R-"), one above the highest number in use,
    /// starting at `first` when none is.
    public static func next(prefix: String, existing: some Sequence<String>, first: Int = 1001) -> String {
        var highest = first - 1
        for id in existing where id.hasPrefix(prefix) {
            if let n = Int(id.dropFirst(prefix.count)) { highest = max(highest, n) }
        }
        return prefix + String(highest + 1)
    }
}
