import Foundation
import LabKit

/// §5 of Social Environment Design: "Can the framework handle simulating economies with thousands or
/// millions of agents? What is the role of scale?" The design loop, players learning under a principal,
/// is run at 7, 70, 700, 7 000 … players (``SharedPolicyLoop``): one policy shared by every player (parameter
/// sharing, Appendix A), PPO on egocentric windows, a principal with a fixed tax schedule, on maps of
/// copies of the paper's map with 7 players per copy (the paper's density).
///
/// Cost is counted deterministically, so committed outputs do not depend on the machine: work is the
/// world's player updates and apple scans, the window cells encoded, and the network's multiply-adds
/// when acting and learning (per minibatch row, ``DenseNetwork/forwardMultiplyAdds(_:)``); memory is the
/// bytes held at the peak of an update (world, rollout, acting buffers, learner). With `timed` = true the
/// wall-clock player-steps learned per second are measured too (the output then varies between runs);
/// `reproduce bench` measures them (`sed.ppo.players-*`). The environment alone on copies that never
/// learn is kept only as a throughput benchmark (`sed.steps.players-112000`).
///
/// Standard fixed in advance: a limit claim over the number of players. The exponents b of memory ∝ n^b
/// and work per update ∝ n^b (least-squares slopes on log–log axes, with their 95 % intervals) are at
/// most 1.1: holds; above: fails; an interval straddling 1.1: inconclusive. Control: a counted model of
/// per-player centralised critics (MADDPG-style, each player's critic reading every player's window),
/// whose critics' inputs, parameters and work grow with n, so that cost grows as n².
struct ScaleExperiment: Experiment {
  static let copies = ParameterKey<Int>("copies")
  static let horizon = ParameterKey<Int>("horizon")
  static let updates = ParameterKey<Int>("updates")
  static let timed = ParameterKey<Bool>("timed")

  let id = "sed.scale"
  let title = "The design loop at scale: learning cost against the number of players"
  let sections = ["§5"]

  static let scalingClaim = Claim(
    id: "sed.scaling", source: "§5 (\"thousands or millions of agents\")", kind: .conjecture,
    statement:
      "The design loop scales to economies of thousands of agents: with parameter sharing, the memory and work of players learning under a principal grow in proportion to the number of agents on proportionally larger maps.",
    class: .empirical,
    control: Control(
      "per-player centralised critics (MADDPG-style: each player's critic reads every player's window), counted on the same runs, whose memory and work grow as n²"
    ),
    sizes: [copies.erased])

  var claims: [Claim] { [Self.scalingClaim] }

  var parameters: [Parameter] {
    [
      Parameter(Self.copies, "Copies of the map (7 players each).", domain: .integer(1...20_000), smoke: 1, standard: 1, paper: 1),
      Parameter(Self.horizon, "Steps per rollout (Table 1: sampling horizon 200).", domain: .integer(1...1000), smoke: 20, standard: 200, paper: 200),
      Parameter(Self.updates, "PPO updates (rollout then learning) at each size.", domain: .integer(1...100), smoke: 1, standard: 2, paper: 2),
      Parameter(
        Self.timed, "Also measure wall-clock player-steps learned per second (makes the output machine-dependent).", domain: .boolean, default: false),
    ]
  }

  var sizes: [Size] {
    [
      Size(
        Self.copies, "copies of the map, 7 players each", smoke: [1, 3, 10, 30, 100], standard: [1, 10, 100, 300, 1000],
        paper: [1, 10, 100, 1000, 10_000])
    ]
  }

  struct Outcome: Sendable {
    var copies: Int, cost: SharedPolicyCost, seconds: Double, timed: Bool, control: (bytes: Double, work: Double)
    var players: Int { cost.players }
    var updates: Int { cost.playerSteps / max(1, cost.players) }
  }

  /// (across, down) copies for `copies` copies, as square as possible with across · down = copies.
  static func layout(_ copies: Int) -> (across: Int, down: Int) {
    var down = Int(Double(copies).squareRoot())
    while copies % down != 0 { down -= 1 }
    return (copies / down, down)
  }

