import Foundation
import LabKit

/// How an agent ranks its hypotheses, the text's step 2 ("find the hypotheses in C that are
/// promising the highest utility").
public enum Ranking: Sendable, Hashable, CustomStringConvertible {
  /// By lim_{γ→1} V_i(h, γ), compared exactly as rationals (the default: the text's guarantees are
  /// γ → 1 limits, and its haggling story needs the many ties this ranking has).
  case limit
  /// By V_i(h, γ) at this discount; values within 10⁻¹² of each other (relative to the reward scale)
  /// count as equal.
  case discounted(Double)

  public var description: String {
    switch self {
    case .limit: return "γ → 1 (exact)"
    case .discounted(let γ): return "γ = \(DecimalFormat.compact(γ, significant: 8))"
    }
  }
}

/// The values and optimal policies of every hypothesis of a ``HypothesisSpace`` for one agent's
/// rewards, cached once and shared by all agents with the same rewards and all runs (the issue's
/// "values cached per (hypothesis, state)"), and the hypotheses grouped by value, best first.
///
/// Policies. With the discounted ranking the policy of h is its optimal stationary policy at that γ.
/// With the limit ranking it is the optimal stationary policy at `policyDiscount` (0.999 by default):
/// among the policies that are optimal in the limit it prefers the better ones at large finite γ, as
/// a Blackwell-optimal policy does. Every such policy is checked: its mean reward from s₀ against
/// Murphy must equal the hypothesis's limit value exactly; when it does not, the discount is moved
/// closer to 1 (1 − (1 − γ)/10, at most six times) and the policy recomputed.
public struct HypothesisValuation: Sendable {
  public let space: HypothesisSpace
  public let ranking: Ranking
  /// The discount of the policies (and of ``values``).
  public let policyDiscount: Double
  /// The exact limit value of every hypothesis (limit ranking only).
  public let limitValues: [Rational]?
  /// values[h · stride + s] = V(h^s, γ) at ``policyDiscount``.
  public let values: [Double]
  /// policy[h · stride + s]: the action the policy of h takes in state s.
  public let policy: [UInt8]
  /// The value group of each hypothesis: 0 for the hypotheses of the highest value, 1 for the next, …
  public let rank: [Int32]
  /// The value of each group (limit value, or discounted value from s₀).
  public let groupValues: [Double]
  /// The exact value of each group (limit ranking only).
  public let groupExactValues: [Rational]?
  /// The hypotheses sorted by group, then id.
  public let order: [Int32]
  /// How many hypotheses needed a discount closer to 1 for a limit-optimal policy.
  public let policyRetries: Int

  /// - Parameters:
  ///   - policyDiscount: for the limit ranking, the discount whose optimal policies are used.
  ///   - topTieBreak: how ⊤'s policy chooses among its equally good (maxmin) actions.
  ///   - jobs: threads used to value the hypotheses (the result does not depend on it).
  /// - Throws: ``LabError/invalidInput(place:problem:)`` when the space does not fit the view, the
  ///   discount is not in (0, 1), the limit ranking meets payoffs that are not small fractions, or no
  ///   discount up to 1 − 10⁻⁹ gives a limit-optimal policy.
  public init(
    space: HypothesisSpace, view: AgentView, ranking: Ranking = .limit, policyDiscount: Double = 0.999, topTieBreak: TopTieBreak = .bestCase,
    jobs: Int = 1
  ) throws {
    let γ = try Self.validatedDiscount(space: space, view: view, ranking: ranking, policyDiscount: policyDiscount)
    let exact: [[Rational]]? = ranking == .limit ? try view.requireExactRewards() : nil
    self.space = space
    self.ranking = ranking
    self.policyDiscount = γ
    let solver = ActionDrivenSolver(space: space, reward: view.reward, exact: exact, topTieBreak: topTieBreak)
    let solved = try Self.solveAll(solver, discount: γ, checkLimit: exact != nil, jobs: jobs)
    self.values = solved.values
    self.policy = solved.policy
    self.limitValues = exact != nil ? solved.limits : nil
    self.policyRetries = solved.retries
    let groups = Self.groups(
      space: space, values: solved.values, limits: exact != nil ? solved.limits : nil,
      tolerance: 1e-12 * max(1, view.reward.joined().map(\.magnitude).max() ?? 1))
    self.rank = groups.rank
    self.groupValues = groups.values
    self.groupExactValues = groups.exact
    self.order = groups.order
  }

