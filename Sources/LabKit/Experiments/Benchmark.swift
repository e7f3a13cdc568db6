import Foundation

/// A throughput measurement: a body that does `count` units of work (draws, encounters, ...) and
/// returns a checksum, so the optimiser cannot remove the work.
///
/// Benchmarks report time, so they never run in tests or write committed files; `reproduce bench`
/// runs them and prints units per second.
public struct Benchmark: Sendable {
  public let id: String
  public let summary: String
  /// The unit of work, plural ("draws", "encounters").
  public let unit: String
  /// Units per timed repetition.
  public let count: Int
  public let body: @Sendable (_ count: Int) -> Double

  public init(id: String, summary: String, unit: String, count: Int, body: @escaping @Sendable (_ count: Int) -> Double) {
    self.id = id
    self.summary = summary
    self.unit = unit
    self.count = count
    self.body = body
  }

  /// The best of `repetitions` timed runs, in units per second (after one untimed warm-up run).
  public func measure(repetitions: Int = 5, scale: Double = 1) -> (unitsPerSecond: Double, checksum: Double) {
    let units = max(1, Int(Double(count) * scale))
    var checksum = body(max(1, units / 10))
    var best = Double.infinity
    for _ in 0..<max(1, repetitions) {
      let start = DispatchTime.now().uptimeNanoseconds
      checksum += body(units)
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (Double(units) / best, checksum)
  }
}

extension Random {
  /// Throughput of the generators and samplers everything else is built on.
  public static let benchmarks: [Benchmark] = [
    Benchmark(id: "labkit.uniform.mt19937", summary: "gsl_rng_uniform, mt19937", unit: "draws", count: 20_000_000) { n in
      let random = Random(seed: 1)
      var sum = 0.0
      for _ in 0..<n { sum += random.uniform() }
      return sum
    },
    Benchmark(id: "labkit.uniform.taus2", summary: "gsl_rng_uniform, taus2", unit: "draws", count: 20_000_000) { n in
      let random = Random(seed: 1, algorithm: .taus2)
      var sum = 0.0
      for _ in 0..<n { sum += random.uniform() }
      return sum
    },
    Benchmark(id: "labkit.gaussian.mt19937", summary: "gsl_ran_gaussian_ziggurat, mt19937", unit: "draws", count: 10_000_000) { n in
      let random = Random(seed: 1)
      var sum = 0.0
      for _ in 0..<n { sum += random.gaussian() }
      return sum
    },
  ]
}
