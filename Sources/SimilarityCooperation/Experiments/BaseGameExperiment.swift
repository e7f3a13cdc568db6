import GameTheory
import LabKit

/// Table 1 of the paper: the prisoner's dilemma in donation form with gain G (cooperating costs the
/// cooperator 1 and gives the other G), its minimax values, and its feasible and individually rational
/// payoffs. The table itself is not in the available text; the notes (§2.1) reconstruct it as (G, G),
/// (0, G + 1), (G + 1, 0), (1, 1) from the introduction's numbers. GameTheory's
/// `NormalFormGame.prisonersDilemma(donation:)` builds it.
struct BaseGameExperiment: Experiment {
  /// One checked gain: is the game a prisoner's dilemma, and its minimax values.
  struct GainRow: Sendable { let gain: Double; let isDilemma: Bool; let minimax: [Double] }
  struct Outcome: Sendable {
    let gain: Double
    let game: NormalFormGame
    let rows: [GainRow]
    /// The largest difference between GameTheory's expected payoffs and G·p_other + 1 − p_self, and (the control) G·p_other − p_self.
    let largestError: Double
    let wrongFormulaError: Double
    let samples: Int
    let geometry: TwoPlayerPayoffGeometry
  }

  let id = "sbc.base-game"
  let title = "The prisoner's dilemma of Table 1: when it is one, expected payoffs, minimax values, payoff geometry"
  let sections = ["Table 1", "§1", "notes §2.1"]

  static let gain = ParameterKey<Double>("gain")
  static let probabilitySteps = ParameterKey<Int>("probabilitySteps")

  static let tableClaim = Claim(
    id: "sbc.table-1", source: "Table 1 (as reconstructed in the notes §2.1)", kind: .table,
    statement:
      "The Table 1 game is a prisoner's dilemma iff G > 1; each player's expected payoff is G·p_other + 1 − p_self (p = probability of cooperating); the minimax value is 1.",
    class: .consistency(
      because:
        "the table is built from these payoffs (the donation game), so the PD test, the payoff identity and the minimax value follow by algebra; the check can fail only through a bug in GameTheory's payoffs, PD test or exact LP"
    ),
    control: Control("a wrong payoff formula, G·p_other − p_self (the constant dropped): the same check against it"))

  var claims: [Claim] { [Self.tableClaim] }

  /// The gains at which "PD iff G > 1" is checked (around 1, and the paper's 3).
  static let checkedGains: [Double] = [-1, 0, 0.5, 0.999, 1, 1.001, 1.5, 2, 3, 10]

  var parameters: [Parameter] {
    [
      Parameter(
        Self.gain, "G of Table 1 for the table and the payoff geometry (the introduction uses G = 3).",
        domain: .real(lower: 1, upper: 100, lowerIncluded: false, upperIncluded: true), default: 3),
      Parameter(
        Self.probabilitySteps, "The payoff identity is checked on a grid of (p_self, p_other) with this many steps per axis.",
        domain: .integer(1...1000), smoke: 10, standard: 50, paper: 200),
    ]
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let gain = context.parameters[Self.gain]
    let steps = context.parameters[Self.probabilitySteps]
    let rows = try Self.checkedGains.map { g in
      let pd = NormalFormGame.prisonersDilemma(donation: g)
      return GainRow(gain: g, isDilemma: pd.isPrisonersDilemma, minimax: try [0, 1].map { try pd.minimax($0, exact: true).value })
    }
    var (largest, wrong) = (0.0, 0.0)
    for g in Self.checkedGains {
      let pd = NormalFormGame.prisonersDilemma(donation: g)
      for i in 0...steps {
        for j in 0...steps {
          let p = Double(i) / Double(steps), q = Double(j) / Double(steps)
          let payoffs = pd.expectedPayoffs([try MixedStrategy([p, 1 - p]), try MixedStrategy([q, 1 - q])])
          largest = max(largest, abs(payoffs[0] - (g * q + 1 - p)), abs(payoffs[1] - (g * p + 1 - q)))
          wrong = max(wrong, abs(payoffs[0] - (g * q - p)), abs(payoffs[1] - (g * p - q)))
        }
      }
    }
    let game = NormalFormGame.prisonersDilemma(donation: gain)
    return Outcome(
      gain: gain, game: game, rows: rows, largestError: largest, wrongFormulaError: wrong,
      samples: Self.checkedGains.count * (steps + 1) * (steps + 1), geometry: try TwoPlayerPayoffGeometry(game, exact: true))
  }

