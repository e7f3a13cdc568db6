import Testing

@testable import LabKit

/// The Swift mt19937 against GSL's `gsl_rng_mt19937`, draw by draw.
@Suite struct MT19937StreamTests {
  /// Seeds: 0 (GSL replaces it by 4357), 1, 4357 itself, GSL's reference 42, and large ones.
  static let seeds: [UInt32] = [0, 1, 4357, 42, 123_456_789, 2_147_483_648, 4_294_967_295]

  /// Raw outputs (`gsl_rng_get`) over more than three regenerations of the 624-word block.
  @Test(arguments: seeds) func rawOutputsMatchGSL(seed: UInt32) {
    let reference = Random(seed: seed, algorithm: .mt19937)
    let stream = MT19937Stream(seed: seed)
    for _ in 0..<2_000 { #expect(UInt(stream.next()) == reference.next()) }
  }

  /// `gsl_rng_uniform` and `gsl_rng_uniform_int` (several ranges, rejection included) interleaved.
  @Test(arguments: seeds) func uniformAndIndexMatchGSL(seed: UInt32) {
    let reference = Random(seed: seed, algorithm: .mt19937)
    let stream = MT19937Stream(seed: seed)
    for k in 0..<3_000 {
      if k % 3 == 0 {
        let n = [1, 2, 3, 7, 10, 1000, 3_000_000_019][k % 7 == 0 ? 6 : k % 6]
        #expect(stream.index(below: n) == reference.index(below: n))
      } else {
        #expect(stream.uniform() == reference.uniform())
      }
    }
  }

  /// Fixed values: the first output for seed 0 (GSL's default, 4357), and GSL's own regression value
  /// (`rng/test.c`: the 1000th output for seed 4357 is 1186927261).
  @Test func knownOutputs() {
    #expect(MT19937Stream(seed: 0).next() == 4_293_858_116)
    let stream = MT19937Stream(seed: 4357)
    for _ in 0..<999 { _ = stream.next() }
    #expect(stream.next() == 1_186_927_261)
  }

  /// Reseeding in place restarts the stream exactly as a fresh generator with that seed.
  @Test func reseedInPlaceRestartsTheStream() {
    let stream = MT19937Stream(seed: 7)
    for _ in 0..<1_000 { _ = stream.next() }
    for seed: UInt32 in [5, 0, 99] {
      stream.reseed(seed)
      let reference = Random(seed: seed, algorithm: .mt19937)
      for _ in 0..<700 { #expect(stream.uniform() == reference.uniform()) }
    }
  }

  /// Seed blocks made four at a time (7 seeds: a full group and one with an idle lane; 7 + 10 = 17
  /// seeds: four full groups and one of a single seed) start the same streams as GSL generators with those
  /// seeds, through `reseed(fromBlock:)` and `init(fromBlock:)`; a block of another seed (negative
  /// control) does not.
  @Test(arguments: [0, 10]) func seedBlocksStartGSLStreams(extra: Int) {
    let seeds = Self.seeds + (0..<extra).map { UInt32(1_000 + 7_919 * $0) }
    #expect(MT19937Stream.seedBlockWords(seeds.count) == (seeds.count <= 8 ? 8 : 20) * 624)
    let blocks = UnsafeMutablePointer<UInt32>.allocate(capacity: MT19937Stream.seedBlockWords(seeds.count))
    defer { blocks.deallocate() }
    seeds.withUnsafeBufferPointer { MT19937Stream.seedBlocks($0, into: blocks) }
    let stream = MT19937Stream(seed: 3)
    for (k, seed) in seeds.enumerated() {
      stream.reseed(fromBlock: blocks + k * 624)
      let reference = Random(seed: seed, algorithm: .mt19937)
      var same = true
      for _ in 0..<1_500 { same = same && UInt(stream.next()) == reference.next() }
      #expect(same, "seed \(seed)")
    }
    let fresh = MT19937Stream(fromBlock: blocks + (seeds.count - 1) * 624)
    let last = Random(seed: seeds[seeds.count - 1], algorithm: .mt19937)
    #expect((0..<1_500).allSatisfy { _ in UInt(fresh.next()) == last.next() })
    stream.reseed(fromBlock: blocks + 624)
    let other = Random(seed: seeds[0], algorithm: .mt19937)
    #expect((0..<10).contains { _ in UInt(stream.next()) != other.next() })
  }

  /// Copying a GSL generator's state in mid-stream and writing it back continues GSL's stream.
  @Test func copiesAndStoresGSLState() {
    let reference = Random(seed: 2024, algorithm: .mt19937)
    let source = Random(seed: 2024, algorithm: .mt19937)
    for _ in 0..<300 {
      _ = reference.next()
      _ = source.next()
    }
    let stream = MT19937Stream(source)
    for _ in 0..<1_000 { #expect(stream.uniform() == reference.uniform()) }
    stream.store(into: source)
    for _ in 0..<1_000 { #expect(source.next() == reference.next()) }
  }
}
