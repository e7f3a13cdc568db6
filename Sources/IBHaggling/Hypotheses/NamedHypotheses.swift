import GameTheory
import LabKit

/// The hypotheses the text defines or uses as examples, as sharp infra-RDPs of one agent: actions
/// 0 ..< |A_i|, observations 0 ..< |O| (the others' joint actions, see ``AgentView``).
extension SharpInfraRDP {
  /// The simple password hypothesis h_p of the text (§Which hypotheses are in the hypothesis space),
  /// for a game with a unique Pareto-optimal profile a:
  ///
  ///     S = {s₀, s₁, …, s_n}
  ///     B(s, b) = {a_{−i}} if s = s_n and b = a_i;  O otherwise
  ///     T(s_k, b, o) = s_{k+1} if k < n and b = p_{k+1};  s_n if k = n and b = a_i;  s₀ otherwise
  ///
  /// "If the agent enters the password p, the others will play the Pareto-optimal strategy as long as
  /// the agent itself plays the Pareto-optimal action." State k is s_k.
  ///
  /// - Parameters:
  ///   - password: p ∈ A_i^n, n ≥ 1 (the text's X* has no empty sequence).
  ///   - paretoAction: a_i.
  ///   - paretoObservation: a_{−i}, as an observation index.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for an empty password or an action or
  ///   observation out of range.
  public static func simplePassword(
    _ password: [Int], paretoAction: Int, paretoObservation: Int,
    actionCount: Int, observationCount: Int
  ) throws -> SharpInfraRDP {
    let place = "simple password hypothesis h_p"
    try checkPassword(password, actionCount: actionCount, place: place)
    guard (0..<actionCount).contains(paretoAction), (0..<observationCount).contains(paretoObservation) else {
      throw LabError.invalidInput(place: place, problem: "Pareto-optimal action \(paretoAction) or observation \(paretoObservation) out of range")
    }
    let n = password.count
    return try SharpInfraRDP(
      stateCount: n + 1, actionCount: actionCount, observationCount: observationCount, initialState: 0,
      possible: { s, b in s == n && b == paretoAction ? [paretoObservation] : Set(0..<observationCount) },
      transition: { k, b, _ in
        if k < n && b == password[k] { return k + 1 }
        if k == n && b == paretoAction { return n }
        return 0
      })
  }

  /// The password hypothesis h_{p,l} of the text (§Which hypotheses are in the hypothesis space):
  /// password p = p₁ … p_n ∈ A_i^n and deal loop l = a^{(1)}_i, a^{(1)}_{−i}, …, a^{(m)}_i, a^{(m)}_{−i}:
  ///
  ///     S = {s₀, …, s_{n−1}, l₁, …, l_m}, initial state s₀
  ///     B(s, b) = {a^{(k)}_{−i}} if s = l_k and b = a^{(k)}_i;  O otherwise
  ///     T(s, b, o) = s_{k+1}  if s = s_k, k < n − 1, b = p_{k+1}
  ///                  l₁       if s = s_{n−1}, b = p_n
  ///                  l_{k+1}  if s = l_k, k < m, b = a^{(k)}_i   (the text prints "k < m − 1": a typo)
  ///                  l₁       if s = l_m, b = a^{(m)}_i
  ///                  s₀       otherwise
  ///
  /// Any deviation, in the password or in the deal, restarts at s₀, and there is no prefix overlap
  /// (a wrong symbol goes to s₀ even when it equals p₁). States 0 ..< n are s₀ … s_{n−1}; states
  /// n ..< n + m are l₁ … l_m.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for an empty password or loop, or a symbol
  ///   out of range.
  public static func password(
    _ password: [Int], loop: [(action: Int, observation: Int)],
    actionCount: Int, observationCount: Int
  ) throws -> SharpInfraRDP {
    let place = "password hypothesis h_{p,l}"
    try checkPassword(password, actionCount: actionCount, place: place)
    guard !loop.isEmpty else { throw LabError.invalidInput(place: place, problem: "the loop l must have at least one step") }
    if let bad = loop.first(where: { !(0..<actionCount).contains($0.action) || !(0..<observationCount).contains($0.observation) }) {
      throw LabError.invalidInput(place: place, problem: "loop step \(bad) is not an (action, observation) pair of this game")
    }
    let n = password.count
    let m = loop.count
    return try SharpInfraRDP(
      stateCount: n + m, actionCount: actionCount, observationCount: observationCount, initialState: 0,
      possible: { s, b in
        if s >= n, b == loop[s - n].action { return [loop[s - n].observation] }
        return Set(0..<observationCount)
      },
      transition: { s, b, _ in
        if s < n {
          guard b == password[s] else { return 0 }
          return s < n - 1 ? s + 1 : n
        }
        let k = s - n  // l_{k+1}
        guard b == loop[k].action else { return 0 }
        return k < m - 1 ? s + 1 : n
      })
  }

