import LabKit

/// §3.1.1 of Numerical Politics: the posterior over both players' policies and private states given a
/// history "can be separated into players":
///
///     P(π_x, π_y, σ_x, σ_y | H) = P(π_x, σ_x | H) P(π_y, σ_y | H),
///
/// with P(π_x, σ_x | H) ∝ Π_i π_x(a_2i | σ(a_<2i, σ_x)) P(π_x) P(σ_x) (first mover, even positions) and
/// the same over odd positions for the initiator, each normalised over its own player's (π, σ).
/// It holds because the likelihood is a product of one factor per player and the prior is independent.
///
/// This type holds a finite instance (finite policy and state sets with priors, and a history), the
/// joint posterior by brute-force enumeration of all (π_x, π_y, σ_x, σ_y) and the per-player posteriors
/// by the text's formulas, so the identity and the "max joint posterior is the max of the individual
/// posteriors" remark can be checked numerically.
public struct PosteriorSeparation: Sendable {
  /// A concrete private state ("hunger") that evolves deterministically with the history, σ(H, σ_0):
  /// states 0 ..< `states`; a hit received raises it by one (up to states − 1), corn received lowers it
  /// by one (down to 0); other moves and the player's own moves leave it unchanged.
  public struct Hunger: Sendable {
    public let states: Int
    public init(states: Int) {
      precondition(states >= 1, "PosteriorSeparation.Hunger: at least one state")
      self.states = states
    }

    /// σ(a_<i, σ_0) for the player who moves at position `position` of `history`.
    public func state(before position: Int, of history: [EncounterMove], start: Int) -> Int {
      var state = start
      var j = 1 - position % 2  // the other player's moves: positions of the other parity
      while j < position {
        switch history[j] {
        case .hit: state = min(states - 1, state + 1)
        case .giveCorn: state = max(0, state - 1)
        default: break
        }
        j += 2
      }
      return state
    }
  }

  /// A policy that depends on the private state and the node: π(a | σ, code).
  public struct StatefulPolicy: Sendable {
    public var maximumMoves: Int
    /// Rows `σ · codes + code.index`, 7 moves each.
    public var probabilities: [Double]

    public init(maximumMoves: Int, probabilities: [Double]) {
      self.maximumMoves = maximumMoves
      self.probabilities = probabilities
    }

    public func probability(of move: EncounterMove, at code: HistoryCode, state: Int) -> Double {
      probabilities[(state * HistoryCode.count(maximumMoves: maximumMoves) + code.index) * EncounterMove.count + move.rawValue]
    }

    /// Every row an independent Dirichlet(1, …, 1) draw.
    public static func random(states: Int, maximumMoves: Int, random: Random) -> StatefulPolicy {
      let ones = [Double](repeating: 1, count: EncounterMove.count)
      var table: [Double] = []
      for _ in 0..<(states * HistoryCode.count(maximumMoves: maximumMoves)) { table += random.dirichlet(ones) }
      return StatefulPolicy(maximumMoves: maximumMoves, probabilities: table)
    }
  }

  /// One player's hypotheses: policies with their prior, and start states with theirs.
  public struct Player: Sendable {
    public var policies: [StatefulPolicy]
    public var policyPrior: [Double]
    public var hunger: Hunger
    public var statePrior: [Double]

    public init(policies: [StatefulPolicy], policyPrior: [Double], hunger: Hunger, statePrior: [Double]) {
      precondition(
        policies.count == policyPrior.count && hunger.states == statePrior.count,
        "PosteriorSeparation.Player: one prior weight per policy and per state")
      self.policies = policies
      self.policyPrior = policyPrior
      self.hunger = hunger
      self.statePrior = statePrior
    }
  }

  public var first: Player
  public var second: Player
  public var history: [EncounterMove]

  public init(first: Player, second: Player, history: [EncounterMove]) {
    self.first = first
    self.second = second
    self.history = history
  }

  /// Π over the moves of `parity` of π(a_i | σ(a_<i, σ_0), c_i).
  static func likelihood(_ policy: StatefulPolicy, hunger: Hunger, start: Int, history: [EncounterMove], parity: Int) -> Double {
    var product = 1.0
    var i = parity
    while i < history.count {
      let state = hunger.state(before: i, of: history, start: start)
      product *= policy.probability(of: history[i], at: HistoryCode(position: i, last: i > 0 ? history[i - 1] : nil), state: state)
      i += 2
    }
    return product
  }

