import GameTheory
import LabKit

/// §2.2.1 of Numerical Politics, Experiment 1: two Q-learners with one-step memory, checked with the
/// book-era code's protocol (every one of the 256 preset policy pairs, run until both greedy policies
/// have stood still for the convergence window) and with exact calculations for the text's arguments
/// about exploration, exploitation and tit-for-tat.
///
/// The judgement standards were fixed before any result was seen:
/// - ``tableTwoTwoClaim``: at least `tableTwoTwoShare` (90 %) of the pairs run end at the point
///   attractor 0x66 (Table 2.2 played by both);
/// - ``optimumClaim``: the exact stationary wellbeing of 0x66 rises monotonically to 3 as ε → 0
///   (within 10⁻⁴ of 3 at ε = 10⁻⁶), greedy play returns to mutual trading from every state, and the
///   runs ending at 0x66 measure, over their final window, the wellbeing the chain predicts (mean
///   difference within 0.01);
/// - ``unexploitableClaim``: always stealing against Table 2.2 cycles through mutual stealing and
///   unilateral stealing with average exactly 2.5 (also by GameTheory's match of WinStayLoseShift and
///   Defector), and no one-step policy averages more than 3 against Table 2.2 from any start;
/// - ``notTitForTatClaim``: no run ends with either agent on tit-for-tat, and mutual tit-for-tat has
///   exactly the three attractors TT, SS and TS ↔ ST;
/// - ``titForTatUnstableClaim``: against tit-for-tat after mutual stealing, Q(steal) / Q(trade) is
///   within 0.01 of 1/2 at the learners' γ, tends to 1/2 as γ → 1, and the long-run rewards are 1 and 2;
/// - ``winStayLoseShiftClaim``: GameTheory's WinStayLoseShift, read as a one-step policy, is Table 2.2
///   (and its TitForTat is policy 10).
public struct ExperimentOneExperiment: Experiment {
  public init() {}

  public let id = "np.exp1"
  public let title = "Experiment 1: two Q-learners with one-step memory (all 256 initial policy pairs)"
  public let sections = ["§2.2.1", "Table 2.2"]

  public static let tableTwoTwoClaim = Claim(
    id: "np.exp1.table-2-2", source: "§2.2.1, Table 2.2", kind: .table,
    statement: "A pair of one-step-memory Q-learners learns the Table 2.2 policy (trade after TT, steal after TS, steal after ST, trade after SS): both agents adopt it, society 0x66 in the code's numbering.")
  public static let optimumClaim = Claim(
    id: "np.exp1.optimum", source: "§2.2.1", kind: .claim,
    statement: "As the exploration probability tends to zero, this society tends to the optimum of always trading (average wellbeing 3).")
  public static let unexploitableClaim = Claim(
    id: "np.exp1.unexploitable", source: "§2.2.1", kind: .claim,
    statement: "The society remains unexploitable: if I always try to steal from an agent with this policy, we flip between mutual stealing and me stealing from the agent, and my average wellbeing is 2.5, less than if I take on the policy in Table 2.2.")
  public static let notTitForTatClaim = Claim(
    id: "np.exp1.not-tit-for-tat", source: "§2.2.1", kind: .claim,
    statement: "The agents do not learn the tit-for-tat policy. Mutual adoption of tit-for-tat has three stable states: mutual trading, mutual stealing and alternating unilateral stealing (TS → ST → ...).")
  public static let titForTatUnstableClaim = Claim(
    id: "np.exp1.tft-unstable", source: "§2.2.1", kind: .claim,
    statement: "Mutual tit-for-tat is not stable for exploring Q-learners: once in a run of mutual stealing, the Q-value of stealing again (a long period of reward 1) is half the Q-value of trading (a long period of reward (4 + 0) / 2 = 2).")
  public static let winStayLoseShiftClaim = Claim(
    id: "np.exp1.wsls", source: "our remark (not in the text)", kind: .claim,
    statement: "The Table 2.2 policy is the classic Win-Stay-Lose-Shift (Pavlov) strategy of Nowak and Sigmund (1993): GameTheory's WinStayLoseShift makes the same move after every outcome.")

  public var claims: [Claim] {
    [Self.tableTwoTwoClaim, Self.optimumClaim, Self.unexploitableClaim, Self.notTitForTatClaim, Self.titForTatUnstableClaim,
     Self.winStayLoseShiftClaim]
  }

