import LabKit

/// §4, eq. 2 of Social Environment Design: "the principal can only incentivize agents through the
/// extrinsic reward and cannot directly observe the intrinsic reward. The degree to which the
/// principal holds power over the agent depends on the agent's trust or belief in the principal."
///
/// Every player gets the same trust β; σ is drawn from U[0, 1]. The same orchards are played with and
/// without the flat schedule φ = (1, 1, 1) (full redistribution). Standard fixed in advance: the
/// claim is reproduced when (1) at β = 0 the tax changes no player's return and no learned policy, to
/// the last bit; (2) the change in return is β times its value at β = 1 (relative error below 1e-9);
/// (3) at β = 1 the tax changes the incentive to be greedy (95 % interval of the change in the lone
/// greedy player's gain excludes 0). The learned restraint with and without the tax is reported per β.
public struct TrustExperiment: Experiment {
  public init() {}

  public let id = "sed.trust-leverage"
  public let title = "The principal's leverage grows with trust"
  public let sections = ["§4", "eq. 2"]

  public static let trustClaim = Claim(
    id: "sed.trust", source: "§4, eq. 2", kind: .claim,
    statement: "The principal acts only through the extrinsic reward, so its leverage grows with trust β (no effect at β = 0).")

  public var claims: [Claim] { [Self.trustClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("replicates", "Orchards per trust level for the reward leverage.", domain: .integer(2...100_000),
                smoke: .integer(4), standard: .integer(30), paper: .integer(300)),
      Parameter("seeds", "Populations trained per trust level and schedule.", domain: .integer(2...10_000),
                smoke: .integer(2), standard: .integer(6), paper: .integer(32)),
      Parameter("rounds", "Training rounds per population.", domain: .integer(2...1_000_000),
                smoke: .integer(12), standard: .integer(200), paper: .integer(10_000)),
      Parameter("evaluationRounds", "Last rounds averaged.", domain: .integer(1...1_000_000), smoke: .integer(6), standard: .integer(50), paper: .integer(2000)),
    ] + Support.gameParameters()
  }

  static let trustLevels = [0, 0.25, 0.5, 0.75, 1.0]
  static let tax = [1.0, 1.0, 1.0]

