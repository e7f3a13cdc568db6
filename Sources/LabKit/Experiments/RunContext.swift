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

  public init(experimentID: String, scale: Scale, seed: UInt64, parameters: Parameters, jobs: Int = 1, showProgress: Bool = false) {
    precondition(jobs >= 1, "RunContext: jobs must be at least 1")
    self.experimentID = experimentID
    self.scale = scale
    self.seed = seed
    self.parameters = parameters
    self.jobs = jobs
    self.progress = showProgress ? ProgressBar() : nil
  }

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
    let slots = ResultSlots<T>(count: items.count)
    let task = progress?.start(label: label ?? experimentID, total: items.count)
    let workers = min(jobs, max(items.count, 1))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = slots.claimNext() {
        let random = self.random(stream: stream, replicate: index, algorithm: algorithm)
        slots.store(index, Result { try body(index, items[index], random) })
        task?.advance()
      }
    }
    task?.finish()
    return try slots.collect()
  }
}

/// Results of a parallel map, one slot per item, filled by whichever worker computes it.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<T, any Error>?]
  private var next = 0

  init(count: Int) { results = Array(repeating: nil, count: count) }

  func claimNext() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < results.count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ index: Int, _ result: Result<T, any Error>) {
    lock.lock()
    results[index] = result
    lock.unlock()
  }

  func collect() throws -> [T] {
    try results.map { try $0!.get() }
  }
}
