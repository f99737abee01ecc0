/// The wall display is read-only: no key may change data or open a prompt, and a
/// locked wall ignores the keyboard entirely. Its keys resolve like any others
/// (`KeyContext.wall`).
enum WallKeys {
    static func perform(_ command: Command, _ wall: WallSettings) -> [Effect] {
        command == .quit && !wall.locked ? [.exit(0)] : []
    }
}