  /// The discount of the policies, after checking that the space fits the view.
  private static func validatedDiscount(space: HypothesisSpace, view: AgentView, ranking: Ranking, policyDiscount: Double) throws -> Double {
    guard space.actionCount == view.actionCount, space.observationCount == view.observationCount else {
      throw LabError.invalidInput(
        place: "HypothesisValuation",
        problem:
          "the space has \(space.actionCount) actions and \(space.observationCount) observations, player \(view.player + 1) has \(view.actionCount) and \(view.observationCount)"
      )
    }
    let γ: Double
    switch ranking {
    case .limit: γ = policyDiscount
    case .discounted(let d): γ = d
    }
    guard γ > 0 && γ < 1 else { throw LabError.invalidInput(place: "HypothesisValuation", problem: "the discount \(γ) must be in (0, 1)") }
    return γ
  }

  /// Every hypothesis valued, in chunks on `jobs` threads (the result does not depend on `jobs`).
  private static func solveAll(
    _ solver: ActionDrivenSolver, discount γ: Double, checkLimit: Bool, jobs: Int
  ) throws -> (values: [Double], policy: [UInt8], limits: [Rational], retries: Int) {
    let count = solver.space.count
    let stride = solver.space.stateStride
    let chunk = 2048
    let chunks = (count + chunk - 1) / chunk
    let parts = try Parallel.map(chunks, jobs: max(1, min(jobs, chunks))) { c -> ValuationChunk in
      var part = ValuationChunk()
      for h in c * chunk..<min(count, (c + 1) * chunk) {
        do { try part.append(solver.solve(h, discount: γ, checkLimit: checkLimit), stride: stride) } catch {
          throw error as? LabError ?? LabError.numerical(routine: "HypothesisValuation", problem: "\(error)")
        }
      }
      return part
    }
    var values: [Double] = []
    var policy: [UInt8] = []
    var limits: [Rational] = []
    var retries = 0
    values.reserveCapacity(count * stride)
    policy.reserveCapacity(count * stride)
    for part in parts {
      values += part.values
      policy += part.policy
      limits += part.limits
      retries += part.retries
    }
    return (values, policy, limits, retries)
  }

  /// The value groups, best first: exact limit values when given, else discounted values from s₀
  /// within `tolerance`.
  private static func groups(
    space: HypothesisSpace, values: [Double], limits: [Rational]?, tolerance: Double
  ) -> (rank: [Int32], values: [Double], exact: [Rational]?, order: [Int32]) {
    let count = space.count
    var ids = Array(0..<count)
    var rank = [Int32](repeating: 0, count: count)
    var groupValues: [Double] = []
    var groupExact: [Rational] = []
    if let limits {
      ids.sort { limits[$0] > limits[$1] || (limits[$0] == limits[$1] && $0 < $1) }
      for (position, h) in ids.enumerated() {
        if position == 0 || limits[h] != limits[ids[position - 1]] {
          groupValues.append(limits[h].doubleValue)
          groupExact.append(limits[h])
        }
        rank[h] = Int32(groupValues.count - 1)
      }
    } else {
      let initial = (0..<count).map { values[$0 * space.stateStride + space.initialState($0)] }
      ids.sort { initial[$0] > initial[$1] || (initial[$0] == initial[$1] && $0 < $1) }
      var previous = Double.infinity
      for h in ids {
        if initial[h] < previous - tolerance { groupValues.append(initial[h]) }
        previous = initial[h]
        rank[h] = Int32(groupValues.count - 1)
      }
      ids.sort { rank[$0] < rank[$1] || (rank[$0] == rank[$1] && $0 < $1) }
    }
    return (rank, groupValues, limits != nil ? groupExact : nil, ids.map(Int32.init))
  }

  /// V(h) as the ranking uses it (the limit value, or V(h, γ) from s₀).
  public func rankingValue(_ h: Int) -> Double { groupValues[Int(rank[h])] }

  /// The action the policy of h takes in state s.
  public func action(_ h: Int, state s: Int) -> Int { Int(policy[h * space.stateStride + s]) }

  /// V(h^s, γ) at the policy discount.
  public func value(_ h: Int, state s: Int) -> Double { values[h * space.stateStride + s] }
}

extension HypothesisSpace {
  /// The initial state of hypothesis h (0 except for caller-given hypotheses).
  func initialState(_ h: Int) -> Int { kinds[h] == .custom ? customs[Int(symbolStart[h])].initialState : 0 }
}

