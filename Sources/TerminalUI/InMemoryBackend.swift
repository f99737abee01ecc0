/// A terminal for tests: events come from a script, frames are kept for inspection.
public final class InMemoryBackend: TerminalBackend {
    public private(set) var size: Size
    public private(set) var frames: [CellBuffer] = []
    public private(set) var palette: Palette?
    public private(set) var bells = 0
    public private(set) var isShutDown = false
    public private(set) var timeouts: [Int] = []
    /// The descriptor each read was also to wake on.
    public private(set) var descriptors: [Int32?] = []
    private var script: [TerminalEvent]
    /// Called before each read, so a test can move its clock or change data between events.
    public var beforeRead: ((Int) -> Void)?

    public init(size: Size, script: [TerminalEvent]) {
        self.size = size
        self.script = script
    }

    public var lastFrame: CellBuffer? { frames.last }

    public func setPalette(_ palette: Palette) { self.palette = palette }

    public func present(_ buffer: CellBuffer) { frames.append(buffer) }

    /// An exhausted script reads as SIGTERM, so a runtime under test always ends.
    public func readEvent(timeoutMilliseconds: Int, wakingOn descriptor: Int32?) -> TerminalEvent {
        timeouts.append(timeoutMilliseconds)
        descriptors.append(descriptor)
        beforeRead?(timeouts.count)
        guard !script.isEmpty else { return .signal(15) }
        let event = script.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public func bell() { bells += 1 }

    public func shutdown() { isShutDown = true }
}
