import Testing

@testable import LabKit

/// The learner's products split over threads give the same bytes as on one thread; one-hot rollouts
/// learn exactly as dense ones; the counted multiply-adds follow their formulas.
@Suite struct ParallelLearningTests {
  /// A rollout of `players` × `steps` rows with random one-hot codes (3 channels of 121 cells), random
  /// actions, rewards and old log-probabilities, in the chosen storage.
  static func rollout(storage: ObservationStorage, players: Int, steps: Int, seed: UInt32) -> Rollout {
    let random = Random(seed: seed)
    var rollout = Rollout(steps: steps, players: players, observationSize: 363, storage: storage)
    let policy = try! ActorCritic(observationSize: 363, hidden: [32], actionCount: 7, random: Random(seed: 5))
    for t in 0..<steps {
      let codes = (0..<(players * 121)).map { _ in UInt8(random.index(below: 4)) }
      var dense = [Double](repeating: 0, count: players * 363)
      for i in 0..<players { for j in 0..<121 where codes[i * 121 + j] != 0 { dense[i * 363 + (Int(codes[i * 121 + j]) - 1) * 121 + j] = 1 } }
      if storage == .dense {
        _ = rollout.act(step: t, observations: dense, policy: policy, random: random)
      } else {
        _ = rollout.act(step: t, codes: codes, policy: policy, random: random)
      }
      rollout.reward(step: t, (0..<players).map { _ in Double(random.index(below: 2)) }, terminal: t == steps - 1)
    }
    return rollout
  }

  @Test func productsSplitOverThreadsGiveTheSameBytes() {
    let random = Random(seed: 3)
    for (rows, columns, inner, transposeA) in [
      (128, 32, 363, false), (32, 363, 128, true), (77, 8, 32, false), (1000, 32, 363, false), (1001, 8, 32, false), (131, 363, 128, true),
    ] {
      let a = (0..<(rows * inner)).map { _ in random.uniform(in: -1..<1) }
      let b = (0..<(inner * columns)).map { _ in random.uniform(in: -1..<1) }
      let start = (0..<(rows * columns)).map { _ in random.uniform(in: -1..<1) }
      var results: [[Double]] = []
      for threads in [1, 2, 3, 4] {
        var c = start
        c.withUnsafeMutableBufferPointer { cp in
          // op(A) is rows × inner: stored as inner × rows when transposed; B (inner × columns) as columns × inner, transposed.
          MatrixProduct.multiply(
            transposeA: transposeA, transposeB: true, rows: rows, columns: columns, inner: inner, a, lda: transposeA ? rows : inner, b,
            ldb: inner, beta: 1, cp.baseAddress!, ldc: columns, threads: threads)
        }
        results.append(c)
      }
      #expect(results.allSatisfy { $0 == results[0] }, "\(rows) × \(columns) × \(inner)")
    }
  }

  @Test func binaryRowsGiveTheDenseForwardUpToRounding() throws {
    let network = try DenseNetwork(layerSizes: [363, 32, 8], random: Random(seed: 2))
    let random = Random(seed: 3)
    var binary = BinaryRows(width: 363)
    for _ in 0..<50 { binary.append((0..<363).filter { _ in random.index(below: 8) == 0 }) }
    let dense = network.forward(binary.dense, rows: 50).output
    let one = network.forward(binary: binary).output, two = network.forward(binary: binary, threads: 2).output
    #expect(one == two)
    #expect(zip(one, dense).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  @Test func oneHotRolloutsDecodeAndLearnAsDenseOnesWhateverTheThreads() {
    let storage = ObservationStorage.oneHot(cells: 121, channels: 3)
    let dense = Self.rollout(storage: .dense, players: 7, steps: 40, seed: 9)
    let coded = Self.rollout(storage: storage, players: 7, steps: 40, seed: 9)
    #expect(coded.codes.count == 280 * 121 && coded.observations.isEmpty && dense.codes.isEmpty)
    #expect(coded.bytes == 280 * (121 + 8 + 8 + 8 + 8 + 1) + 7 * 8)
    #expect(coded.actions == dense.actions)
    var row = [Double](repeating: 0, count: 363)
    for k in [0, 17, 279] {
      row.withUnsafeMutableBufferPointer { coded.writeObservation(row: k, into: $0.baseAddress!) }
      #expect(Array(row) == Array(dense.observations[(k * 363)..<((k + 1) * 363)]))
    }
    var learners: [PPOLearner] = []
    for (rollout, threads) in [(dense, 1), (dense, 2), (coded, 1), (coded, 2)] {
      let policy = try! ActorCritic(observationSize: 363, hidden: [32], actionCount: 7, random: Random(seed: 11))
      var learner = PPOLearner(policy: policy, plannedUpdates: 2)
      learner.threads = threads
      learner.update(rollout, random: Random(seed: 12))
      learner.update(rollout, random: Random(seed: 13))
      learners.append(learner)
    }
    // The same bytes whatever the threads; one-hot and dense agree up to rounding (the sums' order differs).
    #expect(learners[1].policy == learners[0].policy && learners[3].policy == learners[2].policy)
    #expect(learners[3].lastTerms == learners[2].lastTerms)
    let gap = zip(learners[0].policy.network.parameters, learners[2].policy.network.parameters).map { abs($0 - $1) }.max()!
    #expect(gap < 1e-6)
    // Dense: 2 updates × 4 epochs × 280 rows × (363·32 + 32·8 forward, + 363·32 + 2·32·8 for the gradient).
    #expect(DenseNetwork.forwardMultiplyAdds([363, 32, 8]) == 11_872)
    #expect(DenseNetwork.parameterGradientMultiplyAdds([363, 32, 8]) == 12_128)
    #expect(learners[1].multiplyAdds == 2 * 4 * 280 * 24_000)
    // One-hot: the first layer's two products are 32 additions per one.
    let ones = coded.codes.reduce(0) { $0 + ($1 == 0 ? 0 : 1) }
    #expect(learners[3].multiplyAdds == 2 * 4 * (64 * ones + 768 * 280))
    #expect(learners[0].bytes(rows: 280) == DenseNetwork.parameterCount([363, 32, 8]) * 32 + 280 * 24 + 128 * (363 + 32 + 8) * 16)
  }
}
