/// The draws a simulation's hot loop needs: a uniform real in [0, 1) and a uniform index.
///
/// Simulations of this module are generic over their source, so the compiler specialises them for
/// the source in use and the hot loop makes no dynamic call. Two sources conform: LabKit's ``Random``
/// itself (any GSL generator, one C call per draw), and ``Taus2Stream``, which runs the GSL `taus2`
/// algorithm inline on a copy of a ``Random``'s state and gives bit-for-bit the numbers that
/// `gsl_rng_uniform` and `gsl_rng_uniform_int` would give on that generator.
public protocol UniformRandomSource {
  /// A uniform real number in [0, 1), as `gsl_rng_uniform`.
  mutating func uniform() -> Double
  /// A uniform integer in `0 ..< count`, as `gsl_rng_uniform_int`.
  mutating func index(below count: Int) -> Int
}

extension Random: UniformRandomSource {}

extension UniformRandomSource {
  /// Shuffles `array` in place: Fisher–Yates from the last element down, swapping element i with a
  /// uniform index in 0…i, the algorithm (and, on a ``Random``, the draws) of `gsl_ran_shuffle`.
  @inlinable
  public mutating func shuffle<Element>(_ array: inout [Element]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = index(below: i + 1)
      if i != j { array.swapAt(i, j) }
    }
  }
}

/// GSL's `taus2` generator (L'Ecuyer's maximally equidistributed combined Tausworthe generator,
/// `gsl_rng_taus2`), run inline on a copy of a LabKit ``Random``'s state.
///
/// A `Random` seeded through the `RunContext` with algorithm `.taus2` stays the source of the
/// numbers: ``init(_:)`` copies its three state words, the draws reproduce GSL's `taus_get`,
/// `gsl_rng_uniform` (x / 2³²) and `gsl_rng_uniform_int` (rejection with scale ⌊(2³² − 1) / n⌋)
/// exactly, and ``store(into:)`` writes the state back, so the `Random` continues the same stream.
/// The tests check the equality draw by draw. It exists because a C call per draw costs as much as a
/// whole Q-learning step of Numerical Politics' Experiment 1. The draws are `@inlinable` (with the
/// state `@usableFromInline`), so a hot loop in another module inlines them and keeps the three state
/// words in registers instead of calling across the module boundary for every number.
public struct Taus2Stream: UniformRandomSource, Sendable {
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// The state of `random`, which must be a `.taus2` generator.
  public init(_ random: Random) {
    precondition(random.algorithm == .taus2, "Taus2Stream: the generator is \(random.algorithm), not taus2")
    let state = random.generator.pointee.state!.assumingMemoryBound(to: UInt.self)
    s1 = UInt64(state[0])
    s2 = UInt64(state[1])
    s3 = UInt64(state[2])
  }

  /// Writes the state back into `random`, which continues from where this stream stopped.
  public func store(into random: Random) {
    precondition(random.algorithm == .taus2, "Taus2Stream: the generator is \(random.algorithm), not taus2")
    let state = random.generator.pointee.state!.assumingMemoryBound(to: UInt.self)
    state[0] = UInt(s1)
    state[1] = UInt(s2)
    state[2] = UInt(s3)
  }

  /// The next raw 32-bit output (GSL's `taus_get`).
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    let mask: UInt64 = 0xFFFF_FFFF
    s1 = (((s1 & 4_294_967_294) << 12) & mask) ^ ((((s1 << 13) & mask) ^ s1) >> 19)
    s2 = (((s2 & 4_294_967_288) << 4) & mask) ^ ((((s2 << 2) & mask) ^ s2) >> 25)
    s3 = (((s3 & 4_294_967_280) << 17) & mask) ^ ((((s3 << 3) & mask) ^ s3) >> 11)
    return s1 ^ s2 ^ s3
  }

  @inlinable @inline(__always)
  public mutating func uniform() -> Double { Double(next()) / 4_294_967_296.0 }

  @inlinable @inline(__always)
  public mutating func index(below count: Int) -> Int {
    precondition(count > 0 && count <= 0xFFFF_FFFF, "Taus2Stream.index(below:): count out of range")
    let n = UInt64(count)
    let scale = UInt64(0xFFFF_FFFF) / n
    while true {
      let k = next() / scale
      if k < n { return Int(k) }
    }
  }
}
