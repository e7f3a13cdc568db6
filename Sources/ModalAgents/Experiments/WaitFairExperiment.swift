import LabKit

/// Robust Cooperation §5: "any modal agent which defects against DefectBot will fail to achieve
/// mutual cooperation with WaitFairBot_K for all sufficiently large K" (proof sketched in its
/// footnote 9). WaitFairBot_K = ¬□^K⊥ ∧ □(¬□^K⊥ → them(me)) looks like DefectBot to every world
/// below K.
///
/// A finite computation cannot show "for all sufficiently large K". The check, fixed in advance:
/// for every agent checked that defects against DefectBot, let K₀ be one more than the largest
/// K ≤ `largestK` with mutual cooperation (0 if there is none); the claim is reproduced when every
/// K₀ is at most `largestK` / 2, so that mutual cooperation fails on at least the upper half of the
/// range. The agents checked are the library and every fully modalized rank-0 agent up to
/// `enumerationSize`.
struct WaitFairExperiment: Experiment {
  init() {}

  let id = "ma.wait-fair"
  let title = "WaitFairBot_K against agents that defect against DefectBot"
  let sections = ["Robust Cooperation §5"]

  static let largestK = ParameterKey<Int>("largestK")
  static let enumerationSize = ParameterKey<Int>("enumerationSize")

  static let waitFairBotClaim = Claim(
    id: "ma.waitfairbot", source: "Robust Cooperation §5", kind: .claim,
    statement:
      "Any modal agent which defects against DefectBot will fail to achieve mutual cooperation with WaitFairBot_K for all sufficiently large K.",
    class: .empirical,
    control: Control(
      "the hypothesis dropped: the same check on the agents that cooperate with DefectBot (CooperateBot cooperates with every WaitFairBot_K) must fail"
    ),
    readings: [OpponentSpace.key.erased])

  var claims: [Claim] { [Self.waitFairBotClaim] }

  var parameters: [Parameter] {
    [
      Parameter(Self.largestK, "WaitFairBot_K is played for K = 0 … largestK.", domain: .integer(2...500), smoke: 12, standard: 40, paper: 80),
      Parameter(
        Self.enumerationSize,
        "Largest size of the enumerated fully modalized rank-0 agents also checked (58 agents up to size 4, 6098 up to 7, 28244 up to 8).",
        domain: .integer(1...9), smoke: 4, standard: 7, paper: 8),
      OpponentSpace.parameter,
    ]
  }

  var readings: [Reading] { [OpponentSpace.reading] }

  /// One agent's results against WaitFairBot_0 … WaitFairBot_largestK.
  struct Row: Sendable {
    let name: String
    let formula: String
    let defectsAgainstDefectBot: Bool
    /// The K with mutual cooperation.
    let mutual: [Int]
    /// One more than the largest K with mutual cooperation (0 if none).
    var threshold: Int { (mutual.last ?? -1) + 1 }
  }

  struct Outcome: Sendable {
    let space: OpponentSpace
    let largestK: Int
    let size: Int
    let library: [Row]
    /// Empty unless the space is rank 0.
    let enumerated: [Row]
    /// The rows the claim is judged on in this cell.
    var checked: [Row] { space == .library ? library : enumerated }
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let largestK = context.parameters[Self.largestK]
    let size = context.parameters[Self.enumerationSize]
    let space = context.parameters[OpponentSpace.key]
    let waiters = (0...largestK).map(AgentLibrary.waitFairBot)
    let library = AgentLibrary.standard + [AgentLibrary.fairBot(3), AgentLibrary.prudentBot(3), AgentLibrary.waitFairBot(5)]
    @Sendable func row(_ agent: ModalAgent) throws -> Row {
      let defects = try Competition(agent, AgentLibrary.defectBot).solve().firstMove == .defect
      var mutual: [Int] = []
      for (k, waiter) in waiters.enumerated() {
        let m = try Competition(agent, waiter).solve()
        if m.firstMove == .cooperate && m.secondMove == .cooperate { mutual.append(k) }
      }
      return Row(name: agent.name, formula: agent.formula.description, defectsAgainstDefectBot: defects, mutual: mutual)
    }
    let libraryRows = try library.map(row)
    guard space == .rankZero else { return Outcome(space: space, largestK: largestK, size: size, library: libraryRows, enumerated: []) }
    let enumerated = RankZeroEnumerator.agents(upTo: size)
    let chunk = 256
    let chunks = stride(from: 0, to: enumerated.count, by: chunk).map { $0..<min($0 + chunk, enumerated.count) }
    let enumeratedRows = try context.map(chunks, stream: "enumeration", label: "\(id): \(enumerated.count) rank-0 agents") { _, range, _ in
      try range.map { try row(enumerated[$0]) }
    }.flatMap { $0 }
    return Outcome(space: space, largestK: largestK, size: size, library: libraryRows, enumerated: enumeratedRows)
  }

