/// Derivation of independent, schedule-free seeds for every random stream of a run.
///
/// A run has one master seed. Each experiment and each replicate of it gets its own stream, whose
/// seed is a pure function of (master seed, experiment id, replicate index). A replicate therefore
/// draws the same numbers whichever worker thread runs it and in whatever order, which is what
/// makes outputs byte-identical for every `--jobs`.
///
/// The mixing function:
///
///     h     = FNV-1a-64(UTF-8 bytes of experiment id)
///     s1    = splitmix64(master XOR h)
///     s2    = splitmix64(s1 XOR (replicate + 1) * 0x9E3779B97F4A7C15)
///     seed  = low 32 bits of s2, with 0 replaced by 1
///
/// `splitmix64` is the finaliser of Steele, Lea and Flood's SplitMix64 (OOPSLA 2014), a bijection on
/// 64-bit words with good avalanche, so nearby masters, ids and replicate indices give unrelated seeds.
/// The seed is cut to 32 bits deliberately: GSL's mt19937 and taus2 read only the low 32 bits of a seed
/// (seed 2^32 + 42 gives the same stream as 42), and mt19937 treats seed 0 as its default 4357.
/// Two streams collide with probability about k^2 / 2^33 for k streams (the birthday bound).
public enum SeedMixing {
  /// The SplitMix64 output function applied to `x + golden gamma`.
  @inlinable
  public static func splitmix64(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text` (Fowler, Noll, Vo).
  public static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// The 32-bit generator seed of replicate `replicate` of experiment `stream` under `master`.
  public static func seed(master: UInt64, stream: String, replicate: Int) -> UInt32 {
    let first = splitmix64(master ^ fnv1a(stream))
    let second = splitmix64(first ^ (UInt64(truncatingIfNeeded: replicate) &+ 1) &* 0x9E37_79B9_7F4A_7C15)
    let seed = UInt32(truncatingIfNeeded: second)
    return seed == 0 ? 1 : seed
  }
}
