/// Semantic roles for drawn text. A theme maps each to colours and attributes;
/// views never name a colour.
public enum Role: String, CaseIterable, Sendable, Codable {
    case text, dim, emphasis
    case header, headerAccent
    case footer, footerKey
    case paneTitle, paneTitleFocused, columnHeader
    case selection
    /// A row that just changed (a reminder that came due), for a few seconds.
    case flash
    case message, error
    case overlay, overlayTitle
    case priorityUrgent, priorityHigh, priorityNormal, priorityLow
    case reminderDue, reminderOverdue, reminderActive, reminderDone, warningMark
    case slaOnTrack, slaWarning, slaBreached, slaPaused
    case rankUp, rankDown, gaugeFilled, gaugeEmpty, recognition
    case link

    /// One letter per role for golden role grids; unique, readable in a diff.
    public var letter: Character {
        switch self {
        case .text: "."
        case .dim: "d"
        case .emphasis: "E"
        case .header: "H"
        case .headerAccent: "A"
        case .footer: "f"
        case .footerKey: "k"
        case .paneTitle: "t"
        case .paneTitleFocused: "T"
        case .columnHeader: "c"
        case .selection: "S"
        case .flash: "F"
        case .message: "m"
        case .error: "X"
        case .overlay: "o"
        case .overlayTitle: "O"
        case .priorityUrgent: "U"
        case .priorityHigh: "P"
        case .priorityNormal: "p"
        case .priorityLow: "l"
        case .reminderDue: "D"
        case .reminderOverdue: "V"
        case .reminderActive: "a"
        case .reminderDone: "n"
        case .warningMark: "w"
        case .slaOnTrack: "g"
        case .slaWarning: "W"
        case .slaBreached: "B"
        case .slaPaused: "z"
        case .rankUp: "u"
        case .rankDown: "v"
        case .gaugeFilled: "#"
        case .gaugeEmpty: "-"
        case .recognition: "R"
        case .link: "L"
        }
    }
}
