#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CRMApp
import CRMCore
import Foundation
import TerminalUI

/// Durations measured in a benchmark, summarised as people read them.
struct Samples {
    private(set) var values: [Double] = []

    init(values: [Double] = []) { self.values = values }

    mutating func add(_ milliseconds: Double) { values.append(milliseconds) }

    var median: Double { sorted.isEmpty ? .nan : sorted[sorted.count / 2] }
    var p99: Double { sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, sorted.count * 99 / 100)] }
    var worst: Double { sorted.last ?? .nan }
    private var sorted: [Double] { values.sorted() }

    /// Milliseconds taken by `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
}

/// A terminal that plays a script of events as fast as the runtime takes them and times each
/// from the moment the runtime has it to the moment the frame it caused is presented. An
/// event that changes nothing on screen is not timed.
final class TimingBackend: TerminalBackend {
    let size: Size
    private var script: [TerminalEvent]
    private var pressed: (event: TerminalEvent, at: UInt64)?
    /// By event, as `String(describing:)` names it.
    private(set) var latencies: [String: Samples] = [:]
    /// Called before each event is handed over (to move a clock).
    var beforeEvent: () -> Void = {}

    init(size: Size, script: [TerminalEvent]) {
        self.size = size
        self.script = script
    }

    func setPalette(_ palette: Palette) {}

    func present(_ buffer: CellBuffer) {
        guard let (event, start) = pressed else { return }
        latencies[String(describing: event), default: Samples()].add(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        pressed = nil
    }

    /// All events' times together.
    var all: Samples { Samples(values: latencies.values.flatMap(\.values)) }

    /// An exhausted script quits.
    func readEvent(timeoutMilliseconds: Int, wakingOn descriptor: Int32?) -> TerminalEvent {
        guard !script.isEmpty else { return .key(.char("q")) }
        beforeEvent()
        let event = script.removeFirst()
        pressed = (event, DispatchTime.now().uptimeNanoseconds)
        return event
    }

    func bell() {}
    func shutdown() {}
}

enum ChildProcess {
    /// Runs this program with `arguments`, output into `output` (discarded by default); returns milliseconds from start
    /// to exit and the exit status. With `watchMemory`, also the largest resident size in
    /// megabytes, read from /proc while it runs: the kernel's own account (`wait4`) would
    /// include this process's size, which the child shares until it starts the program.
    static func run(_ arguments: [String], output: String = "/dev/null", watchMemory: Bool = false) -> (milliseconds: Double, megabytes: Double, status: Int32) {
        let program = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { return (0, 0, -1) }
        var status: Int32 = 0
        var peak = 0.0
        while true {
            let done = waitpid(pid, &status, watchMemory ? WNOHANG : 0)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if watchMemory {
                peak = max(peak, highWaterMark(of: pid))
                usleep(1000)
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return (elapsed, peak, (status >> 8) & 0xFF)
    }

    /// `VmHWM` of a running process, in megabytes; 0 when it cannot be read.
    private static func highWaterMark(of pid: pid_t) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}

enum Memory {
    /// This process's largest resident size so far, in megabytes.
    static var peakMegabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
