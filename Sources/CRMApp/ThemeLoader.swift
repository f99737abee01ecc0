import CRMStore
import Foundation
import TerminalUI

public struct Theme: Sendable {
    public var name: String
    public var description: String
    public var palette: Palette
}

/// A theme file that cannot be used, with where and why.
public struct ThemeError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var position: TextPosition?
    public var field: String
    public var message: String

    public var description: String {
        let at = position.map { ":\($0.line):\($0.column)" } ?? ""
        return "\(file)\(at): " + (field.isEmpty ? "" : "\(field): ") + message
    }
}

/// Finds and reads theme files: `{"name", "description", "roles": {role: {fg, bg, attrs}}}`.
/// Colours are names (`red`, `bright-red`, `default`), numbers 0–255 or `#rrggbb`.
public enum ThemeLoader {
    public static let defaultName = "default"

    /// Used only when no theme file can be found at all: enough to keep the selection
    /// and the header visible.
    static let fallback = Palette(styles: [
        .header: TextStyle(attributes: .reverse), .paneTitleFocused: TextStyle(attributes: .reverse),
        .selection: TextStyle(attributes: .reverse), .error: TextStyle(attributes: [.reverse, .bold]),
        .dim: TextStyle(attributes: .dim), .reminderDone: TextStyle(attributes: .dim),
        .slaBreached: TextStyle(attributes: .bold), .slaWarning: TextStyle(attributes: .bold),
    ])

