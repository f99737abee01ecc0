import Foundation

extension ICalendar {
    /// The zones a calendar's `TZID`s stand for. Outlook and Exchange write Windows names
    /// ("W. Europe Standard Time"), others a database id with their own prefix; a VTIMEZONE
    /// may say which database zone it is in `X-LIC-LOCATION`.
    public static func zones(in calendar: Component) -> [String: TimeZone] {
        var found: [String: TimeZone] = [:]
        for vtimezone in calendar.components where vtimezone.name == "VTIMEZONE" {
            guard let id = vtimezone["TZID"]?.value else { continue }
            let candidates = [vtimezone["X-LIC-LOCATION"]?.value, windowsZones[id], id]
            found[id] = candidates.lazy.compactMap { $0.flatMap(TimeZone.init(identifier:)) }.first
        }
        return found
    }

    /// The Windows names of the zones most calendars in use are in (CLDR's windowsZones).
    static let windowsZones: [String: String] = [
        "W. Europe Standard Time": "Europe/Berlin",
        "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw",
        "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik",
        "E. Europe Standard Time": "Europe/Chisinau",
        "FLE Standard Time": "Europe/Kiev",
        "GTB Standard Time": "Europe/Bucharest",
        "Russian Standard Time": "Europe/Moscow",
        "Eastern Standard Time": "America/New_York",
        "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver",
        "US Mountain Standard Time": "America/Phoenix",
        "Pacific Standard Time": "America/Los_Angeles",
        "Alaskan Standard Time": "America/Anchorage",
        "Hawaiian Standard Time": "Pacific/Honolulu",
        "Atlantic Standard Time": "America/Halifax",
        "E. South America Standard Time": "America/Sao_Paulo",
        "India Standard Time": "Asia/Calcutta",
        "China Standard Time": "Asia/Shanghai",
        "Tokyo Standard Time": "Asia/Tokyo",
        "Singapore Standard Time": "Asia/Singapore",
        "AUS Eastern Standard Time": "Australia/Sydney",
        "New Zealand Standard Time": "Pacific/Auckland",
        "Arabian Standard Time": "Asia/Dubai",
        "South Africa Standard Time": "Africa/Johannesburg",
        "UTC": "UTC",
    ]
}