  static func types(_ n: Int, trust: Double, _ random: Random) throws -> [PlayerType] {
    try (0..<n).map { _ in try PlayerType(selfishness: random.uniform(), trust: trust) }
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let replicates = p.integer("replicates"), seeds = p.integer("seeds"), rounds = p.integer("rounds")
    let window = min(p.integer("evaluationRounds"), rounds)
    let configuration = Support.configuration(p)
    let n = configuration.agentCount
    let lone = 3
    let loneRestraint = (0..<n).map { $0 == lone ? 0 : 4 }
    let restrained = Array(repeating: 4, count: n)

    // (1)-(3): the same orchard under each β, with and without the tax.
    struct Leverage: Sendable { var change: [Double]; var greedGainChange: Double }
    var leverages: [[Leverage]] = []
    for beta in Self.trustLevels {
      leverages.append(try context.replicates(replicates, stream: "orchard") { replicate, _ in
        func play(_ restraint: [Int], _ rates: [Double]) throws -> RoundOutcome {
          let random = context.random(stream: "orchard-play", replicate: replicate)
          let game = try ApplePickingGame(configuration: configuration, types: try Self.types(n, trust: beta, random))
          return game.playRound(restraint: restraint, random) { _ in rates }
        }
        let taxed = try play(loneRestraint, Self.tax), untaxed = try play(loneRestraint, [0, 0, 0])
        let taxedR = try play(restrained, Self.tax), untaxedR = try play(restrained, [0, 0, 0])
        let gainUntaxed = untaxed.mixedReturn[lone] - untaxedR.mixedReturn[lone]
        let gainTaxed = taxed.mixedReturn[lone] - taxedR.mixedReturn[lone]
        return Leverage(change: zip(taxed.mixedReturn, untaxed.mixedReturn).map { $0 - $1 }, greedGainChange: gainTaxed - gainUntaxed)
      })
    }
    let full = leverages.last!
    var zeroExact = true, largestLinearityError = 0.0
    var table = Table(id: "sed.trust-leverage.rewards", title: "Effect of the flat tax φ = (1, 1, 1) on the same orchards, by trust β (\(replicates) orchards, 7 players, k = 4 with one greedy player)",
                      columns: ["β", "mean |change in a player's return|", "change in the greedy player's gain", "95% interval", "largest |change − β · change at β = 1|"])
    var greedAtOne = try ConfidenceInterval.meanOrPoint(of: full.map(\.greedGainChange))
    for (b, beta) in Self.trustLevels.enumerated() {
      let rows = leverages[b]
      var error = 0.0
      for (r, row) in rows.enumerated() {
        for i in 0..<n {
          error = max(error, abs(row.change[i] - beta * full[r].change[i]) / max(1, abs(full[r].change[i])))
          if beta == 0 && row.change[i] != 0 { zeroExact = false }
        }
      }
      largestLinearityError = max(largestLinearityError, error)
      let magnitude = Support.average(rows.map { Support.average($0.change.map(abs)) })
      let greed = try ConfidenceInterval.meanOrPoint(of: rows.map(\.greedGainChange))
      if beta == 1 { greedAtOne = greed }
      table.append([.real(beta, digits: 2), .real(magnitude, digits: 3), .real(greed.estimate, digits: 2), .text(greed.bracket(digits: 2)),
                    .real(error, digits: 12)])
    }

    // Learned behaviour: players trained with and without the tax, per β (no principal learning).
    let schedule = try Support.schedule(p, rounds: rounds, phaseOne: 0, anneal: 0, annealing: .none)
    let learnedBetas = [0.0, 0.5, 1.0]
    let jobs = learnedBetas.indices.flatMap { b in (0..<seeds).flatMap { s in [false, true].map { (beta: b, seed: s, taxed: $0) } } }
    let trained = try context.map(jobs, stream: "unused", label: "\(id): training") { _, job, _ in
      let types = try Self.types(n, trust: learnedBetas[job.beta], context.random(stream: "types", replicate: job.seed))
      let game = try ApplePickingGame(configuration: configuration, types: types)
      let principal: any TaxPrincipal = job.taxed ? FixedPrincipal(Self.tax, name: "flat 1") : NoTaxPrincipal()
      let records = try OnlineTraining.run(game: game, schedule: schedule, principal: principal,
                                           context.random(stream: "training", replicate: job.seed)).records
      return (restraint: records.map(\.meanRestraint), objective: records.map(\.objective))
    }
    var learned = Table(id: "sed.trust-leverage.learned", title: "Players trained \(rounds) rounds with and without the flat tax (last \(window) rounds, \(seeds) populations, paired)",
                        columns: ["β", "mean restraint, no tax", "mean restraint, tax", "tax − no tax", "95% interval", "learning identical"])
    var identicalAtZero = true
    for (b, beta) in learnedBetas.enumerated() {
      var none: [Double] = [], taxed: [Double] = [], identical = true
      for s in 0..<seeds {
        let u = trained[jobs.firstIndex { $0.beta == b && $0.seed == s && !$0.taxed }!]
        let t = trained[jobs.firstIndex { $0.beta == b && $0.seed == s && $0.taxed }!]
        none.append(Support.average(Array(u.restraint.suffix(window))))
        taxed.append(Support.average(Array(t.restraint.suffix(window))))
        identical = identical && u.restraint == t.restraint
      }
      if beta == 0 && !identical { identicalAtZero = false }
      let difference = try ConfidenceInterval.meanOrPoint(of: zip(taxed, none).map { $0 - $1 })
      learned.append([.real(beta, digits: 2), .real(Support.average(none), digits: 2), .real(Support.average(taxed), digits: 2),
                      .real(difference.estimate, digits: 2), .text(difference.bracket(digits: 2)), .text(identical ? "yes" : "no")])
    }

    let effectAtOne = greedAtOne.lower > 0 || greedAtOne.upper < 0
    let holds = zeroExact && identicalAtZero && largestLinearityError < 1e-9 && effectAtOne
    let evidence = Evidence(
      summary: "At β = 0 the tax changed no return (\(zeroExact ? "exactly" : "NOT exactly")) and no learning trajectory (\(identicalAtZero ? "identical" : "different")); the change in return is β times its β = 1 value (largest relative error \(DecimalFormat.compact(largestLinearityError))); at β = 1 the tax changes the lone greedy player's gain by \(DecimalFormat.fixed(greedAtOne.estimate, digits: 2)) (95% \(greedAtOne.bracket(digits: 2))).",
      measurements: [.init("no effect at β = 0", zeroExact && identicalAtZero), .init("largest linearity error", largestLinearityError),
                     .init("change in greed gain at β = 1", lower: greedAtOne.lower, upper: greedAtOne.upper)],
      tolerance: "exact zero at β = 0; linearity to 1e-9; 95% interval at β = 1 excludes 0", sampleSize: replicates * Self.trustLevels.count)
    return ExperimentResult(tables: [table, learned], claims: [ClaimResult(Self.trustClaim, .checking(holds), evidence)])
  }
}
