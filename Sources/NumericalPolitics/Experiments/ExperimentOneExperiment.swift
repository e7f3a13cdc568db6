import GameTheory
import LabKit

/// §2.2.1 of Numerical Politics, Experiment 1: two Q-learners with one-step memory, checked with the
/// book-era code's protocol (every one of the 256 preset policy pairs, run until both greedy policies
/// have stood still for the convergence window) and with exact calculations for the text's arguments
/// about exploration, exploitation and tit-for-tat.
///
/// The judgement standards were fixed before any result was seen (see ``ExperimentOneAnalysis``);
/// every claim has a negative control: myopic learners (γ = 0) for Table 2.2, learners that do not
/// learn (α = 10⁻⁹) for the tit-for-tat claims, and the exact checks applied to the wrong policy.
struct ExperimentOneExperiment: Experiment {
  /// What the simulation returns.
  struct Outcome: Sendable {
    let runs: [ExperimentOneRun]
    /// The traced run (base cell only).
    let trace: ExperimentOneRun?
    /// First greedy changes of pairs started on mutual tit-for-tat.
    let departures: [PolicyDeparture?]
    /// Controls (base cell only): myopic learners (γ = 0) and learners that do not learn (α = 10⁻⁹),
    /// on every 17th pair (the 16 pairs in which both agents start with the same policy, 0xAA among
    /// them), and the first changes of non-learning pairs started on mutual tit-for-tat.
    let myopicRuns: [ExperimentOneRun]
    let frozenRuns: [ExperimentOneRun]
    let frozenDepartures: [PolicyDeparture?]
    let discount: Double
    let share: Double
  }

  static let pairStride = ParameterKey<Int>("pairStride")
  static let convergenceWindow = ParameterKey<Int>("convergenceWindow")
  static let stepCap = ParameterKey<Int>("stepCap")
  static let cycleSearchLimit = ParameterKey<Int>("cycleSearchLimit")
  static let learningRate = ParameterKey<Double>("learningRate")
  static let discount = ParameterKey<Double>("discount")
  static let initialExploration = ParameterKey<Double>("initialExploration")
  static let explorationDecay = ParameterKey<Double>("explorationDecay")
  static let explorationFloor = ParameterKey<Double>("explorationFloor")
  static let presetHigh = ParameterKey<Double>("presetHigh")
  static let presetLow = ParameterKey<Double>("presetLow")
  static let tracedPair = ParameterKey<Int>("tracedPair")
  static let traceSamples = ParameterKey<Int>("traceSamples")
  static let departureRuns = ParameterKey<Int>("departureRuns")
  static let tableTwoTwoShare = ParameterKey<Double>("tableTwoTwoShare")

  let id = "np.exp1"
  let title = "Experiment 1: two Q-learners with one-step memory (all 256 initial policy pairs)"
  let sections = ["§2.2.1", "Table 2.2"]

