/// Deterministic decimal text for every number the toolkit writes: reports, tables, JSON, figures.
///
/// Committed outputs must be byte-identical across runs and machines, and readable. Swift's
/// `"\(x)"` prints `0.30000000000000004` and `1e-05`; C's `printf` follows locale rules. Here the
/// exact decimal source is the standard library's shortest round-trip digit string of the value (the
/// same on every platform), rounded half away from zero in decimal. Working on the shortest digits is
/// what makes `0.1 + 0.2` print as "0.3" and `2.675` round to "2.68": the binary noise below the
/// shortest representation never reaches the output. No exponent notation, never "-0".
public enum DecimalFormat {
  /// `value` rounded to `digits` places after the point, trailing zeros kept (`fixed(2.5, digits: 2)`
  /// is `"2.50"`). Non-finite values print as `nan`, `inf`, `-inf`.
  public static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return nonFinite(value) }
    return decimal(value, digits: digits, trimTrailingZeros: false)
  }

  /// `value` with at most `significant` significant digits and no trailing zeros after the point
  /// (`compact(1/3, significant: 4)` is `"0.3333"`, 2.50 is `"2.5"`, 1e-7 at 6 digits is
  /// `"0.0000001"`, 123456789 at 3 digits is `"123000000"`).
  public static func compact(_ value: Double, significant: Int = 6) -> String {
    guard value.isFinite else { return nonFinite(value) }
    precondition(significant >= 1, "DecimalFormat.compact: significant must be positive")
    if value == 0 { return "0" }
    // value = 0.d1 d2 ... × 10^point, so `significant` digits end at the place 10^(point − significant).
    let point = decimalDigits(of: value.magnitude).pointPosition
    let places = significant - point
    if places >= 0 { return decimal(value, digits: places, trimTrailingZeros: true) }
    // Round to a multiple of 10^(−places), then write the zeros back.
    var unit = 1.0
    for _ in 0..<(-places) { unit *= 10 }
    let rounded = decimal(value / unit, digits: 0, trimTrailingZeros: true)
    return rounded == "0" ? "0" : rounded + String(repeating: "0", count: -places)
  }

  /// `value` as fixed-point text with at most `digits` digits after the point (the core of the
  /// other functions).
  ///
  /// With `trimTrailingZeros` (the default) zeros at the end of the fraction are dropped, and the
  /// point with them when nothing is left ("2.50" becomes "2.5", "3.00" becomes "3"). A value that
  /// rounds to zero is "0", never "-0". Non-finite values have no decimal form and give "0";
  /// callers skip them before they get here.
  public static func decimal(_ value: Double, digits: Int, trimTrailingZeros: Bool = true) -> String {
    let digits = max(0, min(digits, 400))
    let zero = trimTrailingZeros || digits == 0 ? "0" : "0." + String(repeating: "0", count: digits)
    guard value.isFinite, value != 0 else { return zero }

    let (significant, pointPosition) = decimalDigits(of: value.magnitude)
    // `significant` is d1 d2 d3 ... with value = 0.d1d2d3... × 10^pointPosition. Keep the digits down
    // to the place 10^-digits; they read as an integer count of units of 10^-digits.
    let keep = pointPosition + digits
    guard keep >= 0 else { return zero }
    var units = [UInt8](repeating: 0, count: keep)
    for index in 0..<min(keep, significant.count) { units[index] = significant[index] }
    if keep < significant.count, significant[keep] >= 5 { roundUp(&units) }
    guard units.contains(where: { $0 != 0 }) else { return zero }

    while units.count < digits + 1 { units.insert(0, at: 0) }
    var fraction = Array(units[(units.count - digits)...])
    let integer = units[..<(units.count - digits)].drop(while: { $0 == 0 })
    if trimTrailingZeros {
      while let last = fraction.last, last == 0 { fraction.removeLast() }
    }

    var text = value < 0 ? "-" : ""
    text += integer.isEmpty ? "0" : String(decoding: integer.map { $0 + 48 }, as: UTF8.self)
    if !fraction.isEmpty {
      text += "." + String(decoding: fraction.map { $0 + 48 }, as: UTF8.self)
    }
    return text
  }

  /// The shortest round-trip decimal digits of a positive finite `magnitude`, without leading or
  /// trailing zeros, and the position of the decimal point: value = 0.d1d2... × 10^pointPosition.
  static func decimalDigits(of magnitude: Double) -> (digits: [UInt8], pointPosition: Int) {
    // The standard library's `description` is the shortest digit string that reads back as the
    // same Double, computed by the same code on every platform ("0.30000000000000004", "1e-07",
    // "1.2345e+20"). It is parsed here and never written out as it is.
    let text = magnitude.description.utf8
    var digits: [UInt8] = []
    var integerDigitCount = 0
    var seenPoint = false
    var exponent = 0
    var index = text.startIndex
    while index != text.endIndex {
      let byte = text[index]
      if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        exponent = Int(String(decoding: text[text.index(after: index)...], as: UTF8.self)) ?? 0
        break
      }
      if byte == UInt8(ascii: ".") {
        seenPoint = true
      } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        digits.append(byte - UInt8(ascii: "0"))
        if !seenPoint { integerDigitCount += 1 }
      }
      index = text.index(after: index)
    }
    var pointPosition = integerDigitCount + exponent
    let leadingZeros = digits.prefix(while: { $0 == 0 }).count
    digits.removeFirst(leadingZeros)
    pointPosition -= leadingZeros
    while let last = digits.last, last == 0 { digits.removeLast() }
    return (digits, pointPosition)
  }

  /// Adds one unit in the last place of a big-endian decimal digit array, growing it on carry-out.
  private static func roundUp(_ digits: inout [UInt8]) {
    var index = digits.count - 1
    while index >= 0 {
      if digits[index] < 9 {
        digits[index] += 1
        return
      }
      digits[index] = 0
      index -= 1
    }
    digits.insert(1, at: 0)
  }

  private static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
  }
}
