import GameTheory
import LabKit

extension ThresholdExampleExperiment {
  func exampleTable(_ base: Outcome) -> Table {
    let e = base.example!
    var table = Table(
      id: "sbc.thresholds.example", title: "The introduction's example: thresholds (X/2, 3X/4), perceived difference X/4 + N",
      columns: ["quantity", "text", "closed form", "generic meta game (exact)", "simulation", "99% interval"])
    let textValues = base.width == 1 && base.uniform ? ["1/4", "1/2"] : ["–", "–"]
    let exact = [e.exact.0, e.exact.1], generic = [e.generic.0, e.generic.1], payoffs = [e.exactPayoffs.0, e.exactPayoffs.1]
    for player in 0..<2 {
      let interval = e.simulated!.firstActionFrequencies[player]
      table.append([
        .text("P(player \(player + 1) cooperates)"), .text(textValues[player]), .real(exact[player], digits: 6), .real(generic[player], digits: 6),
        .real(interval.estimate, digits: 6), .text(interval.bracket(digits: 4)),
      ])
    }
    for player in 0..<2 {
      let interval = e.simulated!.utilities[player]
      table.append([
        .text("player \(player + 1)'s payoff"), "–", .real(payoffs[player], digits: 6), .real(e.genericPayoffs[player], digits: 6),
        .real(interval.estimate, digits: 6), .text(interval.bracket(digits: 4)),
      ])
    }
    return table
  }

  func intuitionTable(_ base: Outcome) -> Table {
    var table = Table(
      id: "sbc.thresholds.intuition", title: "Deviating from (X, X) to θ₁ = X − d at G = \(Self.f(base.gain))",
      columns: ["d / X", "own extra defection", "opponent's extra defection", "ratio", "own payoff change"])
    for r in base.intuition {
      table.append([
        .real(r.d, digits: 2), .real(r.own, digits: 4), .real(r.opponent, digits: 4),
        .text(r.own > 0 ? DecimalFormat.fixed(r.opponent / r.own, digits: 4) : "–"), .real(r.change, digits: 4),
      ])
    }
    return table
  }

  func mapTable(_ base: Outcome) -> Table {
    let grid = base.map.grid
    let restricted = Self.equilibria(base.map, restricted: true), real = Self.equilibria(base.map, restricted: false)
    let asymmetricRestricted = restricted.filter { $0.0 != $0.1 }, asymmetricReal = real.filter { $0.0 != $0.1 }
    let nonnegative = grid.filter { $0 >= 0 }.count
    var table = Table(
      id: "sbc.thresholds.map",
      title: "Equilibria among threshold profiles on the grid [−X/2, 3X/2]² (step \(Self.f((grid[1] - grid[0]) / base.width)) X)",
      columns: ["policy class", "profiles", "equilibria", "symmetric", "asymmetric", "asymmetric with a threshold > 0"])
    table.append([
      "thresholds θ ≥ 0", .integer(nonnegative * nonnegative), .integer(restricted.count),
      .integer(restricted.count - asymmetricRestricted.count), .integer(asymmetricRestricted.count), .integer(asymmetricRestricted.count),
    ])
    table.append([
      "every real threshold", .integer(grid.count * grid.count), .integer(real.count), .integer(real.count - asymmetricReal.count),
      .integer(asymmetricReal.count), .integer(asymmetricReal.filter { $0.0 > 0 || $0.1 > 0 }.count),
    ])
    return table
  }

  func responseTable(_ base: Outcome) -> Table {
    var table = Table(
      id: "sbc.thresholds.best-responses", title: "Player 1's best responses to θ₂ (in units of X): computed, and the notes' closed form (§3.2)",
      columns: ["G", "θ₂ / X", "lowest", "highest", "closed form"])
    for r in base.responseRows {
      table.append([
        .real(r.gain, digits: 2), .real(r.theta, digits: 2), .real(r.lowest, digits: 4), .real(r.highest, digits: 4),
        .text(base.uniform ? Self.closedFormBestResponse(gain: r.gain, theta: r.theta) : "–"),
      ])
    }
    return table
  }