  func simulate(in context: RunContext) throws -> Outcome {
    var settings = SharedPolicyLoop.Settings()
    settings.copies = context.parameters[Self.copies]
    settings.horizon = context.parameters[Self.horizon]
    settings.updates = context.parameters[Self.updates]
    // Results do not depend on the threads (MatrixProduct); two at most, the machine's budget per job.
    settings.threads = max(1, min(2, context.jobs))
    let random = context.random(stream: "size", replicate: settings.copies)
    let start = DispatchTime.now().uptimeNanoseconds
    let (_, cost) = try SharedPolicyLoop.run(settings, random: random)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return Outcome(
      copies: settings.copies, cost: cost, seconds: elapsed, timed: context.parameters[Self.timed],
      control: Self.centralisedCritics(cost, settings: settings))
  }

  /// The control's counted cost: the same run plus, for each of the n players, a critic with input
  /// n · 363 (every window), the hidden layers of the shared policy and one output; it is evaluated at
  /// every player-step when acting and, in every epoch, forward and differentiated for every row.
  /// Memory adds each critic's parameters, gradient and Adam moments (32 bytes per parameter).
  static func centralisedCritics(_ cost: SharedPolicyCost, settings: SharedPolicyLoop.Settings) -> (bytes: Double, work: Double) {
    let n = cost.players
    let critic = [n * WindowEncoding.size] + settings.hidden + [1]
    let perRow = Double(DenseNetwork.forwardMultiplyAdds(critic))
    let perLearnedRow = perRow + Double(DenseNetwork.parameterGradientMultiplyAdds(critic))
    let rows = Double(cost.playerSteps)
    let work = Double(cost.work) + rows * (perRow + Double(settings.hyperparameters.epochs) * perLearnedRow)
    let bytes = Double(cost.bytes) + Double(n) * Double(DenseNetwork.parameterCount(critic)) * 32
    return (bytes, work)
  }

  /// The log–log trends of memory and work per update against players (`control`: the centralised critics').
  static func trends(_ sized: [Outcome], control: Bool = false) throws -> [Trend] {
    let memory = sized.map { (size: log10(Double($0.players)), value: log10(control ? $0.control.bytes : Double($0.cost.bytes))) }
    let work = sized.map {
      (size: log10(Double($0.players)), value: log10((control ? $0.control.work : Double($0.cost.work)) / Double(max(1, $0.updates))))
    }
    return [
      try Trend(reading: [SettingItem("cost", "memory")], sizeName: "log10 players", observations: memory, statistic: .slope, bar: .atMost(1.1)),
      try Trend(
        reading: [SettingItem("cost", "work per update")], sizeName: "log10 players", observations: work, statistic: .slope, bar: .atMost(1.1)),
    ]
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let sized = outcomes.cells(of: Self.scalingClaim).map(\.outcome).sorted { $0.players < $1.players }
    // With the size pinned by --set there is no trend to judge: the claim is inconclusive.
    let trends = (try? Self.trends(sized)) ?? []
    let control = (try? Self.trends(sized, control: true)).map { VerdictMap.combine($0.map(\.verdict)) } ?? .inconclusive
    let cells = outcomes.cells(of: Self.scalingClaim).map { cell, o in
      VerdictMap.Cell(
        reading: [], size: cell.sizeSetting, verdict: .inconclusive, estimate: Double(o.cost.work) / Double(max(1, o.cost.playerSteps)), n: 1)
    }
    let claim = ClaimResult(
      Self.scalingClaim, map: VerdictMap(design: Self.scalingClaim.design, cells: cells, trends: trends),
      control: ControlResult(Self.scalingClaim.control!, verdict: control), evidence: Self.evidence(sized, trends: trends))
    return ExperimentResult(
      tables: [Self.costTable(sized, context: context), Self.fitsTable(trends)], figures: Self.figures(sized, timed: outcomes.base.timed),
      claims: [claim])
  }
}
