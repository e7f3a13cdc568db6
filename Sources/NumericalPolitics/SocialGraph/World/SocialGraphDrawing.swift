import Foundation
import LabKit

/// The social graph at the end of a run, drawn: agents on a circle in order of their land (least at
/// the right, going anticlockwise), ties as chords coloured by the direction of the net labour that
/// flowed along them (ties that carried less than `labourShown` net labour in either direction count
/// as carrying none, so that occasional exploratory gifts do not colour the whole graph), agents
/// coloured by how much land they hold.
public enum SocialGraphDrawing {
  /// At most this many agents are drawn (the first ones by index, a uniform sample since agents are
  /// exchangeable), so that a paper-scale graph stays legible.
  public static let maximumAgents = 80
  /// Net labour below which a tie is drawn as carrying none.
  public static let labourShown = 1.0

  public static func figure(_ outcome: SocialGraphOutcome, agents: Int) -> Figure {
    let shown = min(agents, maximumAgents)
    let order = (0..<shown).sorted { (outcome.lands[$0], $0) < (outcome.lands[$1], $1) }
    var position = [Int: (x: Double, y: Double)]()
    for (rank, agent) in order.enumerated() {
      let angle = 2 * Double.pi * Double(rank) / Double(shown)
      position[agent] = (cos(angle), sin(angle))
    }
    var chart = Chart(
      title:
        "The social graph at the end of the first base run\(agents > shown ? " (the first \(shown) of \(agents) agents and the ties among them)" : "")",
      x: Axis(label: "agents ordered by land, anticlockwise from the right (least land first)", range: -1.25...1.25),
      y: Axis(label: "", range: -1.25...1.25), width: 900, height: 620)
    let nan = (x: Double.nan, y: Double.nan)
    var none: [(x: Double, y: Double)] = [], outward: [(x: Double, y: Double)] = [], inward: [(x: Double, y: Double)] = []
    for tie in outcome.ties {
      guard let a = position[tie.initiator], let b = position[tie.responder] else { continue }
      if tie.labourGiven >= labourShown {
        outward += [a, b, nan]
      } else if tie.labourGiven <= -labourShown {
        inward += [a, b, nan]
      } else {
        none += [a, b, nan]
      }
    }
    chart.line("tie, net labour < \(DecimalFormat.compact(labourShown))", none, colour: Colour(hex: 0xD0D0D0))
    chart.line("tie, labour to the responder", outward, colour: .vermillion)
    chart.line("tie, labour to the initiator", inward, colour: .blue)
    let classes: [(String, (Double) -> Bool, Colour)] = [
      ("agent with land < 1", { $0 < 1 - 1e-9 }, .orange), ("agent with land 1", { abs($0 - 1) <= 1e-9 }, .grey),
      ("agent with land > 1", { $0 > 1 + 1e-9 }, .bluishGreen),
    ]
    for (name, test, colour) in classes {
      let points = order.filter { test(outcome.lands[$0]) }.map { position[$0]! }
      if !points.isEmpty { chart.scatter(name, points, colour: colour) }
    }
    return Figure(id: "np.ch3.social-graph", title: "The social graph at the end of a run, ties coloured by net labour flow", drawing: chart)
  }
}
