import CMPI
import Foundation
import LabKit

/// A run distributed over MPI ranks (`mpirun -n K reproduce run ...`, built with `REPRODUCE_MPI=1`):
/// a dynamic work queue of the selection's cells (``Reproduction/Cell``, one experiment each).
///
/// Rank 0 holds the queue and the store. Every other rank asks for a cell, computes it and sends its
/// encoded value back with the next request; rank 0 checks and stores it and answers with the next
/// cell or, when none is left, with stop. Rank 0 also computes cells on a second thread while its
/// main thread serves the queue (Open MPI at `MPI_THREAD_FUNNELED`: only the main thread calls MPI).
/// When the queue is empty every cell is in the store, and rank 0 runs the ordinary
/// ``Reproduction/run(_:options:log:)``, which takes them all from the store: the outputs are those
/// of a single-process run, byte for byte, for any number of ranks. A rank that dies takes the cell it
/// held with it; the rest are stored, and a rerun computes only what is missing.
///
/// Messages per cell: two (the cell index to the worker; the result, which is also the next request).
public enum MPICellQueue {
  /// What this process does after the queue is done.
  public enum Role: Sendable, Equatable {
    /// Rank 0: write the outputs from the store.
    case coordinator
    /// Any other rank: nothing more.
    case worker
  }

  enum Tag: Int32 {
    case ready = 1, result = 2, work = 3, stop = 4, failure = 5
  }

  /// Whether an MPI launcher (mpirun, srun with PMIx) started this process; otherwise no MPI call is made.
  public static var launched: Bool {
    let environment = ProcessInfo.processInfo.environment
    return ["OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"].contains { environment[$0] != nil }
  }

  /// Computes and stores every cell of `ids` that the store lacks, over all ranks, and says what this
  /// rank does next. Requires a store (rank 0 keeps the results there).
  public static func distribute(
    _ reproduction: Reproduction, ids: [String], options: Reproduction.Options, log: @escaping @Sendable (String) -> Void
  ) throws -> Role {
    var provided: Int32 = 0
    MPI_Init_thread(nil, nil, cmpi_thread_funneled(), &provided)
    defer { MPI_Finalize() }
    var rank: Int32 = 0
    var size: Int32 = 1
    MPI_Comm_rank(cmpi_comm_world(), &rank)
    MPI_Comm_size(cmpi_comm_world(), &size)
    // Every rank plans the same cells from the same arguments; a bad argument fails on every rank,
    // and rank 0 reports it.
    guard let cells = try? reproduction.cells(ids, options: options) else {
      if rank == 0 { _ = try reproduction.cells(ids, options: options) }
      return rank == 0 ? .coordinator : .worker
    }
    guard rank == 0 else {
      try work(reproduction, cells: cells, options: options)
      return .worker
    }
    guard options.store != nil else {
      serve(Coordinator(reproduction: reproduction, cells: cells, pending: [], options: options, log: log), workers: Int(size) - 1)
      throw LabError.invalidInput(place: "mpirun", problem: "a distributed run keeps its cells in the store; drop --no-store")
    }
    let pending = try cells.indices.filter { try !reproduction.isStored(cells[$0], options: options) }
    log("MPI: \(size) ranks, \(pending.count) of \(cells.count) cells to compute")
    let coordinator = Coordinator(reproduction: reproduction, cells: cells, pending: pending, options: options, log: log)
    let own = Thread { coordinator.computeOwnShare() }
    own.start()
    serve(coordinator, workers: Int(size) - 1)
    coordinator.waitForOwnShare()
    if let failure = coordinator.failure { throw failure }
    return .coordinator
  }

  /// Rank 0's main thread: answers every worker's request until each has been told to stop.
  static func serve(_ coordinator: Coordinator, workers: Int) {
    var active = workers
    while active > 0 {
      guard let (source, tag, payload) = receive() else {
        usleep(200)
        continue
      }
      if tag == .result { coordinator.store(payload) }
      if tag == .failure { coordinator.fail(String(decoding: payload, as: UTF8.self)) }
      if let index = coordinator.next() {
        send(bytes(of: Int64(index)), to: source, tag: .work)
      } else {
        send([], to: source, tag: .stop)
        active -= 1
      }
    }
  }

  /// A worker: asks for cells, computes them and returns them until told to stop.
  static func work(_ reproduction: Reproduction, cells: [Reproduction.Cell], options: Reproduction.Options) throws {
    send([], to: 0, tag: .ready)
    while true {
      guard let (_, tag, payload) = receive() else {
        usleep(200)
        continue
      }
      guard tag == .work else { return }
      let index = Int(payload.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) })
      let start = DispatchTime.now().uptimeNanoseconds
      do {
        let encoded = try reproduction.compute(cells[index], options: options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        send(bytes(of: Int64(index)) + bytes(of: seconds.bitPattern) + Array(encoded.utf8), to: 0, tag: .result)
      } catch {
        send(Array("\(cells[index].experiment.id): \(error)".utf8), to: 0, tag: .failure)
      }
    }
  }

  /// A waiting message, received; nil when none has arrived (polling rather than a blocking receive,
  /// which in Open MPI spins a core that oversubscribed ranks need).
  static func receive() -> (source: Int32, tag: Tag, payload: [UInt8])? {
    var flag: Int32 = 0
    var status = MPI_Status()
    MPI_Iprobe(cmpi_any_source(), cmpi_any_tag(), cmpi_comm_world(), &flag, &status)
    guard flag != 0 else { return nil }
    var count: Int32 = 0
    MPI_Get_count(&status, cmpi_byte(), &count)
    var payload = [UInt8](repeating: 0, count: Int(count))
    var received = MPI_Status()
    MPI_Recv(&payload, count, cmpi_byte(), status.MPI_SOURCE, status.MPI_TAG, cmpi_comm_world(), &received)
    return (status.MPI_SOURCE, Tag(rawValue: status.MPI_TAG) ?? .failure, payload)
  }

  static func send(_ payload: [UInt8], to destination: Int32, tag: Tag) {
    var payload = payload
    MPI_Send(&payload, Int32(payload.count), cmpi_byte(), destination, tag.rawValue, cmpi_comm_world())
  }

  static func bytes<T: FixedWidthInteger>(of value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
}