  /// The notes' table (§3.2, item 4) of best responses inside the threshold class, U[0, X], θ₂ ≥ 0, in units of X.
  static func closedFormBestResponse(gain g: Double, theta: Double) -> String {
    if g > 2 { return theta <= 2 ? f(min(theta, 1)) : "[1, \(f(theta / 2))]" }
    if g == 2 { return theta <= 2 ? "[\(f(theta / 2)), \(f(min(theta, 1)))]" : "[1, \(f(theta / 2))]" }
    return "–"
  }

  /// Contour lines of player 1's payoff over (θ₁, θ₂), the equilibria as points.
  func landscapeChart(_ map: EquilibriumMap, equilibria: [(Double, Double)], gain: Double, width: Double, noiseName: String) -> String {
    let grid = map.grid
    let scaled = grid.map { $0 / width }
    // values[iy][ix] with x = θ₁ (row index i of `rows`), y = θ₂.
    let values = grid.indices.map { j in grid.indices.map { i in map.rows[i][j].u1 } }
    var chart = Chart(
      title: "Player 1's payoff V₁(θ₁, θ₂) at G = \(DecimalFormat.compact(gain)), noise \(noiseName)",
      x: Axis(label: "θ₁ / X (player 1's threshold)", range: -0.5...1.5), y: Axis(label: "θ₂ / X (player 2's threshold)", range: -0.5...1.5),
      width: 640, height: 560)
    let top = values.flatMap { $0 }.max() ?? 1
    let levels = stride(from: 0.25, to: top, by: 0.5).map { $0 }
    for (k, level) in levels.enumerated() {
      let colour = ColourScale.viridis.colour(at: levels.count > 1 ? Double(k) / Double(levels.count - 1) : 0)
      chart.line("V₁ = \(DecimalFormat.compact(level))", ContourLines.polyline(xs: scaled, ys: scaled, values: values, level: level), colour: colour)
    }
    let symmetric = equilibria.filter { $0.0 == $0.1 }
    let asymmetric = equilibria.filter { $0.0 != $0.1 }
    chart.scatter("symmetric equilibria", symmetric.map { (x: $0.0 / width, y: $0.1 / width) }, colour: .vermillion)
    if !asymmetric.isEmpty {
      chart.scatter("asymmetric equilibria", asymmetric.map { (x: $0.0 / width, y: $0.1 / width) }, marker: .triangle, colour: .reddishPurple)
    }
    if noiseName == "U[0, X]" { chart.text("V₁ = 1 wherever θ₁ ≤ 0 or θ₂ ≤ 0", at: (x: 0.55, y: -0.25)) }
    chart.legendPlacement = .outsideRight
    return chart.svg()
  }

  func bestResponseChart(_ curve: [(x: Double, low: Double, high: Double)], gain: Double, noiseName: String) -> String {
    var chart = Chart(
      title: "Player 1's best responses to θ₂ at G = \(DecimalFormat.compact(gain)), noise \(noiseName)",
      x: Axis(label: "θ₂ / X (player 2's threshold)"), y: Axis(label: "θ₁ / X (player 1's best responses)"), width: 620, height: 460)
    chart.band(nil, x: curve.map(\.x), lower: curve.map(\.low), upper: curve.map(\.high), colour: .skyBlue)
    chart.line("smallest best response", curve.map { (x: $0.x, y: $0.low) }, colour: .blue)
    chart.line("largest best response", curve.map { (x: $0.x, y: $0.high) }, dashed: true, colour: .vermillion)
    chart.line("θ₁ = θ₂", [(x: -0.5, y: -0.5), (x: 3, y: 3)], dashed: true, colour: .grey)
    chart.legendPlacement = .topLeft
    return chart.svg()
  }
}
