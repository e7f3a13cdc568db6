/// A reproducible computation on a paper's model, in two parts:
///
/// 1. ``simulate(in:)`` runs the model in one cell (the parameters of `context`) and returns a typed
///    outcome; it is where all the time goes, and the only part a grid reruns.
/// 2. ``judge(_:in:)`` turns the outcomes of the base cell and of every claim's grid cells into
///    tables, figures and verdicts; it runs once, and never simulates.
///
/// The experiment declares its parameters with defaults per scale, its open ``readings`` (choices the
/// text leaves open, each with its alternatives) and its ``sizes`` (what the text's limits range
/// over), and the claims it judges, each with its class, control and grid. To add one, write a type
/// conforming to this protocol in the paper's module and list it in the module's `Paper` (the README
/// has a complete worked example).
public protocol Experiment: Sendable {
  /// What one cell's simulation returns.
  associatedtype Outcome: Sendable

  /// Stable id: the paper prefix, a dot, a short name (`np.zero-memory`).
  var id: String { get }
  /// A one-line title for reports.
  var title: String { get }
  /// Where in the text: sections, tables, figures (`["§2.1"]`).
  var sections: [String] { get }
  /// The parameters, with their defaults per scale.
  var parameters: [Parameter] { get }
  /// The open choices of the text, each a declared parameter with its alternatives.
  var readings: [Reading] { get }
  /// The size knobs the text's limits range over, each a declared parameter with its sizes per scale.
  var sizes: [Size] { get }
  /// The claims this experiment checks; ``judge(_:in:)`` returns a verdict for each, in this order.
  var claims: [Claim] { get }
  /// Simulates one cell. Randomness must come from `context` (so that it is seeded and schedule-free).
  func simulate(in context: RunContext) throws -> Outcome
  /// Judges the outcomes: tables and figures from the base cell, a verdict map for every claim.
  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult
}

extension Experiment {
  public var readings: [Reading] { [] }
  public var sizes: [Size] { [] }
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
