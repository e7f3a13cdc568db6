/// A streaming accumulator of count, mean, variance, extremes and sum, in O(1) memory.
///
/// Use it for long runs whose outcomes are too many to keep: `add` each value as it is produced,
/// and `merge` the accumulators of independent replicates.
///
/// **Updates.** Welford's (1962) algorithm, in the form given by Knuth (TAOCP vol. 2, 3rd ed.,
/// §4.2.2, p. 232). With n values seen, mean x̄ₙ and Mₙ = Σ (xᵢ − x̄ₙ)²:
///
///     n ← n + 1;  δ = x − x̄;  x̄ ← x̄ + δ / n;  M ← M + δ (x − x̄)
///
/// **Merging.** Chan, Golub and LeVeque's pairwise combination ("Updating formulae and a pairwise
/// algorithm for computing sample variances", 1979; also "Algorithms for computing the sample
/// variance", The American Statistician 37, 1983). For parts A and B with δ = x̄_B − x̄_A:
///
///     n = n_A + n_B;  x̄ = x̄_A + δ n_B / n;  M = M_A + M_B + δ² n_A n_B / n
///
/// Floating-point addition is not associative, so merged results depend on the merge order (in
/// the last bits); they are reproducible when replicates are merged in a fixed order (for example
/// replicate index order), whatever order the replicates finished in.
///
/// **Conventions.** Before any value is added, ``mean``, ``minimum`` and ``maximum`` are NaN and
/// ``sum`` is 0. ``variance`` and ``standardDeviation`` are NaN while ``count`` < 2 (the sample
/// variance M / (n − 1) is undefined for n < 2; NaN keeps it from being mistaken for "no spread").
/// A NaN added is counted and poisons every statistic (they all become NaN), so that it cannot be
/// silently lost; `ConfidenceInterval.mean(of:level:)` then refuses the accumulator. Infinities
/// follow IEEE arithmetic (an infinite value makes the sum and mean infinite and the variance NaN).
public struct RunningStatistics: Sendable, Equatable {
  /// The number of values added (NaNs included).
  public private(set) var count: Int = 0
  private var runningMean: Double = 0
  private var sumOfSquaredDeviations: Double = 0
  private var smallest: Double = .infinity
  private var largest: Double = -.infinity
  /// Neumaier-compensated sum: `total + compensation` is the sum to about twice working precision.
  private var total: Double = 0
  private var compensation: Double = 0

  /// An empty accumulator.
  public init() {}

  /// An accumulator holding `values`, added in order.
  public init<S: Sequence>(_ values: S) where S.Element == Double {
    for value in values { add(value) }
  }

  /// Adds one value (Welford's update).
  public mutating func add(_ x: Double) {
    count += 1
    let delta = x - runningMean
    runningMean += delta / Double(count)
    sumOfSquaredDeviations += delta * (x - runningMean)
    if x.isNaN || x < smallest { if !smallest.isNaN { smallest = x } }
    if x.isNaN || x > largest { if !largest.isNaN { largest = x } }
    accumulate(x, 0)
  }

  /// Adds every value of a sequence, in order.
  public mutating func add<S: Sequence>(contentsOf values: S) where S.Element == Double {
    for value in values { add(value) }
  }

  /// Combines `other` into this accumulator (Chan et al.'s pairwise formulae), as if its values
  /// had been added here. Not commutative in the last bits: merge in a fixed order.
  public mutating func merge(_ other: RunningStatistics) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let n = count + other.count
    let nA = Double(count)
    let nB = Double(other.count)
    let delta = other.runningMean - runningMean
    runningMean += delta * nB / Double(n)
    sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * nA * nB / Double(n)
    count = n
    if other.smallest.isNaN || other.smallest < smallest { if !smallest.isNaN { smallest = other.smallest } }
    if other.largest.isNaN || other.largest > largest { if !largest.isNaN { largest = other.largest } }
    accumulate(other.total, other.compensation)
  }

  /// The accumulators merged in the order given (an empty accumulator for an empty list).
  public static func merged<S: Sequence>(_ parts: S) -> RunningStatistics where S.Element == RunningStatistics {
    var result = RunningStatistics()
    for part in parts { result.merge(part) }
    return result
  }

  /// The arithmetic mean x̄ = (1/n) Σ xᵢ; NaN when empty.
  public var mean: Double { count == 0 ? .nan : runningMean }

  /// The sample variance s² = Σ (xᵢ − x̄)² / (n − 1); NaN when `count` < 2.
  public var variance: Double { count < 2 ? .nan : sumOfSquaredDeviations / Double(count - 1) }

  /// The sample standard deviation s = √s²; NaN when `count` < 2.
  public var standardDeviation: Double { variance.squareRoot() }

  /// The smallest value added; NaN when empty or after a NaN.
  public var minimum: Double { count == 0 ? .nan : smallest }

  /// The largest value added; NaN when empty or after a NaN.
  public var maximum: Double { count == 0 ? .nan : largest }

  /// The sum of the values added (Neumaier's compensated summation, so long runs of small values
  /// do not drift); 0 when empty.
  public var sum: Double { total.isFinite ? total + compensation : total }

  /// Neumaier's improved Kahan–Babuška step: adds `value` and a carried `carry` to the sum.
  private mutating func accumulate(_ value: Double, _ carry: Double) {
    let next = total + value
    guard next.isFinite else {
      total = next  // an infinity or NaN: nothing left to compensate
      return
    }
    if abs(total) >= abs(value) {
      compensation += (total - next) + value
    } else {
      compensation += (value - next) + total
    }
    total = next
    compensation += carry
  }
}