/// How ⊤'s policy chooses among its maxmin actions when several guarantee the same (the text's
/// minimax player in the Schelling pub "goes to X no matter what"; which action a tie gives is not
/// fixed by the text).
public enum TopTieBreak: String, ParameterChoice, Sendable {
  /// The action whose best allowed outcome pays most, then the lowest index (the notes' ambiguity 14:
  /// in the Schelling pub each friend's ⊤ goes to its own preferred pub).
  case bestCase
  /// The lowest-index action (a labelling convention: every ⊤ takes the first listed action).
  case lowestIndex
}

/// The per-hypothesis solutions of one chunk.
private struct ValuationChunk: Sendable {
  var values: [Double] = []
  var policy: [UInt8] = []
  var limits: [Rational] = []
  var retries = 0

  mutating func append(_ solution: (values: [Double], policy: [Int], limit: Rational?, retries: Int), stride: Int) {
    values += solution.values + Array(repeating: .nan, count: stride - solution.values.count)
    policy += solution.policy.map(UInt8.init) + Array(repeating: 0, count: stride - solution.policy.count)
    if let limit = solution.limit { limits.append(limit) }
    retries += solution.retries
  }
}

/// Solves the hypotheses of a space from its compact tables.
struct ActionDrivenSolver: Sendable {
  let space: HypothesisSpace
  let reward: [[Double]]
  let exact: [[Rational]]?
  let worst: [Double]
  let best: [Double]
  let exactWorst: [Rational]?
  let tolerance: Double
  let topTieBreak: TopTieBreak

  init(space: HypothesisSpace, reward: [[Double]], exact: [[Rational]]?, topTieBreak: TopTieBreak = .bestCase) {
    self.space = space
    self.topTieBreak = topTieBreak
    self.reward = reward
    self.exact = exact
    worst = reward.map { $0.min()! }
    best = reward.map { $0.max()! }
    exactWorst = exact?.map { $0.min()! }
    tolerance = 1e-12 * max(1, reward.joined().map(\.magnitude).max() ?? 1)
  }

  /// Values from every state, the policy, the exact limit value (when `checkLimit`), and the number
  /// of discount increases needed.
  func solve(_ h: Int, discount γ: Double, checkLimit: Bool) throws -> (values: [Double], policy: [Int], limit: Rational?, retries: Int) {
    if space.kind(h) == .custom {
      let rdp = space.hypothesis(h)
      let limit = checkLimit ? rdp.limitValue(reward: exact!) : nil
      var discount = γ
      for retry in 0...6 {
        let solution = rdp.robustValue(reward: reward, discount: discount)
        if !checkLimit || rdp.limitValue(of: solution.policy, reward: exact!) == limit! {
          return (solution.values, solution.policy, limit, retry)
        }
        discount = 1 - (1 - discount) / 10
      }
      throw LabError.numerical(routine: "HypothesisValuation", problem: "no limit-optimal policy found for custom hypothesis \(h)")
    }
    let S = space.stateCount(h)
    let A = space.actionCount
    let base = h * space.stateStride * A
    var choices: [[(weight: Double, next: Int)]] = []
    var bestCase: [[Double]] = []
    choices.reserveCapacity(S)
    for s in 0..<S {
      var options: [(weight: Double, next: Int)] = []
      var bests: [Double] = []
      for a in 0..<A {
        let entry = space.table[base + s * A + a]
        let code = Int(entry & 0xFF)
        let (low, high) = bounds(code, index: base + s * A + a, action: a)
        options.append((weight: low, next: Int(entry >> 8)))
        bests.append(high)
      }
      choices.append(options)
      bestCase.append(bests)
    }
    let limit = checkLimit ? limitValue(h) : nil
    var discount = γ
    for retry in 0...6 {
      var (values, policy) = DeterministicGraph.solve(choices: choices, discount: discount, maximise: true, tolerance: tolerance)
      // Tie-break among optimal actions: best best-case outcome, then lowest index (⊤: as `topTieBreak` says).
      var changed = false
      let byIndex = space.kind(h) == .top && topTieBreak == .lowestIndex
      for s in 0..<S {
        let q = choices[s].map { (1 - discount) * $0.weight + discount * values[$0.next] }
        let top = q.max()!
        let optimal = (0..<A).filter { q[$0] >= top - tolerance }
        let chosen =
          byIndex
          ? optimal[0]
          : optimal.max { bestCase[s][$0] < bestCase[s][$1] || (bestCase[s][$0] == bestCase[s][$1] && $0 > $1) }!
        if chosen != policy[s] {
          policy[s] = chosen
          changed = true
        }
      }
      if changed {
        values = DeterministicGraph.evaluate(
          next: (0..<S).map { choices[$0][policy[$0]].next },
          weight: (0..<S).map { choices[$0][policy[$0]].weight }, discount: discount)
      }
      guard let limit else { return (values, policy, nil, retry) }
      if policyMean(h, policy: policy) == limit { return (values, policy, limit, retry) }
      discount = 1 - (1 - discount) / 10
      if discount >= 1 - 1e-10 { break }
    }
    throw LabError.numerical(routine: "HypothesisValuation", problem: "no discount up to 1 − 10⁻⁹ gives a limit-optimal policy for \(space.label(h))")
  }

