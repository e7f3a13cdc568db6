import GameTheory
import LabKit

/// The post's "Strategic Time": the same Prisoner's Dilemma under three information structures.
/// Simultaneous play (no information flow) is solved by its pure Nash equilibria; sequential play
/// (the second player observes the first move) by backward induction; the open-source loop (each
/// program reads the other's source) by FairBot against FairBot. A fourth row shows the loop built
/// by simulation instead of proof search (MirrorBot against MirrorBot), which never returns.
public struct InformationStructuresExperiment: Experiment {
  public init() {}

  public let id = "ma.strategic-time"
  public let title = "The Prisoner's Dilemma under simultaneous, sequential and loopy information flow"
  public let sections = ["the post: Strategic Time", "the post: Strategic Time Loops"]

  public static let structuresClaim = Claim(
    id: "ma.information-structures", source: "the post, Strategic Time", kind: .claim,
    statement: "Information flow decides the outcome: choosing simultaneously (Nash) or in sequence (backward induction) the Prisoner's Dilemma ends in (D, D); in the open-source time loop, where both condition on each other's output, the FairBot pair reaches (C, C), which is not a Nash equilibrium.")

  public var claims: [Claim] { [Self.structuresClaim] }

  public var parameters: [Parameter] {
    PrisonersDilemmaPayoffs.parameters + [
      Parameter("simulationBudget", "Program runs allowed to the simulating pair.", domain: .integer(1...1_000_000_000), default: .integer(1_000_000)),
    ]
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let game = PrisonersDilemmaPayoffs.game(context.parameters)
    func name(_ profile: [Int]) -> String { "(\(moveNames[profile[0]]), \(moveNames[profile[1]]))" }
    func payoffs(_ profile: [Int]) -> String { "(" + game.payoffs(profile).map { DecimalFormat.compact($0) }.joined(separator: ", ") + ")" }

    // Simultaneous: the pure Nash equilibria.
    let equilibria = game.pureNashEquilibria()
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
    let rowFirst = backwardInduction(leader: 0)
    let columnFirst = backwardInduction(leader: 1)
    // Open source: FairBot vs FairBot, and MirrorBot vs MirrorBot.
    let fairBots = try Competition(AgentLibrary.fairBot, AgentLibrary.fairBot).solve()
    let loop = [fairBots.firstMove.actionIndex, fairBots.secondMove.actionIndex]
    let budget = context.parameters.integer("simulationBudget")
    let mirrors = SimulationAgent.mirrorBot.play(against: .mirrorBot, budget: budget)

    var table = Table(id: "ma.strategic-time.structures", title: "One Prisoner's Dilemma, four information structures",
                      columns: ["information flow", "how the outcome is decided", "outcome", "payoffs", "Nash equilibrium of the PD"])
    table.append([.text("simultaneous: neither sees the other's choice"), .text("pure Nash equilibria"),
                  .text(equilibria.map(name).joined(separator: ", ")), .text(equilibria.map(payoffs).joined(separator: ", ")), .text("yes")])
    for (label, result) in [("sequential: the column player sees the row player's move", rowFirst),
                            ("sequential: the row player sees the column player's move", columnFirst)] {
      let policy = result.policy.enumerated().map { "\(moveNames[$0.offset]) → \(moveNames[$0.element])" }.joined(separator: ", ")
      table.append([.text(label), .text("backward induction (follower's policy \(policy))"), .text(name(result.profile)),
                    .text(payoffs(result.profile)), .text(game.isNashEquilibrium(result.profile) ? "yes" : "no")])
    }
    table.append([.text("loop, proof search: FairBot vs FairBot"), .text("modal fixed point on the Kripke chain"), .text(name(loop)),
                  .text(payoffs(loop)), .text(game.isNashEquilibrium(loop) ? "yes" : "no")])
    let mirrorText: String
    switch mirrors {
    case .finished(let move, let steps): mirrorText = "returns \(move.letter) after \(steps) runs"
    case .budgetExhausted(let steps): mirrorText = "none: budget of \(steps) runs exhausted"
    }
    table.append([.text("loop, simulation: MirrorBot vs MirrorBot"), .text("run the other program and copy it"), .text(mirrorText), .text("–"), .text("–")])

    let defection = [1, 1]
    let holds = equilibria == [defection] && rowFirst.profile == defection && columnFirst.profile == defection
      && loop == [0, 0] && !game.isNashEquilibrium(loop)
    let evidence = Evidence(
      summary: "Simultaneous play: pure Nash equilibria \(equilibria.map(name).joined(separator: ", ")). Sequential play: \(name(rowFirst.profile)) when the row player moves first and \(name(columnFirst.profile)) when the column player does. Open-source loop: FairBot vs FairBot \(name(loop)) with payoffs \(payoffs(loop)), \(game.isNashEquilibrium(loop) ? "a" : "not a") Nash equilibrium of the PD. The simulating loop (MirrorBot pair) gives \(mirrorText).",
      measurements: [
        .init("simultaneous", equilibria.map(name).joined(separator: ", ")), .init("sequential, row first", name(rowFirst.profile)),
        .init("sequential, column first", name(columnFirst.profile)), .init("open-source loop (FairBot pair)", name(loop)),
        .init("loop outcome is a Nash equilibrium", game.isNashEquilibrium(loop)),
      ],
      tolerance: "exact", sampleSize: 4)
    return ExperimentResult(tables: [table], claims: [ClaimResult(Self.structuresClaim, .checking(holds), evidence)])
  }
}
