/// §3.1.2 of Numerical Politics: the MAP (π_n, Δ) of the conformist/deviant model given a public
/// buffer, as ``NormInference/estimate(_:maximumMoves:priorShape:maximumIterations:tolerance:)`` finds it.
public struct NormEstimate: Sendable {
  /// π̂_n, the social norm (both sides of the dialogue). Nodes where no norm-follower was seen keep
  /// the uniform distribution (any distribution is a maximum there).
  public var norm: TabularPolicy
  /// Δ̂, the fraction of deviants.
  public var deviantFraction: Double
  /// log P(B | π̂_n, Δ̂) + log P(Δ̂), the log posterior up to the constant −log P(B) (the prior on π_n
  /// is uniform, so it adds a constant too).
  public var logPosterior: Double
  /// The EM iterations (M-steps) done.
  public var iterations: Int

  public init(norm: TabularPolicy, deviantFraction: Double, logPosterior: Double, iterations: Int) {
    self.norm = norm
    self.deviantFraction = deviantFraction
    self.logPosterior = logPosterior
    self.iterations = iterations
  }
}
