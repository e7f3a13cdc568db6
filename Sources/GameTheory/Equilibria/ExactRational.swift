import BigInt

/// An exact rational number p/q in lowest terms with q > 0, on arbitrary-precision integers
/// (attaswift/BigInt). Used by exact Lemke–Howson pivoting and to print equilibria as fractions, as
/// Gambit does ("2/3" rather than 0.666667).
public struct ExactRational: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The numerator, carrying the sign.
  public let numerator: BigInt
  /// The denominator, always positive.
  public let denominator: BigInt

  /// p/q reduced to lowest terms with a positive denominator.
  ///
  /// - Precondition: `denominator != 0`.
  public init(_ numerator: BigInt, _ denominator: BigInt = 1) {
    precondition(denominator != 0, "ExactRational: zero denominator")
    let divisor = numerator.greatestCommonDivisor(with: denominator)
    let sign: BigInt = denominator < 0 ? -1 : 1
    self.numerator = sign * numerator / divisor
    self.denominator = sign * denominator / divisor
  }

  /// The rational a finite Double prints as: its shortest round-trip decimal (Swift's `description`),
  /// so `0.1` is 1/10 and `2` is 2 (not the binary fraction 0.1000000000000000055…). A number typed
  /// as a decimal in a game file is thus taken exactly as typed; one typed as a fraction such as 2/3
  /// reaches this type already rounded to a Double, and is taken as that Double's shortest decimal.
  ///
  /// - Precondition: `value` is finite (games are validated before solving).
  public init(decimal value: Double) {
    precondition(value.isFinite, "ExactRational: \(value) is not finite")
    let text = "\(value)".lowercased()
    let parts = text.split(separator: "e", maxSplits: 1)
    let exponent = parts.count == 2 ? Int(parts[1])! : 0
    let mantissa = String(parts[0])
    let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let fraction = pieces.count == 2 ? String(pieces[1]) : ""
    let digits = BigInt(String(pieces[0]) + fraction)!
    let scale = exponent - fraction.count
    let ten = BigInt(10)
    if scale >= 0 {
      self.init(digits * ten.power(scale))
    } else {
      self.init(digits, ten.power(-scale))
    }
  }

  public static let zero = ExactRational(0)
  public static let one = ExactRational(1)

  public static func + (a: ExactRational, b: ExactRational) -> ExactRational {
    ExactRational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
  }

  public static func - (a: ExactRational, b: ExactRational) -> ExactRational {
    ExactRational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
  }

  public static func * (a: ExactRational, b: ExactRational) -> ExactRational {
    ExactRational(a.numerator * b.numerator, a.denominator * b.denominator)
  }

  /// - Precondition: `b` is not zero.
  public static func / (a: ExactRational, b: ExactRational) -> ExactRational {
    ExactRational(a.numerator * b.denominator, a.denominator * b.numerator)
  }

  public static func < (a: ExactRational, b: ExactRational) -> Bool {
    a.numerator * b.denominator < b.numerator * a.denominator
  }

  /// The nearest Double (to within an ulp or so, also when numerator and denominator are huge).
  public var doubleValue: Double {
    let shift = max(0, max(numerator.magnitude.bitWidth, denominator.magnitude.bitWidth) - 900)
    return Double(numerator >> shift) / Double(denominator >> shift)
  }

  /// "2/3", "-1/2", "0", "5".
  public var description: String {
    denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
  }
}
