/// Deterministic decimal formatting for everything the toolkit writes (reports, JSON, tables).
///
/// Committed outputs must be byte-identical across runs and machines, and readable. Swift's
/// `"\(x)"` prints `0.30000000000000004` and `1e-05`; C's `printf` follows locale rules. These
/// functions round in binary once, then print digits without exponent notation, never `-0`.
public enum DecimalFormat {
  /// `value` rounded to `digits` places after the point, trailing zeros kept (`fixed(2.5, 2)` is
  /// `"2.50"`). Non-finite values print as `nan`, `inf`, `-inf`.
  public static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return nonFinite(value) }
    precondition(digits >= 0 && digits <= 15, "DecimalFormat.fixed: digits must be in 0...15")
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * scale).rounded()
    guard abs(scaled) < 9.0e15 else {
      // Too large to hold exactly in the integer path: print the integer part only.
      return integerText(value.rounded())
    }
    let negative = scaled < 0
    let magnitude = UInt64(abs(scaled))
    var digitsText = String(magnitude)
    if digits > 0 {
      if digitsText.count <= digits {
        digitsText = String(repeating: "0", count: digits - digitsText.count + 1) + digitsText
      }
      digitsText.insert(".", at: digitsText.index(digitsText.endIndex, offsetBy: -digits))
    }
    return (negative && magnitude != 0 ? "-" : "") + digitsText
  }

  /// `value` with at most `significant` significant digits and no trailing zeros after the point
  /// (`compact(1/3, significant: 4)` is `"0.3333"`, `compact(2.50, ...)` is `"2.5"`, 1e-7 at 6
  /// digits is `"0.0000001"`). Integers print without a point.
  public static func compact(_ value: Double, significant: Int = 6) -> String {
    guard value.isFinite else { return nonFinite(value) }
    precondition(significant >= 1 && significant <= 15, "DecimalFormat.compact: significant must be in 1...15")
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e15 { return integerText(value.rounded()) }
    // Decimal exponent of the leading digit; guard against log10 rounding at exact powers of ten.
    var exponent = Int((magnitude.log10Floor))
    if pow10(exponent) > magnitude { exponent -= 1 }
    if pow10(exponent + 1) <= magnitude { exponent += 1 }
    let digits = significant - 1 - exponent
    if digits < 0 {
      // More integer digits than significant ones: round to a multiple of 10^(−digits).
      let unit = pow10(-digits)
      return integerText((value / unit).rounded() * unit)
    }
    return trimmed(fixed(value, digits: min(15, digits)))
  }

  /// Removes trailing zeros (and a trailing point) after the decimal point; `-0` becomes `0`.
  static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text == "-0" ? "0" : text }
    var result = Substring(text)
    while result.hasSuffix("0") { result = result.dropLast() }
    if result.hasSuffix(".") { result = result.dropLast() }
    return result == "-0" ? "0" : String(result)
  }

  private static func integerText(_ value: Double) -> String {
    // Exact decimal expansion of an integral double (at most 309 digits), by repeated division.
    var digits: [UInt8] = []
    var remaining = abs(value)
    while remaining >= 1 {
      let quotient = (remaining / 10).rounded(.down)
      let digit = remaining - quotient * 10
      digits.append(UInt8(digit.rounded()) + 48)
      remaining = quotient
    }
    if digits.isEmpty { return "0" }
    return (value < 0 ? "-" : "") + String(decoding: digits.reversed(), as: UTF8.self)
  }

  private static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
    return result
  }
}

extension Double {
  /// floor(log10(self)) for positive finite values, by exponent arithmetic (no libm needed).
  fileprivate var log10Floor: Int {
    var exponent = 0
    var x = self
    while x >= 10 { x /= 10; exponent += 1 }
    while x < 1 { x *= 10; exponent -= 1 }
    return exponent
  }
}
