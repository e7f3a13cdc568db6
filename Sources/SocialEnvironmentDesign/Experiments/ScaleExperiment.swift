import Foundation
import LabKit

/// §5 of Social Environment Design: "Can the framework handle simulating economies with thousands or
/// millions of agents? What is the role of scale?" The Apple Picking Game is played on maps made of
/// copies of the paper's map, 7 players per copy (the paper's density).
///
/// Cost is counted deterministically, as in the project's other cost experiments: the memory held by
/// the world (bytes) and the work per step (player updates, apple cells scanned for regrowth, and
/// window cells scanned by the players), so committed outputs do not depend on the machine. With
/// `timed` = true the wall-clock steps per second are measured too (the output then varies between
/// runs); `reproduce bench` measures them at 7 and 112 000 players.
///
/// Standard fixed in advance: a limit claim over the number of copies. The exponents b of memory ∝ n^b
/// and work per step ∝ n^b (least-squares slopes on log–log axes, with their 95 % intervals) are at
/// most 1.1: holds; above: fails. Control: players that interact with every other player every step
/// (an all-pairs model: memory and work multiplied by the number of players), whose cost grows quadratically. Only the environment is scaled here:
/// nothing that learns.
struct ScaleExperiment: Experiment {
  static let copies = ParameterKey<Int>("copies")
  static let steps = ParameterKey<Int>("steps")
  static let timed = ParameterKey<Bool>("timed")

  let id = "sed.scale"
  let title = "Memory and work per step against the number of players"
  let sections = ["§5"]

  static let scalingClaim = Claim(
    id: "sed.scaling", source: "§5 (\"thousands or millions of agents\")", kind: .conjecture,
    statement:
      "The framework scales to economies of thousands or more agents: cost per step grows in proportion to the number of agents on proportionally larger maps.",
    class: .empirical,
    control: Control(
      "players that interact with every other player every step (an all-pairs model), so memory and work are multiplied by the number of players"),
    sizes: [copies.erased])

  var claims: [Claim] { [Self.scalingClaim] }

  var parameters: [Parameter] {
    [
      Parameter(Self.copies, "Copies of the map (7 players each).", domain: .integer(1...200_000), smoke: 100, standard: 10_000, paper: 160_000),
      Parameter(Self.steps, "Steps played at each size.", domain: .integer(1...100_000), smoke: 10, standard: 20, paper: 200),
      Parameter(Self.timed, "Also measure wall-clock steps per second (makes the output machine-dependent).", domain: .boolean, default: false),
    ]
  }

  var sizes: [Size] {
    [
      Size(
        Self.copies, "copies of the map, 7 players each", smoke: [1, 3, 10, 30, 100], standard: [10, 30, 100, 1000, 10_000],
        paper: [10, 100, 1000, 10_000, 160_000])
    ]
  }

  struct Outcome: Sendable {
    var copies: Int, players: Int, appleCells: Int, bytes: Double, work: Double, seconds: Double, applesPerPlayerStep: Double, timed: Bool
  }

  /// (across, down) copies for `copies` copies, as square as possible with across · down = copies.
  static func layout(_ copies: Int) -> (across: Int, down: Int) {
    var down = Int(Double(copies).squareRoot())
    while copies % down != 0 { down -= 1 }
    return (copies / down, down)
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let copies = context.parameters[Self.copies], steps = context.parameters[Self.steps]
    let (across, down) = Self.layout(copies)
    var configuration = AppleGameConfiguration()
    configuration.map = try HarvestMap.commonsHarvestOpen.tiled(across: across, down: down)
    configuration.agentCount = 7 * copies
    configuration.roundLength = steps
    let random = context.random(stream: "size", replicate: copies)
    let game = try ApplePickingGame(configuration: configuration, types: PlayerType.uniform(configuration.agentCount, random))
    game.resetWorld(random)
    let before = game.world.operations
    let start = DispatchTime.now().uptimeNanoseconds
    let outcome = game.playRound(restraint: Array(repeating: 4, count: configuration.agentCount), random) { _ in [0.1, 0.25, 0.37] }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let n = configuration.agentCount
    return Outcome(
      copies: copies, players: n, appleCells: game.world.appleCount, bytes: Double(game.world.bytes + n * (8 + 1 + 8 + 8 + 8 * 2)),
      work: Double(game.world.operations - before) / Double(steps), seconds: elapsed / Double(steps),
      applesPerPlayerStep: outcome.apples.reduce(0, +) / (Double(n) * Double(steps)), timed: context.parameters[Self.timed])
  }

