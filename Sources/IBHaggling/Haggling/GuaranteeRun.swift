import Foundation
import LabKit

/// An environment that satisfies a hypothesis h*: a copolicy that always answers with an observation
/// of B_{h*}(s*, a), for the checks of Propositions 1 and 2.
public struct SatisfyingEnvironment: Sendable {
  /// How the environment picks among the observations h* allows.
  public enum Rule: Sendable, Equatable {
    /// A fixed choice per (state of h*, action): a deterministic RDP refining h*.
    case fixed([Int])
    /// Falsify the agent's current hypothesis when h* allows it; otherwise (and among those) the
    /// observation that pays the agent least; then the lowest index.
    case falsifyThenPunish
    /// The observation that pays the agent least; among those, one that falsifies the agent's current
    /// hypothesis if possible; then the lowest index.
    case punishThenFalsify

    /// Whether the choice depends on the agent's current hypothesis.
    var adapts: Bool {
      if case .fixed = self { return false }
      return true
    }
  }

  public let truth: SharpInfraRDP
  public let rule: Rule

  public init(truth: SharpInfraRDP, rule: Rule) {
    self.truth = truth
    self.rule = rule
  }

  /// A fixed refinement drawn uniformly among the allowed observations.
  public static func randomRefinement(of truth: SharpInfraRDP, random: Random) -> SatisfyingEnvironment {
    let table = (0..<truth.stateCount * truth.actionCount).map { index in
      let options = truth.possibleObservations(state: index / truth.actionCount, action: index % truth.actionCount)
      return options[random.index(below: options.count)]
    }
    return SatisfyingEnvironment(truth: truth, rule: .fixed(table))
  }
}

/// One agent following the algorithm against an environment satisfying h*, and its exact utility
/// u_i = Σ_n (1 − γ) γ^n r_i(a^{(n)}).
///
/// The agent ranks by V_i(h, γ) at the run's γ (the text's algorithm at a fixed discount). The
/// environment's choice depends on its own state, the agent's action and the agent's current
/// hypothesis and state, so after the agent's last switch the joint state evolves deterministically;
/// when it repeats the run is a lasso and the discounted sum of its infinite tail is computed exactly:
/// γ^{t₀} (1 − γ) Σ_{j<c} γ^j q_j / (1 − γ^c).
public struct GuaranteeRun: Sendable {
  public let utility: Double
  public let switches: Int
  public let lockInTime: Int
  public let cycleLength: Int

  public static func run(
    agent spec: HagglerSpec, environment: SatisfyingEnvironment, discount γ: Double, random: Random,
    maximumSteps: Int = 10_000_000
  ) throws -> GuaranteeRun {
    guard case .discounted(let rankingDiscount) = spec.valuation.ranking, rankingDiscount == γ else {
      throw LabError.invalidInput(place: "GuaranteeRun", problem: "the agent must rank by V(h, γ) at the run's discount \(γ)")
    }
    let truth = environment.truth
    let reward = spec.view.reward
    let space = spec.valuation.space
    var agent = HagglerState(spec: spec, capacity: 1024)
    var envState = truth.initialState
    var rewards: [Double] = []
    var generation: Int32 = 0
    var seen: [Int: (generation: Int32, time: Int)] = [:]
    var switches = 0
    var lastSwitch = 0
    var t = 0
    var cycleStart = -1
    var currentRDP = SharpInfraRDP.top(actionCount: space.actionCount, observationCount: space.observationCount)
    while t < maximumSteps {
      if agent.current < 0 {
        _ = agent.select(now: t, random: random)
        if environment.rule.adapts { currentRDP = space.hypothesis(agent.currentHypothesis) }
        switches += 1
        lastSwitch = t
        generation += 1
      }
      let key = Int(agent.state[agent.current]) * truth.stateCount + envState
      if let entry = seen[key], entry.generation == generation {
        cycleStart = entry.time
        break
      }
      seen[key] = (generation, t)
      let a = agent.action
      let allowed = truth.possibleObservations(state: envState, action: a)
      let o: Int
      switch environment.rule {
      case .fixed(let table):
        o = table[envState * truth.actionCount + a]
      case .falsifyThenPunish, .punishThenFalsify:
        let rdp = currentRDP
        let s = Int(agent.state[agent.current])
        let falsifies = { (x: Int) in !rdp.allows(state: s, action: a, observation: x) }
        if environment.rule == .falsifyThenPunish {
          o = allowed.min { (falsifies($0) ? 0 : 1, reward[a][$0], $0) < (falsifies($1) ? 0 : 1, reward[a][$1], $1) }!
        } else {
          o = allowed.min { (reward[a][$0], falsifies($0) ? 0 : 1, $0) < (reward[a][$1], falsifies($1) ? 0 : 1, $1) }!
        }
      }
      rewards.append(reward[a][o])
      envState = truth.nextState(envState, a, o)
      if !agent.observe(action: a, observation: o) { agent.current = -1 }
      t += 1
    }
    guard cycleStart >= 0 else {
      throw LabError.numerical(routine: "GuaranteeRun", problem: "no lock-in within \(maximumSteps) rounds")
    }
    // u = (1 − γ) Σ_{t<t₀} γ^t r_t + γ^{t₀} (1 − γ) Σ_{j<c} γ^j q_j / (1 − γ^c).
    var head = 0.0
    var power = 1.0
    for r in rewards[..<cycleStart] {
      head += power * r
      power *= γ
    }
    var loop = 0.0
    var inner = 1.0
    for r in rewards[cycleStart...] {
      loop += inner * r
      inner *= γ
    }
    let c = rewards.count - cycleStart
    let utility = (1 - γ) * head + power * (1 - γ) * loop / -expm1(Double(c) * log(γ))
    return GuaranteeRun(utility: utility, switches: switches, lockInTime: lastSwitch, cycleLength: c)
  }
}
