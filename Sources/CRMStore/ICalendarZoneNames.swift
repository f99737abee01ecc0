import Foundation

extension ICalendar {
    /// The zones a calendar's `TZID`s stand for. Outlook and Exchange write Windows names
    /// ("W. Europe Standard Time") or their display names ("Canberra, Melbourne, Sydney"),
    /// others a database id with their own prefix, or a name of their own; a VTIMEZONE may say
    /// which database zone it is in `X-LIC-LOCATION`. A name none of these give is matched
    /// by the offsets and changes the VTIMEZONE itself defines (`matchingZone`).
    public static func zones(in calendar: Component) -> [String: TimeZone] {
        var found: [String: TimeZone] = [:]
        // The offsets are compared over the years the calendar's items start in.
        let year = calendar.components.lazy.filter { $0.name == "VEVENT" || $0.name == "VTODO" }
            .compactMap { ($0["DTSTART"] ?? $0["DUE"]).flatMap { Int($0.value.prefix(4)) } }.first ?? 2026
        for vtimezone in calendar.components where vtimezone.name == "VTIMEZONE" {
            guard let id = vtimezone["TZID"]?.value else { continue }
            let named = [vtimezone["X-LIC-LOCATION"]?.value].compactMap { $0.flatMap(TimeZone.init(identifier:)) }.first
            found[id] = named ?? knownZone(id) ?? matchingZone(vtimezone, near: year)
        }
        return found
    }

    /// A zone by any name Foundation or Windows knows it by; a leading "/" (a global id) and
    /// Outlook's "(UTC+10:00) " are not part of the name.
    public static func knownZone(_ id: String) -> TimeZone? {
        var name = Substring(id.trimmingCharacters(in: .whitespaces))
        if name.hasPrefix("/") { name = name.dropFirst() }
        if name.hasPrefix("("), let close = name.firstIndex(of: ")") {
            name = name[name.index(after: close)...].drop { $0 == " " }
        }
        let text = String(name)
        return TimeZone(identifier: text) ?? (windowsZones[text] ?? windowsDisplayNames[text]).flatMap(TimeZone.init(identifier:))
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
        "AUS Central Standard Time": "Australia/Darwin",
        "Cen. Australia Standard Time": "Australia/Adelaide",
        "E. Australia Standard Time": "Australia/Brisbane",
        "Tasmania Standard Time": "Australia/Hobart",
        "W. Australia Standard Time": "Australia/Perth",
        "Korea Standard Time": "Asia/Seoul",
        "Taipei Standard Time": "Asia/Taipei",
        "Turkey Standard Time": "Europe/Istanbul",
        "Israel Standard Time": "Asia/Jerusalem",
        "Egypt Standard Time": "Africa/Cairo",
        "Argentina Standard Time": "America/Buenos_Aires",
        "Central Standard Time (Mexico)": "America/Mexico_City",
        "Canada Central Standard Time": "America/Regina",
        "Newfoundland Standard Time": "America/St_Johns",
        "SE Asia Standard Time": "Asia/Bangkok",
        "W. Australia": "Australia/Perth",
    ]

    /// What Outlook shows, and some versions write as the `TZID`, for the zones above
    /// (CLDR's exemplar cities in Windows' display names), with the "(UTC+01:00) " left off.
    static let windowsDisplayNames: [String: String] = [
        "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna": "Europe/Berlin",
        "Brussels, Copenhagen, Madrid, Paris": "Europe/Paris",
        "Belgrade, Bratislava, Budapest, Ljubljana, Prague": "Europe/Budapest",
        "Sarajevo, Skopje, Warsaw, Zagreb": "Europe/Warsaw",
        "Dublin, Edinburgh, Lisbon, London": "Europe/London",
        "Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London": "Europe/London",
        "Monrovia, Reykjavik": "Atlantic/Reykjavik",
        "Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius": "Europe/Kiev",
        "Athens, Bucharest": "Europe/Bucharest",
        "Moscow, St. Petersburg": "Europe/Moscow",
        "Moscow, St. Petersburg, Volgograd": "Europe/Moscow",
        "Eastern Time (US & Canada)": "America/New_York",
        "Eastern": "America/New_York",
        "Central Time (US & Canada)": "America/Chicago",
        "Central": "America/Chicago",
        "Mountain Time (US & Canada)": "America/Denver",
        "Mountain": "America/Denver",
        "Arizona": "America/Phoenix",
        "Pacific Time (US & Canada)": "America/Los_Angeles",
        "Pacific": "America/Los_Angeles",
        "Alaska": "America/Anchorage",
        "Hawaii": "Pacific/Honolulu",
        "Atlantic Time (Canada)": "America/Halifax",
        "Brasilia": "America/Sao_Paulo",
        "Chennai, Kolkata, Mumbai, New Delhi": "Asia/Calcutta",
        "Beijing, Chongqing, Hong Kong, Urumqi": "Asia/Shanghai",
        "Osaka, Sapporo, Tokyo": "Asia/Tokyo",
        "Seoul": "Asia/Seoul",
        "Kuala Lumpur, Singapore": "Asia/Singapore",
        "Canberra, Melbourne, Sydney": "Australia/Sydney",
        "Brisbane": "Australia/Brisbane",
        "Adelaide": "Australia/Adelaide",
        "Darwin": "Australia/Darwin",
        "Hobart": "Australia/Hobart",
        "Perth": "Australia/Perth",
        "Auckland, Wellington": "Pacific/Auckland",
        "Abu Dhabi, Muscat": "Asia/Dubai",
        "Harare, Pretoria": "Africa/Johannesburg",
        "Coordinated Universal Time": "UTC",
    ]
}
