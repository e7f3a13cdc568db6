/// A claim together with the verdict a run reached on it and the evidence for that verdict.
public struct ClaimResult: Sendable, Equatable {
  public let claim: Claim
  public let verdict: Verdict
  public let evidence: Evidence

  public init(_ claim: Claim, _ verdict: Verdict, _ evidence: Evidence) {
    self.claim = claim
    self.verdict = verdict
    self.evidence = evidence
  }
}
