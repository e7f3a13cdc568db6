import Foundation
import LabKit

/// The end of one run of the chapter-3 world, drawn as the feudalism signature of §3.2: each agent's
/// land against the net labour it received over the run (labour received minus labour given), agents
/// coloured by how much land they hold. Feudalism shows as landed agents above the zero line (they
/// receive labour) and landless ones below it (they give it); the experiment's judgement tests the
/// same relation as corr(land, net labour in) > 0. (The world's ties, drawn as chords of a circle,
/// made an unreadable tangle at 100 agents, so the figure shows the flows they carried per agent.)
public enum SocialGraphDrawing {
  public static func figure(_ outcome: SocialGraphOutcome, agents: Int) -> Figure {
    var chart = Chart(
      title: "Land against net labour received at the end of the first base run (one point per agent, \(agents) agents)",
      x: Axis(label: "land held at the end"), y: Axis(label: "net labour received over the run (received − given)"),
      width: 900, height: 560)
    let classes: [(String, (Double) -> Bool, Colour)] = [
      ("agent with land < 1", { $0 < 1 - 1e-9 }, .orange), ("agent with land 1", { abs($0 - 1) <= 1e-9 }, .grey),
      ("agent with land > 1", { $0 > 1 + 1e-9 }, .bluishGreen),
    ]
    for (name, test, colour) in classes {
      let points = outcome.lands.indices.filter { test(outcome.lands[$0]) }.map { (x: outcome.lands[$0], y: outcome.netLabourIn[$0]) }
      if !points.isEmpty { chart.scatter(name, points, colour: colour) }
    }
    chart.referenceLine(y: 0, label: "gives as much labour as it receives")
    return Figure(id: "np.ch3.land-labour", title: "Land against net labour received at the end of a run (the feudalism signature)", drawing: chart)
      .captioned(
        "One point per agent at the end of the first base run. Net labour received = labour received from other agents minus labour given to them, over the whole run; land is in the text's units (each agent begins with one unit). Feudalism (§3.2) shows as landed agents above the zero line and landless agents below it."
      )
  }
}