  /// The check: PD exactly when G > 1, the payoff formula within 1e-12, minimax exactly 1 at every G > 1.
  static func holds(_ o: Outcome, error: Double) -> Bool {
    o.rows.allSatisfy { $0.isDilemma == ($0.gain > 1) } && error <= 1e-12 && o.rows.filter { $0.gain > 1 }.allSatisfy { $0.minimax == [1, 1] }
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let game = o.game
    func c(_ x: Double) -> String { DecimalFormat.compact(x) }
    var table = Table(
      id: "sbc.table-1.payoffs", title: "Table 1 at G = \(c(o.gain)): (row player's payoff, column player's payoff)",
      columns: ["", "cooperate", "defect"])
    for a in 0..<2 {
      table.append([.text(game.actions[0][a])] + (0..<2).map { b in .text("\(c(game.payoff(0, [a, b]))), \(c(game.payoff(1, [a, b])))") })
    }
    var pdTable = Table(
      id: "sbc.table-1.dilemma", title: "Is the Table 1 game a prisoner's dilemma (T > R > P > S and 2R > T + S)?",
      columns: ["G", "T = G + 1", "R = G", "P", "S", "prisoner's dilemma", "G > 1", "minimax v₁", "minimax v₂"])
    for r in o.rows {
      pdTable.append([
        .real(r.gain, digits: 3), .real(r.gain + 1, digits: 3), .real(r.gain, digits: 3), 1, 0, .text(r.isDilemma ? "yes" : "no"),
        .text(r.gain > 1 ? "yes" : "no"), .real(r.minimax[0], digits: 6), .real(r.minimax[1], digits: 6),
      ])
    }
    let pdMatches = o.rows.allSatisfy { $0.isDilemma == ($0.gain > 1) }
    let minimaxAtPD = o.rows.filter { $0.gain > 1 }.flatMap(\.minimax)
    let evidence = Evidence(
      summary:
        "Prisoner's dilemma exactly when G > 1 at all \(Self.checkedGains.count) checked gains: \(pdMatches ? "yes" : "no"). Largest difference between GameTheory's expected payoffs and G·p_other + 1 − p_self: \(DecimalFormat.compact(o.largestError, significant: 3)) (control, against G·p_other − p_self: \(DecimalFormat.compact(o.wrongFormulaError, significant: 3))). Minimax value (GLPK's exact rational simplex) at every checked G > 1, both players: \(minimaxAtPD.allSatisfy { $0 == 1 } ? "exactly 1" : "not always 1").",
      measurements: [
        .init("PD iff G > 1", pdMatches), .init("largest payoff-identity error", o.largestError),
        .init("minimax values at G > 1", .array(minimaxAtPD.map { .number($0) })),
        .init("individually rational vertices at G", Self.points(o.geometry.individuallyRational.vertices)),
      ],
      tolerance: "exact for the PD test and the minimax values; 1e-12 for the payoff identity", sampleSize: o.samples)
    return ExperimentResult(
      tables: [table, pdTable, geometryTable(o)],
      figures: [
        Figure(id: "sbc.payoff-geometry", title: "Table 1 at G = \(c(o.gain)): feasible and individually rational payoffs", drawing: chart(o))
          .captioned(
            "G is Table 1's gain: each player's payoff is G·p_other + 1 − p_self, where p is the probability of cooperating. Feasible payoffs: the convex hull of the four pure outcomes' payoffs; individually rational: the feasible payoffs at or above both players' minimax values (the minimax point); the Pareto frontier: the feasible payoffs no other feasible payoff improves for one player without hurting the other."
          )
      ],
      claims: [
        ClaimResult(
          Self.tableClaim, map: .single(.checking(Self.holds(o, error: o.largestError)), estimate: o.largestError, n: o.samples),
          control: ControlResult(Self.tableClaim.control!, verdict: .checking(Self.holds(o, error: o.wrongFormulaError))), evidence: evidence)
      ])
  }

  static func points(_ list: [PayoffPoint]) -> String {
    list.map { "(\(DecimalFormat.compact($0.x)), \(DecimalFormat.compact($0.y)))" }.joined(separator: ", ")
  }

  func geometryTable(_ o: Outcome) -> Table {
    var table = Table(
      id: "sbc.table-1.geometry", title: "Payoff geometry of Table 1 at G = \(DecimalFormat.compact(o.gain)) (player 1's payoff first)",
      columns: ["set", "vertices"])
    table.append(["feasible payoffs", .text(Self.points(o.geometry.feasibleSet.vertices))])
    table.append(["Pareto frontier", .text(Self.points(o.geometry.paretoFrontier))])
    table.append(["minimax point", .text(Self.points([o.geometry.minimax]))])
    table.append(["individually rational payoffs", .text(Self.points(o.geometry.individuallyRational.vertices))])
    return table
  }

  func chart(_ o: Outcome) -> Chart {
    let (geometry, game) = (o.geometry, o.game)
    var chart = Chart(
      title: "Table 1 at G = \(DecimalFormat.compact(o.gain)): feasible and individually rational payoffs",
      x: Axis(label: "player 1's payoff"), y: Axis(label: "player 2's payoff"), width: 820, height: 500)
    chart.polygon("feasible payoffs", geometry.feasibleSet.chartVertices, colour: .skyBlue)
    chart.polygon("individually rational", geometry.individuallyRational.chartVertices, colour: .orange)
    chart.line("Pareto frontier", geometry.paretoFrontier.map { (x: $0.x, y: $0.y) }, colour: .vermillion)
    chart.scatter("pure outcomes", game.profiles.map { (x: game.payoff(0, $0), y: game.payoff(1, $0)) }, colour: .black)
    chart.scatter("minimax point", [(x: geometry.minimax.x, y: geometry.minimax.y)], marker: .diamond, colour: .bluishGreen)
    chart.legendPlacement = .outsideRight
    return chart
  }
}
