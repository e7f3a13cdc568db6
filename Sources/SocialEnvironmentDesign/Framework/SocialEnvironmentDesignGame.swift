import Foundation
import LabKit

/// A divergence D : Φ × Φ → R≥0 on the leader's action space (Definition 3.1).
public enum Divergence: String, Sendable, CaseIterable {
  /// max_b |φ_b − φ'_b|.
  case maximum
  /// √Σ_b (φ_b − φ'_b)².
  case euclidean

  public func value(_ a: [Double], _ b: [Double]) -> Double {
    switch self {
    case .maximum: return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    case .euclidean: return zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }
  }
}

/// Definition 3.1 of Social Environment Design: a Social Environment Design Game
/// S = (Φ, P, φ0, D, δ, Θ, O, f), for principal actions in a box Φ ⊆ R^k (the Apple Picking Game's
/// Φ = [0, 1]^3 of bracket rates). P, the policy implementation map, is ``ApplePickingGame`` (φ sets
/// the reward function only); Θ is the players' (σ, β); O the objectives O_η; f a ``VotingRule``.
/// Definition 3.3's Stackelberg game I = (Φ, P, D, δ, φ0) is the constrained problem of eq. 1:
/// max_φ O(φ, π) s.t. D(φ0, φ) ≤ δ and µ0^{P(φ)} = Δ(s_T).
public struct SocialEnvironmentDesignGame: Sendable {
  /// Φ: one closed interval per coordinate.
  public let actionSpace: [ClosedRange<Double>]
  /// φ0.
  public let initialAction: [Double]
  public let divergence: Divergence
  /// δ; nil leaves the principal unconstrained (§4: "we leave the Principal optimization unconstrained").
  public let divergenceBound: Double?
  /// f.
  public let socialChoice: VotingRule

  public init(
    actionSpace: [ClosedRange<Double>], initialAction: [Double], divergence: Divergence = .maximum,
    divergenceBound: Double?, socialChoice: VotingRule = .meanSelfishness
  ) throws {
    guard actionSpace.count == initialAction.count, !actionSpace.isEmpty else {
      throw LabError.invalidInput(
        place: "SocialEnvironmentDesignGame", problem: "φ0 has \(initialAction.count) coordinates for a \(actionSpace.count)-dimensional Φ")
    }
    for (b, (range, x)) in zip(actionSpace, initialAction).enumerated() where !range.contains(x) {
      throw LabError.invalidInput(place: "SocialEnvironmentDesignGame φ0[\(b)]", problem: "\(x) is outside Φ's \(range)")
    }
    if let d = divergenceBound, !(d > 0) {
      throw LabError.invalidInput(place: "SocialEnvironmentDesignGame δ", problem: "δ must be positive, got \(d)")
    }
    self.actionSpace = actionSpace
    self.initialAction = initialAction
    self.divergence = divergence
    self.divergenceBound = divergenceBound
    self.socialChoice = socialChoice
  }

  /// §4's game: Φ = [0, 1]^3, φ0 = 0, unconstrained, f = mean selfishness.
  public static let applePicking = try! SocialEnvironmentDesignGame(
    actionSpace: Array(repeating: 0...1, count: 3), initialAction: [0, 0, 0],
    divergenceBound: nil)

  /// φ ∈ Φ and D(φ0, φ) ≤ δ.
  public func isFeasible(_ phi: [Double]) -> Bool {
    guard phi.count == actionSpace.count, zip(actionSpace, phi).allSatisfy({ $0.contains($1) }) else { return false }
    guard let delta = divergenceBound else { return true }
    return divergence.value(initialAction, phi) <= delta + 1e-12
  }

  /// The box of feasible values per coordinate under the maximum divergence: Φ ∩ {|φ_b − φ0_b| ≤ δ}.
  public var feasibleBox: [ClosedRange<Double>] {
    zip(actionSpace, initialAction).map { range, x in
      guard let d = divergenceBound else { return range }
      return max(range.lowerBound, x - d)...min(range.upperBound, x + d)
    }
  }

  /// The nearest feasible action to φ under the maximum divergence (coordinate-wise clipping to the
  /// feasible box); for the Euclidean divergence, clipping to Φ then scaling towards φ0.
  public func project(_ phi: [Double]) -> [Double] {
    switch divergence {
    case .maximum:
      return zip(feasibleBox, phi).map { min(max($1, $0.lowerBound), $0.upperBound) }
    case .euclidean:
      var clipped = zip(actionSpace, phi).map { min(max($1, $0.lowerBound), $0.upperBound) }
      if let d = divergenceBound {
        let distance = divergence.value(initialAction, clipped)
        if distance > d {
          clipped = zip(initialAction, clipped).map { $0 + ($1 - $0) * d / distance }
        }
      }
      return clipped
    }
  }

  /// eq. 1's reparameterisation R : ξ ∈ R^L ↦ Φ̂ = {φ : D(φ0, φ) ≤ δ} for the maximum divergence:
  /// φ_b = lo_b + (hi_b − lo_b) · logistic(ξ_b) over the feasible box, so that optimisation over ξ is
  /// unconstrained (P′ = P ∘ R).
  public func reparameterise(_ xi: [Double]) -> [Double] {
    zip(feasibleBox, xi).map { box, x in box.lowerBound + (box.upperBound - box.lowerBound) / (1 + exp(-x)) }
  }

  /// Definition 3.2: the objective the players' reports vote for.
  public func vote(reports: [Double], codeVotes: [Double] = []) throws -> WelfareObjective {
    .interpolation(eta: try socialChoice.eta(reports: reports, codeVotes: codeVotes))
  }
}
