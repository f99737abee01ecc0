import CRMCore
import Foundation

/// settings.json's `calendar_sync`: the CalDAV accounts (see `CalendarAccount`).
enum CalendarAccountCodec {
    static let fields: [StaticString] = ["name", "url", "username", "password_command", "password_file", "owner"]

    static func decode(_ v: JSONValue) throws(FieldError) -> CalendarAccount {
        var f = try Fields(v, known: fields)
        let name = try f.string("name")
        let urlValue = try f.required("url")
        let url = try within(.key("url")) { () throws(FieldError) in
            let text = try urlValue.decodeString()
            if let problem = CalendarAccount.problem(withURL: text) { throw FieldError(problem) }
            return text
        }
        let username = try f.string("username")
        let command = try f.string("password_command", or: nil)
        let fileValue = f.optional("password_file")
        let file = try fileValue.map { v throws(FieldError) in
            try within(.key("password_file")) { () throws(FieldError) in try v.decodeString() }
        }
        let password: CalendarAccount.PasswordSource
        switch (command, file) {
        case (let command?, nil): password = .command(command)
        case (nil, let file?): password = .file(file)
        case (nil, nil):
            throw FieldError("give password_command or password_file: the password itself is never stored", at: v.offset)
        case (_?, _?):
            throw within(.key("password_file"),
                         FieldError("give password_command or password_file, not both", at: fileValue?.offset))
        }
        let account = CalendarAccount(name: name, url: url, username: username, password: password,
                                      owner: try f.string("owner"))
        f.finish()
        return account
    }

    static func encode(_ a: CalendarAccount) -> JSONOutput {
        var o = ObjectBuilder(zone: .gmt)
        o.put("name", a.name)
        o.put("url", a.url)
        o.put("username", a.username)
        switch a.password {
        case .command(let command): o.put("password_command", command)
        case .file(let file): o.put("password_file", file)
        }
        o.put("owner", a.owner)
        return o.output
    }
}
