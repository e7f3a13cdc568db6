import Testing

@testable import LabKit

@Suite struct RunContextTests {
  static func context(jobs: Int) throws -> RunContext {
    RunContext(experimentID: "test.runner", scale: .smoke, seed: 7, parameters: try Parameters([], scale: .smoke), jobs: jobs)
  }

  @Test func resultsDoNotDependOnJobs() throws {
    let work: @Sendable (Int, Random) -> [Double] = { replicate, random in
      // Unequal amounts of work, so that with several jobs replicates finish out of order.
      (0..<(1000 * (replicate % 4 + 1))).map { _ in random.uniform() }.suffix(3).map { $0 }
    }
    let one = try Self.context(jobs: 1).replicates(24, work)
    let two = try Self.context(jobs: 2).replicates(24, work)
    let eight = try Self.context(jobs: 8).replicates(24, work)
    #expect(one == two)
    #expect(one == eight)
    #expect(Set(one.map { $0[0] }).count == 24)  // every replicate has its own stream
  }

  @Test func streamsAreNamedAndIndependent() throws {
    let context = try Self.context(jobs: 1)
    #expect(context.random(stream: "a", replicate: 0).next() == context.random(stream: "a", replicate: 0).next())
    #expect(context.random(stream: "a", replicate: 0).next() != context.random(stream: "b", replicate: 0).next())
    #expect(context.random(stream: "a", replicate: 0).seed == SeedMixing.seed(master: 7, stream: "test.runner/a", replicate: 0))
  }

  @Test func lowestFailingReplicateIsReported() throws {
    struct Failure: Error, Equatable { let replicate: Int }
    for jobs in [1, 3] {
      #expect(throws: Failure(replicate: 5)) {
        _ = try Self.context(jobs: jobs).replicates(12) { replicate, _ -> Int in
          if replicate == 5 || replicate == 9 { throw Failure(replicate: replicate) }
          return replicate
        }
      }
    }
  }
}