  /// The worst and best allowed reward of an entry with code `code`.
  private func bounds(_ code: Int, index: Int, action a: Int) -> (Double, Double) {
    switch code {
    case 0xFF: return (worst[a], best[a])
    case 0xFD:
      let allowed = (0..<space.observationCount).filter { space.generalMasks[index] & (1 << UInt64($0)) != 0 }.map { reward[a][$0] }
      return (allowed.min()!, allowed.max()!)
    default: return (reward[a][code], reward[a][code])
    }
  }

  /// The exact weight of (s, a): Murphy's worst allowed reward.
  private func exactWeight(_ h: Int, _ s: Int, _ a: Int) -> (weight: Rational, next: Int) {
    let index = (h * space.stateStride + s) * space.actionCount + a
    let entry = space.table[index]
    let code = Int(entry & 0xFF)
    switch code {
    case 0xFF: return (exactWorst![a], Int(entry >> 8))
    case 0xFD:
      let allowed = (0..<space.observationCount).filter { space.generalMasks[index] & (1 << UInt64($0)) != 0 }.map { exact![a][$0] }
      return (allowed.min()!, Int(entry >> 8))
    default: return (exact![a][code], Int(entry >> 8))
    }
  }

  /// The mean reward of the cycle the policy reaches from s₀ (Murphy cannot move the state).
  func policyMean(_ h: Int, policy: [Int]) -> Rational {
    var seen = [Int](repeating: -1, count: space.stateCount(h))
    var path: [Rational] = []
    var s = 0
    while seen[s] < 0 {
      seen[s] = path.count
      let (w, next) = exactWeight(h, s, policy[s])
      path.append(w)
      s = next
    }
    return Rational.mean(Array(path[seen[s]...]))
  }

  /// lim_{γ→1} V(h, γ) in closed form: the best mean reward of a cycle the agent can reach from s₀.
  ///
  /// - ⊤: the pure maxmin.
  /// - h_{p,l}: every cycle through s₀ types p₁ … p_j and then deviates (back to s₀), or types p,
  ///   follows the deal l₁ … l_{k−1} and deviates at l_k, or is the deal loop itself; the value is the
  ///   best mean of these n + m + 1 cycles, with Murphy's worst reward wherever B = O.
  /// - an opponent cycle: the mean of the agent's best replies to its observations.
  func limitValue(_ h: Int) -> Rational {
    let A = space.actionCount
    let worst = exactWorst!
    func deviation(_ designated: Int) -> Rational? {
      (0..<A).filter { $0 != designated }.map { worst[$0] }.max()
    }
    switch space.kind(h) {
    case .top:
      return worst.max()!
    case .opponentCycle:
      return Rational.mean(space.opponentCycle(h).map { o in (0..<A).map { exact![$0][o] }.max()! })
    case .custom:
      return space.hypothesis(h).limitValue(reward: exact!)
    case .password:
      let password = space.password(h)
      let loop = space.loop(h)
      let deal = loop.map { exact![$0.action][$0.observation] }
      var best = Rational.mean(deal)
      var typed = Rational.zero
      for (j, symbol) in password.enumerated() {
        if let d = deviation(symbol) {
          let mean = (typed + d) / Rational(j + 1)
          if best < mean { best = mean }
        }
        typed = typed + worst[symbol]
      }
      for (k, step) in loop.enumerated() {
        if let d = deviation(step.action) {
          let mean = (typed + d) / Rational(password.count + k + 1)
          if best < mean { best = mean }
        }
        typed = typed + deal[k]
      }
      return best
    }
  }
}
