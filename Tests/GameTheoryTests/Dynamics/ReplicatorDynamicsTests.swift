import Foundation
import LabKit
import Testing

@testable import GameTheory

/// The replicator dynamics against their closed forms and constants of motion.
@Suite struct ReplicatorDynamicsTests {
  /// A = [[1, 1], [0, 0]]: action 1 earns 1 more than action 2 whatever the population, so
  /// ẋ = x (1 − x), the logistic equation, x(t) = x₀eᵗ / (1 − x₀ + x₀eᵗ).
  @Test func constantAdvantageIsLogistic() throws {
    let dynamics = try ReplicatorDynamics(.one([[1, 1], [0, 0]]))
    let times = [0, 0.5, 1, 2.5, 5, 8]
    let path = try dynamics.trajectory(from: [0.1, 0.9], times: times)
    for (t, state) in zip(times, path) {
      let exact = 0.1 * exp(t) / (0.9 + 0.1 * exp(t))
      #expect(abs(state[0] - exact) < 1e-9, "t = \(t)")
      #expect(abs(state[0] + state[1] - 1) < 1e-12)
    }
  }

  /// Rock–paper–scissors with A = [[0, −1, 1], [1, 0, −1], [−1, 1, 0]] (zero-sum): the product
  /// x₁x₂x₃ is a constant of motion (Hofbauer and Sigmund 1998), so orbits are closed.
  @Test func rockPaperScissorsConservesTheProduct() throws {
    let dynamics = try ReplicatorDynamics(.one([[0, -1, 1], [1, 0, -1], [-1, 1, 0]]))
    let start = [0.5, 0.3, 0.2]
    let path = try dynamics.trajectory(from: start, times: Array(stride(from: 0.0, through: 30, by: 1.5)))
    let product = start.reduce(1, *)
    for state in path { #expect(abs(state.reduce(1, *) - product) < 1e-9) }
    #expect(abs(path.last![0] - start[0]) > 1e-3)  // it moves
  }

  /// Matching pennies between two populations: ln x₁ + ln x₂ + ln y₁ + ln y₂ is a constant of
  /// motion of the two-population dynamics of a zero-sum game with interior equilibrium (1/2, 1/2).
  @Test func matchingPenniesConservesTheLogSum() throws {
    let game = try Bimatrix(row: [[1, -1], [-1, 1]], column: [[-1, 1], [1, -1]])
    let dynamics = try ReplicatorDynamics(.two(game))
    let start = [0.8, 0.2, 0.3, 0.7]
    let path = try dynamics.trajectory(from: start, times: Array(stride(from: 0.0, through: 20, by: 2.0)))
    let invariant = { (s: [Double]) in s.map(log).reduce(0, +) }
    for state in path { #expect(abs(invariant(state) - invariant(start)) < 1e-8) }
  }

  /// The velocity is x ∘ (A x − xᵀAx) at a point, computed by hand.
  @Test func velocityAtAPoint() throws {
    let dynamics = try ReplicatorDynamics(.one([[3, 0], [5, 1]]))
    // x = (1/2, 1/2): A x = (1.5, 3), mean 2.25, velocity (−0.375, 0.375).
    #expect(dynamics.velocity(at: [0.5, 0.5]) == [-0.375, 0.375])
  }

  /// The discrete map with A = [[2, 2], [1, 1]] doubles the odds of action 1 every generation.
  @Test func discreteMapDoublesTheOdds() throws {
    let dynamics = try DiscreteReplicatorDynamics(matrix: [[2, 2], [1, 1]])
    let path = try dynamics.trajectory(from: [0.25, 0.75], generations: 6)
    for (t, state) in path.enumerated() {
      let odds = pow(2, Double(t + 1)) / 3
      #expect(abs(state[0] / state[1] - odds) < 1e-12 * odds)
    }
  }

  @Test func badInputIsRefused() throws {
    #expect(throws: LabError.self) { try ReplicatorDynamics(.one([[1, 2, 3], [4, 5, 6]])) }
    #expect(throws: LabError.self) { try ReplicatorDynamics(.one([[1, .nan], [0, 0]])) }
    #expect(throws: LabError.self) { try ReplicatorDynamics(.one([[1, 1e300], [0, 0]])) }
    #expect(throws: LabError.self) { try ReplicatorDynamics(.one([[1, 0], [0, 1]]), step: 0) }
    let dynamics = try ReplicatorDynamics(.one([[1, 0], [0, 1]]))
    #expect(throws: LabError.self) { try dynamics.trajectory(from: [0.5, 0.6], times: [0, 1]) }
    #expect(throws: LabError.self) { try dynamics.trajectory(from: [0.5, 0.5], times: [0, 2, 1]) }
    #expect(throws: LabError.self) { try dynamics.trajectory(from: [0.5, 0.5], times: [0, .infinity]) }
    #expect(throws: LabError.self) { try dynamics.trajectory(from: [0.5, 0.5], times: []) }
    #expect(throws: LabError.self) { try DiscreteReplicatorDynamics(matrix: [[1, 0], [2, 1]]) }
    let error = RepeatedTestSupport.labError { _ = try Bimatrix(row: [[1, 2], [3, .infinity]], column: [[1, 2], [3, 4]]) }
    #expect(error == .invalidInput(place: "row player's matrix, row 2, column 2", problem: "inf is not a finite number of magnitude at most 1e150"))
  }
}
