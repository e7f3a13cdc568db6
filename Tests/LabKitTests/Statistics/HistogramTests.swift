import Testing

@testable import LabKit

@Suite("Histogram")
struct HistogramTests {
  @Test func edgesAndCounts() throws {
    var histogram = try Histogram(lower: 0, upper: 1, binCount: 4)
    #expect(histogram.edges == [0, 0.25, 0.5, 0.75, 1])
    #expect(histogram.binCount == 4)
    histogram.add(contentsOf: [0, 0.1, 0.25, 0.5, 0.99, 1.0, -0.1, .nan, .infinity, -.infinity])
    // 0 and 0.1 → [0, 0.25); 0.25 → [0.25, 0.5); 0.5 → [0.5, 0.75); 0.99 → [0.75, 1);
    // 1.0 and +∞ overflow (the range is half-open); −0.1 and −∞ underflow; one NaN.
    #expect(histogram.counts == [2, 1, 1, 1])
    #expect(histogram.underflow == 2)
    #expect(histogram.overflow == 2)
    #expect(histogram.nanCount == 1)
    #expect(histogram.binnedCount == 5)
    #expect(histogram.total == 10)
  }

  @Test func fromDataRange() throws {
    // numpy: np.histogram([2, 4, 4, 4, 5, 5, 7, 9], bins=7) → counts [1, 0, 3, 2, 0, 1, 1], edges 2 … 9;
    // the maximum 9 is counted in the last bin.
    let histogram = try Histogram(values: [2, 4, 4, 4, 5, 5, 7, 9], binCount: 7)
    #expect(histogram.edges == [2, 3, 4, 5, 6, 7, 8, 9])
    #expect(histogram.counts == [1, 0, 3, 2, 0, 1, 1])
    #expect(histogram.includesUpperEdge)
    #expect(histogram.overflow == 0)
    #expect(histogram.total == 8)
  }

  @Test func constantDataUseUnitRange() throws {
    // numpy: np.histogram([3, 3, 3], bins=2) → counts [0, 3], edges [2.5, 3, 3.5].
    let histogram = try Histogram(values: [3, 3, 3], binCount: 2)
    #expect(histogram.edges == [2.5, 3, 3.5])
    #expect(histogram.counts == [0, 3])
  }

  @Test func nonFiniteValuesInDataAreCountedSeparately() throws {
    let histogram = try Histogram(values: [.nan, 1, 2, .infinity, -.infinity], binCount: 1)
    #expect(histogram.edges == [1, 2])
    #expect(histogram.counts == [2])
    #expect(histogram.nanCount == 1)
    #expect(histogram.overflow == 1)
    #expect(histogram.underflow == 1)
  }

  @Test func binAgreesWithStoredEdges() throws {
    // Awkward decimal edges: the computed bin ⌊n (x − lower)/(upper − lower)⌋ is off by one for some
    // values next to an edge (in both directions for these ranges), so it must be corrected against the
    // stored edges. Every value must land in the bin whose edges bracket it.
    let random = Random(seed: 11)
    for (lower, upper, bins) in [(0.0, 0.3, 3), (0, 1, 10), (1, 2, 10), (-1, 1, 10), (0.2, 0.5, 3)] {
      let histogram = try Histogram(lower: lower, upper: upper, binCount: bins)
      var probes: [Double] = histogram.edges.flatMap { [$0, $0.nextUp, $0.nextDown] }
      probes += (0..<2_000).map { _ in random.uniform(in: (lower - 0.01)..<(upper + 0.01)) }
      for x in probes {
        if let i = histogram.binIndex(for: x) {
          #expect(histogram.edges[i] <= x && x < histogram.edges[i + 1], "x = \(x) put in bin \(i)")
        } else {
          #expect(x < lower || x >= upper, "x = \(x) was not binned")
        }
      }
    }
  }

