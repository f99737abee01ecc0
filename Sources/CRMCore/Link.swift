import Foundation

/// What crmtop takes as a link, for reminders and influencers alike: something a browser or
/// `xdg-open` can open, so a typo is refused when it is typed rather than found when clicked.
public enum Link {
    /// A scheme and something after it, no spaces or control characters; web links need a host.
    public static func looksLikeURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter
        else { return false }
        let scheme = text[..<colon], rest = text[text.index(after: colon)...]
        guard scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }),
              !rest.isEmpty,
              !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control })
        else { return false }
        if ["http", "https"].contains(scheme.lowercased()) {
            return rest.hasPrefix("//") && !rest.dropFirst(2).isEmpty && !rest.dropFirst(2).hasPrefix("/")
        }
        return true
    }

    /// Why `text` is no link, or nil: "\"not a url\" is not a URL; write it whole, like …";
    /// `shown` is how to quote it, when it might be long.
    public static func problem(_ text: String, shown: String? = nil, like example: String) -> String? {
        looksLikeURL(text) ? nil : "\"\(shown ?? text)\" is not a URL; write it whole, like \(example)"
    }
}