  /// The joint posterior P(π_x, π_y, σ_x, σ_y | H) by enumeration, indexed
  /// [((x · |Π_y| + y) · |S_x| + σ_x) · |S_y| + σ_y]: the full likelihood P(H | π_x, π_y, σ_x, σ_y) (every
  /// move, each from its mover's policy in its mover's state) times the four priors, over P(H).
  ///
  /// `coupling` > 0 perturbs the model for the negative control: the joint prior gives (1 + coupling)
  /// times the weight to pairs of policies with the same index, so that the players are no longer
  /// independent a priori and the posterior must not separate.
  public func jointPosterior(coupling: Double = 0) -> [Double] {
    var joint: [Double] = []
    for (x, px) in first.policies.enumerated() {
      for (y, py) in second.policies.enumerated() {
        for sx in 0..<first.hunger.states {
          for sy in 0..<second.hunger.states {
            var likelihood = 1.0
            for i in history.indices {
              let code = HistoryCode(position: i, last: i > 0 ? history[i - 1] : nil)
              likelihood *=
                i % 2 == 0
                ? px.probability(of: history[i], at: code, state: first.hunger.state(before: i, of: history, start: sx))
                : py.probability(of: history[i], at: code, state: second.hunger.state(before: i, of: history, start: sy))
            }
            let coupled = x == y ? 1 + coupling : 1
            joint.append(likelihood * coupled * first.policyPrior[x] * second.policyPrior[y] * first.statePrior[sx] * second.statePrior[sy])
          }
        }
      }
    }
    let evidence = joint.reduce(0, +)
    return joint.map { $0 / evidence }
  }

  /// The text's per-player posterior P(π, σ | H) for the player moving at positions of `parity`,
  /// indexed [policy · |S| + σ].
  public func playerPosterior(parity: Int) -> [Double] {
    let player = parity == 0 ? first : second
    var posterior: [Double] = []
    for (p, policy) in player.policies.enumerated() {
      for s in 0..<player.hunger.states {
        posterior.append(
          Self.likelihood(policy, hunger: player.hunger, start: s, history: history, parity: parity) * player.policyPrior[p] * player.statePrior[s])
      }
    }
    let evidence = posterior.reduce(0, +)
    return posterior.map { $0 / evidence }
  }

  /// The largest |joint − product of the per-player posteriors| over all (π_x, π_y, σ_x, σ_y), and
  /// whether the joint MAP is the pair of per-player MAPs.
  public func check(coupling: Double = 0) -> (maximumDifference: Double, mapsAgree: Bool) {
    let joint = jointPosterior(coupling: coupling)
    let x = playerPosterior(parity: 0)
    let y = playerPosterior(parity: 1)
    var worst = 0.0
    for i in x.indices {
      for j in y.indices {
        // joint index ((px · |Πy| + py) · |Sx| + sx) · |Sy| + sy with i = px · |Sx| + sx, j = py · |Sy| + sy.
        let (px, sx) = i.quotientAndRemainder(dividingBy: first.hunger.states)
        let (py, sy) = j.quotientAndRemainder(dividingBy: second.hunger.states)
        let index = ((px * second.policies.count + py) * first.hunger.states + sx) * second.hunger.states + sy
        worst = max(worst, abs(joint[index] - x[i] * y[j]))
      }
    }
    let jointMAP = joint.indices.max { joint[$0] < joint[$1] }!
    let xMAP = x.indices.max { x[$0] < x[$1] }!
    let yMAP = y.indices.max { y[$0] < y[$1] }!
    let (px, sx) = xMAP.quotientAndRemainder(dividingBy: first.hunger.states)
    let (py, sy) = yMAP.quotientAndRemainder(dividingBy: second.hunger.states)
    let pairIndex = ((px * second.policies.count + py) * first.hunger.states + sx) * second.hunger.states + sy
    return (worst, jointMAP == pairIndex)
  }

  /// A random instance: `policies` random stateful policies and a Dirichlet(1) prior over them for each
  /// player, `states` hunger states with a Dirichlet(1) prior, and a history of uniformly random moves
  /// played until the rules end the encounter.
  public static func random(policies: Int, states: Int, maximumMoves: Int, random: Random) -> PosteriorSeparation {
    func player() -> Player {
      Player(
        policies: (0..<policies).map { _ in StatefulPolicy.random(states: states, maximumMoves: maximumMoves, random: random) },
        policyPrior: random.dirichlet([Double](repeating: 1, count: policies)), hunger: Hunger(states: states),
        statePrior: random.dirichlet([Double](repeating: 1, count: states)))
    }
    let first = player()
    let second = player()
    let history = EncounterPlay.play(maximumMoves: maximumMoves) { _, _ in EncounterMove(rawValue: random.index(below: EncounterMove.count))! }
    return PosteriorSeparation(first: first, second: second, history: history)
  }
}
