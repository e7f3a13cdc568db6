import LabKit

/// §4 of Social Environment Design: a player's type θ_i = (σ_i, β_i), selfishness and trust in the
/// principal, both drawn from U[0, 1] and fixed during training.
public struct PlayerType: Sendable, Equatable {
  public let selfishness: Double
  public let trust: Double

  public init(selfishness: Double, trust: Double) throws {
    guard selfishness >= 0, selfishness <= 1, trust >= 0, trust <= 1 else {
      throw LabError.invalidInput(place: "PlayerType", problem: "σ and β must lie in [0, 1], got σ = \(selfishness), β = \(trust)")
    }
    self.selfishness = selfishness
    self.trust = trust
  }

  /// n types with σ, β ~ U[0, 1] (§4; Appendix A, Table 1).
  public static func uniform(_ n: Int, _ random: Random) -> [PlayerType] {
    (0..<n).map { _ in
      let s = random.uniform()
      return try! PlayerType(selfishness: s, trust: random.uniform())
    }
  }
}

/// Which intrinsic reward eq. 2 uses.
public enum IntrinsicReward: String, Sendable, CaseIterable {
  /// The paper: r_int = σ_i a_i + (1 − σ_i) Σ_{j ≠ i in i's view} a_j (a σ-weighted sum, as printed).
  case fieldOfView
  /// The released code at HEAD: the social term is zero (`nearby = 0`, "TODO fix").
  case off
  /// The later refactor (repository D): σ_i a_i + (1 − σ_i) · mean over all players of a_j.
  case allAgentMean
}

/// How rounds are chained.
public enum Continuity: String, Sendable, CaseIterable {
  /// Definition 3.1 and eq. 1: every round starts in the previous round's final state (µ0 = Δ(s_T)).
  case paper
  /// The released code: the world is reset every round and, inside a round, every
  /// `physicalResetInterval` (200) steps.
  case code
}

/// The settings of the Apple Picking Game (Appendix A, Table 1, unless said otherwise).
public struct AppleGameConfiguration: Sendable {
  public var map: HarvestMap = .commonsHarvestOpen
  /// Table 1: 7 agents.
  public var agentCount = 7
  public var regrowth: RegrowthRule = .paper
  /// Table 1: episode length 1000 (one voting round, as in the released code).
  public var roundLength = 1000
  /// Table 1: tax period 50.
  public var taxPeriod = 50
  public var brackets: TaxBrackets = .paper
  public var intrinsic: IntrinsicReward = .fieldOfView
  public var continuity: Continuity = .paper
  /// The released code's physical reset inside a round (its sampling horizon, 200), used when
  /// `continuity` is `.code`.
  public var physicalResetInterval = 200
  /// The objective's basis: pre-tax apples (§4: "a_i … the number of apples collected") or post-tax
  /// wealth (apples minus net transfers).
  public var welfareOnWealth = false

  public init() {}

  /// Checks the settings.
  public func validated() throws -> AppleGameConfiguration {
    guard roundLength >= 1, taxPeriod >= 1, physicalResetInterval >= 1 else {
      throw LabError.invalidInput(place: "AppleGameConfiguration", problem: "round length, tax period and reset interval must be positive")
    }
    return self
  }
}

/// What one voting round of the Apple Picking Game produced.
public struct RoundOutcome: Sendable {
  /// Σ_t a_{i,t}: apples each player collected (pre-tax).
  public var apples: [Double]
  /// Apples minus the net transfers (the extrinsic reward summed over the round).
  public var wealth: [Double]
  /// Σ_t r_i of eq. 2 (the players' own returns).
  public var mixedReturn: [Double]
  /// Perolat's sustainability inputs.
  public var rewardTimeSums: [Double]
  public var rewardCounts: [Int]
  /// The rates of every tax period.
  public var periodRates: [[Double]]
  /// Σ_i of net transfers (zero up to rounding: even redistribution balances the budget).
  public var budgetResidual: Double
  /// Total tax collected.
  public var taxCollected: Double
  /// Live apples after every step (empty unless asked for).
  public var liveTrace: [Int]
  /// The first step (1-based) after which no apple was alive, if any.
  public var depletionStep: Int?
  /// Live apples at the end.
  public var liveAtEnd: Int

  /// O_η on the chosen basis.
  public func objective(eta: Double, onWealth: Bool) -> Double {
    WelfareObjective.interpolation(eta: eta).value(onWealth ? wealth : apples)
  }
}

/// §4 of Social Environment Design: the Induced Economy M_φ (Definition 3.4) of the Apple Picking
/// Game. The principal's action φ (three bracket rates) changes only the reward function through the
/// policy implementation map P: r_i(a, φ) = β_i r_extrinsic(a, φ) + (1 − β_i) r_i,intrinsic(a) (eq. 2),
/// with r_extrinsic = (a − T(a, φ)) + (1/n) Σ_j T(a_j, φ) settled at the end of every tax period on the
/// period's apples.
public final class ApplePickingGame {
  public let configuration: AppleGameConfiguration
  public let world: HarvestWorld
  public let types: [PlayerType]
  var actions: [UInt8]
  var restraintBuffer: [Int]
  var periodWealth: [Double]
  var taxes: [Double]
  /// Whether the world has been reset at least once.
  var started = false

