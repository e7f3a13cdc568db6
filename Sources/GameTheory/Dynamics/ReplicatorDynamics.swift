import LabKit

/// The continuous replicator dynamics (Taylor and Jonker 1978; for two populations Taylor 1979;
/// Hofbauer and Sigmund 1998, *Evolutionary Games and Population Dynamics*), integrated by the classical fourth-order Runge–Kutta method with a fixed step.
///
/// One population playing the symmetric game with payoff matrix A (``Populations/one``):
///
///     ẋᵢ = xᵢ ((A x)ᵢ − xᵀ A x),
///
/// nashpy's `Game(A).replicator_dynamics`. Two populations, the row players with payoffs A and the
/// column players with payoffs B (``Populations/two``):
///
///     ẋᵢ = xᵢ ((A y)ᵢ − xᵀ A y),   ẏⱼ = yⱼ ((Bᵀ x)ⱼ − xᵀ B y),
///
/// nashpy's `asymmetric_replicator_dynamics`.
///
/// **Integrator.** GSL's ODE solvers (`gsl_odeiv2`) are not exposed by the CGSL module map, so the
/// system is integrated by classical RK4 (Press et al., *Numerical Recipes*, 3rd ed., §17.1):
/// from each requested time to the next, n = ⌈Δt / h⌉ equal steps of Δt / n ≤ h. The global error
/// is O(h⁴); at the default h = 0.01 it is below 1e-8 on the games of the tests, where the values
/// agree with nashpy's (scipy `odeint`, LSODA, relative tolerance 1.5e-8) within 1e-6.
public struct ReplicatorDynamics: Sendable {
  /// Who plays whom.
  public enum Populations: Sendable, Equatable {
    /// One population, matched at random, in the symmetric game with this (square) row-player matrix.
    case one([[Double]])
    /// Two populations, row players against column players, in this bimatrix game.
    case two(Bimatrix)
  }

  /// The populations and their game.
  public let populations: Populations
  /// The largest RK4 step h.
  public let step: Double

  let rows: Int
  let columns: Int
  /// Row-major A (rows × columns) and B (rows × columns); for one population B is unused.
  let a: [Double]
  let b: [Double]

  /// The default step h.
  public static let defaultStep = 0.01

  /// - Throws: ``LabError/invalidInput(place:problem:)`` if the matrix of one population is not square
  ///   or not finite (see ``Bimatrix``), or the step is not a positive finite number.
  public init(_ populations: Populations, step: Double = ReplicatorDynamics.defaultStep) throws {
    guard step > 0, step.isFinite else {
      throw LabError.invalidInput(place: "replicator dynamics", problem: "the step must be a positive number, got \(step)")
    }
    switch populations {
    case .one(let matrix):
      let game = try Bimatrix(symmetric: matrix)
      (rows, columns, a, b) = (matrix.count, matrix.count, game.row.flatMap { $0 }, [])
    case .two(let game):
      (rows, columns, a, b) = (game.shape.rows, game.shape.columns, game.row.flatMap { $0 }, game.column.flatMap { $0 })
    }
    self.populations = populations
    self.step = step
  }

  /// The number of entries of the state: the population's strategy, or the row population's followed
  /// by the column population's.
  public var dimension: Int { b.isEmpty ? rows : rows + columns }

  /// The state at each of `times`, starting from `initial` at `times[0]`.
  ///
  /// - Parameters:
  ///   - initial: the population's distribution over actions, or the row population's followed by the
  ///     column population's (each non-negative and summing to 1).
  ///   - times: non-decreasing finite times, at least one; the first is the initial time.
  /// - Returns: one state per time (the first is `initial`).
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a malformed state or times.
  public func trajectory(from initial: [Double], times: [Double]) throws -> [[Double]] {
    try checkInput(initial, times)
    let first = times[0]
    var state = initial
    var workspace = Workspace(dimension: dimension)
    var result = [state]
    result.reserveCapacity(times.count)
    var now = first
    for time in times.dropFirst() {
      let span = time - now
      let steps = max(1, Int((span / step).rounded(.up)))
      let h = span / Double(steps)
      if span > 0 { for _ in 0..<steps { rungeKuttaStep(&state, h: h, workspace: &workspace) } }
      result.append(state)
      now = time
    }
    return result
  }

