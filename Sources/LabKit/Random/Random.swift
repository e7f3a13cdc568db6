import CGSL

/// A source of random numbers: one GSL generator (`gsl_rng`), owned by one task.
///
/// All randomness in the toolkit comes from here. The class is deliberately not `Sendable`: GSL
/// forbids sharing a generator between threads, and Swift's checker then refuses to let one cross
/// a task boundary. Make one per replicate with ``init(master:stream:replicate:algorithm:)`` (or
/// through `RunContext`), never share it.
///
/// The draws themselves are in `Random+Distributions.swift`.
public final class Random {
  /// The GSL generator algorithms the toolkit offers.
  public enum Algorithm: String, CaseIterable, Sendable {
    /// Matsumoto and Nishimura's Mersenne Twister (GSL `gsl_rng_mt19937`): the default. Seeded with
    /// 42 it gives the reference stream (and numpy's `RandomState(42)` integers).
    case mt19937
    /// L'Ecuyer's maximally equidistributed Tausworthe generator (GSL `gsl_rng_taus2`): about twice
    /// as fast, for hot loops that say they use it.
    case taus2

    var gslType: UnsafePointer<gsl_rng_type> {
      switch self {
      case .mt19937: return cgsl_rng_mt19937()
      case .taus2: return cgsl_rng_taus2()
      }
    }
  }

  /// The underlying GSL generator. Exposed for code that calls a GSL sampler LabKit does not wrap.
  public let generator: UnsafeMutablePointer<gsl_rng>
  /// The algorithm of this generator.
  public let algorithm: Algorithm
  /// The 32-bit seed it was started from.
  public let seed: UInt32

  /// A generator of the given algorithm started from `seed` (GSL reads 32 bits of it).
  public init(seed: UInt32, algorithm: Algorithm = .mt19937) {
    GSLRuntime.prepare()
    guard let raw = gsl_rng_alloc(algorithm.gslType) else {
      fatalError("gsl_rng_alloc failed: out of memory")
    }
    gsl_rng_set(raw, UInt(seed))
    self.generator = raw
    self.algorithm = algorithm
    self.seed = seed
  }

  /// The generator of replicate `replicate` of the stream named `stream` (an experiment id), under
  /// the run's master seed; see ``SeedMixing`` for the derivation.
  public convenience init(master: UInt64, stream: String, replicate: Int, algorithm: Algorithm = .mt19937) {
    self.init(seed: SeedMixing.seed(master: master, stream: stream, replicate: replicate), algorithm: algorithm)
  }

  deinit { gsl_rng_free(generator) }

  /// The raw next output of the generator, in `0 ... maximum`.
  @inlinable
  public func next() -> UInt { gsl_rng_get(generator) }

  /// The largest value ``next()`` returns.
  public var maximum: UInt { gsl_rng_max(generator) }

  /// GSL's name for the algorithm ("mt19937", "taus2").
  public var name: String { String(cString: gsl_rng_name(generator)) }
}

/// Process-wide GSL set-up, done once before any generator or statistic is used.
///
/// GSL's default error handler calls `abort()`; the toolkit turns it off and checks return codes
/// instead. GSL asks that this be set once, from one thread, which `static let` initialisation
/// guarantees (Swift runs it exactly once, under a lock).
public enum GSLRuntime {
  private static let prepared: Bool = {
    gsl_set_error_handler_off()
    return true
  }()

  /// Turns GSL's aborting error handler off (idempotent).
  public static func prepare() { _ = prepared }

  /// The GSL version the program runs with (the library's, not the header's).
  public static var version: String { GSLRuntime.prepare(); return String(cString: cgsl_version()) }
}
