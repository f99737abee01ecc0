import TerminalUI

/// Degrades theme colours to what the terminal can show: 256 → 16 → 8.
/// Pure, so it behaves the same whatever terminal runs the tests.
struct ColorMapper {
    /// `COLORS` as terminfo reports it.
    let colors: Int

    /// Direct-colour terminfo entries (`xterm-direct`) number colours by packed RGB,
    /// not by palette index.
    private var isDirect: Bool { colors >= 1 << 24 }

    /// A colour number for `init_extended_pair`; -1 is the terminal's default.
    func number(for color: TermColor) -> Int32 {
        switch color {
        case .default:
            return -1
        case .indexed(let n):
            if isDirect { return n < 8 ? Int32(n) : Self.packed(Self.xtermRGB(n)) }
            if Int(n) < colors { return Int32(n) }
            // Bright ANSI colours are, by definition, the bright forms of 0–7.
            if n < 16 { return Int32(n - 8) }
            return nearestBasic(Self.xtermRGB(n))
        case .rgb(let r, let g, let b):
            let rgb = RGB(r: Int(r), g: Int(g), b: Int(b))
            if isDirect { return Self.packed(rgb) }
            if colors >= 256 { return Self.nearest256(rgb) }
            return nearestBasic(rgb)
        }
    }

    private func nearestBasic(_ rgb: RGB) -> Int32 {
        let count = colors >= 16 ? 16 : max(1, min(colors, 8))
        // A grey would otherwise land on cyan or olive, which reads as a meaning.
        let chroma = max(rgb.r, rgb.g, rgb.b) - min(rgb.r, rgb.g, rgb.b)
        let candidates = chroma < 40 ? [0, 7, 8, 15].filter { $0 < count } : Array(0..<count)
        return Self.nearest(rgb, among: candidates)
    }

    struct RGB: Equatable {
        var r: Int, g: Int, b: Int
    }

    /// xterm's defaults; real terminals differ, which is why 0–15 are only a last resort.
    private static let ansi: [RGB] = [
        RGB(r: 0, g: 0, b: 0), RGB(r: 205, g: 0, b: 0), RGB(r: 0, g: 205, b: 0),
        RGB(r: 205, g: 205, b: 0), RGB(r: 0, g: 0, b: 238), RGB(r: 205, g: 0, b: 205),
        RGB(r: 0, g: 205, b: 205), RGB(r: 229, g: 229, b: 229), RGB(r: 127, g: 127, b: 127),
        RGB(r: 255, g: 0, b: 0), RGB(r: 0, g: 255, b: 0), RGB(r: 255, g: 255, b: 0),
        RGB(r: 92, g: 92, b: 255), RGB(r: 255, g: 0, b: 255), RGB(r: 0, g: 255, b: 255),
        RGB(r: 255, g: 255, b: 255),
    ]
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func xtermRGB(_ n: UInt8) -> RGB {
        switch n {
        case 0..<16:
            return ansi[Int(n)]
        case 16..<232:
            let i = Int(n) - 16
            return RGB(r: cubeLevels[i / 36], g: cubeLevels[i / 6 % 6], b: cubeLevels[i % 6])
        default:
            let v = 8 + 10 * (Int(n) - 232)
            return RGB(r: v, g: v, b: v)
        }
    }

    /// The nearest of the 6×6×6 cube and the grey ramp; 0–15 are skipped because
    /// themes recolour them.
    static func nearest256(_ rgb: RGB) -> Int32 {
        func level(_ v: Int) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }!
        }
        let cube = 16 + 36 * level(rgb.r) + 6 * level(rgb.g) + level(rgb.b)
        let average = (rgb.r + rgb.g + rgb.b) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        let cubeDistance = distance(rgb, xtermRGB(UInt8(cube)))
        let greyDistance = distance(rgb, xtermRGB(UInt8(grey)))
        return Int32(greyDistance < cubeDistance ? grey : cube)
    }

    static func nearest(_ rgb: RGB, among candidates: [Int]) -> Int32 {
        Int32(candidates.min { distance(rgb, ansi[$0]) < distance(rgb, ansi[$1]) }!)
    }

    /// "Redmean" weighting: closer to what eyes see than plain RGB distance, and cheap.
    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let mean = (a.r + b.r) / 2
        let dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b
        // Swift's >> binds tighter than *, hence the inner brackets.
        return (((512 + mean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - mean) * db * db) >> 8)
    }

    static func packed(_ rgb: RGB) -> Int32 {
        Int32(rgb.r << 16 | rgb.g << 8 | rgb.b)
    }
}
