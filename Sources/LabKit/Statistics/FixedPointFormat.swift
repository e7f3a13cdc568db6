/// Deterministic fixed-point rendering of a `Double` with a given number of decimal places.
///
/// The result is the exact binary value of `x` rounded to `digits` decimals, ties to even, which
/// is what C's `printf("%.*f")` prints under glibc (so 0.125 → "0.12", 2.675 → "2.67", because the
/// double nearest 2.675 is 2.67499999999999982236431605997495353221893310546875). It depends on no
/// locale and no C formatting call, so it is identical on every platform.
///
/// Method: write |x| = m · 2^e with an integer significand m < 2^53; then x · 10^d = m · 10^d · 2^e,
/// and for |x| < 10^15 (so e < 0) and d ≤ 17 the product m · 10^d < 2^110 fits in a `UInt128`;
/// shifting right by −e with round-half-even gives the digits exactly.
///
/// Conventions: a result that rounds to zero is printed without a minus sign ("0.000", never
/// "-0.000"); NaN prints as "nan", infinities as "inf" and "-inf"; magnitudes of 10^15 or more,
/// beyond what a fixed-point report needs, fall back to Swift's shortest round-trip form.
enum FixedPointFormat {
  /// The largest number of decimal places supported.
  static let maximumDigits = 17

  /// `x` with exactly `digits` decimal places (`digits` is clamped to 0 ... 17).
  static func string(_ x: Double, digits: Int) -> String {
    let digits = min(max(digits, 0), maximumDigits)
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let magnitude = abs(x)
    guard magnitude < 1e15 else { return "\(x)" }

    var scaled: UInt128 = 0
    if magnitude != 0 {
      // magnitude = significand · 2^exponent with significand in [1, 2) (also for subnormals).
      let m = UInt128(UInt64(magnitude.significand * 0x1p52))
      let shift = 52 - Int(magnitude.exponent)  // magnitude = m · 2^-shift, shift ≥ 3 here
      var power: UInt128 = 1
      for _ in 0..<digits { power *= 10 }
      let product = m * power  // < 2^53 · 10^17 < 2^110
      if shift >= 111 {
        scaled = 0  // product < 2^110 ≤ half of 2^shift: rounds to 0
      } else {
        let quotient = product >> shift
        let remainder = product - (quotient << shift)
        let half: UInt128 = 1 << (shift - 1)
        scaled = quotient
        if remainder > half || (remainder == half && quotient & 1 == 1) { scaled += 1 }
      }
    }

    var text = String(scaled)
    if digits > 0 {
      if text.count <= digits { text = String(repeating: "0", count: digits + 1 - text.count) + text }
      text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
    }
    return (x < 0 && scaled != 0) ? "-" + text : text
  }

  /// A percentage for a level in (0, 1): `level · 100` with at most 4 decimals and no trailing
  /// zeros (0.95 → "95", 0.999 → "99.9").
  static func percent(_ level: Double) -> String {
    var text = string(level * 100, digits: 4)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
