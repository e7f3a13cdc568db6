import GameTheory
import LabKit

/// Table 1 of the paper: the prisoner's dilemma in donation form with gain G (cooperating costs the
/// cooperator 1 and gives the other G), its minimax values, and its feasible and individually rational
/// payoffs. The table itself is not in the available text; the notes (§2.1) reconstruct it as (G, G),
/// (0, G + 1), (G + 1, 0), (1, 1) from the introduction's numbers. GameTheory's
/// `NormalFormGame.prisonersDilemma(donation:)` builds it.
public struct PrisonersDilemmaExperiment: Experiment {
  public init() {}

  public let id = "sbc.base-game"
  public let title = "The prisoner's dilemma of Table 1: when it is one, expected payoffs, minimax values, payoff geometry"
  public let sections = ["Table 1", "§1", "notes §2.1"]

  public static let tableClaim = Claim(
    id: "sbc.table-1", source: "Table 1 (as reconstructed in the notes §2.1)", kind: .table,
    statement: "The Table 1 game is a prisoner's dilemma iff G > 1; each player's expected payoff is G·p_other + 1 − p_self (p = probability of cooperating); the minimax value is 1.")

  public var claims: [Claim] { [Self.tableClaim] }

  /// The gains at which "PD iff G > 1" is checked (around 1, and the paper's 3).
  public static let checkedGains: [Double] = [-1, 0, 0.5, 0.999, 1, 1.001, 1.5, 2, 3, 10]

