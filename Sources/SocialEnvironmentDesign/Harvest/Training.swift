import LabKit

/// The schedule of the online Social Environment Design game (Definition 3.1, Appendix A): voting
/// rounds of one 1000-step episode each, chained by continuity; a two-phase curriculum (phase 1: the
/// players learn under φ = 0; phase 2: the principal learns too) with tax annealing over
/// `annealRounds` rounds of phase 2.
public struct TrainingSchedule: Sendable {
  /// Voting rounds in all (both phases).
  public var rounds: Int
  /// Rounds of phase 1 (no tax, principal idle).
  public var phaseOneRounds: Int
  /// Rounds of phase 2 over which the annealing ramp rises from 0.1 to 1.
  public var annealRounds: Int
  public var annealing: TaxAnnealing = .rateCap
  /// A fresh world (64 apples) every this many rounds: the start of a new history of the online
  /// game. Within a history, rounds are chained (with `.paper` continuity).
  public var roundsPerHistory: Int
  /// Restraint levels 0 … maximumRestraint.
  public var maximumRestraint: Int
  public var agentLearningRate: Double
  /// A bound on every rate set by the policy implementation map: with φ0 = 0 and the maximum
  /// divergence it is eq. 1's constraint D(φ0, φ) ≤ δ (1 = unconstrained, the paper's §4 game).
  public var maximumRate: Double = 1

  public init(
    rounds: Int, phaseOneRounds: Int, annealRounds: Int, annealing: TaxAnnealing = .rateCap, roundsPerHistory: Int,
    maximumRestraint: Int, agentLearningRate: Double
  ) throws {
    guard rounds >= 1, phaseOneRounds >= 0, phaseOneRounds <= rounds, annealRounds >= 0, roundsPerHistory >= 1, maximumRestraint >= 0,
      agentLearningRate > 0
    else {
      throw LabError.invalidInput(
        place: "TrainingSchedule", problem: "need rounds ≥ 1, 0 ≤ phase-1 rounds ≤ rounds, history ≥ 1, positive learning rate")
    }
    self.rounds = rounds
    self.phaseOneRounds = phaseOneRounds
    self.annealRounds = annealRounds
    self.annealing = annealing
    self.roundsPerHistory = roundsPerHistory
    self.maximumRestraint = maximumRestraint
    self.agentLearningRate = agentLearningRate
  }

  /// (cap, multiplier) in round r.
  public func limits(round r: Int) -> (cap: Double, multiplier: Double) {
    guard r >= phaseOneRounds else { return (0, 1) }
    let progress = annealRounds == 0 ? 1 : Double(r - phaseOneRounds) / Double(annealRounds)
    let limits = annealing.limits(progress: progress)
    return (min(limits.cap, maximumRate), limits.multiplier)
  }
}

/// One voting round's record.
public struct RoundRecord: Sendable {
  public let round: Int
  public let eta: Double
  /// O_η on the configured basis.
  public let objective: Double
  public let meanRates: [Double]
  public let periodRates: [[Double]]
  public let gini: Double
  public let sustainability: Double
  public let efficiency: Double
  public let totalApples: Double
  public let minimumApples: Double
  public let depletionStep: Int?
  public let liveAtEnd: Int
  public let meanRestraint: Double
  public let restraint: [Int]
  public let mixedReturn: [Double]
}

/// The result of training.
public struct TrainingResult: Sendable {
  public let records: [RoundRecord]
  public let learners: [RestraintLearner]
  public let principal: any TaxPrincipal
}

/// Runs the online game: every round the players vote (f on their reports), sample their restraint,
/// play the round under the principal's rates, and learn; the principal learns from the round's
/// objective. Rounds start where the last ended within a history (eq. 1's µ0 = Δ(s_T)).
public enum OnlineTraining {
  public static func run(
    game: ApplePickingGame, schedule: TrainingSchedule, principal: any TaxPrincipal,
    votingRule: VotingRule = .meanSelfishness, reporting: VotingRule.Reporting = .truthful,
    codeVotes: [Double] = [], learners initial: [RestraintLearner]? = nil, freezePlayers: Bool = false,
    _ random: Random
  ) throws -> TrainingResult {
    let n = game.configuration.agentCount
    var learners =
      initial ?? Array(repeating: RestraintLearner(levels: schedule.maximumRestraint + 1, learningRate: schedule.agentLearningRate), count: n)
    var principal = principal
    let selfishness = game.types.map(\.selfishness)
    let reports = try votingRule.reports(selfishness: selfishness, reporting: reporting, codeVotes: codeVotes)
    let eta = try votingRule.eta(reports: reports, codeVotes: codeVotes)
    var records: [RoundRecord] = []
    records.reserveCapacity(schedule.rounds)
    for r in 0..<schedule.rounds {
      if r % schedule.roundsPerHistory == 0 { game.resetWorld(random) }
      let (cap, multiplier) = schedule.limits(round: r)
      let restraint = learners.map { $0.sample(random) }
      let phaseTwo = r >= schedule.phaseOneRounds
      let outcome = game.playRound(restraint: restraint, multiplier: multiplier, random) { period in
        phaseTwo ? principal.rates(period: period, cap: cap, random) : [0, 0, 0]
      }
      let objective = outcome.objective(eta: eta, onWealth: game.configuration.welfareOnWealth)
      if phaseTwo { principal.finishRound(objective: objective) }
      if !freezePlayers { for i in 0..<n { learners[i].update(chose: restraint[i], return: outcome.mixedReturn[i]) } }
      let periods = Double(outcome.periodRates.count)
      let means = (0..<3).map { b in outcome.periodRates.reduce(0) { $0 + $1[b] } / periods }
      records.append(
        RoundRecord(
          round: r, eta: eta, objective: objective, meanRates: means, periodRates: outcome.periodRates,
          gini: SocialOutcomeMetrics.gini(outcome.apples),
          sustainability: SocialOutcomeMetrics.sustainability(
            rewardTimeSums: outcome.rewardTimeSums, rewardCounts: outcome.rewardCounts,
            steps: game.configuration.roundLength),
          efficiency: SocialOutcomeMetrics.efficiency(returns: outcome.apples, steps: game.configuration.roundLength),
          totalApples: outcome.apples.reduce(0, +), minimumApples: outcome.apples.min() ?? 0, depletionStep: outcome.depletionStep,
          liveAtEnd: outcome.liveAtEnd, meanRestraint: Double(restraint.reduce(0, +)) / Double(n), restraint: restraint,
          mixedReturn: outcome.mixedReturn))
    }
    return TrainingResult(records: records, learners: learners, principal: principal)
  }
}
