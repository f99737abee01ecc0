import CRMStore

/// Settings entries as `--json` prints them, in the settings file's own shape: one object
/// after a `set`, an array for a list.
func settingsJSON<T>(_ items: [T], single: Bool = false,
                     _ encode: (T) throws(SaveError) -> JSONOutput) throws -> JSONOutput {
    var out: [JSONOutput] = []
    for item in items {
        do throws(SaveError) {
            out.append(try encode(item))
        } catch {
            throw CLIError(error.description)
        }
    }
    return single && out.count == 1 ? out[0] : .array(out)
}
