/// A statement of a text that the toolkit checks by running code.
///
/// A claim has a stable id (`np.zero-memory.steal`), the place in the text it comes from (`§2.1`,
/// `Table 2.1`), the statement quoted or paraphrased, and its kind. Experiments declare their claims
/// up front, so `reproduce list --claims` shows them without running anything, and every run must
/// return a verdict for each.
public struct Claim: Sendable, Hashable {
  /// What sort of statement this is; it decides which verdicts make sense.
  ///
  /// `exploratory` marks an open question the text asks rather than a statement it makes ("does a
  /// hierarchy emerge?"): its evidence describes what the model does, and its verdict is either
  /// ``Verdict/explored`` or, where an operational answer was fixed before the runs, supported or refuted.
  public enum Kind: String, Sendable, CaseIterable {
    case definition, theorem, proposition, claim, conjecture, example, table, figure, exploratory
  }

  /// Stable id: paper prefix, dot, experiment, dot, name (`np.zero-memory.steal`).
  public let id: String
  /// Where in the text: a section, table, figure or page (`§2.1`, `Table 2.1`).
  public let source: String
  /// The statement, quoted or paraphrased from the text.
  public let statement: String
  /// Its kind.
  public let kind: Kind

  public init(id: String, source: String, kind: Kind, statement: String) {
    self.id = id
    self.source = source
    self.kind = kind
    self.statement = statement
  }
}