  /// The agents among `rows` that reach mutual cooperation with some WaitFairBot_K, K > largestK / 2.
  static func failing(_ rows: [Row], largestK: Int) -> [Row] { rows.filter { $0.threshold > largestK / 2 } }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let largestK = o.largestK
    var table = Table(
      id: "ma.wait-fair.library", title: "Library agents against WaitFairBot_K, K = 0 … \(largestK)",
      columns: ["agent", "against DefectBot", "K with mutual cooperation", "K₀ (no mutual cooperation for K₀ ≤ K ≤ \(largestK))"])
    for r in o.library {
      table.append([
        .text(r.name), .text(r.defectsAgainstDefectBot ? "D" : "C"), .text(rangesText(r.mutual)),
        .text(r.defectsAgainstDefectBot ? String(r.threshold) : "– (cooperates with DefectBot)"),
      ])
    }
    let defectors = o.enumerated.filter(\.defectsAgainstDefectBot)
    let cooperators = o.enumerated.filter { !$0.defectsAgainstDefectBot }
    let worst = defectors.max { $0.threshold < $1.threshold }
    var summary = Table(
      id: "ma.wait-fair.enumeration", title: "Fully modalized rank-0 agents up to size \(o.size) against WaitFairBot_K, K = 0 … \(largestK)",
      columns: [
        "agents", "defect against DefectBot", "of those, largest K₀", "reached by", "cooperate with DefectBot",
        "of those, mutual cooperation at K = \(largestK)",
      ])
    summary.append([
      .integer(o.enumerated.count), .integer(defectors.count), .integer(worst?.threshold ?? 0),
      .text(worst.map { "\($0.formula) (\($0.name))" } ?? "–"), .integer(cooperators.count),
      .integer(cooperators.filter { $0.mutual.last == largestK }.count),
    ])

    let cells = outcomes.cells(of: Self.waitFairBotClaim).map { cell, outcome -> VerdictMap.Cell in
      let checked = outcome.checked.filter(\.defectsAgainstDefectBot)
      let failing = Self.failing(checked, largestK: outcome.largestK)
      return VerdictMap.Cell(
        reading: cell.readingSetting, verdict: checked.isEmpty ? .inconclusive : .checking(failing.isEmpty),
        estimate: Double(checked.map(\.threshold).max() ?? 0), n: checked.count)
    }
    // Control: the check run on the agents of the base space that cooperate with DefectBot.
    let controlRows = (o.library + o.enumerated).filter { !$0.defectsAgainstDefectBot }
    let control = ControlResult(Self.waitFairBotClaim.control!, verdict: .checking(Self.failing(controlRows, largestK: largestK).isEmpty))
    return ExperimentResult(tables: [table, summary], claims: [claimResult(o, cells: cells, control: control)])
  }

  func claimResult(_ o: Outcome, cells: [VerdictMap.Cell], control: ControlResult) -> ClaimResult {
    let largestK = o.largestK
    let libraryDefectors = o.library.filter(\.defectsAgainstDefectBot)
    let defectors = o.enumerated.filter(\.defectsAgainstDefectBot)
    let cooperators = o.enumerated.filter { !$0.defectsAgainstDefectBot }
    let worst = defectors.max { $0.threshold < $1.threshold }
    let checkedDefectors = libraryDefectors + defectors
    let bound = largestK / 2
    let failing = Self.failing(checkedDefectors, largestK: largestK)
    let libraryThresholds = libraryDefectors.map { "\($0.name) \($0.threshold)" }.joined(separator: ", ")
    let evidence = Evidence(
      summary:
        "Smallest K₀ from which mutual cooperation fails up to K = \(largestK), for the library agents that defect against DefectBot: \(libraryThresholds). Over the \(defectors.count) rank-0 agents up to size \(o.size) that defect against DefectBot the largest K₀ is \(worst?.threshold ?? 0). \(failing.count) of the \(checkedDefectors.count) agents checked cooperate mutually with some WaitFairBot_K for K > \(bound). For contrast, \(cooperators.filter { $0.mutual.last == largestK }.count) of the \(cooperators.count) enumerated agents that cooperate with DefectBot still cooperate mutually with WaitFairBot_\(largestK).",
      measurements: [
        .init("library agents defecting against DefectBot", libraryDefectors.count),
        .init("largest K₀ in the library", libraryDefectors.map(\.threshold).max() ?? 0),
        .init("enumerated agents defecting against DefectBot", defectors.count),
        .init("largest K₀ among them", worst?.threshold ?? 0),
        .init("agents with K₀ > largestK / 2", failing.count),
      ],
      tolerance:
        "every agent that defects against DefectBot has no mutual cooperation with WaitFairBot_K for K₀ ≤ K ≤ \(largestK), with K₀ ≤ \(bound) (a finite check of an asymptotic statement)",
      sampleSize: checkedDefectors.count,
      counterexample: failing.first.map { "\($0.formula) (\($0.name)): mutual cooperation at K = \($0.mutual.last!)" })
    return ClaimResult(
      Self.waitFairBotClaim, map: VerdictMap(design: Self.waitFairBotClaim.design, cells: cells), control: control, evidence: evidence)
  }
}
