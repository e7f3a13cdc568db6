import LabKit

/// §4, eq. 2 of Social Environment Design: "the principal can only incentivize agents through the
/// extrinsic reward and cannot directly observe the intrinsic reward. The degree to which the
/// principal holds power over the agent depends on the agent's trust or belief in the principal."
///
/// Every player gets the same trust β; σ is drawn from U[0, 1]. The same orchards are played with and
/// without the flat schedule φ = (1, 1, 1) (full redistribution). Standard fixed in advance: the
/// claim holds when (1) at β = 0 the tax changes no player's return and no learned policy, to the last
/// bit; (2) the change in return is β times its value at β = 1 (relative error below 1e-9); (3) at β = 1
/// the tax changes some player's return (the lever exists). The change in the lone greedy player's
/// gain at β = 1 is reported beside it (no verdict rests on it). Control: the same check on players
/// whose reward ignores β (trust 1 whatever β).
struct TrustLeverageExperiment: Experiment {
  static let replicates = ParameterKey<Int>("replicates")
  static let seeds = ParameterKey<Int>("seeds")
  static let rounds = ParameterKey<Int>("rounds")
  static let evaluationRounds = ParameterKey<Int>("evaluationRounds")

  let id = "sed.trust-leverage"
  let title = "The principal's leverage grows with trust"
  let sections = ["§4", "eq. 2"]

  static let trustClaim = Claim(
    id: "sed.trust", source: "§4, eq. 2", kind: .claim,
    statement: "The principal acts only through the extrinsic reward, so its leverage grows with trust β (no effect at β = 0).",
    class: .consistency(
      because:
        "eq. 2 multiplies the extrinsic reward (the only channel of the tax) by β, so no effect at β = 0 and linearity in β are identities of the model; the check can fail only through a bug"
    ),
    control: Control("players whose reward ignores β (trust fixed at 1 whatever β), so the tax acts at β = 0"))

