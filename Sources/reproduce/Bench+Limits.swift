import Foundation

/// What `reproduce bench` prints beside each figure: an estimate of the best time per unit the work
/// allows on one core of the development machine (2 cores of an AMD EPYC, family 26, under KVM, with
/// AVX-512), and the one-line reason for it, or why no estimate was made. Estimates are of the work
/// the benchmark does (the same draws and updates), not of a different algorithm.
struct BenchLimit {
  /// The estimated least time per unit on one core, in nanoseconds; nil when not estimated.
  let nanoseconds: Double?
  /// Whether the benchmark runs on every core (the limit per unit is then divided by the cores).
  let allCores: Bool
  let reason: String

  init(_ nanoseconds: Double?, allCores: Bool = false, _ reason: String) {
    self.nanoseconds = nanoseconds
    self.allCores = allCores
    self.reason = reason
  }

  /// The estimates by benchmark id prefix; the longest matching prefix applies.
  static let table: [String: BenchLimit] = [
    "labkit.uniform.mt19937": BenchLimit(
      4, "a call through gsl_rng_uniform's function pointer (about 3 ns, opaque to the optimiser) plus mt19937's amortised twist"),
    "labkit.uniform.taus2": BenchLimit(3, "the C call through GSL's function pointer dominates; taus2 itself is a 6-cycle chain"),
    "labkit.gaussian.mt19937": BenchLimit(6, "ziggurat: one or two raw draws through GSL calls, one table lookup, rarely a tail draw"),
    "game.tournament.deterministic": BenchLimit(
      2.5, "a turn is two dependent table loads on the loop-carried state (L1 latency ≈ 5 cycles plus index arithmetic)"),
    "game.tournament.noisy": BenchLimit(
      6,
      "two inline mt19937 noise draws per turn (≈ 1.5 ns each) on top of the deterministic turn's table-load chain, plus each match's seeding and first twist (624 multiply-adds, 4 seeds in lockstep, and 624 words: ≈ 1 ns per turn at 200 turns)"
    ),
    "game.lemke-howson": BenchLimit(nil, "not estimated: pivot count varies by game; the work is dense row operations"),
    "game.replicator": BenchLimit(nil, "not estimated: bound by the ODE solver's step count, not by a loop's latency"),
    "game.dynamics": BenchLimit(nil, "not estimated: bound by the ODE solver's step count, not by a loop's latency"),
    "game.moran": BenchLimit(nil, "not estimated: each Moran step replays short matches; no latency chain worked out"),
    "ma.tournament.rank0": BenchLimit(
      20,
      "the fixed point's latency chain: ≈ 6.4 dependent half-steps per matchup on these pairs, each a store-to-load forward plus ≈ 2 instructions (≈ 10 cycles)"
    ),
    "ma.competition.rank0": BenchLimit(20, "the same matchups (the same answer is the limit whatever the evaluator)"),
    "np.exp1.pair": BenchLimit(
      7,
      "a minimal C loop doing the same draws and updates ran at 6.7–8.3 ns (issue 19); the framework's delivery runs about 300 instructions per step, and the step is issue-bound, not latency-bound (4 pairs in lockstep per thread were slower)"
    ),
    "np.exp1.scan": BenchLimit(
      7, allCores: true,
      "as np.exp1.pair per core: interleaving 4 pairs per thread (issue 19's 3–4 ns, which assumed a latency-bound step) measured slower, 42–43 against 47 million per CPU-second"
    ),
    "np.exp2.population": BenchLimit(15, "two message-passing steps per encounter, each an Experiment 1 step plus a memory lookup"),
    "np.zero-memory": BenchLimit(12, "4–6 inline mt19937 draws (≈ 1.5 ns each) and two dependent two-action Q updates per encounter"),
    "np.ch3.encounters": BenchLimit(nil, "not estimated: graph inference over a 1000-agent social graph, no simple bound worked out"),
    "ibh": BenchLimit(nil, "not estimated: no latency or bandwidth bound worked out for the hypothesis updates"),
    "sbc.learning": BenchLimit(
      nil,
      "not estimated: at the paper's size (perf, issue 15) about 45% OpenBLAS dgemm and its packing (4 M multiply-adds per step), 20% libm tanh of the sampled situations, 9% Adam's divisions"
    ),
    "sbc.thresholds": BenchLimit(nil, "not estimated"),
    "sed.steps": BenchLimit(nil, "not estimated: gridworld steps with per-player observation, no latency chain worked out"),
  ]

  /// The estimate for benchmark `id` (the longest matching prefix), if any entry matches.
  static func forBenchmark(_ id: String) -> BenchLimit? {
    table.filter { id.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value
  }

  /// The text after a figure of `rate` units per second: time per unit, the limit and the gap. On the
  /// CPU clock a rate is per CPU-second, so an all-core benchmark's limit stays the per-core one; on the
  /// wall clock it is divided by the cores.
  func describe(rate: Double, cpuClock: Bool) -> String {
    let perUnit = 1e9 / rate
    guard let nanoseconds else { return "\(Self.format(perUnit)) ns per unit; limit \(reason)" }
    let cores = allCores && !cpuClock ? Double(ProcessInfo.processInfo.activeProcessorCount) : 1
    let limit = nanoseconds / cores
    return "\(Self.format(perUnit)) ns per unit; limit ≈ \(Self.format(limit)) ns (\(Self.format(perUnit / limit))× from it): \(reason)"
  }

  private static func format(_ value: Double) -> String { String(format: value < 10 ? "%.2g" : "%.3g", value) }
}
