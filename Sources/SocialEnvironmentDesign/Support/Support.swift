import LabKit

extension IntrinsicReward: ParameterChoice {}
extension Continuity: ParameterChoice {}
extension TaxAnnealing: ParameterChoice {}
extension VotingRule: ParameterChoice {}
extension VotingRule.Reporting: ParameterChoice {}

/// Which regrowth rule the orchard follows (Appendix A read literally, or the released Melting Pot rule).
enum RegrowthReading: String, ParameterChoice {
  case paper, code

  var rule: RegrowthRule { self == .paper ? .paper : .code }
}

/// Who plays the commons: the scripted restraint heuristic (greedy k = 0 against restrained k), or
/// PPO players (§4, Appendix A) trained on their own apples (greedy) or on everyone's (restrained).
enum PlayerReading: String, ParameterChoice {
  case scripted, learned
}

/// How the rounds of the online game follow each other: chained within a history of
/// `roundsPerHistory` rounds (eq. 1), or a fresh orchard every round.
enum RoundStructure: String, ParameterChoice {
  case chained, fresh
}

/// What the objective O_η is measured on: apples collected (§4) or post-tax wealth.
enum WelfareBasis: String, ParameterChoice {
  case apples, wealth
}

/// Shared experiment helpers: the game parameters, the training schedule, means and strict comparisons.
enum Support {
  /// The mean of `values` (LabKit's ``Statistics/mean(_:)``), 0 for an empty list.
  static func average(_ values: [Double]) -> Double { (try? Statistics.mean(values)) ?? 0 }

  static let regrowthRule = ParameterKey<RegrowthReading>("regrowthRule")
  static let intrinsic = ParameterKey<IntrinsicReward>("intrinsic")
  static let continuity = ParameterKey<Continuity>("continuity")
  static let roundStructure = ParameterKey<RoundStructure>("roundStructure")
  static let roundsPerHistory = ParameterKey<Int>("roundsPerHistory")
  static let welfareBasis = ParameterKey<WelfareBasis>("welfareBasis")
  static let maximumRestraint = ParameterKey<Int>("maximumRestraint")
  static let agentLearningRate = ParameterKey<Double>("agentLearningRate")

  /// The game parameters every learning experiment shares.
  static func gameParameters() -> [Parameter] {
    [
      Parameter(
        regrowthRule,
        "Regrowth by live neighbours within radius 2: paper = Appendix A read literally (≥4: 0.025, 3: 0.005, 2: 0.0025, ≤1: 0); code = the released Melting Pot rule (≥3: 0.025, 2: 0.005, 1: 0.0025, 0: 0).",
        default: .paper),
      Parameter(
        intrinsic,
        "The intrinsic reward of eq. 2: fieldOfView = the paper's σ-weighted sum over visible players; off = the released code at HEAD; allAgentMean = the later refactor.",
        default: .fieldOfView),
      Parameter(
        continuity, "paper = each round starts in the previous round's final state (eq. 1); code = reset every round and every 200 steps.",
        default: .paper),
      Parameter(
        roundStructure, "chained = rounds chained within a history of roundsPerHistory rounds; fresh = a fresh orchard (64 apples) every round.",
        default: .chained),
      Parameter(
        roundsPerHistory,
        "Chained rounds before a fresh world (64 apples) starts a new history (an assumption: the paper does not say when training restarts the world).",
        domain: .integer(1...1_000_000), default: 5),
      Parameter(
        welfareBasis, "What O_η is measured on: apples = apples collected (§4, \"a_i … the number of apples collected\"); wealth = post-tax wealth.",
        default: .apples),
      Parameter(
        maximumRestraint, "Restraint levels 0 … K of the players' heuristic (an apple is eaten only if it has at least k live neighbours).",
        domain: .integer(1...12), default: 5),
      Parameter(agentLearningRate, "Players' REINFORCE step size on normalised advantages.", domain: .real(0.001...10), default: 0.1),
    ]
  }

  static func configuration(_ p: Parameters) -> AppleGameConfiguration {
    var c = AppleGameConfiguration()
    c.regrowth = p[regrowthRule].rule
    c.intrinsic = p[intrinsic]
    c.continuity = p[continuity]
    c.welfareOnWealth = p[welfareBasis] == .wealth
    return c
  }

  static func schedule(_ p: Parameters, rounds: Int, phaseOne: Int, anneal: Int, annealing: TaxAnnealing = .rateCap) throws -> TrainingSchedule {
    try TrainingSchedule(
      rounds: rounds, phaseOneRounds: phaseOne, annealRounds: anneal, annealing: annealing,
      roundsPerHistory: p[roundStructure] == .fresh ? 1 : p[roundsPerHistory], maximumRestraint: p[maximumRestraint],
      agentLearningRate: p[agentLearningRate])
  }

  /// "a, b, c" with `digits` decimals.
  static func list(_ values: [Double], digits: Int = 2) -> String { values.map { DecimalFormat.fixed($0, digits: digits) }.joined(separator: ", ") }
}

extension OrchardReset: ParameterChoice {}
extension RedistributionMode: ParameterChoice {}
