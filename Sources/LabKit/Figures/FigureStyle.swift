/// The typography, colours and spacing shared by every figure, in one place.
///
/// Sizes are in SVG user units (pixels at the nominal size). Text widths are estimated, not
/// measured: ``textWidth(_:fontSize:)`` assumes 0.6 em per character, a little wider than the
/// average DejaVu Sans glyph, so that estimated boxes contain the real text.
enum FigureStyle {
  static let fontFamily = "DejaVu Sans, sans-serif"
  static let titleFontSize = 15.0
  static let axisLabelFontSize = 12.0
  static let tickFontSize = 12.0
  static let legendFontSize = 12.0
  static let annotationFontSize = 12.0
  /// No text in a figure is smaller, at the figure's default width: 12 px is about 9 pt when a
  /// 600-px-wide figure spans one column of a two-column paper. Labels that would need a smaller
  /// size (a heatmap's cell values in small cells) are left out; the colour scale carries them.
  static let minimumFontSize = 12.0

  static let textColour = "#222222"
  static let axisColour = "#444444"
  static let gridColour = "#e5e5e5"
  static let referenceColour = "#555555"
  static let missingColour = "#d9d9d9"

  /// Space between the figure edge and anything drawn.
  static let padding = 8.0
  static let tickLength = 5.0
  static let minorTickLength = 3.0
  static let tickLabelGap = 3.0
  static let lineWidth = 2.0
  static let markerSize = 7.0

  /// A usable figure dimension: `value` clamped into 60 ... 20 000 pixels, or `fallback` when it
  /// is not finite.
  static func dimension(_ value: Double, fallback: Double) -> Double {
    value.isFinite ? FigureMath.clamp(value, 60...20_000) : fallback
  }

  /// The estimated advance width of `text` at `fontSize`: 0.6 em per character.
  static func textWidth(_ text: String, fontSize: Double) -> Double {
    Double(text.count) * 0.6 * fontSize
  }
}
