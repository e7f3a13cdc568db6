/// A continuous colour scale: maps a fraction in 0 ... 1 to a colour by interpolating evenly spaced stops.
///
/// ``viridis`` (sequential, perceptually uniform, readable in greyscale and by colour-blind readers)
/// is the default of ``Heatmap``. ``blueWhiteRed`` is a diverging scale for signed quantities such
/// as payoff differences; a heatmap using a diverging scale centres its automatic range on zero.
public struct ColourScale: Sendable, Hashable {
  /// The colours at fractions 0, 1/(n-1), ..., 1. Never empty.
  public let stops: [Colour]
  /// Whether the scale has a neutral middle meant for zero.
  public let isDiverging: Bool

  /// A scale through the given stops (at least one; an empty list gives ``viridis``'s).
  public init(stops: [Colour], isDiverging: Bool = false) {
    self.stops = stops.isEmpty ? ColourScale.viridis.stops : stops
    self.isDiverging = isDiverging
  }

  /// The colour at `fraction`, clamped into 0 ... 1 (NaN gives the first stop).
  ///
  /// Interpolation is linear in sRGB between the two neighbouring stops, rounded to whole channels.
  public func colour(at fraction: Double) -> Colour {
    guard stops.count > 1 else { return stops[0] }
    let t = fraction.isNaN ? 0 : FigureMath.clamp(fraction, 0...1)
    let position = t * Double(stops.count - 1)
    let index = min(Int(position), stops.count - 2)
    let local = position - Double(index)
    let a = stops[index]
    let b = stops[index + 1]
    func mix(_ x: UInt8, _ y: UInt8) -> UInt8 {
      UInt8(FigureMath.clamp((Double(x) + (Double(y) - Double(x)) * local).rounded(), 0...255))
    }
    return Colour(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
  }

  /// Matplotlib's viridis, sampled at eleven points (dark purple → blue → green → yellow).
  public static let viridis = ColourScale(
    stops: [
      0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
      0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725,
    ].map { Colour(hex: $0) })

  /// ColorBrewer's RdBu reversed: dark blue (low) → white (middle) → dark red (high). Diverging.
  public static let blueWhiteRed = ColourScale(
    stops: [
      0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
      0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
    ].map { Colour(hex: $0) },
    isDiverging: true
  )
}