  /// The velocity ẋ at `state`.
  public func velocity(at state: [Double]) -> [Double] {
    var output = [Double](repeating: 0, count: dimension)
    var scratch = [Double](repeating: 0, count: dimension)
    derivative(state, into: &output, scratch: &scratch)
    return output
  }

  /// Validates a starting state and the times (at least one, finite, non-decreasing).
  func checkInput(_ initial: [Double], _ times: [Double]) throws {
    try checkState(initial)
    guard !times.isEmpty else {
      throw LabError.invalidInput(place: "replicator dynamics", problem: "no times given")
    }
    if let bad = times.firstIndex(where: { !$0.isFinite }) {
      throw LabError.invalidInput(place: "replicator dynamics, time \(bad + 1)", problem: "\(times[bad]) is not a finite number")
    }
    if let bad = times.indices.dropFirst().first(where: { times[$0] < times[$0 - 1] }) {
      throw LabError.invalidInput(place: "replicator dynamics, time \(bad + 1)", problem: "the times must not decrease")
    }
  }

  private func checkState(_ state: [Double]) throws {
    if b.isEmpty {
      try checkDistribution(state, count: rows, place: "initial population")
    } else {
      guard state.count == rows + columns else {
        throw LabError.invalidInput(
          place: "initial populations", problem: "\(state.count) entries; give \(rows) row then \(columns) column shares")
      }
      try checkDistribution(Array(state[..<rows]), count: rows, place: "initial row population")
      try checkDistribution(Array(state[rows...]), count: columns, place: "initial column population")
    }
  }

  /// Buffers reused by every step, so the integration allocates nothing per step.
  private struct Workspace {
    var k1, k2, k3, k4, probe, scratch: [Double]
    init(dimension: Int) {
      let zero = [Double](repeating: 0, count: dimension)
      (k1, k2, k3, k4, probe, scratch) = (zero, zero, zero, zero, zero, zero)
    }
  }

  /// One classical RK4 step of size h.
  private func rungeKuttaStep(_ state: inout [Double], h: Double, workspace w: inout Workspace) {
    let n = state.count
    derivative(state, into: &w.k1, scratch: &w.scratch)
    for i in 0..<n { w.probe[i] = state[i] + h / 2 * w.k1[i] }
    derivative(w.probe, into: &w.k2, scratch: &w.scratch)
    for i in 0..<n { w.probe[i] = state[i] + h / 2 * w.k2[i] }
    derivative(w.probe, into: &w.k3, scratch: &w.scratch)
    for i in 0..<n { w.probe[i] = state[i] + h * w.k3[i] }
    derivative(w.probe, into: &w.k4, scratch: &w.scratch)
    for i in 0..<n { state[i] += h / 6 * (w.k1[i] + 2 * w.k2[i] + 2 * w.k3[i] + w.k4[i]) }
  }

  /// ẋ at `x`; `scratch` holds the payoffs (A x, or A y then Bᵀ x).
  private func derivative(_ x: [Double], into output: inout [Double], scratch: inout [Double]) {
    if b.isEmpty {
      var mean = 0.0
      for i in 0..<rows {
        var payoff = 0.0
        for j in 0..<rows { payoff += a[i * rows + j] * x[j] }
        scratch[i] = payoff
        mean += payoff * x[i]
      }
      for i in 0..<rows { output[i] = x[i] * (scratch[i] - mean) }
      return
    }
    var rowMean = 0.0
    for i in 0..<rows {
      var payoff = 0.0
      for j in 0..<columns { payoff += a[i * columns + j] * x[rows + j] }
      scratch[i] = payoff
      rowMean += payoff * x[i]
    }
    var columnMean = 0.0
    for j in 0..<columns {
      var payoff = 0.0
      for i in 0..<rows { payoff += b[i * columns + j] * x[i] }
      scratch[rows + j] = payoff
      columnMean += payoff * x[rows + j]
    }
    for i in 0..<rows { output[i] = x[i] * (scratch[i] - rowMean) }
    for j in 0..<columns { output[rows + j] = x[rows + j] * (scratch[rows + j] - columnMean) }
  }
}
