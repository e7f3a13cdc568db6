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
/// agree with nashpy's (scipy `odeint`, LSODA, relative tolerance 1.5e-8) within 1e-6. The Taylor
/// series method (``taylorTrajectory(from:times:tolerance:)``, Jorba and Zou 2005) integrates the
/// same system with adaptive steps and its Taylor polynomials as dense output; `game dynamics` uses it
/// by default, RK4 on request.
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
    let n = dimension
    let table = withRungeKutta(from: initial, rows: times.count) { output, buffers in
      for (index, time) in times.enumerated() {
        let span = index > 0 ? time - times[index - 1] : 0
        if span > 0 {
          let steps = max(1, Int((span / step).rounded(.up)))
          let h = span / Double(steps)
          buffers.evaluateLeft()
          for _ in 0..<steps {
            buffers.step(h: h)
            buffers.advance()
          }
        }
        for i in 0..<n { output[index * n + i] = buffers.left[i] }
      }
    }
    return stride(from: 0, to: table.count, by: n).map { Array(table[$0..<$0 + n]) }
  }

  /// The velocity ẋ at `state`.
  public func velocity(at state: [Double]) -> [Double] {
    withRungeKutta(from: state, rows: 1) { output, buffers in
      buffers.evaluateLeft()
      for i in 0..<dimension { output[i] = buffers.leftVelocity[i] }
    }
  }

  /// Validates a starting state and the times (at least one, finite, non-decreasing).
  func checkInput(_ initial: [Double], _ times: [Double]) throws {
    try checkState(initial)
    guard !times.isEmpty else {
      throw LabError.invalidInput(place: "replicator dynamics", problem: "no times given")
    }
    // One pass for both checks (a trajectory of 1000 points costs a few microseconds in all).
    var previous = -Double.infinity
    for (index, time) in times.enumerated() {
      guard time.isFinite else {
        throw LabError.invalidInput(place: "replicator dynamics, time \(index + 1)", problem: "\(time) is not a finite number")
      }
      guard time >= previous else {
        throw LabError.invalidInput(place: "replicator dynamics, time \(index + 1)", problem: "the times must not decrease")
      }
      previous = time
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
}
