import Foundation
import GameTheory
import LabKit

/// The folk theorem for diff meta games (§4, as the introduction summarises it), checked constructively:
/// for individually rational profiles σ of the Table 1 prisoner's dilemma and of random games, the
/// construction of ``FolkTheoremConstruction`` must make σ the outcome of a Nash equilibrium; for
/// profiles below a minimax value it must fail, and (the converse) no diff function can help them,
/// because a constant maxmin policy guarantees the minimax value whatever the diff.
struct FolkTheoremExperiment: Experiment {
  /// The construction's result on the random games.
  struct GameResult: Sendable { let checks: [Check]; let converseHolds: Bool; let converseChecks: Int; let worstConverse: Double }
  struct Outcome: Sendable {
    let gain: Double
    let deviations: Int
    let games: Int
    let geometry: TwoPlayerPayoffGeometry
    let targets: [(u: PayoffPoint, p1: Double, p2: Double)]
    let pdChecks: [Check]
    let randomResults: [GameResult]
  }

  let id = "sbc.folk"
  let title = "The folk theorem for diff meta games, constructively, on the prisoner's dilemma and on random games"
  let sections = ["§1 (summarising §4)", "notes §3.1"]

  static let gain = ParameterKey<Double>("gain")
  static let payoffSteps = ParameterKey<Int>("payoffSteps")
  static let randomGames = ParameterKey<Int>("randomGames")
  static let profilesPerGame = ParameterKey<Int>("profilesPerGame")
  static let sampledDeviations = ParameterKey<Int>("sampledDeviations")
  /// The control's error in the minimax values: profiles are classed individually rational against v − 1/2.
  static let controlShift = 0.5

  static let folkClaim = Claim(
    id: "sbc.folk-theorem", source: "§1, summarising §4", kind: .theorem,
    statement:
      "For every individually rational profile σ (each player gets at least its minimax payoff) there is a diff function such that σ is played in an equilibrium of the diff meta game; conversely, no equilibrium gives a player less than its minimax value.",
    class: .consistency(
      because:
        "the construction punishes any departure at the minimax value, so σ is an equilibrium exactly when uᵢ(σ) ≥ vᵢ, which is the definition of individual rationality; once the minimax LP is right the check can fail only through a bug"
    ),
    control: Control("a wrong minimax value (vᵢ − 1/2): profiles classed individually rational against it must all be equilibria"))

  var claims: [Claim] { [Self.folkClaim] }

  var parameters: [Parameter] {
    [
      Parameter(Self.gain, "G of Table 1.", domain: .real(lower: 1, upper: 100, lowerIncluded: false, upperIncluded: true), default: 3),
      Parameter(
        Self.payoffSteps, "The prisoner's dilemma's feasible payoffs are checked on a grid with this many steps per axis.",
        domain: .integer(2...200), smoke: 6, standard: 20, paper: 60),
      Parameter(
        Self.randomGames, "Random games (2 to 4 actions per player, payoffs uniform integers 0…9).", domain: .integer(1...100_000),
        smoke: 10, standard: 100, paper: 2000),
      Parameter(
        Self.profilesPerGame, "Random mixed profiles (uniform on the simplices) per random game.", domain: .integer(1...1000),
        smoke: 4, standard: 10, paper: 20),
      Parameter(
        Self.sampledDeviations, "Random step policies per player tried through the generic meta-game code, besides the exact best deviation.",
        domain: .integer(0...1000), smoke: 5, standard: 20, paper: 50),
    ]
  }

  /// What one checked profile gave.
  struct Check: Sendable {
    let individuallyRational: Bool
    let equilibrium: Bool
    /// The largest gain of the exact best deviation, and of the sampled deviations through DiffMetaGame.
    let exactGain: Double
    let sampledGain: Double
    /// The smallest margin uᵢ(σ) − vᵢ.
    let margin: Double
    let payoffs: [Double]
  }

