import Testing

@testable import LabKit

@Suite("RunningStatistics (Welford, Chan et al.)")
struct RunningStatisticsTests {
  /// 10,000 Gaussian(10, 3) draws plus a uniform component, from a fixed seed.
  static func sample(seed: UInt32, count: Int = 10_000) -> [Double] {
    let random = Random(seed: seed)
    return (0..<count).map { _ in random.gaussian(mean: 10, standardDeviation: 3) + random.uniform() }
  }

  @Test func agreesWithBatchStatistics() throws {
    for seed: UInt32 in [1, 2, 3] {
      let values = Self.sample(seed: seed)
      let running = RunningStatistics(values)
      #expect(running.count == values.count)
      StatisticsTestSupport.expectRelativelyClose(running.mean, try Statistics.mean(values), tolerance: 1e-12)
      StatisticsTestSupport.expectRelativelyClose(running.variance, try Statistics.variance(values), tolerance: 1e-12)
      StatisticsTestSupport.expectRelativelyClose(
        running.standardDeviation, try Statistics.standardDeviation(values), tolerance: 1e-12)
      #expect(running.minimum == (try Statistics.minimum(values)))
      #expect(running.maximum == (try Statistics.maximum(values)))
      StatisticsTestSupport.expectRelativelyClose(running.sum, values.reduce(0, +), tolerance: 1e-12)
    }
  }

  @Test func handComputedExample() {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, sample variance 32/7, sum 40 (see StatisticsTests).
    let running = RunningStatistics([2, 4, 4, 4, 5, 5, 7, 9])
    #expect(running.mean == 5)
    StatisticsTestSupport.expectClose(running.variance, 32.0 / 7.0, tolerance: 1e-14)
    #expect(running.sum == 40)
    #expect(running.minimum == 2)
    #expect(running.maximum == 9)
  }

  @Test func mergeOfHalvesEqualsWhole() {
    let values = Self.sample(seed: 7)
    let whole = RunningStatistics(values)
    for split in [1, 2_500, 5_000, 9_999] {
      var first = RunningStatistics(values[..<split])
      first.merge(RunningStatistics(values[split...]))
      #expect(first.count == whole.count)
      StatisticsTestSupport.expectRelativelyClose(first.mean, whole.mean, tolerance: 1e-12)
      StatisticsTestSupport.expectRelativelyClose(first.variance, whole.variance, tolerance: 1e-12)
      StatisticsTestSupport.expectRelativelyClose(first.sum, whole.sum, tolerance: 1e-12)
      #expect(first.minimum == whole.minimum)
      #expect(first.maximum == whole.maximum)
    }
  }

  @Test func mergeInReplicateOrderIsDeterministic() {
    // Ten "replicates", each accumulated separately, merged in replicate order twice: bit-identical.
    let replicates = (0..<10).map { RunningStatistics(Self.sample(seed: UInt32(100 + $0), count: 1_000)) }
    let once = RunningStatistics.merged(replicates)
    let again = RunningStatistics.merged(replicates)
    #expect(once == again)
    #expect(once.mean.bitPattern == again.mean.bitPattern)
    #expect(once.variance.bitPattern == again.variance.bitPattern)
    #expect(once.count == 10_000)
    // And it agrees with accumulating everything in one pass.
    let direct = RunningStatistics((0..<10).flatMap { Self.sample(seed: UInt32(100 + $0), count: 1_000) })
    StatisticsTestSupport.expectRelativelyClose(once.mean, direct.mean, tolerance: 1e-12)
    StatisticsTestSupport.expectRelativelyClose(once.variance, direct.variance, tolerance: 1e-12)
  }

  @Test func mergingEmptyAccumulators() {
    let full = RunningStatistics([1, 2, 3])
    var a = RunningStatistics()
    a.merge(full)
    #expect(a == full)
    var b = full
    b.merge(RunningStatistics())
    #expect(b == full)
    #expect(RunningStatistics.merged([]) == RunningStatistics())
  }

  @Test func conventionsForFewValues() {
    let empty = RunningStatistics()
    #expect(empty.count == 0)
    #expect(empty.mean.isNaN)
    #expect(empty.variance.isNaN)
    #expect(empty.minimum.isNaN)
    #expect(empty.maximum.isNaN)
    #expect(empty.sum == 0)

    let one = RunningStatistics([4.5])
    #expect(one.mean == 4.5)
    #expect(one.variance.isNaN)
    #expect(one.standardDeviation.isNaN)
    #expect(one.minimum == 4.5)
    #expect(one.maximum == 4.5)

    let two = RunningStatistics([1, 3])
    #expect(two.variance == 2)  // ((1−2)² + (3−2)²) / 1
  }

  @Test func nanPoisonsEveryStatistic() {
    var stats = RunningStatistics([1, 2, 3])
    stats.add(.nan)
    stats.add(4)
    #expect(stats.count == 5)
    #expect(stats.mean.isNaN)
    #expect(stats.variance.isNaN)
    #expect(stats.minimum.isNaN)
    #expect(stats.maximum.isNaN)
    #expect(stats.sum.isNaN)
    var merged = RunningStatistics([10, 20])
    merged.merge(stats)
    #expect(merged.mean.isNaN)
    #expect(merged.minimum.isNaN)
    #expect(merged.maximum.isNaN)
  }

  @Test func infinityFollowsIEEE() {
    let stats = RunningStatistics([1, .infinity, 2])
    #expect(stats.sum == .infinity)
    #expect(stats.maximum == .infinity)
    #expect(stats.minimum == 1)
  }

  @Test func compensatedSum() {
    // Naive left-to-right summation of [1e16, 1, −1e16] gives 0 (1e16 + 1 rounds to 1e16); the exact sum is 1.
    #expect(RunningStatistics([1e16, 1, -1e16]).sum == 1)
    // 0.1 added 10⁶ times: the naive sum is off by about 1.3e-6; compensated it is the double nearest 10⁵.
    let tenths = RunningStatistics(repeatElement(0.1, count: 1_000_000))
    #expect(tenths.sum == 100_000)
  }

  @Test func valueSemantics() {
    var a = RunningStatistics([1, 2])
    let b = a
    a.add(100)
    #expect(b.count == 2)
    #expect(b.maximum == 2)
    #expect(a != b)
  }
}
