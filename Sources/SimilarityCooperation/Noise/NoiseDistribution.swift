import LabKit

/// The distribution of the noise N added to a diff value: the introduction's example draws N from the
/// uniform distribution on [0, 1], independently for each player; the notes' "Proposition 2" (§3.3)
/// uses mean-zero noise such as a Gaussian. Any continuous distribution GSL provides a CDF and a
/// sampler for can be used; the families here cover the ones the experiments need.
///
/// A distribution is a GSL *base* family (with its parameters), optionally reflected (N = −B) and then
/// shifted by a location (N = ±B + location). Reflection and shift make mean-zero skewed noise from an
/// exponential, for instance `.exponential(mean: 1).shifted(by: -1)`.
///
/// CDFs, densities, quantiles and draws are GSL's, through LabKit's ``ContinuousFamily``.
struct NoiseDistribution: Sendable, Hashable, CustomStringConvertible {
  /// A GSL family with its parameters (LabKit's ``ContinuousFamily``).
  typealias Family = ContinuousFamily

  let family: Family
  /// Whether the base draw is negated (N = −B + location).
  let reflected: Bool
  /// Added to the (possibly reflected) base draw.
  let location: Double

  /// A base family, not reflected, not shifted.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a non-positive scale or an empty range.
  init(_ family: Family) throws {
    try self.init(family: family, reflected: false, location: 0)
  }

  init(family: Family, reflected: Bool, location: Double) throws {
    let place = "noise distribution"
    if let problem = family.parameterProblem { throw LabError.invalidInput(place: place, problem: problem) }
    guard location.isFinite else { throw LabError.invalidInput(place: place, problem: "location \(location) is not finite") }
    self.family = family
    self.reflected = reflected
    self.location = location
  }

  /// Uniform noise on [0, X], the introduction's example with X = 1 (notes §2.3, §3.2).
  static func uniform(width: Double) throws -> NoiseDistribution {
    guard width.isFinite, width > 0 else {
      throw LabError.invalidInput(place: "uniform noise", problem: "the width X must be a positive finite number, got \(width)")
    }
    return try NoiseDistribution(.uniform(lower: 0, upper: width))
  }

  /// Normal noise with mean 0 and standard deviation σ (the notes' "Proposition 2", §3.3).
  static func gaussian(standardDeviation: Double) throws -> NoiseDistribution {
    try NoiseDistribution(.gaussian(standardDeviation: standardDeviation))
  }

  /// The same noise moved by `shift`.
  func shifted(by shift: Double) throws -> NoiseDistribution {
    try NoiseDistribution(family: family, reflected: reflected, location: location + shift)
  }

  /// −N: the same noise mirrored about 0.
  func reflectedAboutZero() throws -> NoiseDistribution {
    try NoiseDistribution(family: family, reflected: !reflected, location: -location)
  }

  /// The noise families the experiments offer by name, each at scale `scale`: `uniform` is U[0, X],
  /// `gaussian` N(0, X²), `laplace` and `logistic` have scale parameter X and mean 0, `cauchy` median
  /// 0 and scale X, `exponential` mean X on [0, ∞), `centred-exponential` is Exp(mean X) − X (mean 0,
  /// skewed right), `reflected-exponential` is X − Exp(mean X) (mean 0, skewed left).
  static let familyNames = [
    "uniform", "gaussian", "laplace", "logistic", "cauchy", "exponential", "centred-exponential",
    "reflected-exponential",
  ]

  /// The family `family` at scale `scale`.
  static func named(_ family: NoiseFamily, scale: Double) throws -> NoiseDistribution { try named(family.rawValue, scale: scale) }

  /// The family `name` of ``familyNames`` at scale `scale`.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for an unknown name or a bad scale.
  static func named(_ name: String, scale: Double) throws -> NoiseDistribution {
    switch name {
    case "uniform": return try .uniform(width: scale)
    case "gaussian": return try .gaussian(standardDeviation: scale)
    case "laplace": return try NoiseDistribution(.laplace(scale: scale))
    case "logistic": return try NoiseDistribution(.logistic(scale: scale))
    case "cauchy": return try NoiseDistribution(.cauchy(scale: scale))
    case "exponential": return try NoiseDistribution(.exponential(mean: scale))
    case "centred-exponential": return try NoiseDistribution(.exponential(mean: scale)).shifted(by: -scale)
    case "reflected-exponential": return try NoiseDistribution(.exponential(mean: scale)).reflectedAboutZero().shifted(by: scale)
    default:
      throw LabError.invalidInput(place: "noise family", problem: "unknown family '\(name)'; known: \(familyNames.joined(separator: ", "))")
    }
  }

