import LabKit

/// The tables, figures and evidence of ``ScaleExperiment``.
extension ScaleExperiment {
  /// One row per size: counted work per player-step by component, memory, the harvest and taxes.
  static func costTable(_ sized: [Outcome], context: RunContext) -> Table {
    let timed = sized.first?.timed ?? false
    var table = Table(
      id: "sed.scale.costs",
      title:
        "Counted cost of the design loop against the number of players (\(context.parameters[horizon])-step rollouts, \(context.parameters[updates]) PPO updates per size, shared 363-32-8 policy, fixed rates 0.1/0.25/0.37)",
      columns: [
        "map copies", "players", "player-steps learned", "work per player-step", "environment", "encoding", "acting", "learning",
        "memory (MB)", "bytes per player", "apples per player-step", "taxes per player-step",
      ] + (timed ? ["seconds", "player-steps learned per second"] : []))
    for o in sized {
      let steps = Double(max(1, o.cost.playerSteps))
      let c = o.cost
      table.append(
        [
          .integer(o.copies), .integer(o.players), .integer(c.playerSteps), .real(Double(c.work) / steps, digits: 1),
          .real(Double(c.environment) / steps, digits: 2), .real(Double(c.encoding) / steps, digits: 1), .real(Double(c.acting) / steps, digits: 1),
          .real(Double(c.learning) / steps, digits: 1), .real(Double(c.bytes) / 1e6, digits: 2),
          .real(Double(c.bytes) / Double(o.players), digits: 0),
          .real(c.apples / steps, digits: 4), .real(c.taxes / steps, digits: 4),
        ] + (timed ? [.real(o.seconds, digits: 2), .real(steps / o.seconds, digits: 0)] : []))
    }
    return table
  }

  static func fitsTable(_ trends: [Trend]) -> Table {
    var fits = Table(
      id: "sed.scale.fits", title: "Fitted scaling laws cost ∝ players^b (least squares on log–log axes, 95% intervals)",
      columns: ["cost", "exponent b", "95% interval"])
    for t in trends {
      fits.append([
        .text(t.reading[0].value), .real(t.estimate, digits: 3),
        .text("[\(DecimalFormat.fixed(t.lower, digits: 3)), \(DecimalFormat.fixed(t.upper, digits: 3))]"),
      ])
    }
    return fits
  }

  /// Counted cost per player-step and bytes per player against players (and, when timed, the measured
  /// player-steps learned per second).
  static func figures(_ sized: [Outcome], timed: Bool) -> [Figure] {
    let players = sized.map { Double($0.players) }
    let perStep = { (o: Outcome, part: Int) -> Double in Double(part) / Double(max(1, o.cost.playerSteps)) }
    var chart = Chart(
      title: "Counted cost per player-step learned against the number of players", x: Axis(label: "players", scale: .logarithmic),
      y: Axis(label: "per player-step: work units; per player: memory bytes", scale: .logarithmic))
    chart.line("work per player-step (all)", x: players, y: sized.map { perStep($0, $0.cost.work) }, colour: .vermillion)
    chart.scatter(nil, x: players, y: sized.map { perStep($0, $0.cost.work) }, colour: .vermillion)
    chart.line(
      "learning multiply-adds per player-step", x: players, y: sized.map { perStep($0, $0.cost.learning) }, dashed: true, colour: .reddishPurple)
    chart.line("memory bytes per player", x: players, y: sized.map { Double($0.cost.bytes) / Double($0.players) }, colour: .blue)
    chart.scatter(nil, x: players, y: sized.map { Double($0.cost.bytes) / Double($0.players) }, colour: .blue)
    chart.line(
      "control: work per player-step", x: players, y: sized.map { $0.control.work / Double(max(1, $0.cost.playerSteps)) }, dashed: true, colour: .grey
    )
    var figures = [
      Figure(id: "sed.scale.cost-per-player-step", title: "Counted learning cost per player-step against the number of players", drawing: chart)
        .captioned(
          "A player-step is one player acting for one step of a rollout that the shared policy learns from. Work units are counted operations (the world's updates, window cells encoded, network multiply-adds when acting and learning, and per-player bookkeeping), not time; memory bytes are those held at the peak of an update. The control gives every player its own centralised critic over all players' observations, whose cost grows with the square of the number of players."
        )
    ]
    if timed {
      var speed = Chart(
        title: "Player-steps learned per second against the number of players (this machine)", x: Axis(label: "players", scale: .logarithmic),
        y: Axis(label: "player-steps learned per second", scale: .logarithmic))
      speed.line("player-steps learned per second", x: players, y: sized.map { Double($0.cost.playerSteps) / $0.seconds })
      speed.scatter(nil, x: players, y: sized.map { Double($0.cost.playerSteps) / $0.seconds })
      figures.append(Figure(id: "sed.scale.throughput", title: "Player-steps learned per second against the number of players", drawing: speed))
    }
    return figures
  }

  static func evidence(_ sized: [Outcome], trends: [Trend]) -> Evidence {
    let largest = sized.last
    let fitted = trends.map {
      "\($0.reading[0].value) ∝ n^\(DecimalFormat.fixed($0.estimate, digits: 3)) [\(DecimalFormat.fixed($0.lower, digits: 3)), \(DecimalFormat.fixed($0.upper, digits: 3))]"
    }
    let perStep = largest.map { DecimalFormat.fixed(Double($0.cost.work) / Double(max(1, $0.cost.playerSteps)), digits: 0) } ?? "0"
    return Evidence(
      summary: "From \(sized.first?.players ?? 0) to \(largest?.players ?? 0) players learning with one shared policy under a fixed tax schedule: "
        + fitted.joined(separator: ", ")
        + "; \(perStep) counted work units per player-step and \(DecimalFormat.fixed(Double(largest?.cost.bytes ?? 0) / 1e6, digits: 0)) MB at the largest size.",
      measurements: [.init("largest number of players", largest?.players ?? 0)]
        + trends.map { .init("\($0.reading[0].value) exponent", lower: $0.lower, upper: $0.upper) },
      tolerance: "95% interval of each log–log slope at most 1.1 (fixed in advance); straddling 1.1 is inconclusive", sampleSize: sized.count)
  }
}
