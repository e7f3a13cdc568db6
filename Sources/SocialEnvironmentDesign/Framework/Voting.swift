import LabKit

/// Definition 3.2 of Social Environment Design: the Voting Mechanism V = (O, f, Θ). Players report
/// types (which need not be truthful); the social choice function f maps the reports to an
/// objective. For the Apple Picking Game the alternatives are the objectives O_η and a voter's type
/// is (σ, β); the voter's preference over η is single-peaked at its selfishness σ (an assumption:
/// the paper's f(σ) = mean σ suggests a selfish voter wants the utilitarian η = 1).
public enum VotingRule: String, Sendable, CaseIterable {
  /// §4: f(σ) = η = (1/n) Σ_i σ_i.
  case meanSelfishness
  /// The median of the reported σ (the later refactor's `SimpleMedian`); strategy-proof for
  /// single-peaked preferences.
  case medianSelfishness
  /// Borda count over a grid of η (voter i ranks the grid by |η − σ_i|, ties to the lower η);
  /// the alternative with the highest score wins, ties to the lower η.
  case borda
  /// The released code's `vote`: "egalitarian" (η = 0) when the mean of an independent U[0, 1] vote
  /// vector exceeds 0.5, otherwise "utilitarian" (η = 1). The votes ignore σ.
  case codeBinaryMajority

  /// The rule's name in figures: what it computes, not its identifier.
  public var displayName: String {
    switch self {
    case .meanSelfishness: return "mean of σ (§4)"
    case .medianSelfishness: return "median of σ"
    case .borda: return "Borda count"
    case .codeBinaryMajority: return "released code's majority"
    }
  }

  /// The η grid Borda ranks.
  public static let bordaGrid: [Double] = [0, 0.25, 0.5, 0.75, 1]

  /// η for the reported selfishness `reports`; `codeVotes` are the independent vote values the
  /// released code's rule uses (ignored by the others).
  public func eta(reports: [Double], codeVotes: [Double] = []) throws -> Double {
    guard !reports.isEmpty else { throw LabError.invalidInput(place: "VotingRule.\(rawValue)", problem: "no reports") }
    for (i, r) in reports.enumerated() where !(r >= 0 && r <= 1) {
      throw LabError.invalidInput(place: "VotingRule.\(rawValue), report \(i)", problem: "a selfishness report must lie in [0, 1], got \(r)")
    }
    switch self {
    case .meanSelfishness:
      return try Statistics.mean(reports)
    case .medianSelfishness:
      return try Statistics.median(reports)
    case .borda:
      let grid = VotingRule.bordaGrid
      var scores = [Int](repeating: 0, count: grid.count)
      for r in reports {
        let ranking = grid.indices.sorted { (abs(grid[$0] - r), $0) < (abs(grid[$1] - r), $1) }
        for (rank, alternative) in ranking.enumerated() { scores[alternative] += grid.count - 1 - rank }
      }
      let best = scores.max()!
      return grid[scores.firstIndex(of: best)!]
    case .codeBinaryMajority:
      guard !codeVotes.isEmpty else {
        throw LabError.invalidInput(place: "VotingRule.codeBinaryMajority", problem: "needs the independent vote vector")
      }
      return try Statistics.mean(codeVotes) > 0.5 ? 0 : 1
    }
  }

  /// How players report (Definition 3.2: "which does not necessarily have to be truthful").
  public enum Reporting: String, Sendable, CaseIterable {
    /// Every player reports its σ.
    case truthful
    /// Every player reports, on a grid of 101 values, the report that brings η closest to its own σ
    /// when the others report truthfully (a one-shot best response; ties go to the truthful report).
    case strategic
  }

  /// The reports players make under `reporting`.
  public func reports(selfishness: [Double], reporting: Reporting, codeVotes: [Double] = []) throws -> [Double] {
    switch reporting {
    case .truthful: return selfishness
    case .strategic:
      var out = selfishness
      for i in selfishness.indices {
        var others = selfishness
        others[i] = selfishness[i]
        var bestReport = selfishness[i]
        var bestDistance = abs(try eta(reports: others, codeVotes: codeVotes) - selfishness[i])
        for step in 0...100 {
          others[i] = Double(step) / 100
          let d = abs(try eta(reports: others, codeVotes: codeVotes) - selfishness[i])
          if d < bestDistance - 1e-12 { bestDistance = d; bestReport = others[i] }
        }
        out[i] = bestReport
      }
      return out
    }
  }

  /// The players who gain by misreporting alone (their best report moves η strictly closer to σ).
  public func manipulators(selfishness: [Double], codeVotes: [Double] = []) throws -> Int {
    let strategic = try reports(selfishness: selfishness, reporting: .strategic, codeVotes: codeVotes)
    return zip(strategic, selfishness).filter { $0 != $1 }.count
  }
}
