import LabKit

/// An exact rational number p/q with 64-bit parts, always in lowest terms with q > 0.
///
/// The haggling algorithm samples from the hypotheses that promise the *highest* value, so ties
/// between values decide what an agent does; the module therefore compares values in the γ → 1 limit
/// (means of cycles of rewards) exactly, as rationals (the notes' §2.4 and ambiguity 6). Game payoffs
/// are turned into rationals by ``init(approximating:maximumDenominator:tolerance:)``, which accepts a
/// payoff only when it is, as a double, exactly a fraction with a small denominator (5/12, 2.5, 3), so
/// ties are never created or broken by rounding. Overflow traps (64-bit parts suffice for cycle means of small games).
///
/// Candidate to move to LabKit (no Swift rational type exists in the project).
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The numerator, with the sign.
  public let numerator: Int64
  /// The denominator, positive.
  public let denominator: Int64

  /// p/q in lowest terms.
  ///
  /// - Precondition: q ≠ 0.
  public init(_ p: Int64, _ q: Int64 = 1) {
    precondition(q != 0, "Rational: zero denominator")
    let g = Rational.gcd(p.magnitude, q.magnitude)
    var n = p / Int64(g)
    var d = q / Int64(g)
    if d < 0 {
      n = -n
      d = -d
    }
    numerator = n
    denominator = d
  }

  public init(_ n: Int) { self.init(Int64(n), 1) }

  public static let zero = Rational(0)
  public static let one = Rational(1)

  /// The fraction with denominator at most `maximumDenominator` found by continued fractions whose
  /// double is within `tolerance` · max(1, |x|) of `x`, by default exactly `x` (so 5.0 / 12.0 gives
  /// 5/12 and 2.5 gives 5/2, while a payoff such as 3.14159265358979 gives `nil`); `nil` otherwise.
  public init?(approximating x: Double, maximumDenominator: Int64 = 1_000_000, tolerance: Double = 0) {
    guard x.isFinite, x.magnitude < 1e12 else { return nil }
    // Convergents h/k of the continued fraction of x.
    var (h0, h1): (Int64, Int64) = (0, 1)
    var (k0, k1): (Int64, Int64) = (1, 0)
    var remainder = x
    var best: Rational?
    for _ in 0..<64 {
      let a = remainder.rounded(.down)
      guard a.magnitude < 1e15 else { break }
      let ai = Int64(a)
      let (h2, k2) = (ai * h1 + h0, ai * k1 + k0)
      if k2 > maximumDenominator || k2 <= 0 { break }
      (h0, h1, k0, k1) = (h1, h2, k1, k2)
      let candidate = Rational(h2, k2)
      best = candidate
      if (candidate.doubleValue - x).magnitude <= tolerance * max(1, x.magnitude) { break }
      let fraction = remainder - a
      if fraction == 0 { break }
      remainder = 1 / fraction
    }
    guard let best, (best.doubleValue - x).magnitude <= tolerance * max(1, x.magnitude) else { return nil }
    self = best
  }

  public var doubleValue: Double { Double(numerator) / Double(denominator) }

  public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

  public static func + (a: Rational, b: Rational) -> Rational {
    let g = Int64(gcd(a.denominator.magnitude, b.denominator.magnitude))
    let (left, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator / g)
    let (right, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator / g)
    let (sum, o3) = left.addingReportingOverflow(right)
    let (den, o4) = (a.denominator / g).multipliedReportingOverflow(by: b.denominator)
    precondition(!(o1 || o2 || o3 || o4), "Rational: overflow in \(a) + \(b)")
    return Rational(sum, den)
  }

  public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) }
  public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

  public static func * (a: Rational, b: Rational) -> Rational {
    let g1 = Int64(gcd(a.numerator.magnitude, b.denominator.magnitude))
    let g2 = Int64(gcd(b.numerator.magnitude, a.denominator.magnitude))
    let (n, o1) = (a.numerator / g1).multipliedReportingOverflow(by: b.numerator / g2)
    let (d, o2) = (a.denominator / g2).multipliedReportingOverflow(by: b.denominator / g1)
    precondition(!(o1 || o2), "Rational: overflow in \(a) · \(b)")
    return Rational(n, d)
  }

  public static func / (a: Rational, b: Rational) -> Rational {
    precondition(b.numerator != 0, "Rational: division by zero")
    return a * Rational(b.denominator, b.numerator)
  }

  public static func < (a: Rational, b: Rational) -> Bool {
    // a.n/a.d < b.n/b.d ⟺ a.n·b.d < b.n·a.d (denominators positive); 128-bit products never overflow.
    let left = a.numerator.multipliedFullWidth(by: b.denominator)
    let right = b.numerator.multipliedFullWidth(by: a.denominator)
    return (left.high, left.low) < (right.high, right.low)
  }

  /// The mean of a non-empty list.
  public static func mean(_ values: [Rational]) -> Rational {
    precondition(!values.isEmpty, "Rational.mean: no values")
    return values.reduce(.zero, +) / Rational(values.count)
  }

  static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return max(x, 1)
  }
}
