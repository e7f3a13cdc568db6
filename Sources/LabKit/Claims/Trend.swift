/// The trend of a measured quantity over sizes, for a claim about a limit ("as N grows", "with
/// probability tending to 1"): an ordinary least-squares line fitted to every observation (one per
/// replicate and size, not one mean per size, so the interval has the degrees of freedom of the data).
///
/// Two statistics:
/// - ``Statistic/slope``: y = a + b·x; the estimate is b, the change per unit of size;
/// - ``Statistic/limit``: y = a + b/x; the estimate is a, the fitted value as x → ∞.
///
/// The interval is the Student t interval of the OLS coefficient with n − 2 degrees of freedom
/// (``LeastSquaresLine``). The verdict
/// compares the interval with a bar (``Headline/comparing(lower:upper:_:)``), so an interval that
/// straddles the bar is inconclusive.
public struct Trend: Sendable, Equatable {
  public enum Statistic: String, Sendable, Hashable {
    case slope, limit
  }

  /// The reading the trend belongs to.
  public let reading: Setting
  /// The size knob's name and the sizes used, in order.
  public let sizeName: String
  public let sizes: [Double]
  /// The mean observation at each size, for tables and figures.
  public let means: [Double]
  public let statistic: Statistic
  public let estimate: Double
  public let lower: Double
  public let upper: Double
  public let bar: Bar
  public let verdict: Headline
  /// Number of observations fitted.
  public let n: Int

  /// Fits the trend of `observations` (size, value) and judges it against `bar`.
  ///
  /// - Parameter validRange: the values the limit can take (0...1 for a probability or a fraction):
  ///   a ``Statistic/limit`` estimate and its interval are clipped to it, and the verdict compares the
  ///   clipped interval (for a bar inside the range the verdict is the same as without clipping).
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for fewer than three distinct sizes or fewer
  ///   than three observations, or a non-finite value.
  public init(
    reading: Setting, sizeName: String, observations: [(size: Double, value: Double)], statistic: Statistic,
    bar: Bar, level: Double = 0.95, validRange: ClosedRange<Double>? = nil
  ) throws {
    let sizes = Array(Set(observations.map(\.size))).sorted()
    guard sizes.count >= 3, observations.count >= 3, observations.allSatisfy({ $0.size.isFinite && $0.value.isFinite && $0.size != 0 }) else {
      throw LabError.invalidInput(place: "Trend(\(sizeName))", problem: "a trend needs finite values at three or more distinct non-zero sizes")
    }
    let xs = observations.map { statistic == .slope ? $0.size : 1 / $0.size }
    let ys = observations.map(\.value)
    let fit = try LeastSquaresLine(x: xs, y: ys, level: level, place: "Trend(\(sizeName))")
    let (fitted, halfWidth) = statistic == .slope ? (fit.slope, fit.slopeHalfWidth) : (fit.intercept, fit.interceptHalfWidth)
    let clip = { (x: Double) -> Double in
      guard statistic == .limit, let range = validRange else { return x }
      return min(max(x, range.lowerBound), range.upperBound)
    }
    let (estimate, lower, upper) = (clip(fitted), clip(fitted - halfWidth), clip(fitted + halfWidth))
    self.reading = reading
    self.sizeName = sizeName
    self.sizes = sizes
    self.means = sizes.map { size in
      (try? Statistics.mean(observations.filter { $0.size == size }.map(\.value))) ?? .nan
    }
    self.statistic = statistic
    self.estimate = estimate
    self.lower = lower
    self.upper = upper
    self.bar = bar
    self.verdict = .comparing(lower: lower, upper: upper, bar)
    self.n = observations.count
  }

  /// "slope 0.021 [0.004, 0.038] ≥ 0 over N = 4, 5, 6".
  public var described: String {
    let sizesText = sizes.map { DecimalFormat.compact($0, significant: 6) }.joined(separator: ", ")
    return "\(statistic == .slope ? "slope" : "fitted limit") \(DecimalFormat.compact(estimate, significant: 3)) "
      + "[\(DecimalFormat.compact(lower, significant: 3)), \(DecimalFormat.compact(upper, significant: 3))] against \(bar) over \(sizeName) = \(sizesText)"
  }
}