  public var parameters: [Parameter] {
    [
      Parameter("pairStride", "Run every k-th of the 256 initial policy pairs (1: all, the book-era protocol; 17: the 16 pairs in which both agents start with the same policy).",
                domain: .integer(1...256), smoke: .integer(17), standard: .integer(1), paper: .integer(1)),
      Parameter("convergenceWindow", "A run has converged when both agents have gone more than this many steps without a greedy change (book-era code: 2,000,000). Standard scale: 200,000, with the exploration schedule 10 times faster, so the shortened run is the book's protocol with time compressed tenfold.",
                domain: .integer(100...1_000_000_000), smoke: .integer(20_000), standard: .integer(200_000), paper: .integer(2_000_000)),
      Parameter("stepCap", "Steps after which a run is declared a non-point attractor (book-era code: 40,000,000; standard: 4,000,000).",
                domain: .integer(1000...2_000_000_000), smoke: .integer(400_000), standard: .integer(4_000_000), paper: .integer(40_000_000)),
      Parameter("cycleSearchLimit", "After the cap, steps spent following the policy changes until the society returns to the one it had at the cap (the code runs on without a bound).",
                domain: .integer(0...2_000_000_000), smoke: .integer(100_000), standard: .integer(1_000_000), paper: .integer(10_000_000)),
      Parameter("learningRate", "Constant learning rate α (book-era code: 0.01).", domain: .unitInterval(zeroAllowed: false), default: .real(0.01)),
      Parameter("discount", "Discount γ (book-era code: 0.99).", domain: .real(lower: 0, upper: 1, lowerIncluded: true, upperIncluded: false), default: .real(0.99)),
      Parameter("initialExploration", "ε before the first decision of each run (book-era code: 0.25).", domain: .unitInterval(), default: .real(0.25)),
      Parameter("explorationDecay", "Factor applied to ε before every decision (book-era code: 0.9999999; standard 0.999999, with every duration 10 times shorter; smoke 0.99999).",
                domain: .unitInterval(zeroAllowed: false), smoke: .real(0.99999), standard: .real(0.999999), paper: .real(0.9999999)),
      Parameter("explorationFloor", "ε stops decaying at this value (book commit 02526bb: none; f4d8200 on: 0.0025).", domain: .unitInterval(), default: .real(0)),
      Parameter("presetHigh", "Preset Q of each state's policy action (the code's QMAX = 4 / (1 − γ) = 400).", domain: .real(-1e9...1e9), default: .real(400)),
      Parameter("presetLow", "Preset Q of the other action (the code's QMIN = 0).", domain: .real(-1e9...1e9), default: .real(0)),
      Parameter("tracedPair", "The initial pair whose exploration, policies and Q values are recorded over time (170 = 0xAA, mutual tit-for-tat).",
                domain: .integer(0...255), default: .integer(170)),
      Parameter("traceSamples", "Points recorded along the traced run.", domain: .integer(10...100_000), default: .integer(400)),
      Parameter("tableTwoTwoShare", "Fraction of runs that must end at 0x66 for np.exp1.table-2-2 (fixed before the results were seen).",
                domain: .unitInterval(zeroAllowed: false), default: .real(0.9)),
    ]
  }

  func settings(_ p: Parameters) -> ExperimentOneProtocol {
    var settings = ExperimentOneProtocol()
    settings.constants = QLearningConstants(
      learningRate: p.real("learningRate"), discount: p.real("discount"), initialQ: 1,
      initialExploration: p.real("initialExploration"), explorationDecay: p.real("explorationDecay"),
      explorationFloor: p.real("explorationFloor"))
    settings.presetHigh = p.real("presetHigh")
    settings.presetLow = p.real("presetLow")
    settings.convergenceWindow = p.integer("convergenceWindow")
    settings.stepCap = p.integer("stepCap")
    settings.cycleSearchLimit = p.integer("cycleSearchLimit")
    return settings
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let base = settings(p)
    let traced = p.integer("tracedPair")
    var tracedSettings = base
    tracedSettings.sampleInterval = max(1, base.stepCap / p.integer("traceSamples"))
    let frozenTraced = tracedSettings
    let pairs = Array(stride(from: 0, to: 256, by: p.integer("pairStride")))
    // One generator per initial pair (taus2, run inline): the scan uses every core and its result
    // does not depend on how many.
    let runs = try context.map(pairs, stream: "pairs", label: "\(id): 256 initial pairs", algorithm: .taus2) { _, pair, random in
      var stream = Taus2Stream(random)
      return ExperimentOneRun.run(OneStepSociety(pair), protocol: base, random: &stream)
    }
    let trace = try context.map([traced], stream: "trace", label: "\(id): traced pair", algorithm: .taus2) { _, pair, random in
      var stream = Taus2Stream(random)
      return ExperimentOneRun.run(OneStepSociety(pair), protocol: frozenTraced, random: &stream)
    }[0]

    let analysis = ExperimentOneAnalysis(runs: runs, discount: base.constants.discount)
    var tables = [analysis.censusTable(), analysis.wellbeingTable(), analysis.opponentTable(), analysis.titForTatTable()]
    tables.append(analysis.runTable())
    return ExperimentResult(
      tables: tables,
      figures: analysis.figures(trace: trace, traced: OneStepSociety(traced)),
      claims: [
        analysis.tableTwoTwoVerdict(share: p.real("tableTwoTwoShare")), try analysis.optimumVerdict(),
        try analysis.unexploitableVerdict(), analysis.notTitForTatVerdict(), analysis.titForTatUnstableVerdict(),
        analysis.winStayLoseShiftVerdict(),
      ])
  }
}
