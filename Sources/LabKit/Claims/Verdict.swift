/// The outcome of checking a claim against the model.
///
/// `reproduced` and `notReproduced` are for statements the text presents as results; `supported` and
/// `refuted` for conjectures (numerical evidence for it, or a counterexample); `inconclusive` when the
/// evidence decides neither way (say, an interval straddling the boundary); `explored` for an
/// exploratory question (``Claim/Kind/exploratory``) whose answer is the evidence itself, with nothing
/// in the text to hold it to.
public enum Verdict: String, Sendable, CaseIterable, Comparable {
  case reproduced
  case notReproduced = "not reproduced"
  case supported, refuted, inconclusive, explored
  /// At smoke scale: the run tests the pipeline, and its verdicts are not findings.
  case smoke

  /// The label used in reports: `REPRODUCED`, `NOT REPRODUCED`, ...
  public var label: String {
    switch self {
    case .reproduced: return "REPRODUCED"
    case .notReproduced: return "NOT REPRODUCED"
    case .supported: return "SUPPORTED"
    case .refuted: return "REFUTED"
    case .inconclusive: return "INCONCLUSIVE"
    case .explored: return "EXPLORED"
    case .smoke: return "SMOKE"
    }
  }

  /// The words used in summaries: "reproduced", "not reproduced", ...
  public var words: String { label.lowercased() }

  /// Verdicts in the order summaries list them.
  public static func < (a: Verdict, b: Verdict) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }

  /// `reproduced` when `holds`, `notReproduced` otherwise: for statements the text asserts.
  public static func checking(_ holds: Bool) -> Verdict { holds ? .reproduced : .notReproduced }
}