  /// The log–log trends of memory and work against players; `factor` multiplies both (the control).
  static func trends(_ sized: [Outcome], factor: (Outcome) -> Double = { _ in 1 }) throws -> [Trend] {
    let memory = sized.map { (size: log10(Double($0.players)), value: log10($0.bytes * factor($0))) }
    let work = sized.map { (size: log10(Double($0.players)), value: log10($0.work * factor($0))) }
    return [
      try Trend(reading: [SettingItem("cost", "memory")], sizeName: "log10 players", observations: memory, statistic: .slope, bar: .atMost(1.1)),
      try Trend(reading: [SettingItem("cost", "work per step")], sizeName: "log10 players", observations: work, statistic: .slope, bar: .atMost(1.1)),
    ]
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let sized = outcomes.cells(of: Self.scalingClaim).map(\.outcome).sorted { $0.players < $1.players }
    let timed = outcomes.base.timed
    // With the size pinned by --set there is no trend to judge: the claim is inconclusive.
    let trends = (try? Self.trends(sized)) ?? []
    let control = (try? Self.trends(sized) { Double($0.players) }).map { VerdictMap.combine($0.map(\.verdict)) } ?? .inconclusive
    var table = Table(
      id: "sed.scale.costs",
      title: "Cost against the number of players (\(context.parameters[Self.steps]) steps of the full game per size; players with k = 4)",
      columns: [
        "map copies", "players", "apple cells", "memory (MB)", "bytes per player", "work per step", "work per player-step", "apples per player-step",
      ]
        + (timed ? ["steps per second", "player-steps per second"] : []))
    for o in sized {
      let n = Double(o.players)
      table.append(
        [
          .integer(o.copies), .integer(o.players), .integer(o.appleCells), .real(o.bytes / 1e6, digits: 2), .real(o.bytes / n, digits: 0),
          .real(o.work, digits: 0), .real(o.work / n, digits: 1), .real(o.applesPerPlayerStep, digits: 4),
        ]
          + (timed ? [.real(1 / o.seconds, digits: 1), .real(n / o.seconds, digits: 0)] : []))
    }
    var fits = Table(
      id: "sed.scale.fits", title: "Fitted scaling laws cost ∝ players^b (least squares on log–log axes, 95% intervals)",
      columns: ["cost", "exponent b", "95% interval"])
    for t in trends {
      fits.append([
        .text(t.reading[0].value), .real(t.estimate, digits: 3),
        .text("[\(DecimalFormat.fixed(t.lower, digits: 3)), \(DecimalFormat.fixed(t.upper, digits: 3))]"),
      ])
    }
    let players = sized.map { Double($0.players) }
    var chart = Chart(
      title: "Cost against the number of players", x: Axis(label: "players", scale: .logarithmic),
      y: Axis(label: "per step: work units; memory: bytes", scale: .logarithmic))
    chart.line("memory (bytes)", x: players, y: sized.map(\.bytes), colour: .blue)
    chart.scatter(nil, x: players, y: sized.map(\.bytes), colour: .blue)
    chart.line("work per step (units)", x: players, y: sized.map(\.work), colour: .vermillion)
    chart.scatter(nil, x: players, y: sized.map(\.work), colour: .vermillion)
    var figures = [Figure(id: "sed.scale.memory-work", title: "Memory and work per step against the number of players", drawing: chart)]
    if timed {
      var speed = Chart(
        title: "Steps per second against the number of players (this machine)", x: Axis(label: "players", scale: .logarithmic),
        y: Axis(label: "steps per second", scale: .logarithmic))
      speed.line("steps per second", x: players, y: sized.map { 1 / $0.seconds })
      speed.line("player-steps per second", x: players, y: sized.map { Double($0.players) / $0.seconds })
      figures.append(Figure(id: "sed.scale.throughput", title: "Steps per second against the number of players", drawing: speed))
    }
    let cells = outcomes.cells(of: Self.scalingClaim).map { cell, o in
      VerdictMap.Cell(reading: [], size: cell.sizeSetting, verdict: .inconclusive, estimate: o.work / Double(o.players), n: 1)
    }
    let evidence = Evidence(
      summary: "From \(sized.first?.players ?? 0) to \(sized.last?.players ?? 0) players: "
        + trends.map {
          "\($0.reading[0].value) ∝ n^\(DecimalFormat.fixed($0.estimate, digits: 3)) [\(DecimalFormat.fixed($0.lower, digits: 3)), \(DecimalFormat.fixed($0.upper, digits: 3))]"
        }.joined(separator: ", ")
        + "; \(DecimalFormat.fixed((sized.last?.bytes ?? 0) / 1e6, digits: 0)) MB at the largest size. Only the environment is scaled (copies that never interact), nothing that learns.",
      measurements: [.init("largest number of players", sized.last?.players ?? 0)]
        + trends.map { .init("\($0.reading[0].value) exponent", lower: $0.lower, upper: $0.upper) },
      tolerance: "95% interval of each log–log slope at most 1.1 (fixed in advance)", sampleSize: sized.count)
    let claim = ClaimResult(
      Self.scalingClaim, map: VerdictMap(design: Self.scalingClaim.design, cells: cells, trends: trends),
      control: ControlResult(Self.scalingClaim.control!, verdict: control), evidence: evidence)
    return ExperimentResult(tables: [table, fits], figures: figures, claims: [claim])
  }
}
