import Foundation
import LabKit

/// Chapter 3 of Numerical Politics (§3.1, §3.1.1, §3.1.2): the public buffer, the empirical policy and
/// the conformist/deviant model. Five checks: the prior P(Δ) is a density (GSL quadrature); the
/// deviants' prior is uninformative (exactly and by Monte Carlo, with a control that must fail); the
/// posterior separates into players (brute force); the MAP (π_n, Δ) is recovered from buffers (EM);
/// the empirical policy converges to the population's behaviour.
struct Chapter3InferenceExperiment: Experiment {
  init() {}

  let id = "np.ch3-inference"
  let title = "Chapter 3: the public buffer, the empirical policy and the conformist/deviant model"
  let sections = ["§3.1", "§3.1.1", "§3.1.2"]

  /// What the simulation returns: the raw numbers of each check and of its control.
  struct Outcome: Sendable {
    var prior: [PriorRow]
    var priorControl: [PriorRow]
    var exactDeviation: [UninformativePrior.Kind: Double]
    var exactHistories: Int
    var monteCarlo: [[UninformativePrior.Estimate]]
    var separation: [SeparationCheck]
    var norm: [NormRun]
    var empirical: [(truth: Double, wrong: Double)]
  }

  static let priorClaim = Claim(
    id: "np.ch3.prior", source: "§3.1.2", kind: .claim,
    statement: "P(Δ) = (n+1)(n+2)Δ(1−Δ)^n for 0 ≤ Δ ≤ 1 is a prior on the fraction of deviants (a probability density: the Beta(2, n+1) density).",
    class: .consistency(
      because:
        "the formula is the Beta(2, n+1) density, whose normalising constant is 1/B(2, n+1) = (n+1)(n+2); the quadrature can disagree only through a bug"
    ),
    control: Control("a wrong density, (n+1)(n+2)Δ(1−Δ)^(n+1) (the exponent off by one), checked the same way"))
  static let uninformativeClaim = Claim(
    id: "np.ch3.uninformative-prior", source: "§3.1.2", kind: .claim,
    statement:
      "The deviants' prior P_u satisfies P_u(a | H) = ∫ π(a | H) P_u(π | H) dπ = 1/|A| for all histories H (here: independent uniform Dirichlet rows at every decision node).",
    class: .consistency(
      because:
        "no encounter visits a node twice, so the row of the next node keeps its Dirichlet(1) prior and the predictive is its mean 1/|A| exactly (Dirichlet conjugacy)"
    ),
    control: Control("a stationary prior: one Dirichlet(1) row shared by all of a player's nodes, checked the same way"))
  static let separationClaim = Claim(
    id: "np.ch3.posterior-separates", source: "§3.1.1", kind: .claim,
    statement: "P(π_x, π_y, σ_x, σ_y | H) = P(π_x, σ_x | H) P(π_y, σ_y | H), and the max joint posterior is the max of the individual posteriors.",
    class: .consistency(
      because:
        "the likelihood is a product of one factor per player and the priors are independent, so the joint posterior is the product by algebra; enumeration can disagree only through a bug"
    ),
    control: Control("a joint prior that couples the players (twice the weight on pairs of policies with the same index), checked the same way"))
  static let normClaim = Claim(
    id: "np.ch3.norm-inference", source: "§3.1.2", kind: .claim,
    statement:
      "The buffer was generated from P_{π_n,Δ}(π) = (1 − Δ)δ_{π_n}(π) + Δ P_u(π); the MAP of (π_n, Δ) given B recovers the social norm and the fraction of deviants.",
    class: .empirical, control: Control("the estimates judged against the wrong truth: each buffer's true Δ swapped with the other's"),
    readings: [priorShape.erased], design: .product)
  static let empiricalClaim = Claim(
    id: "np.ch3.empirical-policy", source: "§3.1", kind: .claim,
    statement:
      "An empirical policy P(a | H) in the form of a decision tree with frequencies of behaviour at each node, trained on B, models the population's behaviour.",
    class: .empirical, control: Control("the empirical policy judged against another population's behaviour (the mixture weights reversed)"),
    readings: [smoothing.erased], design: .product)

  var claims: [Claim] { [Self.priorClaim, Self.uninformativeClaim, Self.separationClaim, Self.normClaim, Self.empiricalClaim] }

  static let maximumMoves = ParameterKey<Int>("maximumMoves")
  static let priorShape = ParameterKey<Double>("priorShape")
  static let deviantFractionLow = ParameterKey<Double>("deviantFractionLow")
  static let deviantFractionHigh = ParameterKey<Double>("deviantFractionHigh")
  static let largestBuffer = ParameterKey<Int>("largestBuffer")
  static let replicates = ParameterKey<Int>("replicates")
  static let smoothing = ParameterKey<Double>("smoothing")
  static let monteCarloSamples = ParameterKey<Int>("monteCarloSamples")
  static let familyLevel = ParameterKey<Double>("familyLevel")
  static let separationInstances = ParameterKey<Int>("separationInstances")
  static let separationPolicies = ParameterKey<Int>("separationPolicies")
  static let separationStates = ParameterKey<Int>("separationStates")
  static let quadratureTolerance = ParameterKey<Double>("quadratureTolerance")
  static let separationTolerance = ParameterKey<Double>("separationTolerance")
  static let deviantErrorThreshold = ParameterKey<Double>("deviantErrorThreshold")
  static let normErrorThreshold = ParameterKey<Double>("normErrorThreshold")
  static let empiricalErrorThreshold = ParameterKey<Double>("empiricalErrorThreshold")
  static let slopeLower = ParameterKey<Double>("slopeLower")
  static let slopeUpper = ParameterKey<Double>("slopeUpper")

