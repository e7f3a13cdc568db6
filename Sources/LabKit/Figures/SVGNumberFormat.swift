/// Decimal text for numbers written into figures: ``DecimalFormat`` with the figures' conventions
/// (coordinates at 2 decimals; a non-finite value, which callers skip before they get here, gives "0").
enum SVGNumberFormat {
  /// The digits after the point used for pixel coordinates and lengths.
  static let coordinateDigits = 2

  /// `value` as fixed-point text with at most `digits` digits after the point; see
  /// ``DecimalFormat/decimal(_:digits:trimTrailingZeros:)``.
  static func format(_ value: Double, digits: Int, trimTrailingZeros: Bool = true) -> String {
    guard value.isFinite else { return trimTrailingZeros || digits <= 0 ? "0" : "0." + String(repeating: "0", count: digits) }
    return DecimalFormat.decimal(value, digits: digits, trimTrailingZeros: trimTrailingZeros)
  }

  /// A pixel coordinate or length: ``format(_:digits:trimTrailingZeros:)`` at ``coordinateDigits``.
  static func coordinate(_ value: Double) -> String {
    format(value, digits: coordinateDigits)
  }
}
