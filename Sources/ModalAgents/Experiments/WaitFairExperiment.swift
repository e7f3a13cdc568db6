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
public struct WaitFairBotExperiment: Experiment {
  public init() {}

  public let id = "ma.wait-fair"
  public let title = "WaitFairBot_K against agents that defect against DefectBot"
  public let sections = ["Robust Cooperation §5"]

  public static let waitFairBotClaim = Claim(
    id: "ma.waitfairbot", source: "Robust Cooperation §5", kind: .claim,
    statement: "Any modal agent which defects against DefectBot will fail to achieve mutual cooperation with WaitFairBot_K for all sufficiently large K.")

  public var claims: [Claim] { [Self.waitFairBotClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("largestK", "WaitFairBot_K is played for K = 0 … largestK.", domain: .integer(2...500),
                smoke: .integer(12), standard: .integer(40), paper: .integer(80)),
      Parameter("enumerationSize", "Largest size of the enumerated fully modalized rank-0 agents also checked (58 agents up to size 4, 6098 up to 7, 28244 up to 8).",
                domain: .integer(1...9), smoke: .integer(4), standard: .integer(7), paper: .integer(8)),
    ]
  }

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

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let largestK = context.parameters.integer("largestK")
    let size = context.parameters.integer("enumerationSize")
    let waiters = (0...largestK).map(AgentLibrary.waitFairBot)
    let library = AgentLibrary.standard + [AgentLibrary.fairBot(3), AgentLibrary.prudentBot(3), AgentLibrary.waitFairBot(5)]
    let enumerated = RankZeroEnumerator.agents(upTo: size)
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
    let chunk = 256
    let chunks = stride(from: 0, to: enumerated.count, by: chunk).map { $0..<min($0 + chunk, enumerated.count) }
    let enumeratedRows = try context.map(chunks, stream: "enumeration", label: "\(id): \(enumerated.count) rank-0 agents") { _, range, _ in
      try range.map { try row(enumerated[$0]) }
    }.flatMap { $0 }

    var table = Table(id: "ma.wait-fair.library", title: "Library agents against WaitFairBot_K, K = 0 … \(largestK)",
                      columns: ["agent", "against DefectBot", "K with mutual cooperation", "K₀ (no mutual cooperation for K₀ ≤ K ≤ \(largestK))"])
    for r in libraryRows {
      table.append([.text(r.name), .text(r.defectsAgainstDefectBot ? "D" : "C"), .text(rangesText(r.mutual)),
                    .text(r.defectsAgainstDefectBot ? String(r.threshold) : "– (cooperates with DefectBot)")])
    }
    let defectors = enumeratedRows.filter(\.defectsAgainstDefectBot)
    let worst = defectors.max { $0.threshold < $1.threshold }
    var summary = Table(id: "ma.wait-fair.enumeration", title: "Fully modalized rank-0 agents up to size \(size) against WaitFairBot_K, K = 0 … \(largestK)",
                        columns: ["agents", "defect against DefectBot", "of those, largest K₀", "reached by", "cooperate with DefectBot", "of those, mutual cooperation at K = \(largestK)"])
    let cooperators = enumeratedRows.filter { !$0.defectsAgainstDefectBot }
    summary.append([.integer(enumeratedRows.count), .integer(defectors.count), .integer(worst?.threshold ?? 0),
                    .text(worst.map { "\($0.formula) (\($0.name))" } ?? "–"), .integer(cooperators.count),
                    .integer(cooperators.filter { $0.mutual.last == largestK }.count)])

    let checkedDefectors = libraryRows.filter(\.defectsAgainstDefectBot) + defectors
    let bound = largestK / 2
    let failing = checkedDefectors.filter { $0.threshold > bound }
    let libraryThresholds = libraryRows.filter(\.defectsAgainstDefectBot).map { "\($0.name) \($0.threshold)" }.joined(separator: ", ")
    let evidence = Evidence(
      summary: "Smallest K₀ from which mutual cooperation fails up to K = \(largestK), for the library agents that defect against DefectBot: \(libraryThresholds). Over the \(defectors.count) rank-0 agents up to size \(size) that defect against DefectBot the largest K₀ is \(worst?.threshold ?? 0). \(failing.count) of the \(checkedDefectors.count) agents checked cooperate mutually with some WaitFairBot_K for K > \(bound). For contrast, \(cooperators.filter { $0.mutual.last == largestK }.count) of the \(cooperators.count) enumerated agents that cooperate with DefectBot still cooperate mutually with WaitFairBot_\(largestK).",
      measurements: [
        .init("library agents defecting against DefectBot", libraryRows.filter(\.defectsAgainstDefectBot).count),
        .init("largest K₀ in the library", libraryRows.filter(\.defectsAgainstDefectBot).map(\.threshold).max() ?? 0),
        .init("enumerated agents defecting against DefectBot", defectors.count),
        .init("largest K₀ among them", worst?.threshold ?? 0),
        .init("agents with K₀ > largestK / 2", failing.count),
      ],
      tolerance: "every agent that defects against DefectBot has no mutual cooperation with WaitFairBot_K for K₀ ≤ K ≤ \(largestK), with K₀ ≤ \(bound) (a finite check of an asymptotic statement)",
      sampleSize: checkedDefectors.count,
      counterexample: failing.first.map { "\($0.formula) (\($0.name)): mutual cooperation at K = \($0.mutual.last!)" })
    return ExperimentResult(tables: [table, summary], claims: [ClaimResult(Self.waitFairBotClaim, .checking(failing.isEmpty), evidence)])
  }
}
