extension StringProtocol {
    /// The text without the spaces and tabs around it, as `trimmingCharacters(in:
    /// .whitespaces)` gives it, but without a trip through Foundation's NSString for each
    /// cell: that cost an import of 100,000 rows more than reading them.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Self.isSpace($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
    }
}