  var parameters: [Parameter] {
    let open = Parameter.Domain.real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: false)
    let rate = Parameter.Domain.real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: true)
    return [
      Parameter(Self.maximumMoves, "Cap on the moves of an encounter (EncounterRules; the text sets none).", domain: .integer(2...16), default: 8),
      Parameter(
        Self.priorShape, "The n of P(Δ) = (n+1)(n+2)Δ(1−Δ)^n (prior mode 1/(n+1) = 0.2: deviants a minority).", domain: .real(0...1000), default: 4.0),
      Parameter(Self.deviantFractionLow, "First true Δ of the generated buffers.", domain: .unitInterval(zeroAllowed: false), default: 0.1),
      Parameter(Self.deviantFractionHigh, "Second true Δ of the generated buffers.", domain: .unitInterval(zeroAllowed: false), default: 0.3),
      Parameter(
        Self.largestBuffer, "Buffer sizes are 10, 30, 100, 300, 1000, … up to this many histories.", domain: .integer(30...1_000_000), smoke: 3000,
        standard: 10000, paper: 100_000),
      Parameter(
        Self.replicates, "Independent buffers per (Δ, size) and per size for the empirical policy.", domain: .integer(2...1000), smoke: 6,
        standard: 8, paper: 32),
      Parameter(Self.smoothing, "Pseudo-count per move of the empirical policy (0.5: Jeffreys).", domain: .real(0...100), default: 0.5),
      Parameter(
        Self.monteCarloSamples, "Policies drawn from each prior for the uninformative-prior check.", domain: .integer(100...10_000_000), smoke: 4000,
        standard: 40000, paper: 400_000),
      Parameter(
        Self.familyLevel, "Family-wise confidence of the Monte Carlo intervals (Bonferroni over histories × moves).",
        domain: .real(lower: 0.5, upper: 1, lowerIncluded: true, upperIncluded: false), default: 0.99),
      Parameter(
        Self.separationInstances, "Random finite instances for the separation check.", domain: .integer(1...1_000_000), smoke: 50, standard: 1000,
        paper: 10000),
      Parameter(
        Self.separationPolicies, "Policies per player in each separation instance (at least 2, so that the coupled control differs).",
        domain: .integer(2...20), default: 3),
      Parameter(Self.separationStates, "Hunger states per player in each separation instance.", domain: .integer(1...20), default: 3),
      Parameter(
        Self.quadratureTolerance, "Relative tolerance of the prior's integral, mean, variance and pointwise density.", domain: open, default: 1e-9),
      Parameter(Self.separationTolerance, "Largest allowed |joint − product| of posteriors.", domain: open, default: 1e-12),
      Parameter(
        Self.deviantErrorThreshold, "Mean |Δ̂ − Δ| allowed at the largest buffer (smoke: 10× smaller buffers, so a looser bound).", domain: rate,
        smoke: 0.05, standard: 0.02, paper: 0.02),
      Parameter(
        Self.normErrorThreshold, "Mean visit-weighted TV(π̂_n, π_n) allowed at the largest buffer.", domain: rate, smoke: 0.1, standard: 0.05,
        paper: 0.05),
      Parameter(
        Self.empiricalErrorThreshold, "Mean visit-weighted TV of the empirical policy allowed at the largest buffer.", domain: rate, smoke: 0.1,
        standard: 0.05, paper: 0.05),
      Parameter(
        Self.slopeLower, "Lower end of the accepted log-log slope of the empirical-policy error (expected −1/2).", domain: .real(-5...0),
        default: -0.65),
      Parameter(Self.slopeUpper, "Upper end of the accepted log-log slope of the empirical-policy error.", domain: .real(-5...0), default: -0.35),
    ]
  }

  /// The readings the text leaves open: the n of the deviants' prior P(Δ) (the text gives the family,
  /// not n) and the pseudo-count of the empirical policy's frequencies (the text says "frequencies").
  var readings: [Reading] {
    [
      Reading(
        Self.priorShape,
        [
          .init(4.0, reason: "prior mode 1/(n+1) = 0.2: deviants a minority", source: "§3.1.2 (n unspecified); our base"),
          .init(1.0, reason: "prior mode 1/2: as likely many deviants as few", source: "§3.1.2 (n unspecified)"),
        ]),
      Reading(
        Self.smoothing,
        [
          .init(0.5, reason: "Jeffreys' pseudo-count, the usual default for multinomial frequencies", source: "Jeffreys (1946); our base"),
          .init(1.0, reason: "Laplace's add-one rule", source: "§3.1 (\"frequencies of behaviour\", smoothing unspecified)"),
        ]),
    ]
  }

  /// 10, 30, 100, 300, … up to `largest` (and `largest` itself when it is not in the sequence).
  static func bufferSizes(upTo largest: Int) -> [Int] {
    var sizes: [Int] = []
    var decade = 10
    while decade <= largest {
      sizes.append(decade)
      if 3 * decade <= largest { sizes.append(3 * decade) }
      decade *= 10
    }
    if sizes.last != largest { sizes.append(largest) }
    return sizes
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    guard context.isBaseCell else {
      return Outcome(
        prior: [], priorControl: [], exactDeviation: [:], exactHistories: 0, monteCarlo: [], separation: [],
        norm: context.serves(Self.normClaim) ? try simulateNormInference(p, context: context) : [],
        empirical: context.serves(Self.empiricalClaim) ? try simulateEmpiricalPolicy(p, context: context) : [])
    }
    let maximumMoves = p[Self.maximumMoves]
    let exactHistories = UninformativePrior.openHistories(upTo: 4, maximumMoves: maximumMoves) + Self.probeHistories(maximumMoves: maximumMoves)
    var exactDeviation: [UninformativePrior.Kind: Double] = [:]
    for kind in UninformativePrior.Kind.allCases {
      exactDeviation[kind] = exactHistories.map {
        UninformativePrior.exactPredictive($0, kind: kind).map { abs($0 - 1 / Double(EncounterMove.count)) }.max()!
      }.max()!
    }
    let probes = Self.probeHistories(maximumMoves: maximumMoves)
    let samples = p[Self.monteCarloSamples]
    let monteCarlo = try context.map(UninformativePrior.Kind.allCases, stream: "uninformative") { _, kind, random in
      UninformativePrior.monteCarlo(probes, kind: kind, samples: samples, maximumMoves: maximumMoves, random: random)
    }
    return Outcome(
      prior: try Self.priorRows(exponentShift: 0), priorControl: try Self.priorRows(exponentShift: 1),
      exactDeviation: exactDeviation, exactHistories: exactHistories.count, monteCarlo: monteCarlo,
      separation: try simulateSeparation(p, context: context), norm: try simulateNormInference(p, context: context),
      empirical: try simulateEmpiricalPolicy(p, context: context))
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let o = outcomes.base
    let (priorTable, priorResult) = judgePrior(o, tolerance: p[Self.quadratureTolerance])
    let (uniformTable, uniformResult) = try judgeUninformative(o, p)
    let (separationTable, separationResult) = judgeSeparation(o.separation, p)
    let normMap = VerdictMap(
      design: Self.normClaim.design,
      cells: try outcomes.cells(of: Self.normClaim).map { cell, outcome in
        VerdictMap.Cell(reading: cell.readingSetting, verdict: .checking(try Self.normFailures(outcome.norm, p).isEmpty), n: outcome.norm.count)
      })
    let empiricalMap = VerdictMap(
      design: Self.empiricalClaim.design,
      cells: try outcomes.cells(of: Self.empiricalClaim).map { cell, outcome in
        let check = try Self.empiricalStandards(outcome.empirical.map(\.truth), sizes: Self.bufferSizes(upTo: p[Self.largestBuffer]), p)
        return VerdictMap.Cell(
          reading: cell.readingSetting, verdict: .checking(check.holds), estimate: check.intervals.last!.estimate, n: outcome.empirical.count)
      })
    let norm = try judgeNormInference(o.norm, p, map: normMap)
    let empirical = try judgeEmpiricalPolicy(o.empirical, p, map: empiricalMap)
    return ExperimentResult(
      tables: [priorTable, uniformTable, separationTable, norm.table, empirical.table],
      figures: norm.figures + [empirical.figure],
      claims: [priorResult, uniformResult, separationResult, norm.result, empirical.result])
  }

  // MARK: - np.ch3.prior

  /// One n of the prior check: the quadrature's integral, mean and variance, the exact moments, and
  /// the largest relative difference from GSL's Beta(2, n+1) density.
  struct PriorRow: Sendable {
    var n, integral, mean, exactMean, variance, exactVariance, pointwise: Double
    /// The largest deviation of any kind (relative; absolute for the integral).
    var worst: Double { max(abs(integral - 1), abs(mean - exactMean) / exactMean, abs(variance - exactVariance) / exactVariance, pointwise) }
  }

  /// The check's numbers for (n+1)(n+2)Δ(1−Δ)^(n + exponentShift): the text's density at shift 0, the
  /// control's wrong density at shift 1.
  static func priorRows(exponentShift: Double) throws -> [PriorRow] {
    try [0.0, 1, 2, 5, 10, 50, 200].map { n in
      let prior = try DeviantPrior(shape: n)
      let density: (Double) -> Double = { exponentShift == 0 ? prior.density($0) : prior.density($0) * (1 - $0) }
      let integral = try Quadrature.integrate(over: 0...1, relativeTolerance: 1e-13) { density($0) }.value
      let mean = try Quadrature.integrate(over: 0...1, relativeTolerance: 1e-13) { $0 * density($0) }.value
      let variance = try Quadrature.integrate(over: 0...1, relativeTolerance: 1e-13) { ($0 - mean) * ($0 - mean) * density($0) }.value
      var pointwise = 0.0
      for i in 1..<100 {
        let delta = Double(i) / 100
        let reference = try BetaDistribution(2, n + 1).density(delta)  // GSL gsl_ran_beta_pdf
        if reference > 0 { pointwise = max(pointwise, abs(density(delta) - reference) / reference) }
      }
      return PriorRow(
        n: n, integral: integral, mean: mean, exactMean: 2 / (n + 3), variance: variance,
        exactVariance: 2 * (n + 1) / ((n + 3) * (n + 3) * (n + 4)), pointwise: pointwise)
    }
  }

  func judgePrior(_ o: Outcome, tolerance: Double) -> (Table, ClaimResult) {
    var table = Table(
      id: "np.ch3.prior", title: "P(Δ) = (n+1)(n+2)Δ(1−Δ)^n integrated by GSL QAGS",
      columns: ["n", "∫ P", "mean", "2/(n+3)", "variance", "2(n+1)/((n+3)²(n+4))", "max rel. diff. from Beta(2, n+1) pdf"])
    for r in o.prior {
      table.append([
        .real(r.n, digits: 0), .real(r.integral, digits: 12), .real(r.mean, digits: 10), .real(r.exactMean, digits: 10),
        .real(r.variance, digits: 10), .real(r.exactVariance, digits: 10), .text(DecimalFormat.compact(r.pointwise, significant: 2)),
      ])
    }
    let worst = o.prior.map(\.worst).max()!, controlWorst = o.priorControl.map(\.worst).max()!
    let evidence = Evidence(
      summary:
        "For n ∈ {0, 1, 2, 5, 10, 50, 200} GSL's QAGS gives ∫P = 1, mean 2/(n+3) and variance 2(n+1)/((n+3)²(n+4)), and P agrees with gsl_ran_beta_pdf(Δ; 2, n+1) at Δ = 0.01, …, 0.99; the largest relative deviation is \(DecimalFormat.compact(worst, significant: 2)). Control (exponent n+1): largest deviation \(DecimalFormat.compact(controlWorst, significant: 2)).",
      measurements: [.init("largest relative deviation", worst), .init("control: largest relative deviation", controlWorst)],
      tolerance: "every deviation ≤ \(DecimalFormat.compact(tolerance)) (relative; absolute for the integral), fixed in advance",
      sampleSize: o.prior.count)
    return (
      table,
      ClaimResult(
        Self.priorClaim, map: .single(.checking(worst <= tolerance), estimate: worst, n: o.prior.count),
        control: ControlResult(Self.priorClaim.control!, verdict: .checking(controlWorst <= tolerance)), evidence: evidence)
    )
  }

  // MARK: - np.ch3.uninformative-prior

  /// Histories for the Monte Carlo check: short and long, with repeated moves, none ended.
  static func probeHistories(maximumMoves: Int) -> [[EncounterMove]] {
    let all: [[EncounterMove]] = [
      [], [.sayOne], [.sayOne, .sayOne, .sayOne], [.giveCorn, .giveLabour, .giveCorn, .giveLabour],
      [.hit, .hit, .hit, .hit, .hit], [.sayZero, .giveLand, .sayZero, .giveLand, .sayZero, .giveLand],
      [.sayOne, .sayOne, .sayOne, .sayOne, .sayOne, .sayOne, .sayOne],
      [.giveCorn, .sayOne, .hit, .sayZero, .giveLand, .giveLabour, .giveCorn],
    ]
    return all.filter { $0.count < maximumMoves }
  }

  static func describe(_ history: [EncounterMove]) -> String {
    history.isEmpty ? "(empty)" : history.map(\.symbol).joined()
  }

  /// The Monte Carlo side of the uninformative-prior check for one prior: how many intervals P̂ ± z·s.e.
  /// exclude 1/7, and whether every interval contains the prior's exact predictive.
  struct MonteCarloCheck {
    var outside = 0
    var exactInside = true
    var rows: [[Table.Cell]] = []
  }

  static func monteCarloCheck(_ kind: UninformativePrior.Kind, _ estimates: [UninformativePrior.Estimate], z: Double) -> MonteCarloCheck {
    let uniform = 1 / Double(EncounterMove.count)
    var check = MonteCarloCheck()
    for estimate in estimates {
      let exact = UninformativePrior.exactPredictive(estimate.history, kind: kind)
      var worst = 0.0, worstZ = 0.0, inside = true
      for k in 0..<EncounterMove.count {
        let se = estimate.standardErrors[k]
        worst = max(worst, abs(estimate.predictive[k] - uniform))
        if abs(estimate.predictive[k] - uniform) > z * se { inside = false; check.outside += 1 }
        let zExact = abs(estimate.predictive[k] - exact[k]) / se
        worstZ = max(worstZ, zExact)
        if zExact > z { check.exactInside = false }
      }
      check.rows.append([
        .text(kind.rawValue), .text(describe(estimate.history)), .integer(UninformativePrior.ownCells(estimate.history).count),
        .real(worst, digits: 4), .real(worstZ, digits: 2), .text(inside ? "yes" : "no"), .integer(Int(estimate.effectiveSampleSize.rounded())),
      ])
    }
    return check
  }

  func judgeUninformative(_ o: Outcome, _ p: Parameters) throws -> (Table, ClaimResult) {
    let samples = p[Self.monteCarloSamples], level = p[Self.familyLevel]
    let comparisons = o.monteCarlo[0].count * EncounterMove.count
    let z = UninformativePrior.bonferroniQuantile(level: level, comparisons: comparisons)
    let kinds = UninformativePrior.Kind.allCases
    var checks: [UninformativePrior.Kind: MonteCarloCheck] = [:]
    var table = Table(
      id: "np.ch3.uninformative-prior",
      title: "Posterior predictive P(a | H) of the next mover under two priors (Monte Carlo, \(samples) policies each)",
      columns: ["prior", "history H", "own moves", "max |P̂ − 1/7|", "max |P̂ − exact|/s.e.", "1/7 inside all intervals", "effective samples"])
    for (kind, estimates) in zip(kinds, o.monteCarlo) {
      let check = Self.monteCarloCheck(kind, estimates, z: z)
      checks[kind] = check
      for row in check.rows { table.append(row) }
    }
    // The check on a prior: exactly uninformative on every open history, and 1/7 inside every interval.
    func verdict(_ kind: UninformativePrior.Kind) -> Headline { .checking(o.exactDeviation[kind]! == 0 && checks[kind]!.outside == 0) }
    let pu = UninformativePrior.Kind.independentNodes, control = UninformativePrior.Kind.stationary
    let evidence = Evidence(
      summary:
        "Independent Dirichlet(1) rows per node: exact predictive = 1/7 on all \(o.exactHistories) open histories of ≤ 4 moves and the probes (largest deviation \(DecimalFormat.compact(o.exactDeviation[pu]!, significant: 3))); Monte Carlo: 1/7 outside \(checks[pu]!.outside) of \(comparisons) intervals. Control (one shared row): exact largest deviation \(DecimalFormat.compact(o.exactDeviation[control]!, significant: 3)), 1/7 outside \(checks[control]!.outside) intervals; the Monte Carlo agrees with the control's exact Dirichlet–multinomial predictive: \(checks[control]!.exactInside ? "yes" : "no").",
      measurements: [
        .init("exact max deviation (P_u)", o.exactDeviation[pu]!), .init("intervals excluding 1/7 (P_u)", checks[pu]!.outside),
        .init("exact max deviation (control)", o.exactDeviation[control]!), .init("intervals excluding 1/7 (control)", checks[control]!.outside),
        .init("Monte Carlo agrees with the control's exact predictive", checks[control]!.exactInside), .init("Bonferroni z", z),
      ],
      tolerance:
        "exact: equality with 1/7; Monte Carlo: 1/7 inside P̂ ± z·s.e. for every (H, a), z the two-sided normal quantile at family-wise level \(DecimalFormat.compact(level)) with Bonferroni over \(comparisons) comparisons (fixed in advance)",
      sampleSize: samples * kinds.count)
    return (
      table,
      ClaimResult(
        Self.uninformativeClaim, map: .single(verdict(pu), estimate: o.exactDeviation[pu]!, n: samples),
        control: ControlResult(Self.uninformativeClaim.control!, verdict: verdict(control)), evidence: evidence)
    )
  }

  // MARK: - np.ch3.posterior-separates

  /// One random instance of the separation check, and the same instance with the coupled prior.
  struct SeparationCheck: Sendable {
    var difference: Double
    var mapsAgree: Bool
    var length: Int
    var controlDifference: Double
    var controlMapsAgree: Bool
  }

  func simulateSeparation(_ p: Parameters, context: RunContext) throws -> [SeparationCheck] {
    let policies = p[Self.separationPolicies], states = p[Self.separationStates], maximumMoves = p[Self.maximumMoves]
    return try context.replicates(p[Self.separationInstances], stream: "separation") { _, random in
      let instance = PosteriorSeparation.random(policies: policies, states: states, maximumMoves: maximumMoves, random: random)
      let check = instance.check(), control = instance.check(coupling: 1)
      return SeparationCheck(
        difference: check.maximumDifference, mapsAgree: check.mapsAgree, length: instance.history.count,
        controlDifference: control.maximumDifference, controlMapsAgree: control.mapsAgree)
    }
  }

  func judgeSeparation(_ checks: [SeparationCheck], _ p: Parameters) -> (Table, ClaimResult) {
    let instances = checks.count, tolerance = p[Self.separationTolerance]
    let worst = checks.map(\.difference).max() ?? 0
    let agree = checks.filter(\.mapsAgree).count
    let controlWorst = checks.map(\.controlDifference).max() ?? 0
    let controlAgree = checks.filter(\.controlMapsAgree).count
    let meanLength = (try? Statistics.mean(checks.map { Double($0.length) })) ?? 0
    var table = Table(
      id: "np.ch3.posterior-separation", title: "Joint posterior by enumeration against the product of the per-player posteriors",
      columns: ["instances", "policies per player", "hunger states", "mean history length", "max |joint − product|", "joint MAP = pair of MAPs"])
    table.append([
      .integer(instances), .integer(p[Self.separationPolicies]), .integer(p[Self.separationStates]), .real(meanLength, digits: 2),
      .text(DecimalFormat.compact(worst, significant: 2)), .text("\(agree) of \(instances)"),
    ])
    let evidence = Evidence(
      summary:
        "Over \(instances) random instances (\(p[Self.separationPolicies]) stateful policies and \(p[Self.separationStates]) hunger states per player, random priors, random histories) the largest |P(π_x, π_y, σ_x, σ_y | H) − P(π_x, σ_x | H) P(π_y, σ_y | H)| is \(DecimalFormat.compact(worst, significant: 2)); the joint MAP is the pair of individual MAPs in \(agree) of \(instances). Control (coupled prior): largest difference \(DecimalFormat.compact(controlWorst, significant: 2)), MAPs agree in \(controlAgree).",
      measurements: [
        .init("max absolute difference", worst), .init("MAP agreements", agree), .init("control: max absolute difference", controlWorst),
      ],
      tolerance: "max difference ≤ \(DecimalFormat.compact(tolerance)) and MAPs agree in every instance (fixed in advance)", sampleSize: instances)
    return (
      table,
      ClaimResult(
        Self.separationClaim, map: .single(.checking(worst <= tolerance && agree == instances), estimate: worst, n: instances),
        control: ControlResult(Self.separationClaim.control!, verdict: .checking(controlWorst <= tolerance && controlAgree == instances)),
        evidence: evidence)
    )
  }

  // MARK: - np.ch3.norm-inference

  struct NormRun: Sendable {
    var fraction: Int
    var size: Int
    var policyError: Double
    var iterations: Int
    var estimate: Double
    var posterior: [Double]?
  }

  static let posteriorGrid = (0...1000).map { Double($0) / 1000 }

  func simulateNormInference(_ p: Parameters, context: RunContext) throws -> [NormRun] {
    let maximumMoves = p[Self.maximumMoves], priorShape = p[Self.priorShape], replicates = p[Self.replicates]
    let fractions = [p[Self.deviantFractionLow], p[Self.deviantFractionHigh]]
    let sizes = Self.bufferSizes(upTo: p[Self.largestBuffer])
    let norm = TradeNorm.policy(maximumMoves: maximumMoves)
    let normVisits = NodeVisits.reach(norm, norm, maximumMoves: maximumMoves)
    var items: [[Int]] = []
    for f in fractions.indices { for s in sizes.indices { for r in 0..<replicates { items.append([f, s, r]) } } }
    return try context.map(items, stream: "norm-inference", label: "norm inference") { _, item, random in
      let buffer = ConformistDeviantBuffer.generate(
        norm: norm, deviantFraction: fractions[item[0]], size: sizes[item[1]], maximumMoves: maximumMoves, random: random)
      let estimate = NormInference.estimate(buffer.histories, maximumMoves: maximumMoves, priorShape: priorShape)
      let posterior =
        item[2] == 0 ? NormInference.deviantPosterior(buffer.histories, norm: estimate.norm, priorShape: priorShape, grid: Self.posteriorGrid) : nil
      return NormRun(
        fraction: item[0], size: item[1], policyError: NodeVisits.weightedTotalVariation(estimate.norm, norm, weights: normVisits),
        iterations: estimate.iterations, estimate: estimate.deviantFraction, posterior: posterior)
    }
  }

  /// The standards of the norm-inference check for one true Δ, with `truth` the Δ the estimates are
  /// judged against: the failures, in words, and the mean errors per buffer size with their intervals.
  static func normStandards(
    _ runs: [NormRun], label: String, truth: Double, sizes: [Int], _ p: Parameters
  ) throws
    -> (failures: [String], deviant: [ConfidenceInterval], policy: [ConfidenceInterval], slopes: (Double, Double))
  {
    let deviant = try sizes.indices.map { s in try ConfidenceInterval.mean(of: runs.filter { $0.size == s }.map { abs($0.estimate - truth) }) }
    let policy = try sizes.indices.map { s in try ConfidenceInterval.mean(of: runs.filter { $0.size == s }.map(\.policyError)) }
    let xs = sizes.map(Double.init)
    let deviantFit = try PowerLawFit(xs: xs, ys: deviant.map { max($0.estimate, 1e-12) })
    let policyFit = try PowerLawFit(xs: xs, ys: policy.map { max($0.estimate, 1e-12) })
    var failures: [String] = []
    if !(deviantFit.exponentInterval.upper < 0) {
      failures.append("\(label): slope of |Δ̂ − Δ| \(deviantFit.exponentInterval.formatted(digits: 2)) not below 0")
    }
    if !(policyFit.exponentInterval.upper < 0) {
      failures.append("\(label): slope of TV \(policyFit.exponentInterval.formatted(digits: 2)) not below 0")
    }
    if !(deviant.last!.estimate < p[deviantErrorThreshold]) {
      failures.append("\(label): |Δ̂ − Δ| = \(DecimalFormat.compact(deviant.last!.estimate, significant: 3)) at the largest buffer")
    }
    if !(policy.last!.estimate < p[normErrorThreshold]) {
      failures.append("\(label): TV = \(DecimalFormat.compact(policy.last!.estimate, significant: 3)) at the largest buffer")
    }
    return (failures, deviant, policy, (deviantFit.exponent, policyFit.exponent))
  }

  /// The failed standards of one cell's norm-inference runs (none: the claim holds there).
  static func normFailures(_ runs: [NormRun], _ p: Parameters) throws -> [String] {
    let fractions = [p[Self.deviantFractionLow], p[Self.deviantFractionHigh]]
    let sizes = Self.bufferSizes(upTo: p[Self.largestBuffer])
    return try fractions.enumerated().flatMap { f, delta in
      try normStandards(runs.filter { $0.fraction == f }, label: "Δ = \(DecimalFormat.compact(delta))", truth: delta, sizes: sizes, p).failures
    }
  }

  /// The tables, figures and verdict of np.ch3.norm-inference; `map` judges every reading, the
  /// evidence describes the base cell's runs.
  func judgeNormInference(_ runs: [NormRun], _ p: Parameters, map: VerdictMap) throws -> (table: Table, figures: [Figure], result: ClaimResult) {
    let replicates = p[Self.replicates], priorShape = p[Self.priorShape]
    let fractions = [p[Self.deviantFractionLow], p[Self.deviantFractionHigh]]
    let sizes = Self.bufferSizes(upTo: p[Self.largestBuffer])
    let xs = sizes.map(Double.init)
    var table = Table(
      id: "np.ch3.norm-inference", title: "MAP (π̂_n, Δ̂) by EM against buffer size (\(replicates) buffers each; 95% t-intervals)",
      columns: ["true Δ", "histories", "mean Δ̂", "|Δ̂ − Δ|", "95% interval", "TV(π̂_n, π_n)", "95% interval ", "EM iterations (max)"])
    var deviantChart = Chart(
      title: "Norm inference: error of Δ̂", x: Axis(label: "histories in the buffer", scale: .logarithmic),
      y: Axis(label: "mean |Δ̂ − Δ|", scale: .logarithmic))
    var policyChart = Chart(
      title: "Norm inference: error of π̂_n", x: Axis(label: "histories in the buffer", scale: .logarithmic),
      y: Axis(label: "mean visit-weighted TV(π̂_n, π_n)", scale: .logarithmic))
    var posteriorChart = Chart(
      title: "Posterior density of Δ at π̂_n (one buffer per size)", x: Axis(label: "fraction of deviants Δ", range: 0...0.6),
      y: Axis(label: "posterior density P(Δ | B, π̂_n)"))
    var failures: [String] = [], controlFailures: [String] = []
    var measurements: [Evidence.Measurement] = []
    for (f, delta) in fractions.enumerated() {
      let group = runs.filter { $0.fraction == f }
      let label = "Δ = \(DecimalFormat.compact(delta))"
      let check = try Self.normStandards(group, label: label, truth: delta, sizes: sizes, p)
      failures += check.failures
      controlFailures += try Self.normStandards(group, label: label, truth: fractions[1 - f], sizes: sizes, p).failures
      for (s, size) in sizes.enumerated() {
        let cell = group.filter { $0.size == s }
        table.append([
          .real(delta, digits: 2), .integer(size), .real((try? Statistics.mean(cell.map(\.estimate))) ?? .nan, digits: 4),
          .real(check.deviant[s].estimate, digits: 4), .text(check.deviant[s].bracket(digits: 4)), .real(check.policy[s].estimate, digits: 4),
          .text(check.policy[s].bracket(digits: 4)), .integer(cell.map(\.iterations).max()!),
        ])
        if let posterior = cell.first(where: { $0.posterior != nil })?.posterior {
          posteriorChart.line(f == 0 ? "\(size) histories" : nil, x: Self.posteriorGrid, y: posterior, dashed: f == 1, colour: Palette.okabeIto[s])
        }
      }
      deviantChart.errorBars(label, x: xs, y: check.deviant.map(\.estimate), lower: check.deviant.map(\.lower), upper: check.deviant.map(\.upper))
      policyChart.errorBars(label, x: xs, y: check.policy.map(\.estimate), lower: check.policy.map(\.lower), upper: check.policy.map(\.upper))
      posteriorChart.referenceLine(x: delta, label: "true Δ = \(DecimalFormat.compact(delta))")
      measurements += [
        .init("\(label): slope of |Δ̂ − Δ|", check.slopes.0), .init("\(label): slope of TV", check.slopes.1),
        .init("\(label): |Δ̂ − Δ| at \(sizes.last!)", check.deviant.last!.estimate),
        .init("\(label): TV at \(sizes.last!)", check.policy.last!.estimate),
      ]
    }
    let capped = runs.filter { $0.iterations >= 500 }.count
    let evidence = Evidence(
      summary:
        "EM on buffers from the trade norm with Δ ∈ {\(fractions.map { DecimalFormat.compact($0) }.joined(separator: ", "))}, n = \(DecimalFormat.compact(priorShape)): at \(sizes.last!) histories mean |Δ̂ − Δ| = \(fractions.indices.map { DecimalFormat.compact(measurements[$0 * 4 + 2].value.numberValue ?? .nan, significant: 3) }.joined(separator: " / ")) and mean TV(π̂_n, π_n) = \(fractions.indices.map { DecimalFormat.compact(measurements[$0 * 4 + 3].value.numberValue ?? .nan, significant: 3) }.joined(separator: " / ")); \(failures.isEmpty ? "all standards met" : "failed: " + failures.joined(separator: "; ")). EM runs stopped by the iteration cap: \(capped). Control (true Δ swapped): \(controlFailures.count) standards failed.",
      measurements: measurements + [.init("EM runs at the iteration cap", capped), .init("control: standards failed", controlFailures.count)],
      tolerance:
        "for each Δ: the 95% interval of the log-log slope of the mean error against buffer size lies below 0 (both errors), and at the largest buffer mean |Δ̂ − Δ| < \(DecimalFormat.compact(p[Self.deviantErrorThreshold])) and mean TV < \(DecimalFormat.compact(p[Self.normErrorThreshold])) (fixed in advance)",
      sampleSize: runs.count)
    let figures = [
      Figure(
        id: "np.ch3.deviant-posterior",
        title:
          "Posterior density of the fraction of deviants Δ at π̂_n, one buffer per size (solid: Δ = \(DecimalFormat.compact(fractions[0])), dashed: Δ = \(DecimalFormat.compact(fractions[1])))",
        drawing: posteriorChart
      ).captioned(
        "Δ is the fraction of deviants (agents who ignore the norm); π̂_n is the norm inferred from the buffer B of observed histories; the density is the posterior of Δ given B with the norm fixed at π̂_n."
      ),
      Figure(
        id: "np.ch3.norm-deviant-error", title: "Error of the MAP fraction of deviants against buffer size (mean and 95% interval over buffers)",
        drawing: deviantChart
      ).captioned(
        "Δ is the true fraction of deviants (agents who ignore the norm) and Δ̂ its MAP estimate from the buffer of observed histories."),
      Figure(
        id: "np.ch3.norm-policy-error", title: "Visit-weighted total variation between π̂_n and the true norm against buffer size",
        drawing: policyChart
      ).captioned(
        "π_n is the true norm (the policy non-deviant agents follow) and π̂_n its MAP estimate from the buffer of observed histories; TV is the total variation distance between the two policies' move distributions, weighted by how often each history node is visited; Δ is the fraction of deviants."
      ),
    ]
    return (
      table, figures,
      ClaimResult(
        Self.normClaim, map: map,
        control: ControlResult(Self.normClaim.control!, verdict: .checking(controlFailures.isEmpty)), evidence: evidence)
    )
  }

  // MARK: - np.ch3.empirical-policy

  func simulateEmpiricalPolicy(_ p: Parameters, context: RunContext) throws -> [(truth: Double, wrong: Double)] {
    let maximumMoves = p[Self.maximumMoves], replicates = p[Self.replicates], smoothing = p[Self.smoothing]
    let sizes = Self.bufferSizes(upTo: p[Self.largestBuffer])
    let population = ExamplePopulation.policies(maximumMoves: maximumMoves)
    let weights = ExamplePopulation.weights
    let truth = NodeVisits.populationBehaviour(population, weights: weights, maximumMoves: maximumMoves)
    // The control's other population: the same policies with the mixture weights reversed.
    let other = NodeVisits.populationBehaviour(population, weights: Array(weights.reversed()), maximumMoves: maximumMoves)
    var items: [[Int]] = []
    for s in sizes.indices { for r in 0..<replicates { items.append([s, r]) } }
    return try context.map(items, stream: "empirical-policy", label: "empirical policy") { _, item, random in
      var empirical = EmpiricalPolicy(maximumMoves: maximumMoves, smoothing: smoothing)
      var source = random
      for _ in 0..<sizes[item[0]] {
        let x = random.categoricalIndex(weights)
        let y = random.categoricalIndex(weights)
        empirical.record(EncounterPlay.play(population[x], population[y], maximumMoves: maximumMoves, random: &source))
      }
      let policy = empirical.policy()
      return (
        NodeVisits.weightedTotalVariation(policy, truth.behaviour, weights: truth.visits),
        NodeVisits.weightedTotalVariation(policy, other.behaviour, weights: other.visits)
      )
    }
  }

  /// The empirical-policy standards on the errors of every buffer: the mean error per size with its
  /// interval, the fitted log-log slope, and whether slope and final error meet the bars.
  static func empiricalStandards(
    _ errors: [Double], sizes: [Int], _ p: Parameters
  ) throws -> (intervals: [ConfidenceInterval], fit: PowerLawFit, holds: Bool) {
    let replicates = p[Self.replicates]
    let intervals = try sizes.indices.map { s in try ConfidenceInterval.mean(of: Array(errors[(s * replicates)..<((s + 1) * replicates)])) }
    let fit = try PowerLawFit(xs: sizes.map(Double.init), ys: intervals.map(\.estimate))
    let holds = (p[slopeLower]...p[slopeUpper]).contains(fit.exponent) && intervals.last!.estimate < p[empiricalErrorThreshold]
    return (intervals, fit, holds)
  }

  /// The table, figure and verdict of np.ch3.empirical-policy; `map` judges every reading, the
  /// evidence describes the base cell's buffers.
  func judgeEmpiricalPolicy(
    _ errors: [(truth: Double, wrong: Double)], _ p: Parameters, map: VerdictMap
  ) throws -> (table: Table, figure: Figure, result: ClaimResult) {
    let replicates = p[Self.replicates], smoothing = p[Self.smoothing]
    let sizes = Self.bufferSizes(upTo: p[Self.largestBuffer])
    let check = try Self.empiricalStandards(errors.map(\.truth), sizes: sizes, p)
    let control = try Self.empiricalStandards(errors.map(\.wrong), sizes: sizes, p)
    var table = Table(
      id: "np.ch3.empirical-policy", title: "Empirical policy against the population's behaviour (\(replicates) buffers each; 95% t-intervals)",
      columns: ["histories", "visit-weighted TV", "95% interval"])
    for (s, size) in sizes.enumerated() {
      table.append([.integer(size), .real(check.intervals[s].estimate, digits: 4), .text(check.intervals[s].bracket(digits: 4))])
    }
    let xs = sizes.map(Double.init), means = check.intervals.map(\.estimate), fit = check.fit
    var chart = Chart(
      title: "Empirical policy: error against buffer size", x: Axis(label: "histories in the buffer", scale: .logarithmic),
      y: Axis(label: "mean visit-weighted TV to the population", scale: .logarithmic))
    chart.errorBars(
      "empirical policy (mean, 95% interval)", x: xs, y: means, lower: check.intervals.map(\.lower), upper: check.intervals.map(\.upper))
    chart.line(
      "fit: slope \(DecimalFormat.fixed(fit.exponent, digits: 2))", xs.map { (x: $0, y: pow(10, fit.intercept) * pow($0, fit.exponent)) },
      dashed: true)
    let threshold = p[Self.empiricalErrorThreshold]
    let evidence = Evidence(
      summary:
        "Population: trade norm 0.6, hawk 0.25, uniform 0.15; the visit-weighted TV between the empirical policy (add-\(DecimalFormat.compact(smoothing))) and the exact population behaviour falls from \(DecimalFormat.compact(means.first!, significant: 3)) at \(sizes.first!) histories to \(DecimalFormat.compact(means.last!, significant: 3)) at \(sizes.last!); log-log slope \(fit.exponentInterval.formatted(digits: 3)). Control (weights reversed): TV \(DecimalFormat.compact(control.intervals.last!.estimate, significant: 3)) at \(sizes.last!), slope \(DecimalFormat.fixed(control.fit.exponent, digits: 3)).",
      measurements: [
        .init("log-log slope", fit.exponent), .init("slope interval", lower: fit.exponentInterval.lower, upper: fit.exponentInterval.upper),
        .init("TV at the largest buffer", means.last!), .init("control: TV at the largest buffer", control.intervals.last!.estimate),
      ],
      tolerance:
        "slope in [\(DecimalFormat.compact(p[Self.slopeLower])), \(DecimalFormat.compact(p[Self.slopeUpper]))] (the √N rate of frequencies is −1/2) and mean TV < \(DecimalFormat.compact(threshold)) at the largest buffer (fixed in advance)",
      sampleSize: errors.count)
    let figure = Figure(
      id: "np.ch3.empirical-policy-error",
      title: "Visit-weighted total variation between the empirical policy and the population's behaviour against buffer size", drawing: chart
    ).captioned(
      "The empirical policy is the frequency of each move at each history node of the buffer; TV is the total variation distance from the population's policy, weighted by how often each node is visited. The slope is the fitted log-log slope of the error against buffer size."
    )
    return (
      table, figure,
      ClaimResult(
        Self.empiricalClaim, map: map,
        control: ControlResult(Self.empiricalClaim.control!, verdict: .checking(control.holds)), evidence: evidence)
    )
  }
}
