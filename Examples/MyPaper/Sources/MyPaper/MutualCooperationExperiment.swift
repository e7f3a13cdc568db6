import LabKit

/// Two agents meet; each cooperates with probability p, independently of the other. The claim: both
/// cooperate in a fraction p² of encounters (independence multiplies probabilities). The negative
/// control breaks independence: the second agent copies the first one's coin, so that both cooperate
/// in a fraction p of encounters, and the same check must fail.
public struct MutualCooperationExperiment: Experiment {
  public init() {}

  static let encounters = ParameterKey<Int>("encounters")
  static let cooperation = ParameterKey<Double>("cooperation")

  /// The claim holds when the whole 99% Wilson interval of the mutual-cooperation rate lies within
  /// this distance of p², fails when the whole interval lies farther away, and is inconclusive otherwise.
  static let tolerance = 0.01

  public let id = "mp.mutual-cooperation"
  public let title = "Mutual cooperation of two independent cooperators"
  public let sections = ["§1"]

  static let claim = Claim(
    id: "mp.mutual-cooperation.product", source: "§1", kind: .claim,
    statement: "Two agents who cooperate independently with probability p both cooperate in a fraction p² of encounters.",
    class: .empirical, control: Control("the second agent copies the first agent's coin (mutual cooperation p, not p²)"))

  public var claims: [Claim] { [Self.claim] }

  public var parameters: [Parameter] {
    [
      Parameter(
        Self.encounters, "Encounters simulated.", domain: .integer(100...100_000_000),
        smoke: 2_000, standard: 200_000, paper: 2_000_000),
      Parameter(Self.cooperation, "Each agent's probability of cooperating, p.", domain: .real(0...1), default: 0.5),
    ]
  }

  /// Encounters in which both agents cooperated, with independent agents and with the control's copier.
  public struct Outcome: Sendable {
    let mutual: Int
    let controlMutual: Int
    let encounters: Int
  }

  public func simulate(in context: RunContext) throws -> Outcome {
    let n = context.parameters[Self.encounters]
    let p = context.parameters[Self.cooperation]
    let counts = try context.replicates(2, stream: "encounters") { copier, random in
      var mutual = 0
      for _ in 0..<n {
        let first = random.bernoulli(p)
        let second = copier == 1 ? first : random.bernoulli(p)
        if first && second { mutual += 1 }
      }
      return mutual
    }
    return Outcome(mutual: counts[0], controlMutual: counts[1], encounters: n)
  }

  public func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let outcome = outcomes.base
    let p = context.parameters[Self.cooperation]
    let interval = try ConfidenceInterval.wilson(successes: outcome.mutual, trials: outcome.encounters, level: 0.99)
    let control = try ConfidenceInterval.wilson(successes: outcome.controlMutual, trials: outcome.encounters, level: 0.99)
    var table = Table(
      id: "mp.mutual-cooperation.rate", title: "Mutual cooperation rate against p²",
      columns: ["agents", "mutual cooperation", "99% interval", "p²"])
    for (name, count, range) in [("independent", outcome.mutual, interval), ("copier (control)", outcome.controlMutual, control)] {
      table.append([
        .text(name), .real(Double(count) / Double(outcome.encounters), digits: 4), .text(range.bracket(digits: 4)), .real(p * p, digits: 4),
      ])
    }
    let evidence = Evidence(
      summary: "The 99% Wilson interval of the mutual-cooperation rate, \(interval.bracket(digits: 4)), against p² = \(p * p).",
      tolerance: "the whole 99% interval within \(Self.tolerance) of p²", sampleSize: outcome.encounters)
    let cell = VerdictMap.Cell(
      reading: [], verdict: Self.verdict(interval, target: p * p), estimate: interval.estimate,
      lower: interval.lower, upper: interval.upper, n: outcome.encounters)
    return ExperimentResult(
      tables: [table],
      claims: [
        ClaimResult(
          Self.claim, map: VerdictMap(design: .single, cells: [cell]),
          control: ControlResult(Self.claim.control!, verdict: Self.verdict(control, target: p * p)), evidence: evidence)
      ])
  }

  /// holds when `interval` lies within ``tolerance`` of `target`, fails when it lies wholly outside
  /// that band, inconclusive when it straddles an edge of the band.
  static func verdict(_ interval: ConfidenceInterval, target: Double) -> Headline {
    if interval.lower >= target - tolerance && interval.upper <= target + tolerance { return .holds }
    if interval.upper < target - tolerance || interval.lower > target + tolerance { return .fails }
    return .inconclusive
  }
}