    /// Without colours a colour theme keeps only its attributes, which can leave, say,
    /// warning and breached alike; the monochrome theme is drawn for exactly that case.
    public static func defaultName(_ environment: [String: String]) -> String {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return "monochrome" }
        return defaultName
    }

    /// `name` is a theme name or a path (anything with a `/` or ending in `.json`).
    public static func palette(named name: String?, environment: [String: String]) throws -> Palette {
        let wanted = name ?? defaultName(environment)
        if let url = locate(wanted, environment: environment) { return try load(url).palette }
        if !isPath(wanted), let theme = try builtIn(wanted) { return theme.palette }
        if name == nil { return fallback }
        throw notFound(wanted, environment: environment)
    }

    public static func notFound(_ name: String, environment: [String: String]) -> ThemeError {
        let looked = searchDirectories(environment).map(\.path) + ["the themes built into crmtop"]
        let known = Set(catalog(environment: environment).map(\.name)).sorted().joined(separator: ", ")
        return ThemeError(file: name, position: nil, field: "",
                          message: "no such theme (looked in \(looked.joined(separator: ", ")); themes there are: \(known)")
    }

    public static func isPath(_ name: String) -> Bool { name.contains("/") || name.hasSuffix(".json") }

    public static func locate(_ name: String, environment: [String: String]) -> URL? {
        if isPath(name) { return URL(fileURLWithPath: name) }
        return searchDirectories(environment)
            .map { $0.appendingPathComponent(name + ".json") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The user's own themes first, then those shipped beside the executable
    /// (an installed `share/crmtop/themes`, or the package's `themes/` when run from a checkout).
    public static func searchDirectories(_ environment: [String: String]) -> [URL] {
        [userDirectory(environment)].compactMap { $0 } + shippedDirectories()
    }

    /// Where people put their own themes; it need not exist.
    public static func userDirectory(_ environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("crmtop/themes")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".config/crmtop/themes")
        }
        return nil
    }

    public static func shippedDirectories() -> [URL] {
        var dirs: [URL] = []
        var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [dir.appendingPathComponent("share/crmtop/themes"), dir.appendingPathComponent("themes")] {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue {
                    dirs.append(candidate)
                }
            }
            dir.deleteLastPathComponent()
        }
        return dirs
    }

    /// A theme built into the binary (see `BuiltInThemes`), nil when there is none by that name.
    static func builtIn(_ name: String) throws -> Theme? {
        guard let file = BuiltInThemes.files.first(where: { $0.name == name }) else { return nil }
        return try parse(Array(file.json.utf8), file: builtInURL(name).path)
    }

    /// How a built-in theme is named where a file's path would be.
    static func builtInURL(_ name: String) -> URL { URL(fileURLWithPath: "/built-in/themes/\(name).json") }

    public static func load(_ url: URL) throws -> Theme {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ThemeError(file: url.path, position: nil, field: "", message: "cannot read the file")
        }
        return try parse([UInt8](data), file: url.path)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws -> Theme {
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(bytes)
        } catch {
            throw ThemeError(file: file, position: TextPosition(of: error.offset, in: bytes), field: "",
                             message: error.message)
        }
        func fail(_ value: JSONValue, _ field: String, _ message: String) -> ThemeError {
            ThemeError(file: file, position: value.position, field: field, message: message)
        }
        let root = document.root
        guard root.kind == .object else { throw fail(root, "", "a theme is a JSON object") }
        guard let roles = root["roles"] else {
            throw fail(root, "roles", "missing: an object mapping roles to styles")
        }
        guard roles.kind == .object else { throw fail(roles, "roles", "expected an object mapping roles to styles") }
        var styles: [Role: TextStyle] = [:]
        let known = Dictionary(uniqueKeysWithValues: Role.allCases.map { (fileName(of: $0), $0) })
        for (key, value) in roles.members {
            let name = key.string ?? ""
            guard let role = known[name] else {
                throw fail(key, "roles.\(name)", "unknown role; known roles: "
                           + Role.allCases.map(fileName(of:)).joined(separator: ", "))
            }
            styles[role] = try style(value, field: "roles.\(name)", fail: fail)
        }
        return Theme(name: root["name"]?.string ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
                     description: root["description"]?.string ?? "", palette: Palette(styles: styles))
    }

    /// `slaBreached` is written `sla_breached` in files, like every other field name.
    public static func fileName(of role: Role) -> String { snakeCase(role.rawValue) }

    /// The roles a palette gives no style, by the names theme files use: drawn plain, which
    /// for a breached clock or the selection can hide what the screen means to say.
    public static func missingRoles(_ palette: Palette) -> [String] {
        Role.allCases.filter { palette.styles[$0] == nil }.map(fileName(of:))
    }

    /// "theme ocean has no style for sla_breached, selection (drawn plain)", or nil.
    public static func missingRolesNote(theme name: String, _ palette: Palette) -> String? {
        let missing = missingRoles(palette)
        guard !missing.isEmpty else { return nil }
        let listed = missing.count > 6 ? missing.prefix(6).joined(separator: ", ") + " and \(missing.count - 6) more"
            : missing.joined(separator: ", ")
        return "theme \(name) has no style for \(listed) (drawn plain)"
    }

    private static func style(_ value: JSONValue, field: String,
                              fail: (JSONValue, String, String) -> ThemeError) throws -> TextStyle {
        guard value.kind == .object else { throw fail(value, field, "expected an object like {\"fg\": \"red\"}") }
        var style = TextStyle()
        for (key, v) in value.members {
            let k = key.string ?? ""
            switch k {
            case "fg", "bg":
                guard let color = color(v) else {
                    throw fail(v, "\(field).\(k)", "not a colour; use a name (red, bright-red, default …), 0–255 or #rrggbb")
                }
                if k == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard v.kind == .array else { throw fail(v, "\(field).attrs", "expected a list like [\"bold\"]") }
                for a in v.elements {
                    guard let n = a.string, let attr = TextAttributes.names.first(where: { $0.0 == n })?.1 else {
                        let shown = a.string.map { "\"\($0)\"" } ?? "this"
                        throw fail(a, "\(field).attrs", "unknown attribute \(shown); use "
                                   + TextAttributes.names.map(\.0).joined(separator: ", "))
                    }
                    style.attributes.insert(attr)
                }
            default:
                throw fail(key, "\(field).\(k)", "unknown key; a style has fg, bg and attrs")
            }
        }
        return style
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func color(_ value: JSONValue) -> TermColor? {
        if let n = value.int { return (0...255).contains(n) ? .indexed(UInt8(n)) : nil }
        guard let s = value.string?.lowercased() else { return nil }
        if s == "default" { return .default }
        if let i = colorNames.firstIndex(of: s) { return .indexed(UInt8(i)) }
        if s.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(s.dropFirst(7))) {
            return .indexed(UInt8(i + 8))
        }
        if s.hasPrefix("#"), s.count == 7, let rgb = UInt32(s.dropFirst(), radix: 16) {
            return .rgb(UInt8(rgb >> 16), UInt8((rgb >> 8) & 0xFF), UInt8(rgb & 0xFF))
        }
        return nil
    }
}
