import Foundation

/// The one parallel map of the project: `body(i)` for every index, up to `jobs` at a time, results in
/// index order whatever the schedule. Workers claim the next index from a shared counter, so uneven
/// items balance themselves. If bodies throw, the error of the lowest index is rethrown.
public enum Parallel {
  public static func map<T: Sendable>(
    _ count: Int, jobs: Int, afterEach: (@Sendable () -> Void)? = nil, _ body: @Sendable (_ index: Int) throws -> T
  ) throws -> [T] {
    precondition(jobs >= 1, "Parallel.map: jobs must be at least 1")
    let slots = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: min(jobs, max(count, 1))) { _ in
      while let index = slots.claimNext() {
        slots.store(index, Result { try body(index) })
        afterEach?()
      }
    }
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