  public var parameters: [Parameter] {
    [
      Parameter("gain", "G of Table 1 for the table and the payoff geometry (the introduction uses G = 3).",
                domain: .real(lower: 1, upper: 100, lowerIncluded: false, upperIncluded: true), default: .real(3)),
      Parameter("probabilitySteps", "The payoff identity is checked on a grid of (p_self, p_other) with this many steps per axis.",
                domain: .integer(1...1000), smoke: .integer(10), standard: .integer(50), paper: .integer(200)),
    ]
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let gain = context.parameters.real("gain")
    let steps = context.parameters.integer("probabilitySteps")
    let game = NormalFormGame.prisonersDilemma(donation: gain)

    // 1. Table 1 at G.
    var table = Table(id: "sbc.table-1.payoffs", title: "Table 1 at G = \(DecimalFormat.compact(gain)): (row player's payoff, column player's payoff)",
                      columns: ["", "cooperate", "defect"])
    for a in 0..<2 {
      table.append([.text(game.actions[0][a])] + (0..<2).map { b in
        .text("\(DecimalFormat.compact(game.payoff(0, [a, b]))), \(DecimalFormat.compact(game.payoff(1, [a, b])))")
      })
    }

    // 2. PD iff G > 1, over the checked gains.
    var pdTable = Table(id: "sbc.table-1.dilemma", title: "Is the Table 1 game a prisoner's dilemma (T > R > P > S and 2R > T + S)?",
                        columns: ["G", "T = G + 1", "R = G", "P", "S", "prisoner's dilemma", "G > 1", "minimax v₁", "minimax v₂"])
    var pdMatches = true
    var minimaxAtPD: [Double] = []
    for g in Self.checkedGains {
      let pd = NormalFormGame.prisonersDilemma(donation: g)
      let v = try [0, 1].map { try pd.minimax($0, exact: true).value }
      if g > 1 { minimaxAtPD += v }
      pdMatches = pdMatches && pd.isPrisonersDilemma == (g > 1)
      pdTable.append([.real(g, digits: 3), .real(g + 1, digits: 3), .real(g, digits: 3), 1, 0, .text(pd.isPrisonersDilemma ? "yes" : "no"),
                      .text(g > 1 ? "yes" : "no"), .real(v[0], digits: 6), .real(v[1], digits: 6)])
    }
    let minimaxIsOne = minimaxAtPD.allSatisfy { $0 == 1 }

    // 3. The payoff identity on a grid of independent mixed profiles.
    var largestError = 0.0
    for g in Self.checkedGains {
      let pd = NormalFormGame.prisonersDilemma(donation: g)
      for i in 0...steps {
        for j in 0...steps {
          let p = Double(i) / Double(steps), q = Double(j) / Double(steps)
          let payoffs = pd.expectedPayoffs([try MixedStrategy([p, 1 - p]), try MixedStrategy([q, 1 - q])])
          largestError = max(largestError, abs(payoffs[0] - (g * q + 1 - p)), abs(payoffs[1] - (g * p + 1 - q)))
        }
      }
    }

    // 4. Payoff geometry at G.
    let geometry = try TwoPlayerPayoffGeometry(game, exact: true)
    func points(_ list: [PayoffPoint]) -> String { list.map { "(\(DecimalFormat.compact($0.x)), \(DecimalFormat.compact($0.y)))" }.joined(separator: ", ") }
    var geometryTable = Table(id: "sbc.table-1.geometry", title: "Payoff geometry of Table 1 at G = \(DecimalFormat.compact(gain)) (player 1's payoff first)",
                              columns: ["set", "vertices"])
    geometryTable.append(["feasible payoffs", .text(points(geometry.feasibleSet.vertices))])
    geometryTable.append(["Pareto frontier", .text(points(geometry.paretoFrontier))])
    geometryTable.append(["minimax point", .text(points([geometry.minimax]))])
    geometryTable.append(["individually rational payoffs", .text(points(geometry.individuallyRational.vertices))])

    var chart = Chart(title: "Table 1 at G = \(DecimalFormat.compact(gain)): feasible and individually rational payoffs",
                      x: Axis(label: "player 1's payoff"), y: Axis(label: "player 2's payoff"), width: 560, height: 480)
    chart.polygon("feasible payoffs", geometry.feasibleSet.chartVertices, colour: .skyBlue)
    chart.polygon("individually rational (≥ minimax)", geometry.individuallyRational.chartVertices, colour: .orange)
    chart.line("Pareto frontier", geometry.paretoFrontier.map { (x: $0.x, y: $0.y) }, colour: .vermillion)
    chart.scatter("pure outcomes", game.profiles.map { (x: game.payoff(0, $0), y: game.payoff(1, $0)) }, colour: .black)
    chart.scatter("minimax point", [(x: geometry.minimax.x, y: geometry.minimax.y)], marker: .diamond, colour: .bluishGreen)
    chart.legendPlacement = .outsideRight

    let holds = pdMatches && largestError <= 1e-12 && minimaxIsOne
    let evidence = Evidence(
      summary: "Prisoner's dilemma exactly when G > 1 at all \(Self.checkedGains.count) checked gains: \(pdMatches ? "yes" : "no"). Largest difference between GameTheory's expected payoffs and G·p_other + 1 − p_self: \(DecimalFormat.compact(largestError, significant: 3)). Minimax value (GLPK's exact rational simplex) at every checked G > 1, both players: \(minimaxIsOne ? "exactly 1" : "not always 1").",
      measurements: [.init("PD iff G > 1", pdMatches), .init("largest payoff-identity error", largestError),
                     .init("minimax values at G > 1", .array(minimaxAtPD.map { .number($0) })),
                     .init("individually rational vertices at G", points(geometry.individuallyRational.vertices))],
      tolerance: "exact for the PD test and the minimax values; 1e-12 for the payoff identity",
      sampleSize: Self.checkedGains.count * (steps + 1) * (steps + 1))
    return ExperimentResult(
      tables: [table, pdTable, geometryTable],
      figures: [Figure(id: "sbc.payoff-geometry", title: "Table 1 at G = \(DecimalFormat.compact(gain)): feasible and individually rational payoffs", svg: chart.svg())],
      claims: [ClaimResult(Self.tableClaim, .checking(holds), evidence)])
  }
}
