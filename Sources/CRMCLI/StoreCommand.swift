import ArgumentParser
import CRMPostgres
import CRMStore
import Foundation

/// The store itself rather than the data in it.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Set up a PostgreSQL database to hold a team's data.",
        discussion: """
            A data directory needs no set-up; a PostgreSQL database gets crmtop's tables with \
            store init before anything else uses it. See docs/POSTGRES.md.
            Example: crmtop store init postgresql:///crmtop?host=/run/postgresql
            """,
        subcommands: [StoreInitCommand.self]
    )
}

struct StoreInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create crmtop's tables in a PostgreSQL database, or bring them up to this version.",
        discussion: """
            The database must exist (createdb); the role in the URL needs the right to create \
            tables in it. Running it again changes nothing; a schema written by a newer crmtop \
            is left as it is. The password comes from the URL, PGPASSWORD or ~/.pgpass and is \
            never printed. See docs/POSTGRES.md.
            Example: crmtop store init postgresql://crm@db.example.com/crmtop
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The database, as a postgresql:// URL.")
    var url: String

    func run() throws {
        let address: PostgresURL
        do {
            guard case .postgres(let parsed) = try StoreAddress(url) else {
                throw CLIError("store init: \(url) is a directory; a data directory needs no set-up, "
                    + "give a postgresql:// URL")
            }
            address = parsed
        } catch let error as StoreAddressError {
            throw CLIError("store init: \(error)")
        }
        let outcome: PostgresSchema.Outcome
        do throws(PGError) {
            outcome = try PostgresSchema.migrate(PGConnection(address))
        } catch {
            throw CLIError("store init: \(error)")
        }
        let version = PostgresSchema.version
        let console = Console.current
        if global.json {
            let (name, from): (String, Int?) = switch outcome {
            case .created: ("created", nil)
            case .migrated(let old): ("migrated", old)
            case .upToDate: ("up_to_date", nil)
            }
            console.json(.object([
                .init("url", .string(address.masked)),
                .init("outcome", .string(name)),
                .init("schema_version", .int(version)),
                .init("migrated_from", from.map(JSONOutput.int) ?? .null),
            ]))
            return
        }
        switch outcome {
        case .created: console.write("Created crmtop's schema (version \(version)) in \(address.masked).\n")
        case .migrated(let old): console.write("Brought crmtop's schema in \(address.masked) from version \(old) to \(version).\n")
        case .upToDate: console.write("crmtop's schema in \(address.masked) is up to date (version \(version)).\n")
        }
    }
}
