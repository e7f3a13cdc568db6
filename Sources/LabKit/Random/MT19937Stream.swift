/// GSL's `mt19937` generator (Matsumoto and Nishimura's Mersenne Twister, `gsl_rng_mt19937`) in
/// Swift, inline: the same seeding as `gsl_rng_set` and the same outputs as `gsl_rng_get`,
/// `gsl_rng_uniform` and `gsl_rng_uniform_int`, number for number.
///
/// GSL's `mt_set(s)`: s = 0 is replaced by 4357 (GSL's default seed); x₀ = s mod 2³², and
/// xᵢ = 1812433253 · (xᵢ₋₁ ⊕ (xᵢ₋₁ ≫ 30)) + i mod 2³² for i = 1 … 623 (Knuth's initialisation, the
/// 2002 reference code). `mt_get` regenerates the 624 words in one pass when they are used up
/// (N = 624, M = 397, twist matrix 0x9908B0DF) and tempers the next word with the shifts 11, 7
/// (mask 0x9D2C5680), 15 (mask 0xEFC60000) and 18. `gsl_rng_uniform` is the output / 2³², and
/// `gsl_rng_uniform_int(n)` rejects k = output / ⌊(2³² − 1) / n⌋ until k < n.
///
/// The state lives in one heap block of 624 words, allocated once; ``reseed(_:)`` starts the stream
/// again in place, so a loop over many seeds (one match per seed, as a tournament plays) allocates
/// nothing per seed. ``init(_:)`` and ``store(into:)`` copy the state from and back to a LabKit
/// ``Random`` of algorithm `.mt19937`, which then continues the same stream. The draws are
/// `@inlinable`, so a hot loop in another module runs them without a call. The tests compare every
/// draw with GSL's for several seeds (0, 1, 4357 and large ones).
///
/// A class rather than a struct: copying 2.5 KB of state by value would be wrong (two copies would
/// repeat the same numbers) and slow. Like ``Random``, one instance belongs to one task.
public final class MT19937Stream: UniformRandomSource {
  /// The state size N and the shift M of the recurrence.
  @inlinable static var n: Int { 624 }
  @inlinable static var m: Int { 397 }

  /// The 624 words of state (each below 2³²).
  @usableFromInline let words: UnsafeMutablePointer<UInt32>
  /// The index of the next word to temper; 624 when the block must be regenerated first. Held behind
  /// a pointer, like the words: a stored `var` of a class would cost a run-time exclusivity check per
  /// draw.
  @usableFromInline let cursor: UnsafeMutablePointer<Int>

  /// A generator seeded as `gsl_rng_set(r, seed)` seeds GSL's mt19937.
  public init(seed: UInt32) {
    words = .allocate(capacity: Self.n)
    cursor = .allocate(capacity: 1)
    cursor.initialize(to: Self.n)
    reseed(seed)
  }

  /// A copy of the state of `random`, which must be a `.mt19937` generator.
  public init(_ random: Random) {
    precondition(random.algorithm == .mt19937, "MT19937Stream: the generator is \(random.algorithm), not mt19937")
    words = .allocate(capacity: Self.n)
    cursor = .allocate(capacity: 1)
    let state = Self.gslState(random)
    for i in 0..<Self.n { words[i] = UInt32(truncatingIfNeeded: state.words[i]) }
    cursor.initialize(to: Int(state.position.pointee))
  }

  deinit {
    words.deallocate()
    cursor.deallocate()
  }

  /// Starts the stream again from `seed`, exactly as `gsl_rng_set` does (0 means 4357).
  public func reseed(_ seed: UInt32) {
    var x = seed == 0 ? 4357 : seed
    words[0] = x
    for i in 1..<Self.n {
      x = 1_812_433_253 &* (x ^ (x >> 30)) &+ UInt32(i)
      words[i] = x
    }
    cursor.pointee = Self.n
  }

  /// The 624 words `gsl_rng_set` makes of each of `seeds` (the words ``reseed(_:)`` writes), block k
  /// at `blocks + 624 · k`; ``reseed(fromBlock:)`` then starts a stream from one of them. `blocks`
  /// must have room for ``seedBlockWords(_:)`` words: the seeds are seeded four at a time, and the
  /// idle lanes of the last group (copies of its first seed) write the blocks past `seeds.count`.
  ///
  /// Seeding is a chain of 623 dependent multiply-adds, so one seed at a time runs at the chain's
  /// latency (about 3,700 cycles, as long as a 200-round noisy match); four seeds in lockstep give the
  /// core four independent chains to overlap. The four blocks of a group are at fixed offsets from one
  /// pointer, so the four lanes fit in registers (eight lanes spilled, and measured slower).
  public static func seedBlocks(_ seeds: UnsafeBufferPointer<UInt32>, into blocks: UnsafeMutablePointer<UInt32>) {
    for group in stride(from: 0, to: seeds.count, by: 4) {
      @inline(__always) func lane(_ k: Int) -> UInt32 {
        let seed = seeds[group + k < seeds.count ? group + k : group]
        return seed == 0 ? 4357 : seed
      }
      seedFour((lane(0), lane(1), lane(2), lane(3)), into: blocks + group * n)
    }
  }

