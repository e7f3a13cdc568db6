import ArgumentParser
import GameTheory
import LabKit

extension Reproduce {
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure the throughput of the hot loops (units per second, best of several runs).")

    @Argument(help: "Benchmark ids or id prefixes to run (all when none is given).")
    var ids: [String] = []

    @Option(help: "Repetitions per benchmark; the best is reported.")
    var repetitions: Int = 5

    @Option(help: "Multiply every benchmark's amount of work by this factor.")
    var workScale: Double = 1

    @Option(help: "wall (elapsed time) or cpu (CPU time of the process, for comparisons on a busy machine).")
    var clock: BenchClock = .wall

    func validate() throws {
      guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
      guard workScale > 0, workScale.isFinite else { throw ValidationError("--work-scale must be a positive number") }
    }

    func run() throws {
      let all =
        Random.benchmarks + CellStore.benchmarks + Tournament.benchmarks + DynamicsBenchmarks.all + NormalFormGame.lemkeHowsonBenchmarks
        + Catalog.all.papers.flatMap(\.benchmarks)
      let chosen = ids.isEmpty ? all : all.filter { benchmark in ids.contains { benchmark.id.hasPrefix($0) } }
      guard !chosen.isEmpty else {
        throw ValidationError("no benchmark matches \(ids.joined(separator: ", ")); known: \(all.map(\.id).joined(separator: ", "))")
      }
      let width = chosen.map(\.id.count).max()!
      for benchmark in chosen {
        let (rate, _) =
          clock == .cpu
          ? benchmark.measureCPUTime(repetitions: repetitions, scale: workScale)
          : benchmark.measure(repetitions: repetitions, scale: workScale)
        let pad = String(repeating: " ", count: width - benchmark.id.count)
        let limit = BenchLimit.forBenchmark(benchmark.id).map { "  [\($0.describe(rate: rate, cpuClock: clock == .cpu))]" } ?? ""
        print(
          "\(benchmark.id)\(pad)  \(DecimalFormat.compact(rate / 1e6, significant: 4)) million \(benchmark.unit)/s  (\(benchmark.summary))\(limit)")
      }
    }
  }
}

/// The clock `reproduce bench` times with.
enum BenchClock: String, ExpressibleByArgument {
  case wall, cpu
}
