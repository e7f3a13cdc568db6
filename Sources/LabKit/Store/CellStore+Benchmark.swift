import Foundation

extension CellStore {
  /// The store's overhead per cell: one write (its own transaction) and one verified read of a cell of
  /// 62 kB, the mean size of the cells at smoke scale (a record and a 60 kB SVG), in a fresh store.
  public static let benchmarks: [Benchmark] = [
    Benchmark(id: "labkit.store.cell", summary: "save and verified lookup of a 62 kB cell, SQLite WAL", unit: "cells", count: 2000) { n in
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-bench-\(UUID().uuidString)").path
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let store = CellStore(folder: folder)
      let record = JSONValue.object([
        ("id", .string("bench.cell")), ("title", .string("A cell")), ("sections", .array([])), ("parameters", .object([])),
        ("claims", .array([])), ("tables", .array([])),
        ("figures", .array([.object([("path", .string("Figures/Bench/f.svg")), ("title", .string("f")), ("data", .null)])])),
      ])
      let svg = String(repeating: "<circle cx=\"1.5\" cy=\"2.5\" r=\"3\"/>\n", count: 1_700)
      guard let cell = try? StoredCell(record: ExperimentRecord(json: record, place: "bench"), svgs: [svg]),
        let parameters = try? Parameters([], scale: .smoke, overrides: [:])
      else { return .nan }
      var found = 0.0
      for index in 0..<n {
        let key = CellKey(experiment: "bench.cell", scale: .smoke, seed: UInt64(index), parameters: parameters, fingerprint: "bench")
        try? store.save(cell, for: key, seconds: 0)
        if case .hit = try? store.lookup(key) { found += 1 }
      }
      return found
    }
  ]
}
