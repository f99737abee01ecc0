import Foundation

/// A CalDAV account whose calendar is kept in step with one person's reminders. It holds
/// where the calendar is and how to get the password at the moment of a sync, never the
/// password itself: the data directory is shared by a team, and a password in it would be
/// read by everyone who can read the reminders.
public struct CalendarAccount: Equatable, Sendable {
    public enum PasswordSource: Equatable, Sendable {
        /// A command whose first line of output is the password (`pass show work/caldav`).
        case command(String)
        /// A file readable by its owner only, whose first line is the password.
        case file(String)
    }

    /// How `crmtop sync NAME` and `calendar-sync remove NAME` refer to it.
    public var name: String
    /// A calendar collection, or a server's base address to discover calendars from.
    public var url: String
    public var username: String
    public var password: PasswordSource
    /// Whose reminders travel to and from the calendar.
    public var owner: String

    public init(name: String, url: String, username: String, password: PasswordSource, owner: String) {
        self.name = name
        self.url = url
        self.username = username
        self.password = password
        self.owner = owner
    }

    /// Why `url` cannot be a CalDAV address, if it cannot: only absolute http and https
    /// addresses with a host, and no login written into them (it belongs in `username`, and
    /// a password there would be stored in the data).
    public static func problem(withURL text: String) -> String? {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased() else {
            return "\"\(text)\" is not an address like https://cloud.example.com/remote.php/dav"
        }
        guard scheme == "https" || scheme == "http" else { return "the address must start with https:// (or http://)" }
        guard let host = parts.host, !host.isEmpty else { return "the address names no server" }
        guard parts.user == nil, parts.password == nil else {
            return "the address must not carry a login: give it with --username and the password with --password-command or --password-file"
        }
        return nil
    }
}
