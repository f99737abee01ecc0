import TerminalUI

/// The wall display is read-only: no key may change data or open a prompt, and a
/// locked wall ignores the keyboard entirely.
enum WallKeys {
    static func handle(_ key: Key, _ wall: WallSettings, _ bindings: [KeyBinding]) -> [Effect] {
        guard let command = bindings.first(where: { $0.scope == .wall && $0.keys.contains(key) })?.command
        else { return [] }
        return perform(command, wall)
    }

    static func perform(_ command: Command, _ wall: WallSettings) -> [Effect] {
        command == .quit && !wall.locked ? [.exit(0)] : []
    }
}
