import LabKit

/// The distribution of the pair of observations (y₁, y₂) a diff function produces for a policy pair:
/// Definition 1 types diff as a map to ℝ², and in the introduction's example it is random (noise drawn
/// independently for each player), so the implementation returns a distribution over ℝ² (notes §2.2).
///
/// Four shapes cover what the paper discusses:
/// - ``atoms(_:)``: finitely many pairs with probabilities (deterministic diffs, the folk-theorem
///   construction, "arbitrary" diffs);
/// - ``independentNoise(base:noise:)``: yᵢ = baseᵢ + Nᵢ with N₁, N₂ independent (the introduction);
/// - ``commonNoise(base:noise:)``: yᵢ = baseᵢ + N with one draw N for both players;
/// - ``sampled(_:)``: anything else, given as a sampler (utilities by Monte Carlo only).
enum ObservationDistribution: Sendable {
  /// One observation pair with its probability.
  struct Atom: Sendable, Hashable {
    let first: Double
    let second: Double
    let probability: Double

    init(_ first: Double, _ second: Double, probability: Double = 1) {
      self.first = first
      self.second = second
      self.probability = probability
    }
  }

  case atoms([Atom])
  case independentNoise(base: (Double, Double), noise: (NoiseDistribution, NoiseDistribution))
  case commonNoise(base: (Double, Double), noise: NoiseDistribution)
  case sampled(@Sendable (Random) -> (Double, Double))

  /// A deterministic observation pair.
  static func point(_ first: Double, _ second: Double) -> ObservationDistribution { .atoms([Atom(first, second)]) }

  /// One draw of (y₁, y₂).
  func sample(_ random: Random) -> (Double, Double) {
    switch self {
    case .atoms(let atoms):
      if atoms.count == 1 { return (atoms[0].first, atoms[0].second) }
      let atom = atoms[random.categorical(atoms.map(\.probability))]
      return (atom.first, atom.second)
    case .independentNoise(let base, let noise):
      let n1 = noise.0.sample(random)
      let n2 = noise.1.sample(random)
      return (base.0 + n1, base.1 + n2)
    case .commonNoise(let base, let noise):
      let n = noise.sample(random)
      return (base.0 + n, base.1 + n)
    case .sampled(let draw):
      return draw(random)
    }
  }

  /// Whether exact utilities can be computed (every shape but ``sampled(_:)``).
  var isExact: Bool {
    if case .sampled = self { return false }
    return true
  }

  /// Checks the atoms' probabilities: finite, non-negative, summing to 1 within 1e-9.
  func validate(place: String) throws {
    guard case .atoms(let atoms) = self else { return }
    guard !atoms.isEmpty, atoms.allSatisfy({ $0.probability.isFinite && $0.probability >= 0 && $0.first.isFinite && $0.second.isFinite })
    else {
      throw LabError.invalidInput(place: place, problem: "observation atoms need finite observations and non-negative probabilities")
    }
    let total = atoms.reduce(0) { $0 + $1.probability }
    guard abs(total - 1) <= 1e-9 else {
      throw LabError.invalidInput(place: place, problem: "observation probabilities sum to \(total), not 1")
    }
  }
}