  @Test func matchesNumpyNearEdges() throws {
    // python3 -c "import numpy as np; xs = [0.3, 0.6, 0.7, 0.8999999999999999, 0.1, 0.2, 0.4, 0.5, 0.8, 0.9, 0.0, 0.99];
    //   print(np.histogram(xs, bins=10, range=(0, 1))[0].tolist())"  → [1, 1, 2, 0, 1, 2, 1, 0, 2, 2]
    // The edges are np.linspace(0, 1, 11): the fourth is 0.30000000000000004, so 0.3 falls in bin 2,
    // while ⌊10 · 0.3⌋ = 3 (the down-correction); 0.6 and 0.7 likewise.
    var unit = try Histogram(lower: 0, upper: 1, binCount: 10)
    unit.add(contentsOf: [0.3, 0.6, 0.7, 0.8999999999999999, 0.1, 0.2, 0.4, 0.5, 0.8, 0.9, 0.0, 0.99])
    #expect(unit.edges[3] == 0.30000000000000004)
    #expect(unit.counts == [1, 1, 2, 0, 1, 2, 1, 0, 2, 2])
    // ... range=(1, 2) with [1.2, 1.4, 1.1, 1.3] → [0, 1, 1, 1, 1, 0, 0, 0, 0, 0]: here ⌊10 · (1.2 − 1)⌋ = 1
    // but the edge is exactly 1.2, so 1.2 belongs in bin 2 (the up-correction).
    var shifted = try Histogram(lower: 1, upper: 2, binCount: 10)
    shifted.add(contentsOf: [1.2, 1.4, 1.1, 1.3])
    #expect(shifted.counts == [0, 1, 1, 1, 1, 0, 0, 0, 0, 0])
    #expect(shifted.binIndex(for: 1.2) == 2)
  }

  @Test func uniformDrawsFillBinsEvenly() throws {
    // 100,000 uniform draws over 10 bins: each bin count within the 99.9% Wilson interval of p = 0.1.
    var histogram = try Histogram(lower: 0, upper: 1, binCount: 10)
    let random = Random(seed: 5)
    for _ in 0..<100_000 { histogram.add(random.uniform()) }
    #expect(histogram.total == 100_000)
    #expect(histogram.underflow == 0 && histogram.overflow == 0)
    for (bin, count) in histogram.counts.enumerated() {
      try StatisticsTestSupport.expectProportion(count, of: 100_000, probability: 0.1, "bin \(bin)")
    }
  }

  @Test func valueSemantics() throws {
    var a = try Histogram(lower: 0, upper: 1, binCount: 2)
    let b = a
    a.add(0.1)
    #expect(a.counts == [1, 0])
    #expect(b.counts == [0, 0])
    #expect(a != b)
  }

  @Test func merge() throws {
    var a = try Histogram(lower: 0, upper: 1, binCount: 2)
    var b = a
    a.add(contentsOf: [0.1, 0.7, 2])
    b.add(contentsOf: [0.2, .nan, -1])
    try a.merge(b)
    #expect(a.counts == [2, 1])
    #expect(a.overflow == 1 && a.underflow == 1 && a.nanCount == 1)
    let other = try Histogram(lower: 0, upper: 2, binCount: 2)
    #expect(throws: LabError.self) { try a.merge(other) }
  }

  @Test func invalidConfigurationsThrow() {
    #expect(throws: LabError.self) { try Histogram(lower: 1, upper: 1, binCount: 3) }
    #expect(throws: LabError.self) { try Histogram(lower: 2, upper: 1, binCount: 3) }
    #expect(throws: LabError.self) { try Histogram(lower: 0, upper: 1, binCount: 0) }
    #expect(throws: LabError.self) { try Histogram(lower: .nan, upper: 1, binCount: 3) }
    #expect(throws: LabError.self) { try Histogram(lower: 0, upper: .infinity, binCount: 3) }
    #expect(throws: LabError.self) { try Histogram(lower: -.greatestFiniteMagnitude, upper: .greatestFiniteMagnitude, binCount: 3) }
    #expect(throws: LabError.self) { try Histogram(values: [], binCount: 3) }
    #expect(throws: LabError.self) { try Histogram(values: [.nan, .infinity], binCount: 3) }
    #expect(throws: LabError.self) { try Histogram(values: [1, 2], binCount: 0) }
  }
}
