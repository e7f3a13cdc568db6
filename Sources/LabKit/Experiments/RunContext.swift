import Foundation

/// Everything an experiment's run may use: its scale and parameters, seeded random streams, a
/// parallel map over independent replicates, and progress reporting.
public final class RunContext: Sendable {
  public let experimentID: String
  public let scale: Scale
  /// The master seed of the whole run.
  public let seed: UInt64
  public let parameters: Parameters
  /// How many replicates may run at once (`--jobs`).
  public let jobs: Int
  let progress: ProgressBar?
  /// The grid cell being simulated; nil for the base cell (the resolved parameters).
  public let cell: GridCell?
  /// The claims whose grids contain this cell; nil for the base cell, which serves every claim.
  let claimsInCell: Set<String>?

  public init(experimentID: String, scale: Scale, seed: UInt64, parameters: Parameters, jobs: Int = 1, showProgress: Bool = false) {
    precondition(jobs >= 1, "RunContext: jobs must be at least 1")
    self.experimentID = experimentID
    self.scale = scale
    self.seed = seed
    self.parameters = parameters
    self.jobs = jobs
    self.progress = showProgress ? ProgressBar() : nil
    self.cell = nil
    self.claimsInCell = nil
  }

  private init(base: RunContext, cell: GridCell, claims: Set<String>) {
    experimentID = base.experimentID
    scale = base.scale
    seed = base.seed
    parameters = base.parameters.setting(cell)
    jobs = base.jobs
    progress = base.progress
    self.cell = cell
    claimsInCell = claims
  }

  /// The context of a grid cell: the same seed and streams (common random numbers across cells), the
  /// cell's readings and sizes set.
  public func forCell(_ cell: GridCell, claims: Set<String>) -> RunContext { RunContext(base: self, cell: cell, claims: claims) }

  /// Whether the simulation of this cell must produce what `claim` is judged on. The base cell serves
  /// every claim and every table; a grid cell only the claims whose grids contain it, so a simulation
  /// may skip the rest.
  public func serves(_ claim: Claim) -> Bool { claimsInCell?.contains(claim.id) ?? true }

  /// Whether this is the base cell, which produces the tables and figures.
  public var isBaseCell: Bool { cell == nil }

  /// The generator of replicate `replicate` of sub-stream `stream` of this experiment. The seed is a
  /// pure function of (master seed, experiment id and stream, replicate); see ``SeedMixing``.
  public func random(stream: String = "", replicate: Int = 0, algorithm: Random.Algorithm = .mt19937) -> Random {
    Random(master: seed, stream: stream.isEmpty ? experimentID : experimentID + "/" + stream, replicate: replicate, algorithm: algorithm)
  }

  /// Runs `body` for replicates `0 ..< count`, up to ``jobs`` at a time, and returns the results in
  /// replicate order. Each replicate gets its own generator, seeded from its index, so results do not
  /// depend on scheduling. If replicates throw, the error of the lowest-numbered one is rethrown.
  ///
  /// - Parameters:
  ///   - stream: names this family of replicates, so that two families in one experiment draw
  ///     independent numbers.
  ///   - label: shown on the progress bar.
  public func replicates<T: Sendable>(
    _ count: Int, stream: String = "", label: String? = nil, algorithm: Random.Algorithm = .mt19937,
    _ body: @Sendable (_ replicate: Int, _ random: Random) throws -> T
  ) throws -> [T] {
    try map(Array(0..<count), stream: stream, label: label, algorithm: algorithm) { replicate, _, random in
      try body(replicate, random)
    }
  }

  /// Runs `body` on every item, up to ``jobs`` at a time, each with its own generator (the item's index
  /// is its replicate number), and returns the results in item order.
  public func map<Item: Sendable, T: Sendable>(
    _ items: [Item], stream: String = "", label: String? = nil, algorithm: Random.Algorithm = .mt19937,
    _ body: @Sendable (_ index: Int, _ item: Item, _ random: Random) throws -> T
  ) throws -> [T] {
    let task = progress?.start(label: label ?? experimentID, total: items.count)
    var afterEach: (@Sendable () -> Void)? = nil
    if let task { afterEach = { task.advance() } }
    let results = try Parallel.map(items.count, jobs: jobs, afterEach: afterEach) { index in
      try body(index, items[index], self.random(stream: stream, replicate: index, algorithm: algorithm))
    }
    task?.finish()
    return results
  }
}
