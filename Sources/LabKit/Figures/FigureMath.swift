/// The little real-number arithmetic the figures need, written on the standard library alone.
///
/// The standard library has no logarithms or powers, and the figures must not import Foundation or
/// the C library; these are accurate to a few units in the last place, which is far below the 0.01
/// pixel the coordinates are written with, and they give the same bits on every platform.
enum FigureMath {
  /// The exactly representable powers of ten, 10^0 ... 10^22.
  private static let exactPowers: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]
  private static let ln2 = 0.6931471805599453
  private static let ln10 = 2.302585092994046

  /// 10^n. Exact for 0 ≤ n ≤ 22 and the nearest Double to 10^n for -22 ≤ n < 0.
  static func pow10(_ n: Int) -> Double {
    if n > 308 { return .infinity }
    if n < -330 { return 0 }
    if n >= 0 {
      return n <= 22 ? exactPowers[n] : exactPowers[22] * pow10(n - 22)
    }
    return -n <= 22 ? 1 / exactPowers[-n] : pow10(n + 22) / exactPowers[22]
  }

  /// m × 10^e, computed so that it is the Double nearest the decimal number when |e| ≤ 22 and m is
  /// exactly representable: tick values built this way carry no binary noise (3 × 10^-1 is 0.3).
  static func decimal(_ m: Int, _ e: Int) -> Double {
    if e >= 0 { return Double(m) * pow10(e) }
    if -e <= 22 { return Double(m) / exactPowers[-e] }
    return Double(m) * pow10(e)
  }

  /// The natural logarithm of a positive finite `x` (NaN otherwise).
  static func log(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
    // x = m · 2^k with m in [√½, √2); ln m = 2 atanh(s), s = (m - 1)/(m + 1), |s| < 0.172.
    var m = x.significand
    var k = Double(Int(x.exponent))
    if m > 1.4142135623730951 {
      m /= 2
      k += 1
    }
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    var term = s
    var sum = 0.0
    var denominator = 1.0
    for _ in 0..<30 {
      let next = sum + term / denominator
      if next == sum { break }
      sum = next
      term *= s2
      denominator += 2
    }
    return 2 * sum + k * ln2
  }

  /// The base-10 logarithm of a positive finite `x` (NaN otherwise); exact for the Doubles nearest
  /// to the powers of ten, so that decades land exactly on whole numbers.
  static func log10(_ x: Double) -> Double {
    let approximate = log(x) / ln10
    let nearest = approximate.rounded()
    if (approximate - nearest).magnitude < 1e-9, nearest.magnitude <= 330, pow10(Int(nearest)) == x {
      return nearest
    }
    return approximate
  }

  /// e^x, for the `x` the figures need (|x| up to a few hundred); 0 or +∞ beyond the Double range.
  static func exp(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? .nan : (x > 0 ? .infinity : 0) }
    if x > 709.8 { return .infinity }
    if x < -745.2 { return 0 }
    // x = k ln 2 + r with |r| ≤ ln2 / 2; e^r by its Taylor series.
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var term = 1.0
    var sum = 1.0
    var n = 1.0
    for _ in 0..<40 {
      term *= r / n
      let next = sum + term
      if next == sum { break }
      sum = next
      n += 1
    }
    return scaleByPowerOfTwo(sum, Int(k))
  }

  /// 10^x for a real exponent.
  static func exp10(_ x: Double) -> Double {
    if x == x.rounded(), x.magnitude <= 22 { return pow10(Int(x)) }
    return exp(x * ln10)
  }

  /// The integer k with 10^k ≤ x < 10^(k+1), for a positive finite `x`, decided by exact comparison.
  static func floorLog10(_ x: Double) -> Int {
    guard x > 0, x.isFinite else { return 0 }
    var k = Int(log10(x).rounded(.down))
    while k > -330, pow10(k) > x { k -= 1 }
    while k < 308, pow10(k + 1) <= x { k += 1 }
    return k
  }

  /// `value` clamped into `range`.
  static func clamp(_ value: Double, _ range: ClosedRange<Double>) -> Double {
    min(max(value, range.lowerBound), range.upperBound)
  }

  /// a × 2^k without overflow in the intermediate steps.
  private static func scaleByPowerOfTwo(_ a: Double, _ k: Int) -> Double {
    var result = a
    var remaining = k
    while remaining > 1000 {
      result *= Double(sign: .plus, exponent: 1000, significand: 1)
      remaining -= 1000
    }
    while remaining < -1000 {
      result *= Double(sign: .plus, exponent: -1000, significand: 1)
      remaining += 1000
    }
    return result * Double(sign: .plus, exponent: remaining, significand: 1)
  }
}
