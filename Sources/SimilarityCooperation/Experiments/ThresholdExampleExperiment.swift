import GameTheory
import LabKit

/// The introduction's worked example (§1): threshold policies in the Table 1 prisoner's dilemma with
/// G = 3 and diff(θ₁, θ₂) = |θ₁ − θ₂| + N, N ~ U[0, 1] independently for each player. Checks the
/// example's probabilities (exactly and by simulation), the equilibrium (1, 1), the "rate of 1/2"
/// intuition, and that all equilibria are symmetric; maps the payoff landscape and the equilibria over
/// a grid of profiles, and player 1's best-response curve.
public struct ThresholdExampleExperiment: Experiment {
  public init() {}

  public let id = "sbc.thresholds"
  public let title = "Threshold policies with uniform noise: the introduction's example, its equilibria and best responses"
  public let sections = ["§1", "notes §2.3–§2.4, §3.2"]

  public static let exampleClaim = Claim(
    id: "sbc.threshold-example", source: "§1", kind: .example,
    statement: "With thresholds 1/2 and 3/4 and N ~ U[0, 1], the perceived difference is 1/4 + N, so player 1 cooperates with probability 1/4 and player 2 with probability 1/2 (checked exactly and by simulation).")
  public static let equilibriumClaim = Claim(
    id: "sbc.threshold-equilibrium", source: "§1", kind: .claim,
    statement: "For G = 3, (θ₁, θ₂) = (1, 1) is a Nash equilibrium of the meta game and leads to mutual cooperation with probability 1.")
  public static let intuitionClaim = Claim(
    id: "sbc.threshold-intuition", source: "§1", kind: .claim,
    statement: "The only way to defect more is to lower one's threshold; that raises |θ₁ − θ₂|, and the opponent then defects more, at a rate of 1/2, which outweighs the gain.")
  public static let symmetricClaim = Claim(
    id: "sbc.symmetric-equilibria", source: "§1", kind: .claim,
    statement: "With this diff, all equilibria (among threshold profiles) are symmetric.")

