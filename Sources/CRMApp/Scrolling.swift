/// The first visible row of a list so that the selected row shows, moving the
/// window as little as possible from where it was.
public func visibleTop(stored: Int, selected: Int?, visible: Int, count: Int) -> Int {
    guard visible > 0, count > 0 else { return 0 }
    var top = min(stored, max(0, count - visible))
    if let selected {
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
    }
    return max(0, top)
}