  static let tableTwoTwoClaim = Claim(
    id: "np.exp1.table-2-2", source: "§2.2.1, Table 2.2", kind: .table,
    statement:
      "A pair of one-step-memory Q-learners learns the Table 2.2 policy (trade after TT, steal after TS, steal after ST, trade after SS): both agents adopt it, society 0x66 in the code's numbering.",
    class: .empirical, control: Control("myopic learners (γ = 0) from the 16 pairs with equal initial policies"),
    readings: [learningRate.erased, explorationFloor.erased], design: .oneAtATime)
  static let optimumClaim = Claim(
    id: "np.exp1.optimum", source: "§2.2.1", kind: .claim,
    statement: "As the exploration probability tends to zero, this society tends to the optimum of always trading (average wellbeing 3).",
    class: .consistency(
      because:
        "the stationary wellbeing of 0x66 is computed exactly from its Markov chain under Table 2.1; its limit is a property of the policy, not of learning"
    ),
    control: Control("the same exact check on mutual tit-for-tat (0xAA), whose chain does not return to mutual trading"))
  static let unexploitableClaim = Claim(
    id: "np.exp1.unexploitable", source: "§2.2.1", kind: .claim,
    statement:
      "The society remains unexploitable: if I always try to steal from an agent with this policy, we flip between mutual stealing and me stealing from the agent, and my average wellbeing is 2.5, less than if I take on the policy in Table 2.2.",
    class: .consistency(because: "deterministic play of fixed one-step policies, computed exactly (and by GameTheory's match)"),
    control: Control("the same check with always-trade (policy 0) defending in place of Table 2.2"))
  static let notTitForTatClaim = Claim(
    id: "np.exp1.not-tit-for-tat", source: "§2.2.1", kind: .claim,
    statement:
      "The agents do not learn the tit-for-tat policy. Mutual adoption of tit-for-tat has three stable states: mutual trading, mutual stealing and alternating unilateral stealing (TS → ST → ...).",
    class: .empirical, control: Control("learners that do not learn (α = 10⁻⁹) from the 16 pairs with equal initial policies, 0xAA among them"),
    readings: [learningRate.erased, explorationFloor.erased], design: .oneAtATime)
  static let titForTatUnstableClaim = Claim(
    id: "np.exp1.tft-unstable", source: "§2.2.1", kind: .claim,
    statement:
      "Mutual tit-for-tat is not stable for exploring Q-learners: once in a run of mutual stealing, the Q-value of stealing again (a long period of reward 1) is half the Q-value of trading (a long period of reward (4 + 0) / 2 = 2).",
    class: .empirical, control: Control("learners that do not learn (α = 10⁻⁹) started on mutual tit-for-tat"),
    readings: [learningRate.erased, explorationFloor.erased], design: .oneAtATime)
  static let winStayLoseShiftClaim = Claim(
    id: "np.exp1.wsls", source: "our remark (not in the text)", kind: .claim,
    statement:
      "The Table 2.2 policy is the classic Win-Stay-Lose-Shift (Pavlov) strategy of Nowak and Sigmund (1993): GameTheory's WinStayLoseShift makes the same move after every outcome.",
    class: .consistency(because: "an identity between two encodings of one strategy"),
    control: Control("GameTheory's TitForTat in place of WinStayLoseShift"))