  /// The words ``seedBlocks(_:into:)`` writes for `count` seeds: 624 per seed, rounded up to a whole
  /// group of four.
  public static func seedBlockWords(_ count: Int) -> Int { (count + 3) / 4 * 4 * n }

  /// Knuth's recurrence for four first words at once, lane k into `blocks + 624 · k`.
  private static func seedFour(_ first: (UInt32, UInt32, UInt32, UInt32), into blocks: UnsafeMutablePointer<UInt32>) {
    @inline(__always) func step(_ x: UInt32, _ i: UInt32) -> UInt32 { 1_812_433_253 &* (x ^ (x >> 30)) &+ i }
    var (x0, x1, x2, x3) = first
    for i in 0..<n {
      if i > 0 {
        let w = UInt32(truncatingIfNeeded: i)
        (x0, x1, x2, x3) = (step(x0, w), step(x1, w), step(x2, w), step(x3, w))
      }
      let word = blocks + i
      (word[0], word[n], word[2 * n], word[3 * n]) = (x0, x1, x2, x3)
    }
  }

  /// A stream started from a block of ``seedBlocks(_:into:)``: `MT19937Stream(seed:)` for the block's
  /// seed, without running the recurrence again.
  public init(fromBlock block: UnsafePointer<UInt32>) {
    words = .allocate(capacity: Self.n)
    cursor = .allocate(capacity: 1)
    cursor.initialize(to: Self.n)
    reseed(fromBlock: block)
  }

  /// Starts the stream again from a block of ``seedBlocks(_:into:)``: the same as `reseed(seed)` for
  /// the block's seed.
  public func reseed(fromBlock block: UnsafePointer<UInt32>) {
    words.update(from: block, count: Self.n)
    cursor.pointee = Self.n
  }

  /// Writes the state back into `random` (a `.mt19937` generator), which continues from here.
  public func store(into random: Random) {
    precondition(random.algorithm == .mt19937, "MT19937Stream: the generator is \(random.algorithm), not mt19937")
    let state = Self.gslState(random)
    for i in 0..<Self.n { state.words[i] = UInt(words[i]) }
    state.position.pointee = Int32(cursor.pointee)
  }

  /// GSL's `mt_state_t`: `unsigned long mt[624]` followed by `int mti`.
  private static func gslState(_ random: Random) -> (words: UnsafeMutablePointer<UInt>, position: UnsafeMutablePointer<Int32>) {
    let raw = random.generator.pointee.state!
    let words = raw.assumingMemoryBound(to: UInt.self)
    let position = (raw + n * MemoryLayout<UInt>.stride).assumingMemoryBound(to: Int32.self)
    return (words, position)
  }

  /// The next raw 32-bit output (GSL's `mt_get`).
  @inlinable @inline(__always)
  public func next() -> UInt32 {
    var position = cursor.pointee
    if position >= Self.n {
      regenerate()
      position = 0
    }
    var k = words[position]
    cursor.pointee = position &+ 1
    k ^= k >> 11
    k ^= (k << 7) & 0x9D2C_5680
    k ^= (k << 15) & 0xEFC6_0000
    k ^= k >> 18
    return k
  }

  /// The twist of all 624 words (the first branch of `mt_get`).
  @inlinable @inline(never)
  func regenerate() {
    let upper: UInt32 = 0x8000_0000
    let lower: UInt32 = 0x7FFF_FFFF
    @inline(__always) func twist(_ y: UInt32) -> UInt32 { (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF) }
    let n = Self.n
    let m = Self.m
    for k in 0..<(n - m) {
      words[k] = words[k + m] ^ twist((words[k] & upper) | (words[k + 1] & lower))
    }
    for k in (n - m)..<(n - 1) {
      words[k] = words[k + m - n] ^ twist((words[k] & upper) | (words[k + 1] & lower))
    }
    words[n - 1] = words[m - 1] ^ twist((words[n - 1] & upper) | (words[0] & lower))
    cursor.pointee = 0
  }

  /// A uniform real in [0, 1): `gsl_rng_uniform` on mt19937 (the output / 2³²).
  @inlinable @inline(__always)
  public func uniform() -> Double { Double(next()) / 4_294_967_296.0 }

  /// A uniform integer in `0 ..< count`: `gsl_rng_uniform_int` on mt19937.
  @inlinable @inline(__always)
  public func index(below count: Int) -> Int {
    precondition(count > 0 && count <= 0xFFFF_FFFF, "MT19937Stream.index(below:): count out of range")
    let n = UInt32(truncatingIfNeeded: count)
    let scale = UInt32.max / n
    while true {
      let k = next() / scale
      if k < n { return Int(k) }
    }
  }
}