  static func check(_ game: NormalFormGame, _ target: [MixedStrategy], deviations: Int, random: Random) throws -> Check {
    let construction = try FolkTheoremConstruction(game: game, target: target)
    let sampled = construction.sampledDeviations(count: deviations, random: random)
    let policies = construction.policies
    let onPath = try construction.metaGame.utilities(policies.0, policies.1)
    var sampledGain = -Double.infinity
    for (player, list) in sampled.enumerated() {
      for deviation in list {
        let value =
          player == 0 ? try construction.metaGame.utilities(deviation, policies.1)[0] : try construction.metaGame.utilities(policies.0, deviation)[1]
        sampledGain = max(sampledGain, value - onPath[player])
      }
    }
    let margin = zip(construction.targetPayoffs, construction.minimaxValues).map { $0 - $1 }.min()!
    return Check(
      individuallyRational: construction.isIndividuallyRational(), equilibrium: construction.isEquilibrium(),
      exactGain: construction.deviationGains.max()!, sampledGain: sampledGain, margin: margin, payoffs: onPath)
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let gain = p[Self.gain]
    let steps = p[Self.payoffSteps]
    let deviations = p[Self.sampledDeviations]
    let pd = NormalFormGame.prisonersDilemma(donation: gain)
    let geometry = try TwoPlayerPayoffGeometry(pd, exact: true)

    // 1. The prisoner's dilemma: every feasible payoff on a grid. Payoffs are affine in (p₁, p₂),
    // u₁ = G p₂ + 1 − p₁, u₂ = G p₁ + 1 − p₂, so each feasible payoff comes from exactly one independent profile.
    let xs = geometry.feasibleSet.vertices.map(\.x)
    let (low, high) = (xs.min()!, xs.max()!)
    var targets: [(u: PayoffPoint, p1: Double, p2: Double)] = []
    for i in 0...steps {
      for j in 0...steps {
        let u1 = low + (high - low) * Double(i) / Double(steps)
        let u2 = low + (high - low) * Double(j) / Double(steps)
        // Solve −p₁ + G p₂ = u₁ − 1, G p₁ − p₂ = u₂ − 1.
        let det = 1 - gain * gain
        let p1 = (-(u1 - 1) - gain * (u2 - 1)) / det
        let p2 = (-(u2 - 1) - gain * (u1 - 1)) / det
        let clean = { (x: Double) in abs(x) < 1e-12 ? 0 : (abs(x - 1) < 1e-12 ? 1 : x) }
        let (q1, q2) = (clean(p1), clean(p2))
        guard q1 >= 0, q1 <= 1, q2 >= 0, q2 <= 1 else { continue }
        targets.append((PayoffPoint(u1, u2), q1, q2))
      }
    }
    let pdChecks = try context.map(targets, stream: "pd", label: "\(id): prisoner's dilemma") { _, target, random in
      try Self.check(
        pd, [try MixedStrategy([target.p1, 1 - target.p1]), try MixedStrategy([target.p2, 1 - target.p2])],
        deviations: deviations, random: random)
    }

    // 2. Random games: random profiles, and each game's first Nash equilibrium (individually rational).
    let games = p[Self.randomGames]
    let perGame = p[Self.profilesPerGame]
    let randomResults = try context.replicates(games, stream: "random-games", label: "\(id): random games") { _, random -> GameResult in
      let game = NormalFormGame.random(actionCounts: [2 + random.index(below: 3), 2 + random.index(below: 3)], integerPayoffs: 0...9, using: random)
      var targets = (0..<perGame).map { _ in (0..<2).map { FolkTheoremConstruction.randomMixedStrategy(game.actions[$0].count, random: random) } }
      if let equilibrium = game.supportEnumeration().equilibria.first { targets.append(equilibrium.strategies) }
      let checks = try targets.map { try Self.check(game, $0, deviations: deviations, random: random) }
      // The converse: against random opponent policies and random diff outcomes, the constant maxmin policy
      // guarantees the maxmin value.
      var holds = true
      var worst = Double.infinity
      var count = 0
      for _ in 0..<perGame {
        for player in 0..<2 {
          let opponentActions = game.actions[1 - player].count
          let breaks = [random.uniform(in: 0..<1)]
          let opponent = try StepPolicy(
            breakpoints: breaks,
            actions: [
              FolkTheoremConstruction.randomMixedStrategy(opponentActions, random: random),
              FolkTheoremConstruction.randomMixedStrategy(opponentActions, random: random),
            ])
          let weights = (0..<3).map { _ in random.uniform() + 1e-3 }
          let total = weights.reduce(0, +)
          let observation = ObservationDistribution.atoms(weights.map { .init(random.uniform(), random.uniform(), probability: $0 / total) })
          let result = try FolkTheoremConverse.maxminGuarantee(game: game, player: player, opponent: opponent, observation: observation)
          worst = min(worst, result.guarantee - result.maxmin)
          holds = holds && result.guarantee >= result.maxmin - 1e-9
          count += 1
        }
      }
      return GameResult(checks: checks, converseHolds: holds, converseChecks: count, worstConverse: worst)
    }
    return Outcome(
      gain: gain, deviations: deviations, games: games, geometry: geometry, targets: targets, pdChecks: pdChecks, randomResults: randomResults)
  }

