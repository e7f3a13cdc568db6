import Foundation
import GameTheory
import LabKit

/// How step 2 compares hypotheses.
enum RankingRule: String, ParameterChoice {
  /// Exact γ → 1 values (the text's guarantees are limits; ties are what the prior samples among).
  case limit
  /// Values at `discount`.
  case discounted
}

/// Where step 2 takes a hypothesis's value.
enum RankingState: String, ParameterChoice {
  case initial, current
}

extension PriorCoding: ParameterChoice {}

/// What a deal (the loop of a password hypothesis) predicts in a game of more than two players.
enum DealSemantics: String, ParameterChoice {
  /// The deal's observations literally: every other player's action, the outsider's too.
  case literal
  /// Only what the agent's own payoff depends on: any observation paying the agent what the deal's
  /// observation pays is allowed, so a deal predicts the partners' part of the outcome, not the
  /// outsider's exact action (``HypothesisSpace/Options/relaxedRewards``).
  case partnerOnly = "partner-only"
  /// Upward-relaxed deals: after the deal's own action, any observation paying the agent at least what
  /// the deal's observation pays is allowed (``HypothesisSpace/RewardRelaxation/atLeastReward``), the
  /// text's "slight deviations at the end-cycle … that [don't] change the value of the hypothesis" read
  /// as deviations in the agent's favour. It contains the partner-only relaxation's allowed sets.
  case upwardRelaxed = "upward-relaxed"

  /// The relaxation of the deal letters, or nil for literal deals.
  var relaxation: HypothesisSpace.RewardRelaxation? {
    switch self {
    case .literal: return nil
    case .partnerOnly: return .sameReward
    case .upwardRelaxed: return .atLeastReward
    }
  }

  /// The suffix of the random streams of runs under these deals ("" for literal, so that literal runs
  /// keep the streams they always had).
  var streamSuffix: String { self == .literal ? "" : "-" + rawValue }
}

/// The parameters every haggling experiment shares, with their meaning and default.
enum HagglingParameters {
  static let rankingKey = ParameterKey<RankingRule>("ranking")
  static let discountKey = ParameterKey<Double>("discount")
  static let priorKey = ParameterKey<PriorCoding>("prior")
  static let maximumStepsKey = ParameterKey<Int>("maximumSteps")
  static let rankAtKey = ParameterKey<RankingState>("rankAt")
  static let dealsKey = ParameterKey<DealSemantics>("deals")
  static let topTieBreakKey = ParameterKey<TopTieBreak>("topTieBreak")

  static func ranking(default value: RankingRule = .limit) -> Parameter {
    Parameter(
      rankingKey,
      "How step 2 compares hypotheses: 'limit' = exact γ → 1 values (the text's guarantees are limits; ties are what the prior samples among), or 'discounted' at `discount`.",
      default: value)
  }
  static let discount = Parameter(
    discountKey,
    "γ of the discounted ranking, and of the optimal policies followed under the limit ranking (a Blackwell-style choice among limit-optimal policies).",
    domain: .real(lower: 0.5, upper: 1, lowerIncluded: true, upperIncluded: false), default: 0.999)
  static let prior = Parameter(
    priorKey,
    "The prior ζ conditioned on C_opt: 'descriptionLength' ζ ∝ 2^−K(h) (the notes' coding), 'geometricStates' ζ ∝ 2^−|S| shared within a size, or 'uniform'.",
    default: .descriptionLength)
  static let maximumSteps = Parameter(
    maximumStepsKey, "Rounds after which a run that has not locked in is stopped and reported as capped (every run locks in eventually).",
    domain: .integer(100...100_000_000), default: 1_000_000)

