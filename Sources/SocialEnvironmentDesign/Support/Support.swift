import LabKit

/// Shared experiment helpers: intervals, parameters of the game and the training schedule.
enum Support {
  static func average(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(1, values.count)) }

  /// The game parameters every learning experiment shares.
  static func gameParameters() -> [Parameter] {
    [
      Parameter("regrowthRule", "Regrowth by live neighbours within radius 2: paper = Appendix A read literally (≥4: 0.025, 3: 0.005, 2: 0.0025, ≤1: 0); code = the released Melting Pot rule (≥3: 0.025, 2: 0.005, 1: 0.0025, 0: 0).",
                domain: .choice(["paper", "code"]), default: .choice("paper")),
      Parameter("intrinsic", "The intrinsic reward of eq. 2: fieldOfView = the paper's σ-weighted sum over visible players; off = the released code at HEAD; allAgentMean = the later refactor.",
                domain: .choice(IntrinsicReward.allCases.map(\.rawValue)), default: .choice("fieldOfView")),
      Parameter("continuity", "paper = each round starts in the previous round's final state (eq. 1); code = reset every round and every 200 steps.",
                domain: .choice(Continuity.allCases.map(\.rawValue)), default: .choice("paper")),
      Parameter("roundsPerHistory", "Rounds chained before a fresh world (64 apples) starts a new history of the online game (an assumption: the paper does not say when training restarts the world).",
                domain: .integer(1...1_000_000), default: .integer(5)),
      Parameter("welfareOnWealth", "Evaluate O_η on post-tax wealth instead of the paper's apples collected.", domain: .boolean, default: .boolean(false)),
      Parameter("maximumRestraint", "Restraint levels 0 … K of the players' heuristic (an apple is eaten only if it has at least k live neighbours).",
                domain: .integer(1...12), default: .integer(5)),
      Parameter("agentLearningRate", "Players' REINFORCE step size on normalised advantages.", domain: .real(0.001...10), default: .real(0.1)),
    ]
  }

  static func configuration(_ p: Parameters) -> AppleGameConfiguration {
    var c = AppleGameConfiguration()
    c.regrowth = p.choice("regrowthRule") == "code" ? .code : .paper
    c.intrinsic = IntrinsicReward(rawValue: p.choice("intrinsic"))!
    c.continuity = Continuity(rawValue: p.choice("continuity"))!
    c.welfareOnWealth = p.boolean("welfareOnWealth")
    return c
  }

  static func schedule(_ p: Parameters, rounds: Int, phaseOne: Int, anneal: Int, annealing: TaxAnnealing = .rateCap) throws -> TrainingSchedule {
    try TrainingSchedule(rounds: rounds, phaseOneRounds: phaseOne, annealRounds: anneal, annealing: annealing,
                         roundsPerHistory: p.integer("roundsPerHistory"), maximumRestraint: p.integer("maximumRestraint"),
                         agentLearningRate: p.real("agentLearningRate"))
  }
}
