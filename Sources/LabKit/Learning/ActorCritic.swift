/// An actor-critic with a shared torso: one ``DenseNetwork`` whose output row is the policy's
/// `actionCount` logits followed by the state value V(s). The policy is ``CategoricalPolicy`` over
/// the logits.
///
/// *Parameter sharing* (Appendix A of Social Environment Design: "PPO player agents with parameter
/// sharing"): every player's observation is one row of the same minibatch, evaluated by the same
/// parameters; the players differ only through what they observe.
public struct ActorCritic: Sendable, Equatable {
  public var network: DenseNetwork
  public let actionCount: Int

  public var observationSize: Int { network.inputSize }
  /// Width of an output row: logits then value.
  public var outputWidth: Int { actionCount + 1 }

  /// A fresh network with `hidden` hidden layers between the observation and the `actionCount + 1`
  /// outputs (PyTorch's default initialisation, ``DenseNetwork``).
  public init(observationSize: Int, hidden: [Int], actionCount: Int, random: Random) throws {
    guard actionCount >= 2 else {
      throw LabError.invalidInput(place: "ActorCritic", problem: "need at least two actions, got \(actionCount)")
    }
    network = try DenseNetwork(layerSizes: [observationSize] + hidden + [actionCount + 1], random: random)
    self.actionCount = actionCount
  }

  public init(network: DenseNetwork, actionCount: Int) throws {
    guard actionCount >= 2, network.outputSize == actionCount + 1 else {
      throw LabError.invalidInput(place: "ActorCritic", problem: "the network needs \(actionCount) + 1 outputs, has \(network.outputSize)")
    }
    self.network = network
    self.actionCount = actionCount
  }

  /// One decision per row of `observations` (`rows × observationSize`): the sampled actions, their
  /// log-probabilities and the values, writing into the given buffers (each of count `rows`). Draws
  /// one uniform per row, in row order; `threads` splits the forward pass (same bytes whatever it is).
  public func act(
    _ observations: [Double], rows: Int, random: Random, actions: inout [Int], logProbabilities: inout [Double], values: inout [Double],
    threads: Int = 1
  ) {
    decide(
      network.forward(observations, rows: rows, threads: threads).output, rows: rows, random: random, actions: &actions,
      logProbabilities: &logProbabilities, values: &values)
  }

  /// ``act(_:rows:random:actions:logProbabilities:values:threads:)`` on binary (one-hot) rows, through
  /// ``DenseNetwork/forward(binary:threads:)``.
  public func act(
    binary observations: BinaryRows, random: Random, actions: inout [Int], logProbabilities: inout [Double], values: inout [Double],
    threads: Int = 1
  ) {
    let rows = observations.rows
    decide(
      network.forward(binary: observations, threads: threads).output, rows: rows, random: random, actions: &actions,
      logProbabilities: &logProbabilities, values: &values)
  }

  /// Samples an action per output row (one uniform per row, in row order), with its log-probability and the value.
  private func decide(
    _ output: [Double], rows: Int, random: Random, actions: inout [Int], logProbabilities: inout [Double], values: inout [Double]
  ) {
    let width = outputWidth, count = actionCount
    var scratch = [Double](repeating: 0, count: count)
    output.withUnsafeBufferPointer { out in
      scratch.withUnsafeMutableBufferPointer { lp in
        for r in 0..<rows {
          let logits = UnsafeBufferPointer(rebasing: out[(r * width)..<(r * width + count)])
          CategoricalPolicy.logSoftmax(logits, into: lp)
          let a = CategoricalPolicy.sample(UnsafeBufferPointer(lp), uniform: random.uniform())
          actions[r] = a
          logProbabilities[r] = lp[a]
          values[r] = out[r * width + count]
        }
      }
    }
  }

  /// The values V(s) of each row (for bootstrapping at the end of a rollout).
  public func values(_ observations: [Double], rows: Int) -> [Double] {
    let output = network.forward(observations, rows: rows).output
    return (0..<rows).map { output[$0 * outputWidth + actionCount] }
  }

  /// The most probable action of each row (greedy evaluation).
  public func greedyActions(_ observations: [Double], rows: Int) -> [Int] {
    let output = network.forward(observations, rows: rows).output
    return (0..<rows).map { r in
      let row = output[(r * outputWidth)..<(r * outputWidth + actionCount)]
      return row.indices.max { output[$0] < output[$1] }! - r * outputWidth
    }
  }
}
