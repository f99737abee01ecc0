import Foundation

extension KPI {
    /// How many of this KPI's units, as a sentence says it: `1 call`, `3 calls`, `-2 calls`.
    /// Without a unit the name follows a multiplication sign (`1 × Demos`), which reads right
    /// for any count. Units are written plural (`calls`, `replies`); for one, the singular is made by the
    /// English rules that cover the units people use (`replies` → `reply`, `boxes` → `box`).
    public func amount(_ count: Int) -> String {
        guard let unit, !unit.isEmpty else { return "\(count) × \(name)" }
        return "\(count) " + (abs(count) == 1 ? Self.singular(unit) : unit)
    }

    static func singular(_ plural: String) -> String {
        let lower = plural.lowercased()
        if lower.hasSuffix("ies"), plural.count > 3 { return plural.dropLast(3) + "y" }
        if ["sses", "xes", "ches", "shes", "zes"].contains(where: lower.hasSuffix) { return String(plural.dropLast(2)) }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss") { return String(plural.dropLast()) }
        return plural
    }
}
