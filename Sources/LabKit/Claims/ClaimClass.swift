/// Whether a claim can turn out false.
///
/// - `consistency`: the model implements a definition or an identity of the text, so the check can
///   fail only through a bug in the code. It is run and reported, but counted apart from findings.
/// - `empirical`: a statement about the model's behaviour that could turn out false. Summaries, the
///   dashboard and the README's headline count these.
public enum ClaimClass: Sendable, Hashable {
  /// A definition or identity; the reason says why the check cannot fail except through a bug.
  case consistency(because: String)
  case empirical

  /// `consistency` or `empirical`, as in results.json.
  public var name: String {
    switch self {
    case .consistency: return "consistency"
    case .empirical: return "empirical"
    }
  }

  /// The reason of a consistency claim; nil for an empirical one.
  public var reason: String? {
    if case .consistency(let reason) = self { return reason }
    return nil
  }
}

/// A negative control: a perturbation of the model or of the statement under which the check must
/// give the opposite verdict (a responder that can be forced; a learner without memory; the bar moved
/// past the measured interval). It shows that the check can fail. The tests run every control at
/// smoke scale and fail when one does not give its expected verdict.
public struct Control: Sendable, Hashable {
  /// What is perturbed, in one sentence.
  public let description: String
  /// The headline the check must give under the perturbation: ``Headline/fails`` for a control that
  /// breaks the statement (the usual case), ``Headline/holds`` for one that repairs it.
  public let expected: Headline

  public init(_ description: String, expected: Headline = .fails) {
    precondition(expected == .holds || expected == .fails, "a control expects holds or fails")
    self.description = description
    self.expected = expected
  }
}

/// What a control gave when it was run.
public struct ControlResult: Sendable, Equatable {
  public let description: String
  public let expected: Headline
  /// The check's verdict under the perturbation.
  public let verdict: Headline

  public init(_ control: Control, verdict: Headline) {
    description = control.description
    expected = control.expected
    self.verdict = verdict
  }

  public init(description: String, expected: Headline, verdict: Headline) {
    self.description = description
    self.expected = expected
    self.verdict = verdict
  }

  /// Whether the check gave the verdict the perturbation demands.
  public var flipped: Bool { verdict == expected }
}