  public init(configuration: AppleGameConfiguration, types: [PlayerType]) throws {
    let configuration = try configuration.validated()
    guard types.count == configuration.agentCount else {
      throw LabError.invalidInput(place: "ApplePickingGame", problem: "\(types.count) types for \(configuration.agentCount) players")
    }
    self.configuration = configuration
    self.types = types
    world = try HarvestWorld(map: configuration.map, agentCount: configuration.agentCount, regrowth: configuration.regrowth)
    actions = [UInt8](repeating: 0, count: configuration.agentCount)
    restraintBuffer = [Int](repeating: 0, count: configuration.agentCount)
    periodWealth = [Double](repeating: 0, count: configuration.agentCount)
    taxes = [Double](repeating: 0, count: configuration.agentCount)
  }

  /// Starts a fresh history (the initial state of Table 1: 64 live apples).
  public func resetWorld(_ random: Random) {
    world.reset(random)
    started = true
  }

  /// Plays one voting round. `restraint[i]` is player i's threshold (ignored when a learned `chooser`
  /// picks the actions); `rates(period)` is asked at the
  /// start of every tax period; `multiplier` scales the net transfers (the released code's
  /// annealing; 1 in the paper). With `.paper` continuity the round starts where the last ended;
  /// with `.code` it starts from a reset world and resets every `physicalResetInterval` steps.
  public func playRound(
    restraint: [Int], multiplier: Double = 1, recordTrace: Bool = false, _ random: Random,
    onStart: ((HarvestWorld) -> Void)? = nil, onStep: ((HarvestWorld) -> Void)? = nil,
    chooser: LearnedPopulation? = nil, rates: (_ period: Int) -> [Double]
  ) -> RoundOutcome {
    let n = configuration.agentCount
    let c = configuration
    if !started || c.continuity == .code { resetWorld(random) }
    onStart?(world)
    for i in 0..<n { restraintBuffer[i] = restraint[i]; periodWealth[i] = 0 }
    var outcome = RoundOutcome(
      apples: .init(repeating: 0, count: n), wealth: .init(repeating: 0, count: n),
      mixedReturn: .init(repeating: 0, count: n), rewardTimeSums: .init(repeating: 0, count: n),
      rewardCounts: .init(repeating: 0, count: n), periodRates: [], budgetResidual: 0, taxCollected: 0,
      liveTrace: [], depletionStep: nil, liveAtEnd: 0)
    if recordTrace { outcome.liveTrace.reserveCapacity(c.roundLength) }
    var current = rates(0)
    outcome.periodRates.append(current)
    let trust = types.map(\.trust), selfishness = types.map(\.selfishness)
    for t in 0..<c.roundLength {
      if t > 0 && t % c.taxPeriod == 0 {
        current = rates(t / c.taxPeriod)
        outcome.periodRates.append(current)
      }
      actions.withUnsafeMutableBufferPointer { a in
        if let chooser {
          chooser.choose(world, into: a, random)
        } else {
          restraintBuffer.withUnsafeBufferPointer { k in RestraintPolicy.chooseActions(world, restraint: k, into: a, random) }
        }
      }
      let eaten = actions.withUnsafeBufferPointer { world.step($0, random) }
      if eaten > 0 {
        if c.intrinsic == .fieldOfView { world.computeSeenApples() }
        let meanEaten = Double(eaten) / Double(n)
        for i in 0..<n {
          let a = Double(world.eaten(i))
          let social: Double
          switch c.intrinsic {
          case .fieldOfView: social = Double(world.seenApples(i))
          case .off: social = 0
          case .allAgentMean: social = meanEaten
          }
          let intrinsic = selfishness[i] * a + (1 - selfishness[i]) * social
          outcome.mixedReturn[i] += trust[i] * a + (1 - trust[i]) * intrinsic
          if a > 0 {
            outcome.apples[i] += a
            outcome.wealth[i] += a
            periodWealth[i] += a
            outcome.rewardTimeSums[i] += Double(t + 1)
            outcome.rewardCounts[i] += 1
          }
        }
      }
      if (t + 1) % c.taxPeriod == 0 || t + 1 == c.roundLength {
        settle(rates: current, multiplier: multiplier, into: &outcome)
      }
      if outcome.depletionStep == nil && world.liveApples == 0 { outcome.depletionStep = t + 1 }
      if recordTrace { outcome.liveTrace.append(world.liveApples) }
      onStep?(world)
      if c.continuity == .code && (t + 1) % c.physicalResetInterval == 0 && t + 1 < c.roundLength { world.reset(random) }
    }
    outcome.liveAtEnd = world.liveApples
    return outcome
  }

  /// End of a tax period: T on each player's period apples, even redistribution, delivered in the
  /// extrinsic reward (so weighted by trust in the mixed return).
  func settle(rates: [Double], multiplier: Double, into outcome: inout RoundOutcome) {
    let n = configuration.agentCount
    var total = 0.0
    for i in 0..<n {
      taxes[i] = configuration.brackets.tax(periodWealth[i], rates: rates)
      total += taxes[i]
    }
    let share = total / Double(n)
    var residual = 0.0
    for i in 0..<n {
      let net = multiplier * (taxes[i] - share)
      outcome.wealth[i] -= net
      outcome.mixedReturn[i] -= types[i].trust * net
      residual += net
      periodWealth[i] = 0
    }
    outcome.budgetResidual += residual
    outcome.taxCollected += multiplier * total
  }
}
