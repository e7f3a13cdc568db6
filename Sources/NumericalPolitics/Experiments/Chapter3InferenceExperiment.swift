import Foundation
import LabKit

/// Chapter 3 of Numerical Politics (§3.1, §3.1.1, §3.1.2): the public buffer, the empirical policy and
/// the conformist/deviant model. Five checks: the prior P(Δ) is a density (GSL quadrature); the
/// deviants' prior is uninformative (exactly and by Monte Carlo, with a control that must fail); the
/// posterior separates into players (brute force); the MAP (π_n, Δ) is recovered from buffers (EM);
/// the empirical policy converges to the population's behaviour.
public struct Chapter3InferenceExperiment: Experiment {
  public init() {}

  public let id = "np.ch3-inference"
  public let title = "Chapter 3: the public buffer, the empirical policy and the conformist/deviant model"
  public let sections = ["§3.1", "§3.1.1", "§3.1.2"]

  public static let priorClaim = Claim(
    id: "np.ch3.prior", source: "§3.1.2", kind: .claim,
    statement: "P(Δ) = (n+1)(n+2)Δ(1−Δ)^n for 0 ≤ Δ ≤ 1 is a prior on the fraction of deviants (a probability density: the Beta(2, n+1) density).")
  public static let uninformativeClaim = Claim(
    id: "np.ch3.uninformative-prior", source: "§3.1.2", kind: .claim,
    statement: "The deviants' prior P_u satisfies P_u(a | H) = ∫ π(a | H) P_u(π | H) dπ = 1/|A| for all histories H (here: independent uniform Dirichlet rows at every decision node).")
  public static let separationClaim = Claim(
    id: "np.ch3.posterior-separates", source: "§3.1.1", kind: .claim,
    statement: "P(π_x, π_y, σ_x, σ_y | H) = P(π_x, σ_x | H) P(π_y, σ_y | H), and the max joint posterior is the max of the individual posteriors.")
  public static let normClaim = Claim(
    id: "np.ch3.norm-inference", source: "§3.1.2", kind: .claim,
    statement: "The buffer was generated from P_{π_n,Δ}(π) = (1 − Δ)δ_{π_n}(π) + Δ P_u(π); the MAP of (π_n, Δ) given B recovers the social norm and the fraction of deviants.")
  public static let empiricalClaim = Claim(
    id: "np.ch3.empirical-policy", source: "§3.1", kind: .claim,
    statement: "An empirical policy P(a | H) in the form of a decision tree with frequencies of behaviour at each node, trained on B, models the population's behaviour.")

