import Foundation
import LabKit

/// The prior ζ of an agent over its hypotheses. The text asks for "some kind of complexity prior";
/// only the relative weights within a set of equally valued hypotheses matter, because the agent
/// samples from the prior conditioned on C_opt.
public enum PriorCoding: String, Sendable, CaseIterable {
  /// ζ(h) ∝ 2^{−K(h)} with the description length K of ``HypothesisSpace/complexity(_:)`` (default).
  case descriptionLength
  /// ζ(h) ∝ 2^{−|S_h|}, shared equally among the agent's hypotheses with that many states.
  case geometricStates
  /// ζ(h) ∝ 1.
  case uniform
}

/// One haggling agent's hypothesis space and prior: a subset of a valued space, with the groups of
/// equally valued hypotheses best first.
public struct HagglerSpec: Sendable {
  public let valuation: HypothesisValuation
  public let view: AgentView
  /// The agent's hypotheses, by value group (best first), then id.
  public let members: [Int32]
  /// The start of each group in ``members``, and `members.count` at the end.
  public let groupStarts: [Int32]
  /// The prior weight of each member.
  public let weights: [Double]
  /// The members' rows of the space's tables, in member order (for step 2's visits).
  let tables: MemberTables

  /// The agent whose hypotheses are those of `valuation` that `include` keeps (⊤ is always kept: the
  /// text assumes ⊤ in every agent's space), weighted by `prior`.
  public init(
    valuation: HypothesisValuation, view: AgentView, prior: PriorCoding = .descriptionLength,
    include: (Int) -> Bool = { _ in true }
  ) {
    let space = valuation.space
    var members: [Int32] = []
    members.reserveCapacity(valuation.order.count)
    for h in valuation.order where h == 0 || include(Int(h)) { members.append(h) }
    var starts: [Int32] = []
    for (position, h) in members.enumerated() where position == 0 || valuation.rank[Int(h)] != valuation.rank[Int(members[position - 1])] {
      starts.append(Int32(position))
    }
    starts.append(Int32(members.count))
    var weights: [Double]
    switch prior {
    case .descriptionLength:
      weights = members.map { exp2(-space.complexity(Int($0))) }
    case .uniform:
      weights = Array(repeating: 1, count: members.count)
    case .geometricStates:
      var perSize: [Int: Int] = [:]
      for h in members { perSize[space.stateCount(Int(h)), default: 0] += 1 }
      weights = members.map { h in exp2(-Double(space.stateCount(Int(h)))) / Double(perSize[space.stateCount(Int(h))]!) }
    }
    self.valuation = valuation
    self.view = view
    self.members = members
    self.groupStarts = starts
    self.weights = weights
    self.tables = MemberTables(space: space, members: members)
  }

  /// The number of hypotheses.
  public var count: Int { members.count }
}
