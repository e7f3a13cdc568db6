/// How a ``Rollout`` keeps its observations.
public enum ObservationStorage: Sendable, Equatable {
  /// `observationSize` numbers per row, as given.
  case dense
  /// One-hot categorical cells, one byte per cell: code 0 is all zeros, code c ≥ 1 a one in channel
  /// c − 1; row k decodes to `channels · cells` numbers, channel-major (entry (c − 1)·cells + j is 1 when
  /// cell j holds code c). For observations of that form (the gridworld windows) it holds the same
  /// information in `cells` bytes instead of `8 · channels · cells`, which is what lets a rollout of
  /// thousands of players fit in memory.
  case oneHot(cells: Int, channels: Int)
}

/// The samples one PPO update learns from: `steps` steps of `players` parallel players (time-major:
/// row t·players + i is player i at step t), each with its observation, action, the log-probability
/// and value the policy gave when acting, the reward and whether the episode ended with that step;
/// plus the bootstrap values V(s_T) after the last step.
public struct Rollout: Sendable {
  public let steps: Int
  public let players: Int
  public let observationSize: Int
  public let storage: ObservationStorage
  /// Dense observations (`count × observationSize`; empty with one-hot storage).
  public var observations: [Double]
  /// One-hot cell codes (`count × cells`; empty with dense storage).
  public var codes: [UInt8]
  public var actions: [Int]
  public var logProbabilities: [Double]
  public var values: [Double]
  public var rewards: [Double]
  public var terminal: [Bool]
  public var lastValues: [Double]

  public var count: Int { steps * players }

  public init(steps: Int, players: Int, observationSize: Int, storage: ObservationStorage = .dense) {
    if case .oneHot(let cells, let channels) = storage {
      precondition(cells * channels == observationSize, "Rollout: \(channels) channels of \(cells) cells for observations of \(observationSize)")
    }
    self.steps = steps
    self.players = players
    self.observationSize = observationSize
    self.storage = storage
    let n = steps * players
    if case .oneHot(let cells, _) = storage {
      observations = []
      codes = [UInt8](repeating: 0, count: n * cells)
    } else {
      observations = [Double](repeating: 0, count: n * observationSize)
      codes = []
    }
    actions = [Int](repeating: 0, count: n)
    logProbabilities = [Double](repeating: 0, count: n)
    values = [Double](repeating: 0, count: n)
    rewards = [Double](repeating: 0, count: n)
    terminal = [Bool](repeating: false, count: n)
    lastValues = [Double](repeating: 0, count: players)
  }

  /// Bytes held by the rollout's arrays (their counts times their elements' sizes).
  public var bytes: Int {
    observations.count * 8 + codes.count + actions.count * 8 + logProbabilities.count * 8 + values.count * 8 + rewards.count * 8
      + terminal.count + lastValues.count * 8
  }

  /// Records step t's observations (`players × observationSize`) and the policy's decisions on them,
  /// by acting with `policy`; returns the sampled actions (dense storage).
  public mutating func act(step t: Int, observations batch: [Double], policy: ActorCritic, random: Random, threads: Int = 1) -> [Int] {
    precondition(storage == .dense, "Rollout.act(observations:): a one-hot rollout takes codes")
    precondition(batch.count == players * observationSize, "Rollout.act: \(batch.count) numbers for \(players) observations")
    var a = [Int](repeating: 0, count: players)
    var lp = [Double](repeating: 0, count: players)
    var v = [Double](repeating: 0, count: players)
    policy.act(batch, rows: players, random: random, actions: &a, logProbabilities: &lp, values: &v, threads: threads)
    observations.replaceSubrange((t * players * observationSize)..<((t + 1) * players * observationSize), with: batch)
    record(step: t, actions: a, logProbabilities: lp, values: v)
    return a
  }

  /// Records step t's one-hot observations, given as `players × cells` codes, and the policy's
  /// decisions on them through ``ActorCritic/act(binary:random:actions:logProbabilities:values:threads:)``
  /// (which sums the first layer in the order of the ones: not the bytes of the dense product).
  public mutating func act(step t: Int, codes rowCodes: [UInt8], policy: ActorCritic, random: Random, threads: Int = 1) -> [Int] {
    guard case .oneHot(let cells, _) = storage else { preconditionFailure("Rollout.act(codes:): the rollout is not one-hot") }
    precondition(rowCodes.count == players * cells, "Rollout.act: \(rowCodes.count) codes for \(players) rows of \(cells) cells")
    var batch = BinaryRows(width: observationSize, capacity: players * cells)
    rowCodes.withUnsafeBufferPointer { c in for i in 0..<players { batch.appendCodes(c.baseAddress! + i * cells, cells: cells) } }
    var a = [Int](repeating: 0, count: players)
    var lp = [Double](repeating: 0, count: players)
    var v = [Double](repeating: 0, count: players)
    policy.act(binary: batch, random: random, actions: &a, logProbabilities: &lp, values: &v, threads: threads)
    codes.replaceSubrange((t * players * cells)..<((t + 1) * players * cells), with: rowCodes)
    record(step: t, actions: a, logProbabilities: lp, values: v)
    return a
  }

  /// Stores step t's sampled actions, their log-probabilities and the critic's values.
  private mutating func record(step t: Int, actions a: [Int], logProbabilities lp: [Double], values v: [Double]) {
    let base = t * players
    for i in 0..<players {
      actions[base + i] = a[i]
      logProbabilities[base + i] = lp[i]
      values[base + i] = v[i]
    }
  }

  /// Rows `rows` of a one-hot rollout as ``BinaryRows``.
  public func binaryRows(_ rows: [Int]) -> BinaryRows {
    guard case .oneHot(let cells, _) = storage else { preconditionFailure("Rollout.binaryRows: the rollout is not one-hot") }
    var out = BinaryRows(width: observationSize, capacity: rows.count * cells)
    codes.withUnsafeBufferPointer { c in for k in rows { out.appendCodes(c.baseAddress! + k * cells, cells: cells) } }
    return out
  }

  /// Writes row k's observation (decoded if one-hot) into `out[0 ..< observationSize]`.
  public func writeObservation(row k: Int, into out: UnsafeMutablePointer<Double>) {
    switch storage {
    case .dense:
      observations.withUnsafeBufferPointer { o in out.update(from: o.baseAddress! + k * observationSize, count: observationSize) }
    case .oneHot(let cells, _):
      out.update(repeating: 0, count: observationSize)
      codes.withUnsafeBufferPointer { c in
        let row = c.baseAddress! + k * cells
        for j in 0..<cells where row[j] != 0 { out[(Int(row[j]) - 1) * cells + j] = 1 }
      }
    }
  }

  /// Records step t's rewards and episode ends.
  public mutating func reward(step t: Int, _ r: [Double], terminal done: Bool) {
    for i in 0..<players {
      rewards[t * players + i] = r[i]
      terminal[t * players + i] = done
    }
  }
}
