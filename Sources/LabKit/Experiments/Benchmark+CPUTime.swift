import Foundation

extension Benchmark {
  /// As ``measure(repetitions:scale:)``, but timed in CPU time of the process
  /// (`clock_gettime(CLOCK_PROCESS_CPUTIME_ID)`), so that a comparison with another program on a
  /// shared machine does not depend on how busy the machine is. The bodies are single-threaded.
  public func measureCPUTime(repetitions: Int = 5, scale: Double = 1) -> (unitsPerSecond: Double, checksum: Double) {
    let units = max(1, Int(Double(count) * scale))
    var checksum = body(max(1, units / 10))
    var best = Double.infinity
    for _ in 0..<max(1, repetitions) {
      let start = Benchmark.processCPUSeconds()
      checksum += body(units)
      best = min(best, Benchmark.processCPUSeconds() - start)
    }
    return (Double(units) / max(best, 1e-9), checksum)
  }

  /// The CPU time the process has used, in seconds.
  static func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
