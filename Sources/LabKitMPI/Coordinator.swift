import Foundation
import LabKit

/// Rank 0's share of a distributed run: the queue of pending cells, the store, and a thread that
/// computes cells itself. Every member is guarded by one lock.
final class Coordinator: @unchecked Sendable {
  let reproduction: Reproduction
  let cells: [Reproduction.Cell]
  let options: Reproduction.Options
  let log: @Sendable (String) -> Void
  private let lock = NSLock()
  private var pending: [Int]
  private var position = 0
  private(set) var failure: LabError?
  private let ownShareDone = DispatchSemaphore(value: 0)

  init(
    reproduction: Reproduction, cells: [Reproduction.Cell], pending: [Int], options: Reproduction.Options, log: @escaping @Sendable (String) -> Void
  ) {
    self.reproduction = reproduction
    self.cells = cells
    self.pending = pending
    self.options = options
    self.log = log
  }

  /// The next pending cell, nil when none is left or a cell failed.
  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard failure == nil, position < pending.count else { return nil }
    position += 1
    return pending[position - 1]
  }

  /// Records the first failure; no further cell is handed out.
  func fail(_ problem: String) {
    lock.lock()
    defer { lock.unlock() }
    if failure == nil { failure = LabError.invalidInput(place: "distributed run", problem: problem) }
  }

  /// Stores a worker's result: the cell index, the seconds it took, the encoded value.
  func store(_ payload: [UInt8]) {
    guard payload.count >= 16 else { return fail("a result message of \(payload.count) bytes") }
    let index = Int(payload.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) })
    let seconds = Double(bitPattern: payload.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self) })
    guard cells.indices.contains(index) else { return fail("a result for cell \(index) of \(cells.count)") }
    do {
      try reproduction.save(String(decoding: payload[16...], as: UTF8.self), of: cells[index], seconds: seconds, options: options)
      log("stored  \(cells[index].experiment.id) (computed by another rank in \(seconds) s)")
    } catch { fail("\(error)") }
  }

  /// Computes pending cells on this thread until the queue is empty.
  func computeOwnShare() {
    defer { ownShareDone.signal() }
    while let index = next() {
      let start = DispatchTime.now().uptimeNanoseconds
      do {
        let encoded = try reproduction.compute(cells[index], options: options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try reproduction.save(encoded, of: cells[index], seconds: seconds, options: options)
        log("stored  \(cells[index].experiment.id) (computed by rank 0 in \(seconds) s)")
      } catch { fail("\(cells[index].experiment.id): \(error)") }
    }
  }

  func waitForOwnShare() { ownShareDone.wait() }
}
