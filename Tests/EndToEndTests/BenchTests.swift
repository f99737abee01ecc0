import Foundation
import Testing

/// `crmtop bench` on a small data set: it runs through and prints every figure. The figures
/// themselves belong to docs/PERFORMANCE.md, not to a test.
@Suite struct BenchTests {
    @Test func printsEveryFigure() {
        let run = Subprocess.run([Tmux.binary.path, "bench", "--reminders", "300", "--cases", "60", "--people", "12",
                                  "--activities", "2000", "--runs", "1", "--repeats", "5"])
        #expect(run.status == 0, "\(run.output)")
        for figure in ["snapshot: start, load, first frame, exit", "its peak resident memory", "load, in process",
                       "keypress to frame (moving, all panes)", "tick to frame (once a second)",
                       "keypress to frame (acknowledging)", "acknowledgement durable on disk",
                       "compaction (in the background)"] {
            #expect(run.output.contains(figure), "\(figure)")
        }
        #expect(!run.output.contains("nan"))
    }
}
