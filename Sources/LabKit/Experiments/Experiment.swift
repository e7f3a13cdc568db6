/// A reproducible computation on a paper's model: it declares its parameters and the claims it
/// checks, and produces tables, figures and a verdict for every claim.
///
/// To add one, write a type conforming to this protocol in the paper's module and list it in the
/// module's `Paper` (the README has a complete worked example).
public protocol Experiment: Sendable {
  /// Stable id: the paper prefix, a dot, a short name (`np.zero-memory`).
  var id: String { get }
  /// A one-line title for reports.
  var title: String { get }
  /// Where in the text: sections, tables, figures (`["§2.1"]`).
  var sections: [String] { get }
  /// The parameters, with their defaults per scale.
  var parameters: [Parameter] { get }
  /// The claims this experiment checks; ``run(in:)`` returns a verdict for each, in this order.
  var claims: [Claim] { get }
  /// Runs the experiment. Randomness must come from `context` (so that it is seeded and schedule-free).
  func run(in context: RunContext) throws -> ExperimentResult
}

/// What one run of an experiment produced.
public struct ExperimentResult: Sendable {
  public var tables: [Table]
  public var figures: [Figure]
  public var claims: [ClaimResult]

  public init(tables: [Table] = [], figures: [Figure] = [], claims: [ClaimResult] = []) {
    self.tables = tables
    self.figures = figures
    self.claims = claims
  }
}
