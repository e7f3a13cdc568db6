/// A claim together with what a run found: its verdict map (the verdict in every cell of its grid and
/// the headline they add up to), the result of its negative control, and the evidence.
public struct ClaimResult: Sendable, Equatable {
  public let claim: Claim
  public let map: VerdictMap
  /// The control's result; nil only for a claim that declares none (rejected by the catalog tests).
  public let control: ControlResult?
  public let evidence: Evidence

  /// A claim judged over its grid, with its control's result.
  public init(_ claim: Claim, map: VerdictMap, control: ControlResult?, evidence: Evidence) {
    self.claim = claim
    self.map = map
    self.control = control
    self.evidence = evidence
  }

  /// The headline of the map.
  public var headline: Headline { map.headline }

  /// The headline in the old words of results.json's `verdict` field.
  public var verdict: Verdict { map.headline.legacyVerdict(for: claim.kind) }
}
