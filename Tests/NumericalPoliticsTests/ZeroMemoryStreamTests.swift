import LabKit
import Testing

@testable import NumericalPolitics

/// The society's inline draws (an ``MT19937Stream`` or ``Taus2Stream`` copy of the generator) give
/// the run that GSL's calls give, bit for bit, and leave the generator where GSL would.
@Suite struct ZeroMemoryStreamTests {
  @Test(arguments: [Random.Algorithm.mt19937, .taus2])
  func inlineDrawsReproduceGSLCalls(algorithm: Random.Algorithm) {
    var constants = QLearningConstants()
    constants.explorationDecay = 0.9995
    let inline = Random(seed: 31, algorithm: algorithm)
    var throughGSL = Random(seed: 31, algorithm: algorithm)
    var first = ZeroMemorySociety(agents: 6, constants: constants, initial: .random, random: inline)
    var second = ZeroMemorySociety(agents: 6, constants: constants, initial: .random, random: throughGSL)
    let a = first.run(encountersPerAgent: 4_000, checkpointCount: 5, random: inline)
    let b = second.run(encountersPerAgent: 4_000, checkpointCount: 5, random: &throughGSL)
    #expect(a.checkpoints == b.checkpoints)
    #expect(a.differences == b.differences)
    #expect(a.greedy == b.greedy)
    #expect(a.exploration == b.exploration)
    #expect(inline.next() == throughGSL.next())
  }
}
