/// How many claims got each headline, empirical claims and consistency checks counted apart.
///
/// The headline of a summary counts empirical claims: a consistency check (a definition or identity of
/// the text) can fail only through a bug, so it is no finding.
public struct ClaimCounts: Sendable, Equatable {
  public private(set) var empirical: [Headline: Int] = [:]
  public private(set) var consistency: [Headline: Int] = [:]
  public private(set) var unclassified = 0
  public private(set) var smoke = 0

  public init<S: Sequence>(_ claims: S) where S.Element == ClaimRecord {
    for claim in claims {
      guard let headline = claim.headline else {
        smoke += 1
        continue
      }
      switch claim.claimClass {
      case "empirical": empirical[headline, default: 0] += 1
      case "consistency": consistency[headline, default: 0] += 1
      default: unclassified += 1
      }
    }
  }

  public var empiricalTotal: Int { empirical.values.reduce(0, +) }
  public var consistencyTotal: Int { consistency.values.reduce(0, +) }

  /// "12 empirical claims: 5 hold, 3 depend, 2 fail, 2 inconclusive; 7 consistency checks: 7 hold, 0 fail, 0 inconclusive".
  /// A consistency check that depends on its reading (it holds in some and fails in others) is named
  /// too, so the counts always add up to the total.
  public var sentence: String {
    if smoke > 0 && empiricalTotal + consistencyTotal + unclassified == 0 {
      return "\(smoke) claim\(smoke == 1 ? "" : "s") at smoke scale: verdicts for testing the pipeline only, not findings"
    }
    let verbs: [(Headline, String)] = [(.holds, "hold"), (.depends, "depend"), (.fails, "fail"), (.inconclusive, "inconclusive")]
    var out =
      "\(empiricalTotal) empirical claim\(empiricalTotal == 1 ? "" : "s"): "
      + verbs.map { "\(empirical[$0.0] ?? 0) \($0.1)" }.joined(separator: ", ")
    out +=
      "; \(consistencyTotal) consistency check\(consistencyTotal == 1 ? "" : "s"): "
      + verbs.filter { $0.0 != .depends || consistency[.depends, default: 0] > 0 }.map { "\(consistency[$0.0] ?? 0) \($0.1)" }.joined(separator: ", ")
    if unclassified > 0 { out += "; \(unclassified) unclassified" }
    if smoke > 0 { out += "; \(smoke) at smoke scale" }
    return out
  }
}

/// A claim's verdict map as rows of text, shared by the report and the literate documents.
enum MapRows {
  /// Column heads and one row per cell: reading, size, verdict, estimate, interval, n.
  static func cells(_ claim: ClaimRecord) -> (columns: [String], rows: [[String]]) {
    let columns = ["reading", "size", "verdict", "estimate", "interval", "n"]
    let rows = claim.cells.map { cell -> [String] in
      [
        VerdictMap.describe(cell.reading), cell.size.isEmpty ? "" : VerdictMap.describe(cell.size), cell.verdict.rawValue,
        cell.estimate.map { DecimalFormat.compact($0, significant: 4) } ?? "",
        cell.lower.flatMap { lower in
          cell.upper.map { "[\(DecimalFormat.compact(lower, significant: 4)), \(DecimalFormat.compact($0, significant: 4))]" }
        } ?? "",
        String(cell.n),
      ]
    }
    return (columns, rows)
  }

  /// One line per trend: "reading: fitted limit 0.93 [0.9, 0.96] against ≥ 0.9 over N = 4, 5, 6: holds".
  static func trends(_ claim: ClaimRecord) -> [String] {
    (claim.trends.arrayValue ?? []).map { trend in
      let reading = trend["reading"]?.objectValue?.map { "\($0.0)=\($0.1.stringValue ?? "")" }.joined(separator: ", ") ?? ""
      let sizes = (trend["sizes"]?.arrayValue ?? []).compactMap(\.numberValue).map { DecimalFormat.compact($0, significant: 6) }
      let interval = (trend["interval"]?.arrayValue ?? []).compactMap(\.numberValue).map { DecimalFormat.compact($0, significant: 3) }
      return "\(reading.isEmpty ? "base reading" : reading): \(trend["statistic"]?.stringValue ?? "") "
        + "\(DecimalFormat.compact(trend["estimate"]?.numberValue ?? .nan, significant: 3)) [\(interval.joined(separator: ", "))] "
        + "against \(trend["bar"]?.stringValue ?? "") over \(trend["size"]?.stringValue ?? "") = \(sizes.joined(separator: ", ")): "
        + (trend["verdict"]?.stringValue ?? "")
    }
  }

  /// "Control (a responder that can be forced): fails, as it must." or "... holds; it should fail".
  static func control(_ claim: ClaimRecord) -> String {
    guard let control = claim.control else { return "Control: none declared." }
    let outcome =
      control.flipped
      ? "\(control.verdict.rawValue), as it must" : "\(control.verdict.rawValue), but it must be \(control.expected.rawValue): the check did not flip"
    return "Control (\(control.description)): \(outcome)."
  }

  /// "consistency (reason)" or "empirical".
  static func classText(_ claim: ClaimRecord) -> String {
    claim.classReason.map { "\(claim.claimClass): \($0)" } ?? claim.claimClass
  }
}
