import CGSL

// MARK: - Uniform draws

extension Random {
  /// A uniform real number in [0, 1) (`gsl_rng_uniform`; 32 bits of resolution for mt19937).
  @inlinable
  public func uniform() -> Double { gsl_rng_uniform(generator) }

  /// A uniform real number in [lower, upper).
  @inlinable
  public func uniform(in range: Range<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * gsl_rng_uniform(generator)
  }

  /// A uniform integer in the closed range, every value equally likely (`gsl_rng_uniform_int`,
  /// which rejects rather than taking a biased modulus).
  ///
  /// `gsl_rng_uniform_int(r, n)` accepts n only up to `max − min` (2^32 − 1 for mt19937 and taus2);
  /// beyond that it reports `GSL_EINVAL` and returns 0, which goes unnoticed with the error handler
  /// off. A range of exactly `max − min + 1` values (the generator's full output range) is therefore
  /// served by one raw draw, `gsl_rng_get − min`, which is uniform on it.
  ///
  /// - Precondition: the range holds at most `max − min + 1` values (2^32 for mt19937 and taus2).
  @inlinable
  public func integer(in range: ClosedRange<Int>) -> Int {
    // width − 1, exact for every closed range (the difference of two Ints fits in a UInt).
    let spread = UInt(bitPattern: range.upperBound &- range.lowerBound)
    let minimum = gsl_rng_min(generator)
    let generatorSpread = gsl_rng_max(generator) - minimum
    precondition(spread <= generatorSpread, "Random.integer(in:): range wider than the generator")
    let offset =
      spread == generatorSpread
      ? gsl_rng_get(generator) - minimum
      : gsl_rng_uniform_int(generator, spread + 1)
    return range.lowerBound &+ Int(bitPattern: offset)  // lowerBound + offset ≤ upperBound: no overflow
  }

  /// A uniform integer in `0 ..< count`.
  ///
  /// - Precondition: `0 < count ≤ max − min + 1` (2^32 for mt19937 and taus2).
  @inlinable
  public func index(below count: Int) -> Int {
    precondition(count > 0, "Random.index(below:): count must be positive")
    return integer(in: 0...(count - 1))
  }

  /// `true` with probability `probability` (`gsl_ran_bernoulli`).
  @inlinable
  public func bernoulli(_ probability: Double) -> Bool {
    gsl_ran_bernoulli(generator, probability) == 1
  }
}

// MARK: - Continuous and discrete distributions

extension Random {
  /// A Gaussian draw with the given mean and standard deviation (`gsl_ran_gaussian_ziggurat`).
  @inlinable
  public func gaussian(mean: Double = 0, standardDeviation: Double = 1) -> Double {
    mean + gsl_ran_gaussian_ziggurat(generator, standardDeviation)
  }

  /// A beta(a, b) draw (`gsl_ran_beta`), with mean a / (a + b).
  @inlinable
  public func beta(_ a: Double, _ b: Double) -> Double { gsl_ran_beta(generator, a, b) }

  /// The number of Bernoulli(p) trials up to and including the first success, k >= 1, with
  /// P(k) = p (1 - p)^(k - 1) (`gsl_ran_geometric`) and mean 1 / p.
  @inlinable
  public func geometric(_ probability: Double) -> Int { Int(gsl_ran_geometric(generator, probability)) }

  /// An index `i` drawn with probability `weights[i] / sum(weights)`.
  ///
  /// For repeated draws from the same weights, build a ``Categorical`` once instead.
  public func categorical(_ weights: [Double]) -> Int {
    // One linear pass beats building Walker's table for a single draw.
    let total = weights.reduce(0, +)
    precondition(total > 0 && total.isFinite, "Random.categorical: weights must have a positive finite sum")
    var target = uniform() * total
    for (index, weight) in weights.enumerated() {
      target -= weight
      if target < 0 { return index }
    }
    return weights.lastIndex(where: { $0 > 0 }) ?? 0
  }
}

// MARK: - Collections

extension Random {
  /// Shuffles `array` in place (Fisher–Yates with `gsl_rng_uniform_int`, the algorithm of
  /// `gsl_ran_shuffle`, written in Swift so it works on any element type): the generic
  /// ``UniformRandomSource/shuffle(_:)`` on this generator.
  public func shuffle<Element>(_ array: inout [Element]) {
    var source: some UniformRandomSource = self
    source.shuffle(&array)
  }

  /// An element of a non-empty collection, every element equally likely.
  public func choice<C: RandomAccessCollection>(_ elements: C) -> C.Element {
    precondition(!elements.isEmpty, "Random.choice: empty collection")
    let offset = index(below: elements.count)
    return elements[elements.index(elements.startIndex, offsetBy: offset)]
  }

  /// `count` distinct elements chosen uniformly, in their original order (`gsl_ran_choose`'s
  /// selection-sampling algorithm, Knuth's Algorithm S).
  public func choose<Element>(_ count: Int, from elements: [Element]) -> [Element] {
    precondition(count >= 0 && count <= elements.count, "Random.choose: count out of range")
    var chosen: [Element] = []
    chosen.reserveCapacity(count)
    var needed = count
    for (seen, element) in elements.enumerated() where needed > 0 {
      let remaining = elements.count - seen
      if index(below: remaining) < needed {
        chosen.append(element)
        needed -= 1
      }
    }
    return chosen
  }
}

/// A categorical distribution over `0 ..< weights.count`, prepared once with Walker's alias method
/// (`gsl_ran_discrete_preproc`) so each draw (`gsl_ran_discrete`) takes constant time.
public final class Categorical {
  private let table: UnsafeMutablePointer<gsl_ran_discrete_t>
  /// The normalised probabilities.
  public let probabilities: [Double]

  /// Prepares the distribution; weights need not sum to 1 but must be finite, non-negative and not all 0.
  public init(weights: [Double]) throws {
    GSLRuntime.prepare()
    guard !weights.isEmpty else {
      throw LabError.invalidInput(place: "categorical weights", problem: "no weights given")
    }
    if let bad = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
      throw LabError.invalidInput(place: "categorical weight \(bad)", problem: "\(weights[bad]) is not a finite non-negative number")
    }
    let total = weights.reduce(0, +)
    guard total > 0 else {
      throw LabError.invalidInput(place: "categorical weights", problem: "all weights are 0")
    }
    guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
      throw LabError.numerical(routine: "gsl_ran_discrete_preproc", problem: "could not build the table")
    }
    self.table = table
    self.probabilities = weights.map { $0 / total }
  }

  deinit { gsl_ran_discrete_free(table) }

  /// One draw.
  public func sample(_ random: Random) -> Int { Int(gsl_ran_discrete(random.generator, table)) }
}
