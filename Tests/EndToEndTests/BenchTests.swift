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

    /// One person's backlog: the bulk commands each get a figure, and none of them failed.
    @Test func oneOwnerPrintsEveryFigure() {
        let run = Subprocess.run([Tmux.binary.path, "bench", "--owners", "1", "--reminders", "200", "--people", "3",
                                  "--runs", "1"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("200 reminders of 1 owner"))
        for figure in ["snapshot --size 200x50", "its peak resident memory", "reminder list --json",
                       "export --format csv", "export --format json", "import of the exported CSV (200 rows)",
                       "check, a problem in each reminder", "snapshot of an empty directory", "--version"] {
            #expect(run.output.contains(figure), "\(figure)")
        }
        #expect(!run.output.contains("nan"))
    }
}