  public var claims: [Claim] { [Self.exampleClaim, Self.equilibriumClaim, Self.intuitionClaim, Self.symmetricClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("gain", "G of Table 1 (the introduction: 3).", domain: .real(0...100), default: .real(3)),
      Parameter("noiseFamily", "The noise: uniform on [0, X] (the introduction), or another family at scale X (the claims are about the uniform case).",
                domain: .choice(NoiseDistribution.familyNames), default: .choice("uniform")),
      Parameter("noiseWidth", "X: the noise is uniform on [0, X] (the introduction: 1), or the scale of the chosen family.",
                domain: .real(lower: 0, upper: 1e6, lowerIncluded: false, upperIncluded: true), default: .real(1)),
      Parameter("coupling", "independent: each player draws its own noise (the introduction); common: one draw for both.",
                domain: .choice(ThresholdGame.Coupling.allCases.map(\.rawValue)), default: .choice("independent")),
      Parameter("samples", "Monte Carlo plays of the example profile (1/2, 3/4).", domain: .integer(100...1_000_000_000),
                smoke: .integer(100_000), standard: .integer(1_000_000), paper: .integer(10_000_000)),
      Parameter("mapStep", "Grid step, in units of X, of the map of profiles (θ₁, θ₂) over [−X/2, 3X/2]².",
                domain: .real(lower: 0.001, upper: 0.5, lowerIncluded: true, upperIncluded: true),
                smoke: .real(0.25), standard: .real(0.05), paper: .real(0.025)),
      Parameter("deviationGridPoints", "Points of the deviation grid per stretch of thresholds where a payoff varies (step X / this; the notes ask for ≤ 5·10⁻⁴ X).",
                domain: .integer(100...100_000), smoke: .integer(500), standard: .integer(4000), paper: .integer(8000)),
      Parameter("policyClass", "nonnegative: thresholds θ ≥ 0 (the diff is never negative, so every θ < 0 never cooperates, like θ = 0); real: every real threshold and −∞.",
                domain: .choice(["nonnegative", "real"]), default: .choice("nonnegative")),
    ]
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let gain = p.real("gain")
    let width = p.real("noiseWidth")
    let coupling = ThresholdGame.Coupling(rawValue: p.choice("coupling"))!
    let nonnegative = p.choice("policyClass") == "nonnegative"
    let noise = try NoiseDistribution.named(p.choice("noiseFamily"), scale: width)
    let uniform = p.choice("noiseFamily") == "uniform"
    let game = try ThresholdGame.prisonersDilemma(gain: gain, noise: noise, coupling: coupling, gridPoints: p.integer("deviationGridPoints"),
                                                  lowestThreshold: nonnegative ? 0 : -.infinity)
    let realClass = try ThresholdGame.prisonersDilemma(gain: gain, noise: noise, coupling: coupling, gridPoints: p.integer("deviationGridPoints"))
    func f(_ x: Double, _ digits: Int = 4) -> String { DecimalFormat.compact(x, significant: digits) }

    // 1. The example (1/2, 3/4), in units of X.
    let (t1, t2) = (0.5 * width, 0.75 * width)
    let exact = game.cooperationProbabilities(t1, t2)
    let exactPayoffs = game.payoffs(t1, t2)
    let meta = game.diffMetaGame
    let profile = (try ThresholdPolicy(t1), try ThresholdPolicy(t2))
    let generic = try meta.outcome(profile.0, profile.1)
    let genericPayoffs = generic.expectedPayoffs(in: game.game)
    let simulated = try meta.simulate(profile.0, profile.1, samples: p.integer("samples"), random: context.random(stream: "example"), level: 0.99)
    var exampleTable = Table(id: "sbc.thresholds.example", title: "The introduction's example: thresholds (X/2, 3X/4), perceived difference X/4 + N",
                             columns: ["quantity", "text", "closed form", "generic meta game (exact)", "simulation", "99% interval"])
    let textValues = width == 1 && uniform ? ["1/4", "1/2"] : ["–", "–"]
    for player in 0..<2 {
      let interval = simulated.firstActionFrequencies[player]
      exampleTable.append([.text("P(player \(player + 1) cooperates)"), .text(textValues[player]),
                           .real(player == 0 ? exact.0 : exact.1, digits: 6), .real(generic.marginal(player, 0), digits: 6),
                           .real(interval.estimate, digits: 6), .text(interval.bracket(digits: 4))])
    }
    for player in 0..<2 {
      let interval = simulated.utilities[player]
      exampleTable.append([.text("player \(player + 1)'s payoff"), "–", .real(player == 0 ? exactPayoffs.0 : exactPayoffs.1, digits: 6),
                           .real(genericPayoffs[player], digits: 6), .real(interval.estimate, digits: 6),
                           .text(interval.bracket(digits: 4))])
    }
    let exampleHolds = abs(exact.0 - 0.25) <= 1e-12 && abs(exact.1 - 0.5) <= 1e-12
      && abs(generic.marginal(0, 0) - 0.25) <= 1e-12 && abs(generic.marginal(1, 0) - 0.5) <= 1e-12
      && simulated.firstActionFrequencies[0].contains(0.25) && simulated.firstActionFrequencies[1].contains(0.5)
    let exampleEvidence = Evidence(
      summary: "Closed form F(θᵢ − |θ₁ − θ₂|): p₁ = \(f(exact.0, 12)), p₂ = \(f(exact.1, 12)); the generic diff-meta-game code gives the same; \(simulated.samples) simulated plays give \(simulated.firstActionFrequencies[0].formatted(digits: 4)) and \(simulated.firstActionFrequencies[1].formatted(digits: 4)). Payoffs at G = \(f(gain)): (\(f(exactPayoffs.0, 6)), \(f(exactPayoffs.1, 6))).",
      measurements: [.init("p1 exact", exact.0), .init("p2 exact", exact.1),
                     .init("p1 simulated", lower: simulated.firstActionFrequencies[0].lower, upper: simulated.firstActionFrequencies[0].upper),
                     .init("p2 simulated", lower: simulated.firstActionFrequencies[1].lower, upper: simulated.firstActionFrequencies[1].upper),
                     .init("payoffs", .array([.number(exactPayoffs.0), .number(exactPayoffs.1)]))],
      tolerance: "exact values within 1e-12 of 1/4 and 1/2; each 99% Wilson interval of the simulation contains its exact value",
      sampleSize: simulated.samples)

    // 2. (X, X) is an equilibrium with mutual cooperation.
    let full = width
    let fullProbabilities = game.cooperationProbabilities(full, full)
    let gains = game.deviationGains(full, full)
    let responses = [game.bestResponse(0, to: full), game.bestResponse(1, to: full)]
    let equilibriumHolds = gains.allSatisfy { $0.gain <= 1e-9 } && fullProbabilities == (1, 1) && game.outcomeProbabilities(full, full).cc == 1
    let equilibriumEvidence = Evidence(
      summary: "At (X, X) = (\(f(full)), \(f(full))) both cooperate with probability \(f(fullProbabilities.0)) and \(f(fullProbabilities.1)) (mutual cooperation \(f(game.outcomeProbabilities(full, full).cc))); payoffs \(f(game.payoffs(full, full).0)) each. The largest gain of any threshold deviation: \(f(gains[0].gain, 3)) for player 1, \(f(gains[1].gain, 3)) for player 2; player 1's best responses to X form [\(f(responses[0].lowest, 6)), \(f(responses[0].highest, 6))].",
      measurements: [.init("deviation gains", .array(gains.map { .number($0.gain) })), .init("mutual cooperation probability", game.outcomeProbabilities(full, full).cc),
                     .init("best responses to X", lower: responses[0].lowest, upper: responses[0].highest)],
      tolerance: "a Nash equilibrium when no threshold deviation gains more than 1e-9",
      sampleSize: game.candidateThresholds(against: full).count * 2)

    // 3. The intuition: lowering θ₁ from X by d.
    var intuitionTable = Table(id: "sbc.thresholds.intuition", title: "Deviating from (X, X) to θ₁ = X − d at G = \(f(gain))",
                               columns: ["d / X", "own extra defection", "opponent's extra defection", "ratio", "own payoff change"])
    var ratiosHalf = true
    var allLose = true
    var raisingNeverDefectsMore = true
    for d in [-0.5, -0.1, 0.01, 0.05, 0.1, 0.25, 0.4, 0.5] {
      let deviation = full - d * width
      let (p1, p2) = game.cooperationProbabilities(deviation, full)
      let own = fullProbabilities.0 - p1
      let opponent = fullProbabilities.1 - p2
      let change = game.payoffs(deviation, full).0 - game.payoffs(full, full).0
      if d > 0 {
        ratiosHalf = ratiosHalf && abs(opponent / own - 0.5) <= 1e-12
        allLose = allLose && change < 0
      } else {
        raisingNeverDefectsMore = raisingNeverDefectsMore && own <= 0
      }
      intuitionTable.append([.real(d, digits: 2), .real(own, digits: 4), .real(opponent, digits: 4),
                             .text(own > 0 ? DecimalFormat.fixed(opponent / own, digits: 4) : "–"), .real(change, digits: 4)])
    }
    let intuitionEvidence = Evidence(
      summary: "Lowering θ₁ by d ∈ (0, X/2] raises player 1's defection by 2d/X and player 2's by d/X: ratio 1/2 at every d checked: \(ratiosHalf ? "yes" : "no"); the payoff change d(2 − G)/X is negative at every d: \(allLose ? "yes" : "no") (at G = \(f(gain))). Raising θ₁ above X never makes player 1 defect more: \(raisingNeverDefectsMore ? "yes" : "no").",
      measurements: [.init("ratio 1/2", ratiosHalf), .init("deviation loses", allLose), .init("raising never defects more", raisingNeverDefectsMore)],
      tolerance: "ratio within 1e-12 of 1/2; payoff change strictly negative",
      sampleSize: 8)

    // 4. The map of equilibria over profiles, and the landscape.
    let step = p.real("mapStep") * width
    let count = Int((2 * width / step).rounded())
    let grid = (0...count).map { -width / 2 + Double($0) * step }
    let rows = try context.map(grid, stream: "map", label: "\(id): equilibrium map") { _, theta1, _ -> [(real: Bool, restricted: Bool?, u1: Double)] in
      grid.map { theta2 in
        let real = realClass.isEquilibrium(theta1, theta2)
        let restricted: Bool? = theta1 >= 0 && theta2 >= 0 ? game.isEquilibrium(theta1, theta2) : nil
        return (real, restricted, game.payoffs(theta1, theta2).0)
      }
    }
    var realEquilibria: [(Double, Double)] = []
    var restrictedEquilibria: [(Double, Double)] = []
    for (i, row) in rows.enumerated() {
      for (j, cell) in row.enumerated() {
        if cell.real { realEquilibria.append((grid[i], grid[j])) }
        if cell.restricted == true { restrictedEquilibria.append((grid[i], grid[j])) }
      }
    }
    let asymmetricReal = realEquilibria.filter { $0.0 != $0.1 }
    let asymmetricRestricted = restrictedEquilibria.filter { $0.0 != $0.1 }
    let asymmetricOutsideNegativeQuadrant = asymmetricReal.filter { $0.0 > 0 || $0.1 > 0 }
    let symmetricEquilibria = Set(realEquilibria.filter { $0.0 == $0.1 }.map(\.0)).sorted()
    var mapTable = Table(id: "sbc.thresholds.map", title: "Equilibria among threshold profiles on the grid [−X/2, 3X/2]² (step \(f(p.real("mapStep"))) X)",
                         columns: ["policy class", "profiles", "equilibria", "symmetric", "asymmetric", "asymmetric with a threshold > 0"])
    mapTable.append(["thresholds θ ≥ 0", .integer(grid.filter { $0 >= 0 }.count * grid.filter { $0 >= 0 }.count), .integer(restrictedEquilibria.count),
                     .integer(restrictedEquilibria.count - asymmetricRestricted.count), .integer(asymmetricRestricted.count), .integer(asymmetricRestricted.count)])
    mapTable.append(["every real threshold", .integer(grid.count * grid.count), .integer(realEquilibria.count),
                     .integer(realEquilibria.count - asymmetricReal.count), .integer(asymmetricReal.count), .integer(asymmetricOutsideNegativeQuadrant.count)])
    let symmetricRange = symmetricEquilibria.isEmpty ? "none" : "θ ∈ {\(symmetricEquilibria.map { f($0 / width) }.joined(separator: ", "))} X"
    let chosen = nonnegative ? asymmetricRestricted : asymmetricReal
    let symmetricHolds = chosen.isEmpty
    let symmetricEvidence = Evidence(
      summary: "Policy class: \(nonnegative ? "thresholds θ ≥ 0" : "every real threshold"). Of \(nonnegative ? restrictedEquilibria.count : realEquilibria.count) equilibrium profiles on the grid, \(chosen.count) are asymmetric. With every real threshold allowed, \(asymmetricReal.count) asymmetric equilibria appear, \(asymmetricOutsideNegativeQuadrant.count) of them with a threshold > 0: they are the profiles with both thresholds ≤ 0, where neither ever cooperates (F(0) = 0: the same play as (0, 0)), the exception the notes (§2.3) point out. Symmetric equilibria: \(symmetricRange).",
      measurements: [.init("asymmetric equilibria (chosen class)", chosen.count), .init("asymmetric equilibria (real thresholds)", asymmetricReal.count),
                     .init("asymmetric with a threshold > 0", asymmetricOutsideNegativeQuadrant.count),
                     .init("equilibria (chosen class)", nonnegative ? restrictedEquilibria.count : realEquilibria.count)],
      tolerance: "an equilibrium when no threshold deviation gains more than 1e-9; symmetric means θ₁ = θ₂ exactly",
      sampleSize: grid.count * grid.count)

    // 5. Player 1's best responses.
    var responseTable = Table(id: "sbc.thresholds.best-responses",
                              title: "Player 1's best responses to θ₂ (in units of X): computed, and the notes' closed form (§3.2)",
                              columns: ["G", "θ₂ / X", "lowest", "highest", "closed form"])
    var responseCurve: [(x: Double, low: Double, high: Double)] = []
    // Against θ₂ ≤ 0 the other never cooperates and every threshold is a best response: the curve starts above 0.
    for theta in stride(from: 0.05, through: 3.0, by: 0.05) {
      let response = realClass.bestResponse(0, to: theta * width)
      responseCurve.append((theta, response.lowest / width, response.highest / width))
    }
    let responseGains = [gain] + (gain == 2 ? [] : [2.0])
    for g in responseGains {
      let other = try ThresholdGame.prisonersDilemma(gain: g, noise: noise, coupling: coupling, gridPoints: p.integer("deviationGridPoints"))
      for theta in [0.25, 0.5, 1, 1.5, 2, 3] {
        let response = other.bestResponse(0, to: theta * width)
        responseTable.append([.real(g, digits: 2), .real(theta, digits: 2), .real(response.lowest / width, digits: 4),
                              .real(response.highest / width, digits: 4), .text(uniform ? Self.closedFormBestResponse(gain: g, theta: theta) : "–")])
      }
    }

    let figures = [
      Figure(id: "sbc.threshold-landscape", title: "Player 1's payoff over threshold profiles, with the equilibria",
             svg: landscapeChart(grid: grid, rows: rows, equilibria: nonnegative ? restrictedEquilibria : realEquilibria, gain: gain, width: width,
                                 noiseName: uniform ? "U[0, X]" : "\(noise)")),
      Figure(id: "sbc.best-response", title: "Player 1's best response to the other's threshold",
             svg: bestResponseChart(responseCurve, gain: gain, noiseName: uniform ? "U[0, X]" : "\(noise)")),
    ]
    return ExperimentResult(
      tables: [exampleTable, intuitionTable, mapTable, responseTable], figures: figures,
      claims: [
        ClaimResult(Self.exampleClaim, .checking(exampleHolds), exampleEvidence),
        ClaimResult(Self.equilibriumClaim, .checking(equilibriumHolds), equilibriumEvidence),
        ClaimResult(Self.intuitionClaim, .checking(ratiosHalf && allLose && raisingNeverDefectsMore), intuitionEvidence),
        ClaimResult(Self.symmetricClaim, .checking(symmetricHolds), symmetricEvidence),
      ])
  }