  var claims: [Claim] {
    [
      Self.tableTwoTwoClaim, Self.optimumClaim, Self.unexploitableClaim, Self.notTitForTatClaim, Self.titForTatUnstableClaim,
      Self.winStayLoseShiftClaim,
    ]
  }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.pairStride,
        "Run every k-th of the 256 initial policy pairs (1: all, the book-era protocol; 17: the 16 pairs in which both agents start with the same policy).",
        domain: .integer(1...256), smoke: 17, standard: 1, paper: 1),
      Parameter(
        Self.convergenceWindow,
        "A run has converged when both agents have gone more than this many steps without a greedy change (book-era code: 2,000,000). Standard scale: 200,000, with the exploration schedule 10 times faster, so the shortened run is the book's protocol with time compressed tenfold.",
        domain: .integer(100...1_000_000_000), smoke: 20_000, standard: 200_000, paper: 2_000_000),
      Parameter(
        Self.stepCap, "Steps after which a run is declared a non-point attractor (book-era code: 40,000,000; standard: 4,000,000).",
        domain: .integer(1000...2_000_000_000), smoke: 400_000, standard: 4_000_000, paper: 40_000_000),
      Parameter(
        Self.cycleSearchLimit,
        "After the cap, steps spent following the policy changes until the society returns to the one it had at the cap (the code runs on without a bound).",
        domain: .integer(0...2_000_000_000), smoke: 100_000, standard: 1_000_000, paper: 10_000_000),
      Parameter(Self.learningRate, "Constant learning rate α (book-era code: 0.01).", domain: .unitInterval(zeroAllowed: false), default: 0.01),
      Parameter(
        Self.discount, "Discount γ (book-era code: 0.99).", domain: .real(lower: 0, upper: 1, lowerIncluded: true, upperIncluded: false),
        default: 0.99),
      Parameter(Self.initialExploration, "ε before the first decision of each run (book-era code: 0.25).", domain: .unitInterval(), default: 0.25),
      Parameter(
        Self.explorationDecay,
        "Factor applied to ε before every decision (book-era code: 0.9999999; standard 0.999999, with every duration 10 times shorter; smoke 0.99999).",
        domain: .unitInterval(zeroAllowed: false), smoke: 0.99999, standard: 0.999999, paper: 0.9999999),
      Parameter(
        Self.explorationFloor, "ε stops decaying at this value (book commit 02526bb: none; f4d8200 on: 0.0025).", domain: .unitInterval(), default: 0),
      Parameter(
        Self.presetHigh, "Preset Q of each state's policy action (the code's QMAX = 4 / (1 − γ) = 400).", domain: .real(-1e9...1e9), default: 400),
      Parameter(Self.presetLow, "Preset Q of the other action (the code's QMIN = 0).", domain: .real(-1e9...1e9), default: 0),
      Parameter(
        Self.tracedPair, "The initial pair whose exploration, policies and Q values are recorded over time (170 = 0xAA, mutual tit-for-tat).",
        domain: .integer(0...255), default: 170),
      Parameter(Self.traceSamples, "Points recorded along the traced run.", domain: .integer(10...100_000), default: 400),
      Parameter(
        Self.departureRuns, "Runs from mutual tit-for-tat followed until the first greedy change (the learning evidence of np.exp1.tft-unstable).",
        domain: .integer(1...10_000), smoke: 4, standard: 8, paper: 32),
      Parameter(
        Self.tableTwoTwoShare, "Fraction of runs that must end at 0x66 for np.exp1.table-2-2 (fixed before the results were seen).",
        domain: .unitInterval(zeroAllowed: false), default: 0.9),
    ]
  }

  /// The readings the text leaves open, judged one at a time around the book-era code: the learning
  /// rate (the text gives none; the code uses 0.01) and whether exploration decays to zero ("reduces
  /// exponentially with time", §2.2) or stops at a floor, as the book's code does from commit f4d8200
  /// on. The floor matters only to runs still unsettled when ε reaches it (4.6 million decisions at
  /// standard scale, 46 million at paper scale).
  var readings: [Reading] {
    [
      Reading(
        Self.learningRate,
        [
          .init(0.01, reason: "the book-era code's constant rate", source: "danftang/NumericalPolitics c5cd7e0, QTablePolicy.h"),
          .init(0.05, reason: "the text fixes no rate; a learner five times faster", source: "§2.2.1 (α unspecified)"),
        ]),
      Reading(
        Self.explorationFloor,
        [
          .init(0.0, reason: "ε \"reduces exponentially with time\", without a floor", source: "§2.2; book-era commit 02526bb"),
          .init(0.0025, reason: "later code stops the decay at 0.0025", source: "danftang/NumericalPolitics f4d8200"),
        ]),
    ]
  }

  func settings(_ p: Parameters) -> ExperimentOneProtocol {
    var settings = ExperimentOneProtocol()
    settings.constants = QLearningConstants(
      learningRate: p[Self.learningRate], discount: p[Self.discount], initialQ: 1,
      initialExploration: p[Self.initialExploration], explorationDecay: p[Self.explorationDecay],
      explorationFloor: p[Self.explorationFloor])
    settings.presetHigh = p[Self.presetHigh]
    settings.presetLow = p[Self.presetLow]
    settings.convergenceWindow = p[Self.convergenceWindow]
    settings.stepCap = p[Self.stepCap]
    settings.cycleSearchLimit = p[Self.cycleSearchLimit]
    return settings
  }

  /// Runs the pairs `pairs` under `settings`, one taus2 generator per pair (results do not depend on
  /// how many run at once).
  func runs(_ pairs: [Int], _ settings: ExperimentOneProtocol, stream: String, in context: RunContext) throws -> [ExperimentOneRun] {
    try context.map(pairs, stream: stream, label: "\(id): \(stream)", algorithm: .taus2) { _, pair, random in
      var source = Taus2Stream(random)
      return ExperimentOneRun.run(OneStepSociety(pair), protocol: settings, random: &source)
    }
  }

  func departures(_ count: Int, _ settings: ExperimentOneProtocol, stream: String, in context: RunContext) throws -> [PolicyDeparture?] {
    try context.replicates(count, stream: stream, label: "\(id): \(stream)", algorithm: .taus2) { _, random in
      var source = Taus2Stream(random)
      return PolicyDeparture.first(from: .titForTat, protocol: settings, random: &source)
    }
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let base = settings(p)
    let pairs = try runs(Array(stride(from: 0, to: 256, by: p[Self.pairStride])), base, stream: "pairs", in: context)
    let fromTitForTat = try departures(p[Self.departureRuns], base, stream: "departures", in: context)
    guard context.isBaseCell else {
      return Outcome(
        runs: pairs, trace: nil, departures: fromTitForTat, myopicRuns: [], frozenRuns: [], frozenDepartures: [],
        discount: base.constants.discount, share: p[Self.tableTwoTwoShare])
    }
    var traced = base
    traced.sampleInterval = max(1, base.stepCap / p[Self.traceSamples])
    let equalPairs = Array(stride(from: 0, to: 256, by: 17))
    var myopic = base
    myopic.constants.discount = 0
    var frozen = base
    frozen.constants.learningRate = 1e-9
    return Outcome(
      runs: pairs, trace: try runs([p[Self.tracedPair]], traced, stream: "trace", in: context)[0], departures: fromTitForTat,
      myopicRuns: try runs(equalPairs, myopic, stream: "control-myopic", in: context),
      frozenRuns: try runs(equalPairs, frozen, stream: "control-frozen", in: context),
      frozenDepartures: try departures(p[Self.departureRuns], frozen, stream: "control-frozen-departures", in: context),
      discount: base.constants.discount, share: p[Self.tableTwoTwoShare])
  }

  /// The map of a claim: `holds` judges one cell's outcome; the estimate and n come from `measure`.
  func map(
    of claim: Claim, _ outcomes: Outcomes<Outcome>, holds: (Outcome) -> Bool, measure: (Outcome) -> (estimate: Double, n: Int)
  ) -> VerdictMap {
    VerdictMap(
      design: claim.design,
      cells: outcomes.cells(of: claim).map { cell, outcome in
        let (estimate, n) = measure(outcome)
        return VerdictMap.Cell(reading: cell.readingSetting, verdict: .checking(holds(outcome)), estimate: estimate, n: n)
      })
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let analysis = ExperimentOneAnalysis(runs: o.runs, discount: o.discount)
    let tableMap = map(of: Self.tableTwoTwoClaim, outcomes) {
      ExperimentOneAnalysis.tableTwoTwoHolds($0.runs, share: $0.share)
    } measure: {
      (Double(ExperimentOneAnalysis.endingAtTableTwoTwo($0.runs)) / Double(max(1, $0.runs.count)), $0.runs.count)
    }
    let titForTatMap = map(of: Self.notTitForTatClaim, outcomes) {
      ExperimentOneAnalysis.notTitForTatHolds($0.runs)
    } measure: {
      (Double(ExperimentOneAnalysis.endingOnTitForTat($0.runs)), $0.runs.count)
    }
    let unstableMap = map(of: Self.titForTatUnstableClaim, outcomes) {
      ExperimentOneAnalysis(runs: $0.runs, discount: $0.discount).titForTatAlgebra().holds && ExperimentOneAnalysis.departuresHold($0.departures)
    } measure: {
      (Double($0.departures.compactMap { $0 }.filter(\.isSSToTrade).count) / Double(max(1, $0.departures.count)), $0.departures.count)
    }
    return ExperimentResult(
      tables: [
        analysis.censusTable(), analysis.wellbeingTable(), analysis.opponentTable(), analysis.titForTatTable(),
        analysis.departureTable(o.departures), analysis.runTable(),
      ],
      figures: o.trace.map { analysis.figures(trace: $0, traced: OneStepSociety(context.parameters[Self.tracedPair])) } ?? [],
      claims: [
        analysis.tableTwoTwoVerdict(share: o.share, myopic: o.myopicRuns, map: tableMap), try analysis.optimumVerdict(),
        try analysis.unexploitableVerdict(), analysis.notTitForTatVerdict(frozen: o.frozenRuns, map: titForTatMap),
        analysis.titForTatUnstableVerdict(o.departures, frozen: o.frozenDepartures, map: unstableMap), analysis.winStayLoseShiftVerdict(),
      ])
  }
}