  private static func checkPassword(_ password: [Int], actionCount: Int, place: String) throws {
    guard !password.isEmpty else {
      throw LabError.invalidInput(place: place, problem: "the password must have at least one symbol (the text's X* excludes the empty sequence)")
    }
    if let bad = password.first(where: { !(0..<actionCount).contains($0) }) {
      throw LabError.invalidInput(place: place, problem: "password symbol \(bad) is not one of the actions 0..<\(actionCount)")
    }
  }

  /// "The other player plays `machine`" for a deterministic 2 × 2 machine of GameTheory (the text's
  /// example: "my opponent follows the tit-for-tat strategy" is a deterministic RDP). The agent's
  /// actions and observations are C = 0, D = 1; the hypothesis's states are the machine's, B(s, a) is
  /// the machine's move in s, and T follows the machine's transition on the round as the machine saw
  /// it (its own move first).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a machine that draws random moves.
  public static func opponent(_ machine: FiniteMemoryStrategy) throws -> SharpInfraRDP {
    guard machine.isDeterministic else {
      throw LabError.invalidInput(
        place: "opponent hypothesis \(machine.name)", problem: "a randomised machine is not a deterministic RDP; only ⊤ covers it")
    }
    let moves = machine.cooperationProbabilities.map { $0 == 1 ? 0 : 1 }
    let transitions = machine.transitions
    return try SharpInfraRDP(
      stateCount: machine.stateCount, actionCount: 2, observationCount: 2, initialState: machine.initialState,
      possible: { s, _ in [moves[s]] },
      transition: { s, a, o in transitions[s][o << 1 | a] })
  }

  /// An opponent that plays the observations of `cycle` in turn, whatever the agent does: with
  /// cycle = C^{n−1} D it is the text's "deterministic bot who cooperates n−1 times and then defects
  /// once", the closest representable hypothesis to the 1/n-defect bot.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for an empty cycle or an observation out of range.
  public static func opponentCycle(_ cycle: [Int], actionCount: Int, observationCount: Int) throws -> SharpInfraRDP {
    guard !cycle.isEmpty, cycle.allSatisfy({ (0..<observationCount).contains($0) }) else {
      throw LabError.invalidInput(place: "opponent cycle", problem: "\(cycle) must be a non-empty sequence of observations 0..<\(observationCount)")
    }
    return try SharpInfraRDP(
      stateCount: cycle.count, actionCount: actionCount, observationCount: observationCount, initialState: 0,
      possible: { s, _ in [cycle[s]] }, transition: { s, _, _ in (s + 1) % cycle.count })
  }
}

/// The regular decision processes of the text's examples, in the PD with C = 0 and D = 1.
enum ExampleProcesses {
  /// "My opponent follows the tit-for-tat strategy", written as an RDP with point-mass kernels:
  /// state 0 = the opponent cooperates next, state 1 = it defects next; the next state copies the
  /// agent's action. Start in state 0 (tit-for-tat cooperates first).
  static let titForTat: RegularDecisionProcess = try! RegularDecisionProcess(
    stateCount: 2, actionCount: 2, observationCount: 2, initialState: 0,
    kernel: { s, _ in s == 0 ? [1, 0] : [0, 1] }, transition: { _, a, _ in a })

  /// The ε-defect bot of the text (defect with probability ε, cooperate otherwise), as an RDP with a
  /// single state. It is an RDP, but not a sharp infra-RDP: its support is all of O, so the only sharp
  /// hypothesis that never risks falsification by it is one allowing everything (⊤).
  static func epsilonDefect(_ ε: Double) throws -> RegularDecisionProcess {
    guard ε > 0 && ε < 1 else { throw LabError.invalidInput(place: "ε-defect bot", problem: "ε = \(ε) must be in (0, 1)") }
    return try RegularDecisionProcess(
      stateCount: 1, actionCount: 2, observationCount: 2, kernel: { _, _ in [1 - ε, ε] }, transition: { _, _, _ in 0 })
  }
}
