/// A histogram with equal-width bins over [lower, upper): a value type, so copies are independent.
///
/// Bin i covers [edgeᵢ, edgeᵢ₊₁) with the edges of numpy's `histogram` (`numpy.linspace`):
///
///     edgeᵢ = lower + i · ((upper − lower) / n),   i = 0 ... n − 1,   edgeₙ = upper
///
/// so round data give round edges (2 ... 9 in 7 bins gives 2, 3, …, 9 exactly; GSL's
/// `gsl_histogram_set_ranges_uniform` formula ((n − i)/n) · lower + (i/n) · upper gives
/// 5.999999999999999 for the fifth edge). A value x is first placed in bin ⌊n (x − lower) / (upper −
/// lower)⌋, then moved until edgeᵢ ≤ x < edgeᵢ₊₁ holds for the stored edges, so rounding never puts
/// a value in a bin whose edges do not bracket it (GSL's `gsl_histogram_find` and numpy both make
/// the same correction).
///
/// Values below `lower` count as ``underflow``, values at or above `upper` as ``overflow`` (unless
/// ``includesUpperEdge``, see ``init(values:binCount:)``), and NaNs in ``nanCount``; none of these
/// enter ``counts``. Written in Swift rather than over `gsl_histogram` so that it has value
/// semantics, is `Sendable` and needs no freeing.
public struct Histogram: Sendable, Equatable {
  /// The lower end of the first bin.
  public let lower: Double
  /// The upper end of the last bin.
  public let upper: Double
  /// The n + 1 bin edges, from `lower` to `upper`.
  public let edges: [Double]
  /// Whether a value equal to `upper` goes into the last bin (which is then [edgeₙ₋₁, upper]).
  public let includesUpperEdge: Bool
  /// The number of values in each of the n bins.
  public private(set) var counts: [Int]
  /// Values below `lower` (−∞ included).
  public private(set) var underflow: Int = 0
  /// Values at or above `upper` (+∞ included), except `upper` itself when ``includesUpperEdge``.
  public private(set) var overflow: Int = 0
  /// NaN values added.
  public private(set) var nanCount: Int = 0

  /// An empty histogram with `binCount` equal bins over [lower, upper).
  ///
  /// - Parameter includesUpperEdge: count a value equal to `upper` in the last bin (default `false`:
  ///   it is overflow).
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless `lower` < `upper` are finite and
  ///   `binCount` ≥ 1.
  public init(lower: Double, upper: Double, binCount: Int, includesUpperEdge: Bool = false) throws {
    let place = "Histogram"
    guard lower.isFinite, upper.isFinite, lower < upper else {
      throw LabError.invalidInput(place: place, problem: "range [\(lower), \(upper)) must be finite and non-empty")
    }
    guard binCount >= 1 else {
      throw LabError.invalidInput(place: place, problem: "bin count must be at least 1, got \(binCount)")
    }
    guard (upper - lower).isFinite else {
      throw LabError.invalidInput(place: place, problem: "range [\(lower), \(upper)) is wider than a Double holds")
    }
    let step = (upper - lower) / Double(binCount)
    self.lower = lower
    self.upper = upper
    self.edges = (0...binCount).map { i in i == binCount ? upper : min(lower + Double(i) * step, upper) }
    self.includesUpperEdge = includesUpperEdge
    self.counts = Array(repeating: 0, count: binCount)
  }

  /// A histogram of `values` with `binCount` equal bins spanning the finite values' range
  /// [min, max], the maximum counted in the last bin (``includesUpperEdge`` is `true`, as in numpy's
  /// `histogram`). If every finite value is the same x, the range is [x − 0.5, x + 0.5] (numpy's
  /// convention; if x ± 0.5 rounds back to x, the neighbouring doubles). NaNs and infinities are added too and land in ``nanCount``, ``underflow`` or
  /// ``overflow``.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if there is no finite value or `binCount` < 1.
  public init(values: [Double], binCount: Int) throws {
    let finite = values.lazy.filter { $0.isFinite }
    guard let smallest = finite.min(), let largest = finite.max() else {
      throw LabError.invalidInput(place: "Histogram", problem: "no finite values to take a range from")
    }
    var (lower, upper) = smallest < largest ? (smallest, largest) : (smallest - 0.5, largest + 0.5)
    if !(lower < upper) {  // |x| so large that x ± 0.5 rounds back to x
      (lower, upper) = (smallest.nextDown, largest.nextUp)
    }
    try self.init(lower: lower, upper: upper, binCount: binCount, includesUpperEdge: true)
    add(contentsOf: values)
  }

  /// The number of bins.
  public var binCount: Int { counts.count }

  /// Every value added: the binned ones plus underflow, overflow and NaNs.
  public var total: Int { binnedCount + underflow + overflow + nanCount }

  /// The values that fell into a bin (the sum of ``counts``).
  public var binnedCount: Int { counts.reduce(0, +) }

  /// The bin `x` falls into, or `nil` if it is NaN or outside the range.
  public func binIndex(for x: Double) -> Int? {
    guard x >= lower else { return nil }  // also rejects NaN
    if x >= upper { return includesUpperEdge && x == upper ? binCount - 1 : nil }
    let n = binCount
    var i = min(Int((x - lower) / (upper - lower) * Double(n)), n - 1)
    while i > 0 && x < edges[i] { i -= 1 }
    while i < n - 1 && x >= edges[i + 1] { i += 1 }
    return i
  }

  /// Counts one value.
  public mutating func add(_ x: Double) {
    if let i = binIndex(for: x) {
      counts[i] += 1
    } else if x.isNaN {
      nanCount += 1
    } else if x < lower {
      underflow += 1
    } else {
      overflow += 1
    }
  }

  /// Counts every value of a sequence.
  public mutating func add<S: Sequence>(contentsOf values: S) where S.Element == Double {
    for value in values { add(value) }
  }

  /// Adds the counts of a histogram with the same edges (for combining replicates).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if the edges or the upper-edge rule differ.
  public mutating func merge(_ other: Histogram) throws {
    guard other.edges == edges, other.includesUpperEdge == includesUpperEdge else {
      throw LabError.invalidInput(place: "Histogram.merge", problem: "histograms have different bins")
    }
    for i in counts.indices { counts[i] += other.counts[i] }
    underflow += other.underflow
    overflow += other.overflow
    nanCount += other.nanCount
  }
}
