import GameTheory
import LabKit

/// The post's "Strategic Time": the same Prisoner's Dilemma under three information structures.
/// Simultaneous play (no information flow) is solved by its pure Nash equilibria; sequential play
/// (the second player observes the first move) by backward induction; the open-source loop (each
/// program reads the other's source) by FairBot against FairBot. A fourth row shows the loop built
/// by simulation instead of proof search (MirrorBot against MirrorBot), which never returns.
struct StrategicTimeExperiment: Experiment {
  init() {}

  let id = "ma.strategic-time"
  let title = "The Prisoner's Dilemma under simultaneous, sequential and loopy information flow"
  let sections = ["the post: Strategic Time", "the post: Strategic Time Loops"]

  static let simulationBudget = ParameterKey<Int>("simulationBudget")

  static let structuresClaim = Claim(
    id: "ma.information-structures", source: "the post, Strategic Time", kind: .claim,
    statement:
      "Information flow decides the outcome: choosing simultaneously (Nash) or in sequence (backward induction) the Prisoner's Dilemma ends in (D, D); in the open-source time loop, where both condition on each other's output, the FairBot pair reaches (C, C), which is not a Nash equilibrium.",
    class: .consistency(
      because:
        "for any payoffs T > R > P > S defection strictly dominates, so (D, D) is the only Nash equilibrium and the only backward-induction outcome, and FairBot(FairBot) ↔ □FairBot(FairBot) has the fixed point ⊤ by Löb's theorem; the exact solvers can disagree only through a bug"
    ),
    control: Control("a stag hunt in place of the PD (T and R swapped, so (C, C) is a Nash equilibrium): the same check must fail"))

  var claims: [Claim] { [Self.structuresClaim] }

  var parameters: [Parameter] {
    PrisonersDilemmaPayoffs.parameters + [
      Parameter(Self.simulationBudget, "Program runs allowed to the simulating pair.", domain: .integer(1...1_000_000_000), default: 1_000_000)
    ]
  }

  /// The outcomes of one game under the three information structures.
  struct Structures: Sendable {
    let game: NormalFormGame
    let equilibria: [[Int]]
    let rowFirst: (profile: [Int], policy: [Int])
    let columnFirst: (profile: [Int], policy: [Int])
    let loop: [Int]

    var loopIsNash: Bool { game.isNashEquilibrium(loop) }
    /// The claim's check: (D, D) simultaneously and in sequence, (C, C) in the loop, not a Nash equilibrium.
    var holds: Bool {
      let defection = [1, 1]
      return equilibria == [defection] && rowFirst.profile == defection && columnFirst.profile == defection && loop == [0, 0] && !loopIsNash
    }
  }

  struct Outcome: Sendable {
    let structures: Structures
    /// The same check on a stag hunt (the negative control).
    let stagHunt: Structures
    let mirrors: SimulationAgent.Outcome
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let game = PrisonersDilemmaPayoffs.game(p)
    let stagHunt = NormalFormGame.prisonersDilemma(
      reward: p[PrisonersDilemmaPayoffs.temptation], sucker: p[PrisonersDilemmaPayoffs.sucker],
      temptation: p[PrisonersDilemmaPayoffs.reward], punishment: p[PrisonersDilemmaPayoffs.punishment],
      actions: ["C", "D"])
    let mirrors = SimulationAgent.mirrorBot.play(against: .mirrorBot, budget: p[Self.simulationBudget])
    return Outcome(structures: try Self.solve(game), stagHunt: try Self.solve(stagHunt), mirrors: mirrors)
  }

