import LabKit

extension EquilibriumReport {
  /// Whether the game was found nondegenerate by a finished support or vertex enumeration.
  public var isComplete: Bool { (method == .support || method == .vertex) && !isPartial && degeneracy == nil }

  /// The report as lines of text: support enumeration's account as before when run to the end in
  /// floating point; otherwise the notes, then one equilibrium per line (fractions with `--exact`),
  /// then the maximal Nash subsets when some is not a single point.
  public func textLines() -> [String] {
    if method == .support, !isPartial, exactEquilibria == nil, let subsets {
      let enumeration: EquilibriumEnumeration =
        degeneracy.map { .degenerate(found: equilibria, reason: $0, subsets: subsets) } ?? .complete(equilibria)
      return enumeration.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    var lines = notes
    for (index, equilibrium) in equilibria.enumerated() {
      if let exact = exactEquilibria {
        lines.append("  " + (exact[index]?.description ?? "\(equilibrium) (its exact form could not be recovered)"))
      } else {
        lines.append("  \(equilibrium)")
      }
    }
    if equilibria.isEmpty { lines.append("  none found") }
    if let subsets, !subsets.allSatisfy(\.isSingleton) {
      lines.append("Maximal Nash subsets:")
      lines += subsets.map { "  \($0)" }
    }
    return lines
  }

  /// The report as JSON: `{"method", "complete", "listsEveryEquilibrium", "partial", "degeneracy",
  /// "notes", "equilibria": [{"strategies", "payoffs", "exactStrategies", "exactPayoffs"}],
  /// "maximalNashSubsets": [{"rowStrategies", "columnStrategies"}]}`. The exact fields are strings
  /// such as "2/3", present with `--exact` (null where the exact form could not be recovered);
  /// "maximalNashSubsets" is null for Lemke–Howson, simplicial subdivision and a search the time limit
  /// cut short; "regret" and "targetRegret" (the largest regret at the equilibrium found, and the bound
  /// it had to meet) are present for simplicial subdivision only.
  public var json: JSONValue {
    func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }
    func fractions(_ values: [ExactRational]) -> JSONValue { .array(values.map { .string($0.description) }) }
    let equilibriaJSON: [JSONValue] = equilibria.enumerated().map { index, equilibrium in
      var members: [(String, JSONValue)] = [
        ("strategies", .array(equilibrium.strategies.map { numbers($0.probabilities) })),
        ("payoffs", numbers(equilibrium.payoffs)),
      ]
      if let exact = exactEquilibria {
        members.append(("exactStrategies", exact[index].map { .array($0.strategies.map(fractions)) } ?? .null))
        members.append(("exactPayoffs", exact[index].map { fractions($0.payoffs) } ?? .null))
      }
      return .object(members)
    }
    let subsetsJSON: JSONValue =
      subsets.map { list in
        .array(
          list.map { subset in
            .object([
              ("rowStrategies", .array(subset.rowStrategies.map { numbers($0.probabilities) })),
              ("columnStrategies", .array(subset.columnStrategies.map { numbers($0.probabilities) })),
            ])
          })
      } ?? .null
    var regretMembers: [(String, JSONValue)] = []
    if let regret { regretMembers = [("regret", .number(regret.found)), ("targetRegret", .number(regret.target))] }
    return .object(
      [
        ("method", .string(method.rawValue)),
        ("complete", .bool(isComplete)),
        ("listsEveryEquilibrium", .bool(listsEveryEquilibrium)),
        ("partial", .bool(isPartial)),
        ("degeneracy", degeneracy.map { .string($0.description) } ?? .null),
        ("notes", .array(notes.map { .string($0) })),
        ("equilibria", .array(equilibriaJSON)),
        ("maximalNashSubsets", subsetsJSON),
      ] + regretMembers)
  }
}
