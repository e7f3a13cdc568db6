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

  /// Consistency (a definition or identity; fails only through a bug) or empirical.
  /// Nil only while a module has not yet classified its claims; the catalog tests reject nil.
  public let claimClass: ClaimClass?
  /// The perturbation under which the check must give the opposite verdict.
  public let control: Control?
  /// The readings (open choices of the experiment) the claim is judged under; empty when the text
  /// leaves nothing relevant open.
  public let readings: [ParameterName]
  /// The sizes the claim's limit ranges over; non-empty makes it a limit claim, judged on the trend.
  public let sizes: [ParameterName]
  /// How the grid of readings is laid out.
  public let design: GridDesign
  /// The smallest scale at which the verdict means something (smoke only for consistency checks).
  public let meaningfulAt: Scale

  /// A claim. `readings` and `sizes` name readings and sizes the experiment declares.
  public init(
    id: String, source: String, kind: Kind, statement: String, class claimClass: ClaimClass? = nil,
    control: Control? = nil, readings: [ParameterName] = [], sizes: [ParameterName] = [],
    design: GridDesign? = nil, meaningfulAt: Scale? = nil
  ) {
    self.id = id
    self.source = source
    self.kind = kind
    self.statement = statement
    self.claimClass = claimClass
    self.control = control
    self.readings = readings
    self.sizes = sizes
    self.design = design ?? (readings.isEmpty && sizes.isEmpty ? .single : .product)
    if case .consistency = claimClass { self.meaningfulAt = meaningfulAt ?? .smoke } else { self.meaningfulAt = meaningfulAt ?? .standard }
  }

  /// Whether the claim is about a limit, judged on a trend over sizes.
  public var isLimit: Bool { !sizes.isEmpty }
}