  // MARK: - The noise N

  /// P(N ≤ x). Exact at ±∞ (0 and 1).
  func cdf(_ x: Double) -> Double {
    if x == -.infinity { return 0 }
    if x == .infinity { return 1 }
    // Continuous families: P(−B ≤ z) = P(B ≥ −z) = P(B > −z).
    return reflected ? family.survival(location - x) : family.cumulative(x - location)
  }

  /// The density of N at x (0 outside the support).
  func density(_ x: Double) -> Double {
    guard x.isFinite else { return 0 }
    return family.density(reflected ? location - x : x - location)
  }

  /// The p-quantile of N, for p in (0, 1).
  func quantile(_ p: Double) -> Double {
    reflected ? location - family.quantile(1 - p) : location + family.quantile(p)
  }

  /// One draw of N from GSL's sampler.
  func sample(_ random: Random) -> Double {
    let b = family.sample(random)
    return reflected ? location - b : location + b
  }

  /// The support [lower, upper] (infinite ends for unbounded families).
  var support: ClosedRange<Double> {
    let base: (Double, Double)
    switch family {
    case .uniform(let a, let b): base = (a, b)
    case .exponential: base = (0, .infinity)
    default: base = (-.infinity, .infinity)
    }
    return reflected ? (location - base.1)...(location - base.0) : (location + base.0)...(location + base.1)
  }

  /// A characteristic width, the unit of the deviation grids: the uniform width, σ, or the scale parameter.
  var scale: Double {
    switch family {
    case .uniform(let a, let b): return b - a
    case .gaussian(let s), .laplace(let s), .logistic(let s), .cauchy(let s), .exponential(let s): return s
    }
  }

  /// E[N], or `nil` when it does not exist (Cauchy).
  var mean: Double? {
    let base: Double
    switch family {
    case .uniform(let a, let b): base = (a + b) / 2
    case .gaussian, .laplace, .logistic: base = 0
    case .cauchy: return nil
    case .exponential(let mu): base = mu
    }
    return reflected ? location - base : location + base
  }

  /// The median of N.
  var median: Double { quantile(0.5) }

  /// The mode of N (the highest point of the density); for the uniform family the midpoint, where
  /// every point is a mode.
  var mode: Double {
    let base: Double
    switch family {
    case .uniform(let a, let b): base = (a + b) / 2
    case .gaussian, .laplace, .logistic, .cauchy: base = 0
    case .exponential: base = 0
    }
    return reflected ? location - base : location + base
  }

  /// Points where the density jumps or has a kink: the payoff of a threshold deviation can have its
  /// maximum there, so deviation searches evaluate them exactly.
  var kinks: [Double] {
    switch family {
    case .uniform(let a, let b): return reflected ? [location - b, location - a] : [location + a, location + b]
    case .laplace, .exponential: return [location]
    case .gaussian, .logistic, .cauchy: return []
    }
  }

  /// Whether the density is symmetric about some point (then median = mode = mean where it exists).
  var isSymmetric: Bool {
    switch family {
    case .exponential: return false
    default: return true
    }
  }

  /// "U[0, 1]", "N(0, 0.1²)", "Exp(1) − 1", "1 − Exp(1)", ...
  var description: String {
    func f(_ x: Double) -> String { DecimalFormat.compact(x, significant: 6) }
    let base: String
    switch family {
    case .uniform(let a, let b):
      let (lo, hi) = reflected ? (location - b, location - a) : (location + a, location + b)
      return "U[\(f(lo)), \(f(hi))]"
    case .gaussian(let s): base = "N(0, \(f(s))²)"
    case .laplace(let a): base = "Laplace(0, \(f(a)))"
    case .logistic(let a): base = "Logistic(0, \(f(a)))"
    case .cauchy(let a): base = "Cauchy(0, \(f(a)))"
    case .exponential(let mu): base = "Exp(mean \(f(mu)))"
    }
    let signed = reflected ? "−" + base : base
    if location == 0 { return signed }
    if reflected { return "\(f(location)) − \(base)" }
    return location > 0 ? "\(base) + \(f(location))" : "\(base) − \(f(-location))"
  }
}

/// The noise families the experiments offer by name (a typed parameter choice; see ``NoiseDistribution/familyNames``).
enum NoiseFamily: String, ParameterChoice {
  case uniform, gaussian, laplace, logistic, cauchy, exponential
  case centredExponential = "centred-exponential"
  case reflectedExponential = "reflected-exponential"
}