  public var claims: [Claim] { [Self.priorClaim, Self.uninformativeClaim, Self.separationClaim, Self.normClaim, Self.empiricalClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("maximumMoves", "Cap on the moves of an encounter (EncounterRules; the text sets none).", domain: .integer(2...16), default: .integer(8)),
      Parameter("priorShape", "The n of P(Δ) = (n+1)(n+2)Δ(1−Δ)^n (prior mode 1/(n+1) = 0.2: deviants a minority).", domain: .real(0...1000), default: .real(4)),
      Parameter("deviantFractionLow", "First true Δ of the generated buffers.", domain: .unitInterval(zeroAllowed: false), default: .real(0.1)),
      Parameter("deviantFractionHigh", "Second true Δ of the generated buffers.", domain: .unitInterval(zeroAllowed: false), default: .real(0.3)),
      Parameter("largestBuffer", "Buffer sizes are 10, 30, 100, 300, 1000, … up to this many histories.", domain: .integer(30...1_000_000),
                smoke: .integer(3000), standard: .integer(10000), paper: .integer(100_000)),
      Parameter("replicates", "Independent buffers per (Δ, size) and per size for the empirical policy.", domain: .integer(2...1000),
                smoke: .integer(6), standard: .integer(8), paper: .integer(32)),
      Parameter("smoothing", "Pseudo-count per move of the empirical policy (0.5: Jeffreys).", domain: .real(0...100), default: .real(0.5)),
      Parameter("monteCarloSamples", "Policies drawn from each prior for the uninformative-prior check.", domain: .integer(100...10_000_000),
                smoke: .integer(4000), standard: .integer(40000), paper: .integer(400_000)),
      Parameter("familyLevel", "Family-wise confidence of the Monte Carlo intervals (Bonferroni over histories × moves).", domain: .real(lower: 0.5, upper: 1, lowerIncluded: true, upperIncluded: false), default: .real(0.99)),
      Parameter("separationInstances", "Random finite instances for the separation check.", domain: .integer(1...1_000_000),
                smoke: .integer(50), standard: .integer(1000), paper: .integer(10000)),
      Parameter("separationPolicies", "Policies per player in each separation instance.", domain: .integer(1...20), default: .integer(3)),
      Parameter("separationStates", "Hunger states per player in each separation instance.", domain: .integer(1...20), default: .integer(3)),
      Parameter("quadratureTolerance", "Relative tolerance of the prior's integral, mean, variance and pointwise density.", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: false), default: .real(1e-9)),
      Parameter("separationTolerance", "Largest allowed |joint − product| of posteriors.", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: false), default: .real(1e-12)),
      Parameter("deviantErrorThreshold", "Mean |Δ̂ − Δ| allowed at the largest buffer (smoke: 10× smaller buffers, so a looser bound).", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: true),
                smoke: .real(0.05), standard: .real(0.02), paper: .real(0.02)),
      Parameter("normErrorThreshold", "Mean visit-weighted TV(π̂_n, π_n) allowed at the largest buffer.", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: true),
                smoke: .real(0.1), standard: .real(0.05), paper: .real(0.05)),
      Parameter("empiricalErrorThreshold", "Mean visit-weighted TV of the empirical policy allowed at the largest buffer.", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: true),
                smoke: .real(0.1), standard: .real(0.05), paper: .real(0.05)),
      Parameter("slopeLower", "Lower end of the accepted log-log slope of the empirical-policy error (expected −1/2).", domain: .real(-5...0), default: .real(-0.65)),
      Parameter("slopeUpper", "Upper end of the accepted log-log slope of the empirical-policy error.", domain: .real(-5...0), default: .real(-0.35)),
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

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    var tables: [Table] = []
    var figures: [Figure] = []
    var results: [ClaimResult] = []

    let (priorTable, priorResult) = try checkPrior(p)
    tables.append(priorTable)
    results.append(priorResult)

    let (uniformTable, uniformResult) = try checkUninformative(p, context: context)
    tables.append(uniformTable)
    results.append(uniformResult)

    let (separationTable, separationResult) = try checkSeparation(p, context: context)
    tables.append(separationTable)
    results.append(separationResult)

    let norm = try checkNormInference(p, context: context)
    tables.append(norm.table)
    figures += norm.figures
    results.append(norm.result)

    let empirical = try checkEmpiricalPolicy(p, context: context)
    tables.append(empirical.table)
    figures.append(empirical.figure)
    results.append(empirical.result)
    return ExperimentResult(tables: tables, figures: figures, claims: results)
  }

  // MARK: - np.ch3.prior

  func checkPrior(_ p: Parameters) throws -> (Table, ClaimResult) {
    let tolerance = p.real("quadratureTolerance")
    var table = Table(id: "np.ch3.prior", title: "P(Δ) = (n+1)(n+2)Δ(1−Δ)^n integrated by GSL QAGS",
                      columns: ["n", "∫ P", "mean", "2/(n+3)", "variance", "2(n+1)/((n+3)²(n+4))", "max rel. diff. from Beta(2, n+1) pdf"])
    var worst = 0.0
    for n in [0.0, 1, 2, 5, 10, 50, 200] {
      let prior = try DeviantPrior(shape: n)
      let integral = try Quadrature.integrate(over: 0...1, relativeTolerance: 1e-13) { prior.density($0) }.value
      let mean = try Quadrature.integrate(over: 0...1, relativeTolerance: 1e-13) { $0 * prior.density($0) }.value
      let exactMean = 2 / (n + 3)
      let variance = try Quadrature.integrate(over: 0...1, relativeTolerance: 1e-13) { ($0 - mean) * ($0 - mean) * prior.density($0) }.value
      let exactVariance = 2 * (n + 1) / ((n + 3) * (n + 3) * (n + 4))
      var pointwise = 0.0
      for i in 1..<100 {
        let delta = Double(i) / 100
        let reference = try BetaDistribution(2, n + 1).density(delta)  // GSL gsl_ran_beta_pdf
        if reference > 0 { pointwise = max(pointwise, abs(prior.density(delta) - reference) / reference) }
      }
      worst = max(worst, abs(integral - 1), abs(mean - exactMean) / exactMean, abs(variance - exactVariance) / exactVariance, pointwise)
      table.append([.real(n, digits: 0), .real(integral, digits: 12), .real(mean, digits: 10), .real(exactMean, digits: 10),
                    .real(variance, digits: 10), .real(exactVariance, digits: 10), .text(DecimalFormat.compact(pointwise, significant: 2))])
    }
    let holds = worst <= tolerance
    let evidence = Evidence(
      summary: "For n ∈ {0, 1, 2, 5, 10, 50, 200} GSL's QAGS gives ∫P = 1, mean 2/(n+3) and variance 2(n+1)/((n+3)²(n+4)), and P agrees with gsl_ran_beta_pdf(Δ; 2, n+1) at Δ = 0.01, …, 0.99; the largest relative deviation is \(DecimalFormat.compact(worst, significant: 2)).",
      measurements: [.init("largest relative deviation", worst)],
      tolerance: "every deviation ≤ \(DecimalFormat.compact(tolerance)) (relative; absolute for the integral), fixed in advance", sampleSize: 7)
    return (table, ClaimResult(Self.priorClaim, .checking(holds), evidence))
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

  func checkUninformative(_ p: Parameters, context: RunContext) throws -> (Table, ClaimResult) {
    let maximumMoves = p.integer("maximumMoves")
    let samples = p.integer("monteCarloSamples")
    let level = p.real("familyLevel")
    let uniform = 1 / Double(EncounterMove.count)

    // Exact: every open history of up to 4 moves, plus the probes, by Dirichlet conjugacy.
    let exactHistories = UninformativePrior.openHistories(upTo: 4, maximumMoves: maximumMoves) + Self.probeHistories(maximumMoves: maximumMoves)
    var exactDeviation: [UninformativePrior.Kind: Double] = [:]
    for kind in UninformativePrior.Kind.allCases {
      exactDeviation[kind] = exactHistories.map { UninformativePrior.exactPredictive($0, kind: kind).map { abs($0 - uniform) }.max()! }.max()!
    }

    // Monte Carlo, one stream per prior.
    let probes = Self.probeHistories(maximumMoves: maximumMoves)
    let z = UninformativePrior.bonferroniQuantile(level: level, comparisons: probes.count * EncounterMove.count)
    let kinds = UninformativePrior.Kind.allCases
    let estimates = try context.map(kinds, stream: "uninformative") { _, kind, random in
      UninformativePrior.monteCarlo(probes, kind: kind, samples: samples, maximumMoves: maximumMoves, random: random)
    }
    var table = Table(id: "np.ch3.uninformative-prior", title: "Posterior predictive P(a | H) of the next mover under two priors (Monte Carlo, \(samples) policies each)",
                      columns: ["prior", "history H", "own moves", "max |P̂ − 1/7|", "max |P̂ − exact|/s.e.", "1/7 inside all intervals", "effective samples"])
    var outside: [UninformativePrior.Kind: Int] = [:]
    var exactInside: [UninformativePrior.Kind: Bool] = [:]
    for (kind, list) in zip(kinds, estimates) {
      outside[kind] = 0
      exactInside[kind] = true
      for estimate in list {
        let exact = UninformativePrior.exactPredictive(estimate.history, kind: kind)
        var worst = 0.0
        var worstZ = 0.0
        var inside = true
        for k in 0..<EncounterMove.count {
          let se = estimate.standardErrors[k]
          worst = max(worst, abs(estimate.predictive[k] - uniform))
          if abs(estimate.predictive[k] - uniform) > z * se { inside = false; outside[kind]! += 1 }
          let zExact = abs(estimate.predictive[k] - exact[k]) / se
          worstZ = max(worstZ, zExact)
          if zExact > z { exactInside[kind] = false }
        }
        table.append([.text(kind.rawValue), .text(Self.describe(estimate.history)), .integer(UninformativePrior.ownCells(estimate.history).count),
                      .real(worst, digits: 4), .real(worstZ, digits: 2), .text(inside ? "yes" : "no"), .integer(Int(estimate.effectiveSampleSize.rounded()))])
      }
    }
    let exactHolds = exactDeviation[.independentNodes]! == 0
    let monteCarloHolds = outside[.independentNodes]! == 0
    let controlFails = outside[.stationary]! > 0
    let verdict: Verdict = exactHolds && monteCarloHolds && controlFails && exactInside[.stationary]! ? .reproduced : (exactHolds ? .inconclusive : .notReproduced)
    let evidence = Evidence(
      summary: "Independent Dirichlet(1) rows per node: exact predictive = 1/7 on all \(exactHistories.count) open histories of ≤ 4 moves and the probes (largest deviation \(DecimalFormat.compact(exactDeviation[.independentNodes]!, significant: 3))); Monte Carlo: 1/7 outside \(outside[.independentNodes]!) of \(probes.count * 7) intervals. Control (one shared row): exact largest deviation \(DecimalFormat.compact(exactDeviation[.stationary]!, significant: 3)), 1/7 outside \(outside[.stationary]!) intervals, so the check detects a prior that is not uninformative; the Monte Carlo agrees with the control's exact Dirichlet–multinomial predictive: \(exactInside[.stationary]! ? "yes" : "no").",
      measurements: [.init("exact max deviation (P_u)", exactDeviation[.independentNodes]!), .init("intervals excluding 1/7 (P_u)", outside[.independentNodes]!),
                     .init("exact max deviation (control)", exactDeviation[.stationary]!), .init("intervals excluding 1/7 (control)", outside[.stationary]!),
                     .init("Bonferroni z", z)],
      tolerance: "exact: equality with 1/7; Monte Carlo: 1/7 inside P̂ ± z·s.e. for every (H, a), z the two-sided normal quantile at family-wise level \(DecimalFormat.compact(level)) with Bonferroni over \(probes.count * 7) comparisons; the control must put 1/7 outside at least one interval (fixed in advance)",
      sampleSize: samples * kinds.count)
    return (table, ClaimResult(Self.uninformativeClaim, verdict, evidence))
  }

  // MARK: - np.ch3.posterior-separates

  func checkSeparation(_ p: Parameters, context: RunContext) throws -> (Table, ClaimResult) {
    let instances = p.integer("separationInstances")
    let policies = p.integer("separationPolicies")
    let states = p.integer("separationStates")
    let maximumMoves = p.integer("maximumMoves")
    let tolerance = p.real("separationTolerance")
    let checks = try context.replicates(instances, stream: "separation") { _, random in
      let instance = PosteriorSeparation.random(policies: policies, states: states, maximumMoves: maximumMoves, random: random)
      let check = instance.check()
      return (check.maximumDifference, check.mapsAgree, instance.history.count)
    }
    let worst = checks.map(\.0).max() ?? 0
    let agree = checks.filter(\.1).count
    let meanLength = Double(checks.map(\.2).reduce(0, +)) / Double(max(1, checks.count))
    var table = Table(id: "np.ch3.posterior-separation", title: "Joint posterior by enumeration against the product of the per-player posteriors",
                      columns: ["instances", "policies per player", "hunger states", "mean history length", "max |joint − product|", "joint MAP = pair of MAPs"])
    table.append([.integer(instances), .integer(policies), .integer(states), .real(meanLength, digits: 2),
                  .text(DecimalFormat.compact(worst, significant: 2)), .text("\(agree) of \(instances)")])
    let holds = worst <= tolerance && agree == instances
    let evidence = Evidence(
      summary: "Over \(instances) random instances (\(policies) stateful policies and \(states) hunger states per player, random priors, random histories) the largest |P(π_x, π_y, σ_x, σ_y | H) − P(π_x, σ_x | H) P(π_y, σ_y | H)| is \(DecimalFormat.compact(worst, significant: 2)); the joint MAP is the pair of individual MAPs in \(agree) of \(instances).",
      measurements: [.init("max absolute difference", worst), .init("MAP agreements", agree)],
      tolerance: "max difference ≤ \(DecimalFormat.compact(tolerance)) and MAPs agree in every instance (fixed in advance)", sampleSize: instances)
    return (table, ClaimResult(Self.separationClaim, .checking(holds), evidence))
  }

  // MARK: - np.ch3.norm-inference

  struct NormRun: Sendable {
    var deviantError: Double
    var policyError: Double
    var iterations: Int
    var estimate: Double
    var posterior: [Double]?
  }

  func checkNormInference(_ p: Parameters, context: RunContext) throws -> (table: Table, figures: [Figure], result: ClaimResult) {
    let maximumMoves = p.integer("maximumMoves")
    let priorShape = p.real("priorShape")
    let replicates = p.integer("replicates")
    let fractions = [p.real("deviantFractionLow"), p.real("deviantFractionHigh")]
    let sizes = Self.bufferSizes(upTo: p.integer("largestBuffer"))
    let norm = TradeNorm.policy(maximumMoves: maximumMoves)
    let normVisits = NodeVisits.reach(norm, norm, maximumMoves: maximumMoves)
    let grid = (0...1000).map { Double($0) / 1000 }
    var items: [(fraction: Int, size: Int, replicate: Int)] = []
    for f in fractions.indices { for s in sizes.indices { for r in 0..<replicates { items.append((f, s, r)) } } }
    let frozenItems = items.map { [$0.fraction, $0.size, $0.replicate] }
    let runs = try context.map(frozenItems, stream: "norm-inference", label: "norm inference") { _, item, random in
      let delta = fractions[item[0]]
      let buffer = ConformistDeviantBuffer.generate(norm: norm, deviantFraction: delta, size: sizes[item[1]], maximumMoves: maximumMoves, random: random)
      let estimate = NormInference.estimate(buffer.histories, maximumMoves: maximumMoves, priorShape: priorShape)
      let posterior = item[2] == 0 ? NormInference.deviantPosterior(buffer.histories, norm: estimate.norm, priorShape: priorShape, grid: grid) : nil
      return NormRun(deviantError: abs(estimate.deviantFraction - delta),
                     policyError: NodeVisits.weightedTotalVariation(estimate.norm, norm, weights: normVisits),
                     iterations: estimate.iterations, estimate: estimate.deviantFraction, posterior: posterior)
    }
    var table = Table(id: "np.ch3.norm-inference", title: "MAP (π̂_n, Δ̂) by EM against buffer size (\(replicates) buffers each; 95% t-intervals)",
                      columns: ["true Δ", "histories", "mean Δ̂", "|Δ̂ − Δ|", "95% interval", "TV(π̂_n, π_n)", "95% interval ", "EM iterations (max)"])
    var deviantChart = Chart(title: "Norm inference: error of Δ̂", x: Axis(label: "histories in the buffer", scale: .logarithmic),
                             y: Axis(label: "mean |Δ̂ − Δ|", scale: .logarithmic))
    var policyChart = Chart(title: "Norm inference: error of π̂_n", x: Axis(label: "histories in the buffer", scale: .logarithmic),
                            y: Axis(label: "mean visit-weighted TV(π̂_n, π_n)", scale: .logarithmic))
    var posteriorChart = Chart(title: "Posterior density of Δ at π̂_n (one buffer per size)", x: Axis(label: "fraction of deviants Δ", range: 0...0.6),
                               y: Axis(label: "posterior density P(Δ | B, π̂_n)"))
    var failures: [String] = []
    var measurements: [Evidence.Measurement] = []
    let xs = sizes.map(Double.init)
    for (f, delta) in fractions.enumerated() {
      var deviantMeans: [Double] = []
      var policyMeans: [Double] = []
      var deviantLow: [Double] = [], deviantHigh: [Double] = [], policyLow: [Double] = [], policyHigh: [Double] = []
      for (s, size) in sizes.enumerated() {
        let group = (0..<replicates).map { runs[(f * sizes.count + s) * replicates + $0] }
        let deviant = try ConfidenceInterval.mean(of: group.map(\.deviantError), level: 0.95)
        let policy = try ConfidenceInterval.mean(of: group.map(\.policyError), level: 0.95)
        deviantMeans.append(deviant.estimate)
        policyMeans.append(policy.estimate)
        deviantLow.append(deviant.lower); deviantHigh.append(deviant.upper)
        policyLow.append(policy.lower); policyHigh.append(policy.upper)
        table.append([.real(delta, digits: 2), .integer(size), .real(group.map(\.estimate).reduce(0, +) / Double(replicates), digits: 4),
                      .real(deviant.estimate, digits: 4), .text(deviant.bracket(digits: 4)), .real(policy.estimate, digits: 4),
                      .text(policy.bracket(digits: 4)), .integer(group.map(\.iterations).max()!)])
        if let posterior = group[0].posterior {
          posteriorChart.line(f == 0 ? "\(size) histories" : nil, x: grid, y: posterior, dashed: f == 1, colour: Palette.okabeIto[s])
        }
      }
      let label = "Δ = \(DecimalFormat.compact(delta))"
      deviantChart.errorBars(label, x: xs, y: deviantMeans, lower: deviantLow, upper: deviantHigh)
      policyChart.errorBars(label, x: xs, y: policyMeans, lower: policyLow, upper: policyHigh)
      posteriorChart.referenceLine(x: delta, label: "true Δ = \(DecimalFormat.compact(delta))")
      let deviantFit = try PowerLawFit(xs: xs, ys: deviantMeans.map { max($0, 1e-12) })
      let policyFit = try PowerLawFit(xs: xs, ys: policyMeans.map { max($0, 1e-12) })
      measurements += [.init("\(label): slope of |Δ̂ − Δ|", deviantFit.exponent), .init("\(label): slope of TV", policyFit.exponent),
                       .init("\(label): |Δ̂ − Δ| at \(sizes.last!)", deviantMeans.last!), .init("\(label): TV at \(sizes.last!)", policyMeans.last!)]
      if !(deviantFit.exponentInterval.upper < 0) { failures.append("\(label): slope of |Δ̂ − Δ| \(deviantFit.exponentInterval.formatted(digits: 2)) not below 0") }
      if !(policyFit.exponentInterval.upper < 0) { failures.append("\(label): slope of TV \(policyFit.exponentInterval.formatted(digits: 2)) not below 0") }
      if !(deviantMeans.last! < p.real("deviantErrorThreshold")) { failures.append("\(label): |Δ̂ − Δ| = \(DecimalFormat.compact(deviantMeans.last!, significant: 3)) at the largest buffer") }
      if !(policyMeans.last! < p.real("normErrorThreshold")) { failures.append("\(label): TV = \(DecimalFormat.compact(policyMeans.last!, significant: 3)) at the largest buffer") }
    }
    let capped = runs.filter { $0.iterations >= 500 }.count
    let evidence = Evidence(
      summary: "EM on buffers from the trade norm with Δ ∈ {\(fractions.map { DecimalFormat.compact($0) }.joined(separator: ", "))}, n = \(DecimalFormat.compact(priorShape)): at \(sizes.last!) histories mean |Δ̂ − Δ| = \(fractions.indices.map { DecimalFormat.compact(measurements[$0 * 4 + 2].value.numberValue ?? .nan, significant: 3) }.joined(separator: " / ")) and mean TV(π̂_n, π_n) = \(fractions.indices.map { DecimalFormat.compact(measurements[$0 * 4 + 3].value.numberValue ?? .nan, significant: 3) }.joined(separator: " / ")); \(failures.isEmpty ? "all standards met" : "failed: " + failures.joined(separator: "; ")). EM runs stopped by the iteration cap: \(capped).",
      measurements: measurements + [.init("EM runs at the iteration cap", capped)],
      tolerance: "for each Δ: the 95% interval of the log-log slope of the mean error against buffer size lies below 0 (both errors), and at the largest buffer mean |Δ̂ − Δ| < \(DecimalFormat.compact(p.real("deviantErrorThreshold"))) and mean TV < \(DecimalFormat.compact(p.real("normErrorThreshold"))) (fixed in advance)",
      sampleSize: runs.count)
    let figures = [
      Figure(id: "np.ch3.deviant-posterior", title: "Posterior density of the fraction of deviants Δ at π̂_n, one buffer per size (solid: Δ = \(DecimalFormat.compact(fractions[0])), dashed: Δ = \(DecimalFormat.compact(fractions[1])))", svg: posteriorChart.svg()),
      Figure(id: "np.ch3.norm-deviant-error", title: "Error of the MAP fraction of deviants against buffer size (mean and 95% interval over buffers)", svg: deviantChart.svg()),
      Figure(id: "np.ch3.norm-policy-error", title: "Visit-weighted total variation between π̂_n and the true norm against buffer size", svg: policyChart.svg()),
    ]
    return (table, figures, ClaimResult(Self.normClaim, .checking(failures.isEmpty), evidence))
  }

  // MARK: - np.ch3.empirical-policy

  func checkEmpiricalPolicy(_ p: Parameters, context: RunContext) throws -> (table: Table, figure: Figure, result: ClaimResult) {
    let maximumMoves = p.integer("maximumMoves")
    let replicates = p.integer("replicates")
    let smoothing = p.real("smoothing")
    let sizes = Self.bufferSizes(upTo: p.integer("largestBuffer"))
    let population = ExamplePopulation.policies(maximumMoves: maximumMoves)
    let weights = ExamplePopulation.weights
    let truth = NodeVisits.populationBehaviour(population, weights: weights, maximumMoves: maximumMoves)
    var items: [[Int]] = []
    for s in sizes.indices { for r in 0..<replicates { items.append([s, r]) } }
    let errors = try context.map(items, stream: "empirical-policy", label: "empirical policy") { _, item, random in
      var empirical = EmpiricalPolicy(maximumMoves: maximumMoves, smoothing: smoothing)
      var source = random
      for _ in 0..<sizes[item[0]] {
        let x = random.categoricalIndex(weights)
        let y = random.categoricalIndex(weights)
        empirical.record(EncounterPlay.play(population[x], population[y], maximumMoves: maximumMoves, random: &source))
      }
      return NodeVisits.weightedTotalVariation(empirical.policy(), truth.behaviour, weights: truth.visits)
    }
    var table = Table(id: "np.ch3.empirical-policy", title: "Empirical policy against the population's behaviour (\(replicates) buffers each; 95% t-intervals)",
                      columns: ["histories", "visit-weighted TV", "95% interval"])
    var means: [Double] = [], lows: [Double] = [], highs: [Double] = []
    for (s, size) in sizes.enumerated() {
      let interval = try ConfidenceInterval.mean(of: Array(errors[(s * replicates)..<((s + 1) * replicates)]), level: 0.95)
      means.append(interval.estimate); lows.append(interval.lower); highs.append(interval.upper)
      table.append([.integer(size), .real(interval.estimate, digits: 4), .text(interval.bracket(digits: 4))])
    }
    let xs = sizes.map(Double.init)
    let fit = try PowerLawFit(xs: xs, ys: means)
    var chart = Chart(title: "Empirical policy: error against buffer size", x: Axis(label: "histories in the buffer", scale: .logarithmic),
                      y: Axis(label: "mean visit-weighted TV to the population", scale: .logarithmic))
    chart.errorBars("empirical policy (mean, 95% interval)", x: xs, y: means, lower: lows, upper: highs)
    chart.line("fit: slope \(DecimalFormat.fixed(fit.exponent, digits: 2))", xs.map { (x: $0, y: pow(10, fit.intercept) * pow($0, fit.exponent)) }, dashed: true)
    let slopeRange = p.real("slopeLower")...p.real("slopeUpper")
    let threshold = p.real("empiricalErrorThreshold")
    let holds = slopeRange.contains(fit.exponent) && means.last! < threshold
    let evidence = Evidence(
      summary: "Population: trade norm 0.6, hawk 0.25, uniform 0.15; the visit-weighted TV between the empirical policy (add-\(DecimalFormat.compact(smoothing))) and the exact population behaviour falls from \(DecimalFormat.compact(means.first!, significant: 3)) at \(sizes.first!) histories to \(DecimalFormat.compact(means.last!, significant: 3)) at \(sizes.last!); log-log slope \(fit.exponentInterval.formatted(digits: 3)).",
      measurements: [.init("log-log slope", fit.exponent), .init("slope interval", lower: fit.exponentInterval.lower, upper: fit.exponentInterval.upper),
                     .init("TV at the largest buffer", means.last!)],
      tolerance: "slope in [\(DecimalFormat.compact(slopeRange.lowerBound)), \(DecimalFormat.compact(slopeRange.upperBound))] (the √N rate of frequencies is −1/2) and mean TV < \(DecimalFormat.compact(threshold)) at the largest buffer (fixed in advance)",
      sampleSize: errors.count)
    let figure = Figure(id: "np.ch3.empirical-policy-error", title: "Visit-weighted total variation between the empirical policy and the population's behaviour against buffer size", svg: chart.svg())
    return (table, figure, ClaimResult(Self.empiricalClaim, .checking(holds), evidence))
  }
}
