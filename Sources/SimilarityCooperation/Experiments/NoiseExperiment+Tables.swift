import Foundation
import GameTheory
import LabKit

extension NoiseExperiment {
  func uniformTable(_ base: Outcome) -> Table {
    var table = Table(
      id: "sbc.noise.uniform", title: "Uniform noise on [0, X]: is full cooperation (X, X) an equilibrium?",
      columns: [
        "G", "equilibrium at X = " + Self.checkedWidths.map { Self.f($0) }.joined(separator: ", "),
        "largest deviation gain", "1 − G/2 (notes)", "best deviation / X",
      ])
    for g in Self.checkedGains {
      let rows = base.full.filter { $0.gain == g }
      let gains = rows.map(\.gain1)
      table.append([
        .real(g, digits: 2), .text(rows.map { $0.equilibrium ? "yes" : "no" }.joined(separator: ", ")),
        .text("\(Self.f(gains.min()!, 6)) … \(Self.f(gains.max()!, 6))"), .text(g < 2 ? Self.f(1 - g / 2, 6) : "–"),
        .text(g < 2 ? rows.map { Self.f($0.deviation / $0.width, 6) }.joined(separator: ", ") : "–"),
      ])
    }
    return table
  }

  func meanZeroTable(_ base: Outcome) -> Table {
    var table = Table(
      id: "sbc.noise.mean-zero", title: "The most cooperative symmetric ε-equilibrium at G = \(Self.f(base.critical)), by noise",
      columns: ["noise", "mean", "mode", "largest θ / scale at ε = 1e-6, 1e-9, 1e-12", "P(cooperate) at ε = 1e-6, 1e-9, 1e-12"])
    for r in base.meanZero.frontiers + (base.control?.frontiers ?? []) + base.compared {
      table.append([
        .text(r.noise), .text(r.mean.map { Self.f($0) } ?? "none"), .text(Self.f(r.mode)),
        .text(r.thetas.map { $0.map { Self.f($0 / r.scale, 4) } ?? "none" }.joined(separator: ", ")),
        .text(r.cooperation.map { DecimalFormat.fixed($0, digits: 6) }.joined(separator: ", ")),
      ])
    }
    return table
  }

  func sweepTable(_ base: Outcome) -> Table {
    var table = Table(
      id: "sbc.noise.gain-sweep", title: "The most cooperative symmetric equilibrium (ε = 1e-12) against G (N(0, 1) and U[0, 1] noise)",
      columns: ["G", "Gaussian: largest θ / σ", "Gaussian: P(cooperate)", "uniform: P(cooperate)"])
    for (g, v) in zip(base.sweep, base.sweepValues) where (g * 100).rounded().truncatingRemainder(dividingBy: 50) == 0 {
      table.append([
        .real(g, digits: 2), .text(v.1.isNaN ? "none" : DecimalFormat.fixed(v.1, digits: 4)), .real(v.0, digits: 4), .real(v.2, digits: 4),
      ])
    }
    return table
  }

  func regionHeatmap(_ base: Outcome) -> String {
    let (gains, noises) = (Self.mapGains, Self.mapNoises)
    var heatmap = Heatmap(
      title: "Most cooperative symmetric threshold equilibrium (ε = 1e-12): probability of cooperating",
      rows: noises.map { "\($0.0 == .uniform ? "U[0, X]" : "N(0, σ²)"), \($0.0 == .uniform ? "X" : "σ") = \(Self.f($0.1))" },
      columns: gains.map { "G = \(Self.f($0))" },
      values: noises.indices.map { r in Array(base.mapValues[(r * gains.count)..<((r + 1) * gains.count)]) },
      xLabel: "G (Table 1)", yLabel: "noise", cellLabelDigits: 2, width: 700, height: 380)
    heatmap.valueRange = 0...1
    heatmap.colourBarLabel = "P(cooperate)"
    return heatmap.svg()
  }

  func sweepChart(_ base: Outcome) -> String {
    let (sweep, sweepValues) = (base.sweep, base.sweepValues)
    var chart = Chart(
      title: "Most cooperative symmetric threshold equilibrium against G",
      x: Axis(label: "G (Table 1)"), y: Axis(label: "P(cooperate) in the equilibrium", range: 0...1.05), width: 620, height: 420)
    // Both curves jump at G = 2: the lines break there (a NaN point) instead of joining the two sides.
    func broken(_ values: [Double]) -> [(x: Double, y: Double)] {
      var points: [(x: Double, y: Double)] = []
      for (g, v) in zip(sweep, values) {
        if g >= 2, let last = points.last, last.x < 2 { points.append((x: 2, y: .nan)) }
        points.append((x: g, y: v))
      }
      return points
    }
    chart.line("Gaussian noise (any σ)", broken(sweepValues.map(\.0)), colour: .blue)
    chart.scatter(nil, zip(sweep, sweepValues).filter { $0.0 == 2 }.map { (x: $0.0, y: $0.1.0) }, colour: .blue)
    chart.line("uniform noise on [0, X] (any X)", broken(sweepValues.map(\.2)), dashed: true, colour: .vermillion)
    chart.scatter(nil, zip(sweep, sweepValues).filter { $0.0 == 2 }.map { (x: $0.0, y: $0.1.2) }, colour: .vermillion)
    chart.referenceLine(y: 0.5, label: "1/2")
    chart.referenceLine(x: 2, label: "G = 2")
    chart.legendPlacement = .bottomRight

    return chart.svg()
  }
}
