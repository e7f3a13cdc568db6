/// A paper module's catalog: which text it reproduces and its experiments.
public struct Paper: Sendable {
  /// The module name, also the folder of its outputs (`NumericalPolitics`).
  public let id: String
  /// The prefix of all its experiment and claim ids (`np`).
  public let prefix: String
  public let title: String
  /// Author(s), venue and year.
  public let citation: String
  /// The file of the text, relative to the project's shared folder (`papers/numerical-politics.txt`).
  public let sourceText: String
  public let experiments: [any Experiment]
  /// Throughput measurements of the module's hot loops, run by `reproduce bench`.
  public let benchmarks: [Benchmark]
  /// Files derived from the paper's rendered `results.json` (paths relative to `Reproduce/<id>/`),
  /// written by every run and compared by `check` like any other output.
  public let derivedFiles: @Sendable (_ resultsJSON: String) throws -> [(path: String, content: String)]

  public init(
    id: String, prefix: String, title: String, citation: String, sourceText: String, experiments: [any Experiment],
    benchmarks: [Benchmark] = [], derivedFiles: @escaping @Sendable (_ resultsJSON: String) throws -> [(path: String, content: String)] = { _ in [] }
  ) {
    self.id = id
    self.prefix = prefix
    self.title = title
    self.citation = citation
    self.sourceText = sourceText
    self.experiments = experiments
    self.benchmarks = benchmarks
    self.derivedFiles = derivedFiles
  }

  /// The literate document, relative to the output root.
  public var documentPath: String { "Papers/\(id).md" }
  /// The text report, relative to the output root.
  public var reportPath: String { "Reproduce/\(id)/report.txt" }
  /// The machine-readable results, relative to the output root.
  public var resultsPath: String { "Reproduce/\(id)/results.json" }
  /// The folder of its figures, relative to the output root.
  public var figuresFolder: String { "Figures/\(id)" }
}