  var claims: [Claim] { [Self.trustClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.replicates, "Orchards per trust level for the reward leverage.", domain: .integer(2...100_000), smoke: 4, standard: 20, paper: 300),
      Parameter(Self.seeds, "Populations trained per trust level and schedule.", domain: .integer(2...10_000), smoke: 2, standard: 3, paper: 32),
      Parameter(Self.rounds, "Training rounds per population.", domain: .integer(2...1_000_000), smoke: 8, standard: 60, paper: 10_000),
      Parameter(Self.evaluationRounds, "Last rounds averaged.", domain: .integer(1...1_000_000), smoke: 4, standard: 20, paper: 2000),
    ] + Support.gameParameters()
  }

  static let trustLevels = [0, 0.25, 0.5, 0.75, 1.0]
  static let learnedTrust = [0.0, 1.0]
  static let tax = [1.0, 1.0, 1.0]
  static let lone = 3

  /// One orchard under one β: each player's change in return, and the change in the lone greedy player's gain.
  struct Leverage: Sendable { var change: [Double]; var greedGainChange: Double }
  /// Learned restraint per round, with and without the tax, for one β and one population.
  struct Learned: Sendable { var untaxed: [Double]; var taxed: [Double] }

  struct Outcome: Sendable {
    var leverage: [[Leverage]]
    var ignoringTrust: [[Leverage]]
    var learned: [[Learned]]
    var rounds: Int
    var window: Int
  }

  static func types(_ n: Int, trust: Double, _ random: Random) throws -> [PlayerType] {
    try (0..<n).map { _ in try PlayerType(selfishness: random.uniform(), trust: trust) }
  }

  /// The effect of the tax on the same orchards under each β; `forcedTrust` replaces β in the players' reward (the control).
  static func leverage(configuration: AppleGameConfiguration, replicates: Int, forcedTrust: Double?, context: RunContext) throws -> [[Leverage]] {
    let n = configuration.agentCount
    let loneRestraint = (0..<n).map { $0 == lone ? 0 : 4 }, restrained = Array(repeating: 4, count: n)
    return try trustLevels.map { beta in
      try context.replicates(replicates, stream: "orchard") { replicate, _ in
        func play(_ restraint: [Int], _ rates: [Double]) throws -> RoundOutcome {
          let random = context.random(stream: "orchard-play", replicate: replicate)
          let game = try ApplePickingGame(configuration: configuration, types: try Self.types(n, trust: forcedTrust ?? beta, random))
          return game.playRound(restraint: restraint, random) { _ in rates }
        }
        let taxed = try play(loneRestraint, tax), untaxed = try play(loneRestraint, [0, 0, 0])
        let taxedR = try play(restrained, tax), untaxedR = try play(restrained, [0, 0, 0])
        let gainChange = (taxed.mixedReturn[lone] - taxedR.mixedReturn[lone]) - (untaxed.mixedReturn[lone] - untaxedR.mixedReturn[lone])
        return Leverage(change: zip(taxed.mixedReturn, untaxed.mixedReturn).map { $0 - $1 }, greedGainChange: gainChange)
      }
    }
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let configuration = Support.configuration(p)
    let n = configuration.agentCount
    let rounds = p[Self.rounds], seeds = p[Self.seeds]
    let leverage = try Self.leverage(configuration: configuration, replicates: p[Self.replicates], forcedTrust: nil, context: context)
    let ignoring = try Self.leverage(configuration: configuration, replicates: p[Self.replicates], forcedTrust: 1, context: context)
    // Players trained with and without the tax, per β (no principal learning).
    let schedule = try Support.schedule(p, rounds: rounds, phaseOne: 0, anneal: 0, annealing: .none)
    let jobs = Self.learnedTrust.indices.flatMap { b in (0..<seeds).flatMap { s in [false, true].map { (beta: b, seed: s, taxed: $0) } } }
    let trained = try context.map(jobs, stream: "unused", label: "\(id): training") { _, job, _ in
      let types = try Self.types(n, trust: Self.learnedTrust[job.beta], context.random(stream: "types", replicate: job.seed))
      let game = try ApplePickingGame(configuration: configuration, types: types)
      let principal: any TaxPrincipal = job.taxed ? FixedPrincipal(Self.tax, name: "flat 1") : NoTaxPrincipal()
      return try OnlineTraining.run(game: game, schedule: schedule, principal: principal, context.random(stream: "training", replicate: job.seed))
        .records.map(\.meanRestraint)
    }
    let learned = Self.learnedTrust.indices.map { b in
      (0..<seeds).map { s in Learned(untaxed: trained[(b * seeds + s) * 2], taxed: trained[(b * seeds + s) * 2 + 1]) }
    }
    return Outcome(leverage: leverage, ignoringTrust: ignoring, learned: learned, rounds: rounds, window: min(p[Self.evaluationRounds], rounds))
  }

  /// The check on one set of leverages (and, for the model itself, the learned policies).
  struct Check: Sendable {
    var zeroExact: Bool, identicalAtZero: Bool, largestLinearityError: Double, greedAtOne: ConfidenceInterval, largestChangeAtOne: Double
    var verdict: Headline { .checking(zeroExact && identicalAtZero && largestLinearityError < 1e-9 && largestChangeAtOne > 0) }
  }

  static func check(_ leverage: [[Leverage]], learned: [[Learned]]?) throws -> Check {
    let full = leverage.last!
    var zeroExact = true, error = 0.0
    for (b, beta) in trustLevels.enumerated() {
      for (r, row) in leverage[b].enumerated() {
        for i in row.change.indices {
          error = max(error, abs(row.change[i] - beta * full[r].change[i]) / max(1, abs(full[r].change[i])))
          if beta == 0 && row.change[i] != 0 { zeroExact = false }
        }
      }
    }
    let identical = learned.map { $0[0].allSatisfy { $0.untaxed == $0.taxed } } ?? true
    return Check(
      zeroExact: zeroExact, identicalAtZero: identical, largestLinearityError: error,
      greedAtOne: try ConfidenceInterval.meanOrPoint(of: full.map(\.greedGainChange)),
      largestChangeAtOne: full.flatMap { $0.change.map(abs) }.max() ?? 0)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let check = try Self.check(o.leverage, learned: o.learned)
    let control = try Self.check(o.ignoringTrust, learned: nil)
    var table = Table(
      id: "sed.trust-leverage.rewards",
      title:
        "Effect of the flat tax φ = (1, 1, 1) on the same orchards, by trust β (\(o.leverage[0].count) orchards, 7 players, k = 4 with one greedy player)",
      columns: [
        "β", "mean |change in a player's return|", "change in the greedy player's gain", "95% interval", "largest |change − β · change at β = 1|",
      ])
    for (b, beta) in Self.trustLevels.enumerated() {
      let rows = o.leverage[b]
      let error =
        rows.enumerated().flatMap { r, row in
          row.change.indices.map { i in abs(row.change[i] - beta * o.leverage.last![r].change[i]) / max(1, abs(o.leverage.last![r].change[i])) }
        }.max() ?? 0
      let greed = try ConfidenceInterval.meanOrPoint(of: rows.map(\.greedGainChange))
      table.append([
        .real(beta, digits: 2), .real(Support.average(rows.map { Support.average($0.change.map(abs)) }), digits: 3), .real(greed.estimate, digits: 2),
        .text(greed.bracket(digits: 2)), .real(error, digits: 12),
      ])
    }
    var learnedTable = Table(
      id: "sed.trust-leverage.learned",
      title: "Players trained \(o.rounds) rounds with and without the flat tax (last \(o.window) rounds, \(o.learned[0].count) populations, paired)",
      columns: ["β", "mean restraint, no tax", "mean restraint, tax", "tax − no tax", "95% interval", "learning identical"])
    for (b, beta) in Self.learnedTrust.enumerated() {
      let none = o.learned[b].map { Support.average(Array($0.untaxed.suffix(o.window))) },
        taxed = o.learned[b].map { Support.average(Array($0.taxed.suffix(o.window))) }
      let difference = try ConfidenceInterval.meanOrPoint(of: zip(taxed, none).map { $0 - $1 })
      learnedTable.append([
        .real(beta, digits: 2), .real(Support.average(none), digits: 2), .real(Support.average(taxed), digits: 2),
        .real(difference.estimate, digits: 2),
        .text(difference.bracket(digits: 2)), .text(o.learned[b].allSatisfy { $0.untaxed == $0.taxed } ? "yes" : "no"),
      ])
    }
    let evidence = Evidence(
      summary:
        "At β = 0 the tax changed no return (\(check.zeroExact ? "exactly" : "NOT exactly")) and no learning trajectory (\(check.identicalAtZero ? "identical" : "different")); the change in return is β times its β = 1 value (largest relative error \(DecimalFormat.compact(check.largestLinearityError))); at β = 1 the tax changes returns by up to \(DecimalFormat.fixed(check.largestChangeAtOne, digits: 1)) and the lone greedy player's gain by \(DecimalFormat.fixed(check.greedAtOne.estimate, digits: 2)) (95% \(check.greedAtOne.bracket(digits: 2))). Control (trust ignored): no effect at β = 0 \(control.zeroExact ? "still exact" : "broken"), largest linearity error \(DecimalFormat.compact(control.largestLinearityError)).",
      measurements: [
        .init("no effect at β = 0", check.zeroExact && check.identicalAtZero), .init("largest linearity error", check.largestLinearityError),
        .init("largest change in return at β = 1", check.largestChangeAtOne),
        .init("change in greed gain at β = 1", lower: check.greedAtOne.lower, upper: check.greedAtOne.upper),
      ],
      tolerance: "exact zero at β = 0; linearity to 1e-9; some return changed at β = 1", sampleSize: o.leverage[0].count * Self.trustLevels.count)
    let claim = ClaimResult(
      Self.trustClaim, map: .single(check.verdict, estimate: check.largestLinearityError, n: o.leverage[0].count * Self.trustLevels.count),
      control: ControlResult(Self.trustClaim.control!, verdict: control.verdict), evidence: evidence)
    return ExperimentResult(tables: [table, learnedTable], claims: [claim])
  }
}