  static let rankAt = Parameter(
    rankAtKey,
    "Where step 2 takes a hypothesis's value: 'initial' = from s₀ (the text's V_i(h, γ), default), or 'current' = at the hypothesis's tracked state (the notes' ambiguity 4; the same in the γ → 1 limit for password hypotheses, so it matters only with the discounted ranking).",
    default: .initial)
  static let deals = Parameter(
    dealsKey,
    "What a deal (the loop of h_{p,l}) predicts: 'literal' = every other player's action (the definition read literally), 'partner-only' = only the agent's own payoff class (any observation paying what the deal's pays), so the outsider's action is left free, 'upward-relaxed' = any observation paying the agent at least what the deal's pays (the text's relaxed password hypotheses for the green line).",
    default: .literal)
  static let topTieBreak = Parameter(
    topTieBreakKey,
    "How ⊤'s policy chooses among equally good maxmin actions: 'bestCase' = the one whose best outcome pays most, then the lowest index (the notes' ambiguity 14), or 'lowestIndex' = the first listed action.",
    default: .bestCase)
  static let topTieBreakReading = Reading(
    topTieBreakKey,
    [
      .init(
        TopTieBreak.bestCase, reason: "the minimax friend \"goes to X no matter what\", X being its own preferred pub",
        source: "§Schelling Pub; the notes' ambiguity 14"),
      .init(
        TopTieBreak.lowestIndex, reason: "the text fixes no tie-break among maxmin actions; the first listed action is the simplest rule",
        source: "§Regular decision processes (⊤ has one state and any action is a policy)"),
    ])
  static let dealsReading = Reading(
    dealsKey,
    [
      .init(
        DealSemantics.literal, reason: "h_{p,l}'s loop fixes the observation, and with three players the observation is both others' actions",
        source: "§Password hypotheses, definition of h_{p,l}"),
      .init(
        DealSemantics.partnerOnly,
        reason: "the coalition reasoning talks of deals with partners, and the text proposes relaxed password hypotheses that predict less",
        source: "§Multiplayer games; §Prisoner's dilemma (\"relaxed password hypotheses\")"),
      .init(
        DealSemantics.upwardRelaxed,
        reason:
          "the text's remedy for accidentally falsified deals: allow deviations at the end-cycle that do not change the hypothesis's value; deviations in the agent's favour never do",
        source: "§Prisoner's dilemma (\"we could relax the definition of password hypotheses\")"),
    ])
  static let priorReading = Reading(
    priorKey,
    [
      .init(
        PriorCoding.descriptionLength, reason: "a simplicity prior 2^−K(h) with the notes' self-delimiting coding",
        source: "§Schelling points (\"simplicity prior\"); the notes §5.2"),
      .init(
        PriorCoding.geometricStates, reason: "another simplicity coding: weight 2^−|S| per size, shared within a size",
        source: "§Which hypotheses are in the hypothesis space? (\"complexity under a specific threshold\")"),
      .init(
        PriorCoding.uniform, reason: "the text fixes no prior beyond \"ζ ∈ ΔH\"; uniform is the unbiased choice",
        source: "§Learning-theoretic guarantee (the algorithm, step 3)"),
    ])
  static let rankingReading = Reading(
    rankingKey,
    [
      .init(RankingRule.limit, reason: "the text's guarantees are γ → 1 limits, so step 2 compares limit values", source: "Proposition 1"),
      .init(
        RankingRule.discounted, reason: "step 2 reads \"the highest utility\" V_i(h, γ) at the agent's own γ",
        source: "§Learning-theoretic guarantee (the algorithm, step 2)"),
    ])

  static func options(_ parameters: Parameters) -> Haggling.Options {
    Haggling.Options(maximumSteps: parameters[maximumStepsKey], rankAtCurrentState: parameters[rankAtKey] == .current)
  }

  static func ranking(_ parameters: Parameters) -> Ranking {
    parameters[rankingKey] == .limit ? .limit : .discounted(parameters[discountKey])
  }

  static func prior(_ parameters: Parameters) -> PriorCoding { parameters[priorKey] }

  /// The five parameters of every haggling experiment.
  static var common: [Parameter] { [ranking(), discount, prior, maximumSteps, rankAt] }
}

/// One valued hypothesis space per player of a game.
struct HagglingSetup: Sendable {
  let game: NormalFormGame
  let views: [AgentView]
  let valuations: [HypothesisValuation]

  /// Builds the space once per distinct (|A_i|, |O|) and values it once per distinct reward table.
  /// - Parameter deals: how every agent's deal loops are read (``DealSemantics``; relaxed deals are
  ///   relaxed to the agent's own rewards, ``HypothesisSpace/Options/relaxedRewards``).
  init(
    game: NormalFormGame, options: HypothesisSpace.Options, ranking: Ranking, policyDiscount: Double, jobs: Int,
    simplePasswordTargets: [HypothesisSpace.SimplePasswordTarget?]? = nil, deals: DealSemantics = .literal, topTieBreak: TopTieBreak = .bestCase
  ) throws {
    self.game = game
    views = try (0..<game.playerCount).map { try AgentView(game: game, player: $0) }
    var spaces: [String: HypothesisSpace] = [:]
    var valued: [String: HypothesisValuation] = [:]
    var valuations: [HypothesisValuation] = []
    for view in views {
      var o = options
      if let targets = simplePasswordTargets { o.simplePasswordTarget = targets[view.player] }
      if let relaxation = deals.relaxation, o.passwords {
        o.relaxedRewards = view.reward
        o.relaxation = relaxation
      }
      let spaceKey = "\(view.actionCount)/\(view.observationCount)/\(o)"
      let space = try spaces[spaceKey] ?? HypothesisSpace(actionCount: view.actionCount, observationCount: view.observationCount, options: o)
      spaces[spaceKey] = space
      let valueKey = spaceKey + "/\(view.reward)"
      let valuation =
        try valued[valueKey]
        ?? HypothesisValuation(space: space, view: view, ranking: ranking, policyDiscount: policyDiscount, topTieBreak: topTieBreak, jobs: jobs)
      valued[valueKey] = valuation
      valuations.append(valuation)
    }
    self.valuations = valuations
  }

