import Foundation

/// Polls `condition` until it holds, and says whether it did before `seconds` ran out.
/// The deadline is there only so that a broken build fails instead of hanging: a test
/// never waits a fixed time for something to happen, and no claim about speed rests on it.
func eventually(within seconds: Double = 30, _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}
