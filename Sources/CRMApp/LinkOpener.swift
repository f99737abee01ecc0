import Foundation

/// Hands a link to the desktop (`xdg-open`), detached and silent so nothing it prints
/// reaches the screen; where there is no opener, the link is shown instead.
enum LinkOpener {
    static func open(_ link: String) -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let opener = path.map({ "\($0)/xdg-open" }).first(where: FileManager.default.isExecutableFile(atPath:))
        else { return "Link: \(link)" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(opener), strdup(link), nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, opener, &actions, nil, argv, environ) == 0 else { return "Link: \(link)" }
        // Reaped without blocking the loop; the opener returns at once anyway.
        let child = pid
        DispatchQueue.global().async {
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        return "Opening \(link)"
    }
}