  /// Every player a haggler with the whole space and `prior`.
  func hagglers(prior: PriorCoding) -> [HagglerSpec] {
    views.indices.map { HagglerSpec(valuation: valuations[$0], view: views[$0], prior: prior) }
  }
}

/// Runs of one set-up, in parallel, each agent with its own generator.
enum HagglingBatch {
  static func run(
    _ context: RunContext, stream: String, runs: Int, game: NormalFormGame, options: Haggling.Options = Haggling.Options(),
    participants: @escaping @Sendable (_ run: Int, _ random: Random) -> [Participant]
  ) throws -> [HagglingRun] {
    try context.map(Array(0..<runs), stream: stream, label: "\(context.experimentID): \(stream)") { index, _, random in
      let players = participants(index, random)
      let generators = players.indices.map { context.random(stream: "\(stream)/agent\($0 + 1)", replicate: index) }
      return try Haggling.run(game: game, participants: players, generators: generators, options: options)
    }
  }
}

/// Formatting shared by the experiments.
enum HagglingText {
  /// "(C,C) (C,D)" for a cycle, using the game's action names.
  static func cycle(_ cycle: [[Int]], game: NormalFormGame) -> String {
    cycle.map { profile in "(" + profile.indices.map { game.actions[$0][profile[$0]] }.joined(separator: ",") + ")" }.joined(separator: " ")
  }

  /// The cycle written from its least rotation, so that runs locked into the same cycle at different
  /// phases count as one outcome.
  static func canonicalCycle(_ cycle: [[Int]], game: NormalFormGame) -> String {
    guard !cycle.isEmpty else { return "none (capped)" }
    let words = cycle.indices.map { r in self.cycle(Array(cycle[r...] + cycle[..<r]), game: game) }
    return words.min()!
  }

  /// Every profile with its payoffs: "(C,C) → (2, 2); (C,D) → (0, 3); …", fractions written exactly.
  static func game(_ game: NormalFormGame) -> String {
    game.profiles.map { profile in
      "(" + profile.indices.map { game.actions[$0][profile[$0]] }.joined(separator: ",") + ") → ("
        + game.payoffs(profile).map { x in Rational(approximating: x)?.description ?? DecimalFormat.compact(x, significant: 6) }.joined(
          separator: ", ") + ")"
    }.joined(separator: "; ")
  }

  /// "(2, 2)" with exact fractions when available.
  /// A run's average payoffs: as fractions when the run has exact ones and `exact` allows, as
  /// decimals otherwise (a table column passes one `exact` for all its rows, so it never mixes the two).
  static func payoffs(_ run: HagglingRun, exact allowed: Bool = true) -> String {
    if allowed, let exact = run.exactAveragePayoffs { return "(" + exact.map(\.description).joined(separator: ", ") + ")" }
    return "(" + run.averagePayoffs.map { DecimalFormat.compact($0, significant: 4) }.joined(separator: ", ") + ")"
  }

  static func interval(_ interval: ConfidenceInterval, digits: Int = 3) -> String {
    interval.bracket(digits: digits)
  }

  static func fraction(_ count: Int, _ total: Int) -> String {
    total == 0 ? "–" : DecimalFormat.fixed(Double(count) / Double(total), digits: 3)
  }
}

/// Counts of outcomes in first-seen order.
struct OutcomeTally {
  private(set) var order: [String] = []
  private(set) var counts: [String: Int] = [:]
  private(set) var examples: [String: Int] = [:]

  mutating func add(_ key: String, run: Int) {
    if counts[key] == nil {
      order.append(key)
      examples[key] = run
    }
    counts[key, default: 0] += 1
  }

  /// "key (count), …" by decreasing count.
  static func counting(_ keys: [String]) -> String {
    var tally = OutcomeTally()
    for (i, key) in keys.enumerated() { tally.add(key, run: i) }
    return tally.sorted.map { "\($0.key) (\($0.count))" }.joined(separator: ", ")
  }

  /// Outcomes by decreasing count, then first appearance.
  var sorted: [(key: String, count: Int)] {
    order.enumerated().sorted { (counts[$0.1]!, -$0.0) > (counts[$1.1]!, -$1.0) }.map { (key: $0.1, count: counts[$0.1]!) }
  }
}

/// Wilson 95% interval of a proportion.
func wilson(_ successes: Int, _ trials: Int) throws -> ConfidenceInterval {
  try ConfidenceInterval.wilson(successes: successes, trials: max(trials, 1), level: 0.95)
}
