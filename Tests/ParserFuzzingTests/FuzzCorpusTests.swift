import Foundation
import Testing

@testable import ParserFuzzing

/// Replays the committed fuzz corpora: the seeds every target starts from and every input fuzzing
/// ever found crashing or slow (`Tests/Fuzz/<target>/regressions`). A crash kills the test run; an
/// input over 5 seconds (libFuzzer's `-timeout=5`) fails here.
@Suite struct FuzzCorpusTests {
  static let corpusRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

  static func inputs(_ target: ParserFuzzTarget, _ kind: String) -> [URL] {
    let folder = corpusRoot.appendingPathComponent(target.rawValue).appendingPathComponent(kind)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appendingPathComponent($0) }
  }

  @Test(arguments: ParserFuzzTarget.allCases)
  func everySeedAndRegressionRunsWithinFiveSeconds(target: ParserFuzzTarget) throws {
    let seeds = Self.inputs(target, "seeds")
    #expect(seeds.count >= 3, "\(target): the seed corpus is missing")
    for url in seeds + Self.inputs(target, "regressions") {
      let bytes = try [UInt8](Data(contentsOf: url))
      let start = Date()
      target.run(bytes)
      let seconds = Date().timeIntervalSince(start)
      #expect(seconds < 5, "\(target.rawValue)/\(url.lastPathComponent) took \(seconds) s")
    }
  }
}
