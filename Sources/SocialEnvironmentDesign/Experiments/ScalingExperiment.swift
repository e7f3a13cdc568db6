import Foundation
import LabKit

/// §5 of Social Environment Design: "Can the framework handle simulating economies with thousands or
/// millions of agents? What is the role of scale?" The Apple Picking Game is played on maps made of
/// copies of the paper's map, 7 players per copy (the paper's density), up to more than 10^5 players.
///
/// Cost is counted deterministically, as in the project's other cost experiments: the memory held by
/// the world (bytes) and the work per step (player updates, apple cells scanned for regrowth, and
/// window cells scanned by the players), so committed outputs do not depend on the machine. With
/// `timed` = true the wall-clock steps per second are measured too (the output then varies between
/// runs); `reproduce bench` measures them at 7 and 112 000 players.
///
/// Standard fixed in advance: the exponents b of memory ∝ n^b and work ∝ n^b, fitted on log–log axes,
/// lie in [0.9, 1.1] (linear scaling) and the largest size reaches at least 10^5 players: supported;
/// an exponent above 1.1: refuted; a largest size below 10^5 (smoke scale): inconclusive.
public struct ScalingExperiment: Experiment {
  public init() {}

  public let id = "sed.scale"
  public let title = "Memory and work per step against the number of players"
  public let sections = ["§5"]

  public static let scalingClaim = Claim(
    id: "sed.scaling", source: "§5 (\"thousands or millions of agents\")", kind: .conjecture,
    statement: "The framework scales to economies of thousands or more agents: cost per step grows in proportion to the number of agents on proportionally larger maps.")

  public var claims: [Claim] { [Self.scalingClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("largestCopies", "Copies of the map at the largest size (7 players each); sizes 1, 10, 100, 1000, 10 000 copies up to it.",
                domain: .integer(1...200_000), smoke: .integer(100), standard: .integer(16_000), paper: .integer(160_000)),
      Parameter("steps", "Steps played at each size.", domain: .integer(1...100_000), smoke: .integer(20), standard: .integer(50), paper: .integer(200)),
      Parameter("timed", "Also measure wall-clock steps per second (makes the output machine-dependent).", domain: .boolean, default: .boolean(false)),
    ]
  }

  /// (across, down) copies for `copies` copies, as square as possible with across · down = copies.
  static func layout(_ copies: Int) -> (across: Int, down: Int) {
    var down = Int(Double(copies).squareRoot())
    while copies % down != 0 { down -= 1 }
    return (copies / down, down)
  }

  /// The least-squares exponent of y ∝ x^b (LabKit's ``PowerLawFit``), NaN when it cannot be fitted
  /// (fewer than 3 sizes at smoke scale).
  static func exponent(_ x: [Double], _ y: [Double]) -> Double {
    (try? PowerLawFit(xs: x, ys: y))?.exponent ?? .nan
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let largest = context.parameters.integer("largestCopies")
    let steps = context.parameters.integer("steps")
    let timed = context.parameters.boolean("timed")
    let sizes = ([1, 10, 100, 1000, 10_000, 100_000].filter { $0 < largest } + [largest])
    var table = Table(id: "sed.scale.costs", title: "Cost against the number of players (\(steps) steps of the full game per size; players with k = 4)",
                      columns: ["map copies", "players", "apple cells", "memory (MB)", "bytes per player", "work per step", "work per player-step", "apples per player-step"]
                        + (timed ? ["steps per second", "player-steps per second"] : []))
    var players: [Double] = [], memory: [Double] = [], work: [Double] = [], seconds: [Double] = []
    for copies in sizes {
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
      let ops = Double(game.world.operations - before) / Double(steps)
      let bytes = Double(game.world.bytes + configuration.agentCount * (8 + 1 + 8 + 8 + 8 * 2))
      let n = Double(configuration.agentCount)
      players.append(n); memory.append(bytes); work.append(ops); seconds.append(elapsed / Double(steps))
      table.append([.integer(copies), .integer(configuration.agentCount), .integer(game.world.appleCount), .real(bytes / 1e6, digits: 2),
                    .real(bytes / n, digits: 0), .real(ops, digits: 0), .real(ops / n, digits: 1),
                    .real(outcome.apples.reduce(0, +) / (n * Double(steps)), digits: 4)]
                   + (timed ? [.real(Double(steps) / elapsed, digits: 1), .real(n * Double(steps) / elapsed, digits: 0)] : []))
    }
    let memoryExponent = Self.exponent(players, memory)
    let workExponent = Self.exponent(players, work)
    let timeExponent = timed ? Self.exponent(players, seconds) : .nan
    var fits = Table(id: "sed.scale.fits", title: "Fitted scaling laws cost ∝ players^b (least squares on log–log axes)", columns: ["cost", "exponent b"])
    fits.append([.text("memory"), .real(memoryExponent, digits: 3)])
    fits.append([.text("work per step"), .real(workExponent, digits: 3)])
    if timed { fits.append([.text("seconds per step"), .real(timeExponent, digits: 3)]) }

    var chart = Chart(title: "Cost against the number of players", x: Axis(label: "players", scale: .logarithmic),
                      y: Axis(label: "per step: work units; memory: bytes", scale: .logarithmic))
    chart.line("memory (bytes)", x: players, y: memory, colour: .blue)
    chart.scatter(nil, x: players, y: memory, colour: .blue)
    chart.line("work per step (units)", x: players, y: work, colour: .vermillion)
    chart.scatter(nil, x: players, y: work, colour: .vermillion)
    var figures = [Figure(id: "sed.scale.memory-work", title: "Memory and work per step against the number of players", svg: chart.svg())]
    if timed {
      var speed = Chart(title: "Steps per second against the number of players (this machine)", x: Axis(label: "players", scale: .logarithmic),
                        y: Axis(label: "steps per second", scale: .logarithmic))
      speed.line("steps per second", x: players, y: seconds.map { 1 / $0 })
      speed.line("player-steps per second", x: players, y: zip(players, seconds).map { $0 / $1 })
      figures.append(Figure(id: "sed.scale.throughput", title: "Steps per second against the number of players", svg: speed.svg()))
    }
    let linear = (0.9...1.1).contains(memoryExponent) && (0.9...1.1).contains(workExponent) && (!timed || timeExponent <= 1.1)
    let verdict: Verdict = (memoryExponent > 1.1 || workExponent > 1.1 || (timed && timeExponent > 1.1)) ? .refuted
      : (players.last! >= 100_000 && linear ? .supported : .inconclusive)
    let evidence = Evidence(
      summary: "From 7 to \(Int(players.last!)) players: memory ∝ n^\(DecimalFormat.fixed(memoryExponent, digits: 3)), work per step ∝ n^\(DecimalFormat.fixed(workExponent, digits: 3))\(timed ? ", seconds per step ∝ n^" + DecimalFormat.fixed(timeExponent, digits: 3) : ""); \(DecimalFormat.fixed(memory.last! / 1e6, digits: 0)) MB at the largest size.",
      measurements: [.init("largest number of players", Int(players.last!)), .init("memory exponent", memoryExponent), .init("work exponent", workExponent)],
      tolerance: "exponents in [0.9, 1.1] and at least 10^5 players (fixed in advance)", sampleSize: sizes.count)
    return ExperimentResult(tables: [table, fits], figures: figures, claims: [ClaimResult(Self.scalingClaim, verdict, evidence)])
  }
}