  typealias Summary = (
    rational: Int, rationalEquilibria: Int, irrational: Int, irrationalFailures: Int, largestRationalGain: Double,
    largestSampledGain: Double, smallestIrrationalGain: Double
  )

  /// Counts of a list of checks, with profiles classed individually rational when their smallest margin uᵢ − vᵢ is at least −1e-9 − `shift`.
  static func summarise(_ checks: [Check], shift: Double = 0) -> Summary {
    let rational = checks.filter { $0.margin >= -1e-9 - shift }
    let irrational = checks.filter { $0.margin < -1e-9 - shift }
    return (
      rational.count, rational.filter(\.equilibrium).count, irrational.count, irrational.filter { !$0.equilibrium }.count,
      rational.map { max($0.exactGain, $0.sampledGain) }.max() ?? -.infinity, rational.map(\.sampledGain).max() ?? -.infinity,
      irrational.map(\.exactGain).min() ?? .infinity
    )
  }

  /// The check: every individually rational profile an equilibrium (gain ≤ 1e-9), every other not, the converse holding.
  static func holds(_ pd: Summary, _ random: Summary, converse: Bool) -> Bool {
    pd.rational == pd.rationalEquilibria && pd.irrational == pd.irrationalFailures && random.rational == random.rationalEquilibria
      && random.irrational == random.irrationalFailures && max(pd.largestRationalGain, random.largestRationalGain) <= 1e-9 && converse
      && pd.rational > 0
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let (gain, deviations, games, geometry, targets, pdChecks, randomResults) = (
      o.gain, o.deviations, o.games, o.geometry, o.targets, o.pdChecks, o.randomResults
    )
    let randomChecks = randomResults.flatMap(\.checks)
    func f(_ x: Double, _ digits: Int = 4) -> String { DecimalFormat.compact(x, significant: digits) }
    func summarise(_ checks: [Check]) -> Summary { Self.summarise(checks) }
    let pdSummary = summarise(pdChecks)
    let randomSummary = summarise(randomChecks)
    var table = Table(
      id: "sbc.folk.summary", title: "The folk-theorem construction: profiles checked, and whether they are equilibria",
      columns: [
        "games", "profiles", "individually rational", "of them equilibria", "largest deviation gain", "not individually rational",
        "of them not equilibria", "smallest gain of the best deviation",
      ])
    for (name, checks, s) in [
      ("Table 1, G = \(f(gain)): feasible payoff grid", pdChecks, pdSummary),
      ("\(games) random games, 2–4 actions each", randomChecks, randomSummary),
    ] {
      table.append([
        .text(name), .integer(checks.count), .integer(s.rational), .integer(s.rationalEquilibria),
        .text(s.rational > 0 ? DecimalFormat.compact(s.largestRationalGain, significant: 3) : "–"), .integer(s.irrational),
        .integer(s.irrationalFailures), .text(s.irrational > 0 ? DecimalFormat.compact(s.smallestIrrationalGain, significant: 3) : "–"),
      ])
    }
    let converseChecks = randomResults.reduce(0) { $0 + $1.converseChecks }
    let converseHolds = randomResults.allSatisfy(\.converseHolds)
    let worstConverse = randomResults.map(\.worstConverse).min() ?? .nan
    let holds = Self.holds(pdSummary, randomSummary, converse: converseHolds)
    let control = Self.holds(
      Self.summarise(pdChecks, shift: Self.controlShift), Self.summarise(randomChecks, shift: Self.controlShift), converse: converseHolds)
    let evidence = Evidence(
      summary:
        "Prisoner's dilemma (G = \(f(gain))): \(pdSummary.rationalEquilibria) of \(pdSummary.rational) individually rational grid payoffs are equilibrium outcomes of the construction; \(pdSummary.irrationalFailures) of \(pdSummary.irrational) payoffs below (1, 1) in some coordinate are not. Random games: \(randomSummary.rationalEquilibria) of \(randomSummary.rational) individually rational profiles (each game's first Nash equilibrium among them) are equilibrium outcomes, \(randomSummary.irrationalFailures) of \(randomSummary.irrational) others are not. Largest deviation gain at an individually rational profile, exact or over \(deviations) sampled step policies per player: \(f(max(pdSummary.largestRationalGain, randomSummary.largestRationalGain), 3)). Converse: in \(converseChecks) random meta games the constant maxmin policy always got at least the maxmin value (smallest margin \(f(worstConverse, 3))).",
      measurements: [
        .init("PD: individually rational grid payoffs", pdSummary.rational), .init("PD: of them equilibria", pdSummary.rationalEquilibria),
        .init("random games: individually rational profiles", randomSummary.rational),
        .init("random games: of them equilibria", randomSummary.rationalEquilibria),
        .init("profiles below a minimax value that fail", pdSummary.irrationalFailures + randomSummary.irrationalFailures),
        .init("largest deviation gain", max(pdSummary.largestRationalGain, randomSummary.largestRationalGain)),
        .init("converse checks", converseChecks), .init("converse holds", converseHolds),
      ],
      tolerance: "equilibrium: no deviation gains more than 1e-9; individually rational: uᵢ(σ) ≥ vᵢ − 1e-9",
      sampleSize: pdChecks.count + randomChecks.count + converseChecks)

    // 4. Figure: the PD's payoff geometry with the checked payoffs.
    var chart = Chart(
      title: "Folk theorem in Table 1 (G = \(f(gain))): equilibrium payoffs of the construction",
      x: Axis(label: "player 1's payoff"), y: Axis(label: "player 2's payoff"), width: 840, height: 520)
    chart.polygon("feasible payoffs", geometry.feasibleSet.chartVertices, colour: .skyBlue)
    chart.polygon("individually rational", geometry.individuallyRational.chartVertices, colour: .orange)
    let equilibria = zip(targets, pdChecks).filter { $0.1.equilibrium }.map { (x: $0.0.u.x, y: $0.0.u.y) }
    let failures = zip(targets, pdChecks).filter { !$0.1.equilibrium }.map { (x: $0.0.u.x, y: $0.0.u.y) }
    chart.scatter("equilibrium outcome", equilibria, colour: .bluishGreen)
    chart.scatter("not an equilibrium", failures, marker: .triangle, colour: .vermillion)
    chart.scatter("minimax point", [(x: geometry.minimax.x, y: geometry.minimax.y)], marker: .diamond, colour: .black)
    chart.legendPlacement = .outsideRight

    return ExperimentResult(
      tables: [table],
      figures: [
        Figure(
          id: "sbc.folk-theorem", title: "Folk theorem in Table 1: the payoffs the construction makes equilibrium outcomes", drawing: chart
        ).captioned(
          "G is Table 1's gain. Each point is a target payoff pair on a grid over the feasible payoffs; the construction (play the target while the diff reports the same policy, punish at the minimax otherwise) makes it an equilibrium outcome (green circle) or fails to (vermilion triangle). The minimax point is both players' minimax values; individually rational payoffs are the feasible ones at or above it."
        )
      ],
      claims: [
        ClaimResult(
          Self.folkClaim,
          map: .single(
            .checking(holds), estimate: max(pdSummary.largestRationalGain, randomSummary.largestRationalGain),
            n: pdChecks.count + randomChecks.count + converseChecks),
          control: ControlResult(Self.folkClaim.control!, verdict: .checking(control)), evidence: evidence)
      ])
  }
}