  /// The notes' table (§3.2, item 4) of best responses inside the threshold class, U[0, X], θ₂ ≥ 0, in units of X.
  static func closedFormBestResponse(gain g: Double, theta: Double) -> String {
    func f(_ x: Double) -> String { DecimalFormat.compact(x, significant: 4) }
    if g > 2 { return theta <= 2 ? f(min(theta, 1)) : "[1, \(f(theta / 2))]" }
    if g == 2 { return theta <= 2 ? "[\(f(theta / 2)), \(f(min(theta, 1)))]" : "[1, \(f(theta / 2))]" }
    return "–"
  }

  /// Contour lines of player 1's payoff over (θ₁, θ₂), the equilibria as points.
  func landscapeChart(grid: [Double], rows: [[(real: Bool, restricted: Bool?, u1: Double)]], equilibria: [(Double, Double)],
                      gain: Double, width: Double, noiseName: String) -> String {
    let scaled = grid.map { $0 / width }
    // values[iy][ix] with x = θ₁ (row index i of `rows`), y = θ₂.
    let values = grid.indices.map { j in grid.indices.map { i in rows[i][j].u1 } }
    var chart = Chart(title: "Player 1's payoff V₁(θ₁, θ₂) at G = \(DecimalFormat.compact(gain)), noise \(noiseName)",
                      x: Axis(label: "θ₁ / X (player 1's threshold)", range: -0.5...1.5), y: Axis(label: "θ₂ / X (player 2's threshold)", range: -0.5...1.5),
                      width: 640, height: 560)
    let top = values.flatMap { $0 }.max() ?? 1
    let levels = stride(from: 0.25, to: top, by: 0.5).map { $0 }
    for (k, level) in levels.enumerated() {
      let colour = ColourScale.viridis.colour(at: levels.count > 1 ? Double(k) / Double(levels.count - 1) : 0)
      chart.line("V₁ = \(DecimalFormat.compact(level))", ContourLines.polyline(xs: scaled, ys: scaled, values: values, level: level), colour: colour)
    }
    let symmetric = equilibria.filter { $0.0 == $0.1 }
    let asymmetric = equilibria.filter { $0.0 != $0.1 }
    chart.scatter("symmetric equilibria", symmetric.map { (x: $0.0 / width, y: $0.1 / width) }, colour: .vermillion)
    if !asymmetric.isEmpty {
      chart.scatter("asymmetric equilibria", asymmetric.map { (x: $0.0 / width, y: $0.1 / width) }, marker: .triangle, colour: .reddishPurple)
    }
    if noiseName == "U[0, X]" { chart.text("V₁ = 1 wherever θ₁ ≤ 0 or θ₂ ≤ 0", at: (x: 0.55, y: -0.25)) }
    chart.legendPlacement = .outsideRight
    return chart.svg()
  }

  func bestResponseChart(_ curve: [(x: Double, low: Double, high: Double)], gain: Double, noiseName: String) -> String {
    var chart = Chart(title: "Player 1's best responses to θ₂ at G = \(DecimalFormat.compact(gain)), noise \(noiseName)",
                      x: Axis(label: "θ₂ / X (player 2's threshold)"), y: Axis(label: "θ₁ / X (player 1's best responses)"), width: 620, height: 460)
    chart.band(nil, x: curve.map(\.x), lower: curve.map(\.low), upper: curve.map(\.high), colour: .skyBlue)
    chart.line("smallest best response", curve.map { (x: $0.x, y: $0.low) }, colour: .blue)
    chart.line("largest best response", curve.map { (x: $0.x, y: $0.high) }, dashed: true, colour: .vermillion)
    chart.line("θ₁ = θ₂", [(x: -0.5, y: -0.5), (x: 3, y: 3)], dashed: true, colour: .grey)
    chart.legendPlacement = .topLeft
    return chart.svg()
  }
}