  /// Nash equilibria, backward induction with either leader, and the FairBot loop.
  static func solve(_ game: NormalFormGame) throws -> Structures {
    // Sequential: the follower best-responds to each observed move; the leader anticipates it.
    func backwardInduction(leader: Int) -> (profile: [Int], policy: [Int]) {
      let follower = 1 - leader
      func profile(_ l: Int, _ f: Int) -> [Int] { leader == 0 ? [l, f] : [f, l] }
      let policy = moveNames.indices.map { l in
        moveNames.indices.max { game.payoff(follower, profile(l, $0)) < game.payoff(follower, profile(l, $1)) }!
      }
      let l = moveNames.indices.max { game.payoff(leader, profile($0, policy[$0])) < game.payoff(leader, profile($1, policy[$1])) }!
      return (profile(l, policy[l]), policy)
    }
    let fairBots = try Competition(AgentLibrary.fairBot, AgentLibrary.fairBot).solve()
    return Structures(
      game: game, equilibria: game.pureNashEquilibria(), rowFirst: backwardInduction(leader: 0),
      columnFirst: backwardInduction(leader: 1), loop: [fairBots.firstMove.actionIndex, fairBots.secondMove.actionIndex])
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let s = outcomes.base.structures
    let game = s.game
    func name(_ profile: [Int]) -> String { "(\(moveNames[profile[0]]), \(moveNames[profile[1]]))" }
    func payoffs(_ profile: [Int]) -> String { "(" + game.payoffs(profile).map { DecimalFormat.compact($0) }.joined(separator: ", ") + ")" }

    var table = Table(
      id: "ma.strategic-time.structures", title: "One Prisoner's Dilemma, four information structures",
      columns: ["information flow", "how the outcome is decided", "outcome", "payoffs", "Nash equilibrium of the PD"])
    table.append([
      .text("simultaneous: neither sees the other's choice"), .text("pure Nash equilibria"),
      .text(s.equilibria.map(name).joined(separator: ", ")), .text(s.equilibria.map(payoffs).joined(separator: ", ")), .text("yes"),
    ])
    for (label, result) in [
      ("sequential: the column player sees the row player's move", s.rowFirst),
      ("sequential: the row player sees the column player's move", s.columnFirst),
    ] {
      let policy = result.policy.enumerated().map { "\(moveNames[$0.offset]) → \(moveNames[$0.element])" }.joined(separator: ", ")
      table.append([
        .text(label), .text("backward induction (follower's policy \(policy))"), .text(name(result.profile)),
        .text(payoffs(result.profile)), .text(game.isNashEquilibrium(result.profile) ? "yes" : "no"),
      ])
    }
    table.append([
      .text("loop, proof search: FairBot vs FairBot"), .text("modal fixed point on the Kripke chain"), .text(name(s.loop)),
      .text(payoffs(s.loop)), .text(s.loopIsNash ? "yes" : "no"),
    ])
    let mirrorText: String
    switch outcomes.base.mirrors {
    case .finished(let move, let steps): mirrorText = "returns \(move.letter) after \(steps) runs"
    case .budgetExhausted(let steps): mirrorText = "none: budget of \(steps) runs exhausted"
    }
    table.append([
      .text("loop, simulation: MirrorBot vs MirrorBot"), .text("run the other program and copy it"), .text(mirrorText), .text("–"), .text("–"),
    ])

    let stag = outcomes.base.stagHunt
    let evidence = Evidence(
      summary:
        "Simultaneous play: pure Nash equilibria \(s.equilibria.map(name).joined(separator: ", ")). Sequential play: \(name(s.rowFirst.profile)) when the row player moves first and \(name(s.columnFirst.profile)) when the column player does. Open-source loop: FairBot vs FairBot \(name(s.loop)) with payoffs \(payoffs(s.loop)), \(s.loopIsNash ? "a" : "not a") Nash equilibrium of the PD. The simulating loop (MirrorBot pair) gives \(mirrorText). Control, a stag hunt (T and R swapped): Nash equilibria \(stag.equilibria.map(name).joined(separator: ", ")), so the check \(stag.holds ? "still passes" : "fails") there.",
      measurements: [
        .init("simultaneous", s.equilibria.map(name).joined(separator: ", ")), .init("sequential, row first", name(s.rowFirst.profile)),
        .init("sequential, column first", name(s.columnFirst.profile)), .init("open-source loop (FairBot pair)", name(s.loop)),
        .init("loop outcome is a Nash equilibrium", s.loopIsNash),
      ],
      tolerance: "exact", sampleSize: 4)
    let claim = ClaimResult(
      Self.structuresClaim, map: .single(.checking(s.holds), n: 4),
      control: ControlResult(Self.structuresClaim.control!, verdict: .checking(stag.holds)), evidence: evidence)
    return ExperimentResult(tables: [table], claims: [claim])
  }
}
