import CRMApp
import CursesBackend
import Foundation
import TerminalUI
import Testing

/// Themes are written in true colour and shown on whatever the terminal has. These run
/// each shipped theme through the same degradation the screen uses and check that the
/// meanings survive it.
@Suite struct ThemeDegradationTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

    /// The terminal background each theme is drawn for; nil: any.
    static let backgrounds: [String: Background?] = [
        "default": .dark, "solarized-dark": .dark, "light": .light, "solarized-light": .light,
        "high-contrast": nil, "monochrome": nil,
    ]

    enum Background { case dark, light }

    static func palette(_ name: String) throws -> Palette {
        try ThemeLoader.load(themes.appendingPathComponent(name + ".json")).palette
    }

    struct Shown: Hashable, CustomStringConvertible {
        var fg: Int, bg: Int
        var description: String { "\(fg)/\(bg)" }
    }

    static func shown(_ style: TextStyle, colors: Int) -> Shown {
        Shown(fg: ColorDegradation.index(of: style.foreground, colors: colors),
              bg: ColorDegradation.index(of: style.background, colors: colors))
    }

    static let depths = [8, 16, 256]

    @Test(arguments: backgrounds.keys.sorted())
    func breachedWarningAndOnTrackStayApartAtEveryDepth(name: String) throws {
        let palette = try Self.palette(name)
        let trio = [Role.slaBreached, .slaWarning, .slaOnTrack].map(palette.style(for:))
        // Without colours (NO_COLOR, monochrome terminals) attributes are all that is left.
        #expect(Set(trio.map(\.attributes.rawValue)).count == 3, "\(name): attributes alike")
        guard trio.contains(where: { $0.foreground != .default || $0.background != .default }) else { return }
        for colors in Self.depths {
            let shown = trio.map { Self.shown($0, colors: colors) }
            #expect(Set(shown).count == 3, "\(name) at \(colors) colours: \(shown)")
        }
    }

    @Test(arguments: backgrounds.keys.sorted())
    func reminderStatesStayApartInColour(name: String) throws {
        let palette = try Self.palette(name)
        let trio = [Role.reminderOverdue, .reminderDue, .reminderActive].map(palette.style(for:))
        guard trio.contains(where: { $0.foreground != .default || $0.background != .default }) else { return }
        for colors in Self.depths {
            #expect(Set(trio.map { Self.shown($0, colors: colors) }).count == 3, "\(name) at \(colors) colours")
        }
    }

    /// Text on a theme's own background must differ from it on every palette.
    @Test(arguments: backgrounds.keys.sorted())
    func textOnABackgroundNeverMeltsIntoIt(name: String) throws {
        let palette = try Self.palette(name)
        for role in Role.allCases {
            let style = palette.style(for: role)
            guard style.background != .default else { continue }
            for colors in Self.depths {
                let shown = Self.shown(style, colors: colors)
                #expect(shown.fg != shown.bg, "\(name) \(role) at \(colors) colours: \(shown)")
            }
            if case .rgb = style.foreground, case .rgb = style.background {
                #expect(Self.contrast(style.foreground, style.background) >= 3, "\(name) \(role)")
            }
        }
    }

    /// Text on the terminal's own background: never black on a dark theme, never white on
    /// a light one, and true colours far enough from black or white to read.
    @Test(arguments: backgrounds.keys.sorted())
    func textOnTheTerminalsBackgroundStaysReadable(name: String) throws {
        let palette = try Self.palette(name)
        guard let background = Self.backgrounds[name] ?? nil else { return }
        let unreadable: Set<Int> = background == .dark ? [0] : [7, 15]
        let behind: TermColor = background == .dark ? .rgb(0, 0, 0) : .rgb(255, 255, 255)
        for role in Role.allCases {
            let style = palette.style(for: role)
            guard style.background == .default, style.foreground != .default else { continue }
            for colors in [8, 16] {
                let fg = ColorDegradation.index(of: style.foreground, colors: colors)
                #expect(!unreadable.contains(fg), "\(name) \(role) at \(colors) colours: \(fg)")
            }
            if case .rgb = style.foreground {
                #expect(Self.contrast(style.foreground, behind) >= 3, "\(name) \(role)")
            }
        }
    }

    @Test func solarizedAccentsLandOnTheirUsualNeighbours() throws {
        let palette = try Self.palette("solarized-dark")
        let breached = palette.style(for: .slaBreached).foreground
        let warning = palette.style(for: .slaWarning).foreground
        #expect(breached == .rgb(0xdc, 0x32, 0x2f))
        #expect([8, 16].map { ColorDegradation.index(of: breached, colors: $0) } == [1, 1])
        #expect([8, 16, 256].map { ColorDegradation.index(of: warning, colors: $0) } == [3, 3, 136])
    }

    /// WCAG's contrast ratio of two true colours.
    static func contrast(_ a: TermColor, _ b: TermColor) -> Double {
        func luminance(_ c: TermColor) -> Double {
            guard case .rgb(let r, let g, let b) = c else { return 0 }
            func channel(_ v: UInt8) -> Double {
                let s = Double(v) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
