import CGSL

/// A one-dimensional continuous distribution from GSL's library of families, with its CDF, upper
/// tail, density, quantile and sampler (GSL reference manual, "Random Number Distributions" and
/// "Cumulative Distribution Functions"): `gsl_cdf_*_P` / `_Q` / `_Pinv` / `_Qinv`, `gsl_ran_*_pdf`
/// and `gsl_ran_*`. The parameters are GSL's; each case names them as GSL's manual does.
///
/// Quantiles below 1/2 come from the lower tail and above 1/2 from the upper tail, so both tails keep
/// their full relative precision.
public enum ContinuousFamily: Sendable, Hashable {
  /// Uniform on [lower, upper] (`gsl_ran_flat`).
  case uniform(lower: Double, upper: Double)
  /// Normal with mean 0 and standard deviation σ (`gsl_ran_gaussian`; draws use the ziggurat).
  case gaussian(standardDeviation: Double)
  /// Laplace with mean 0 and scale a: density exp(−|x|/a) / 2a (`gsl_ran_laplace`).
  case laplace(scale: Double)
  /// Logistic with mean 0 and scale a: density exp(−x/a) / (a (1 + exp(−x/a))²) (`gsl_ran_logistic`).
  case logistic(scale: Double)
  /// Cauchy with median 0 and scale a: density 1 / (aπ (1 + (x/a)²)); no mean (`gsl_ran_cauchy`).
  case cauchy(scale: Double)
  /// Exponential with mean μ on [0, ∞): density exp(−x/μ) / μ (`gsl_ran_exponential`).
  case exponential(mean: Double)

  /// The problem with the parameters, or `nil` when they are valid (finite, lower < upper, scales > 0).
  public var parameterProblem: String? {
    switch self {
    case .uniform(let lower, let upper):
      return lower.isFinite && upper.isFinite && lower < upper ? nil : "uniform needs finite lower < upper, got [\(lower), \(upper)]"
    case .gaussian(let s), .laplace(let s), .logistic(let s), .cauchy(let s), .exponential(let s):
      return s.isFinite && s > 0 ? nil : "the scale of \(self) must be a positive finite number, got \(s)"
    }
  }

  /// P(X ≤ x).
  public func cumulative(_ x: Double) -> Double {
    switch self {
    case .uniform(let a, let b): return x <= a ? 0 : (x >= b ? 1 : gsl_cdf_flat_P(x, a, b))
    case .gaussian(let s): return gsl_cdf_gaussian_P(x, s)
    case .laplace(let a): return gsl_cdf_laplace_P(x, a)
    case .logistic(let a): return gsl_cdf_logistic_P(x, a)
    case .cauchy(let a): return gsl_cdf_cauchy_P(x, a)
    case .exponential(let mu): return x <= 0 ? 0 : gsl_cdf_exponential_P(x, mu)
    }
  }

  /// P(X > x), from GSL's upper-tail functions (more accurate than 1 − P in the upper tail).
  public func survival(_ x: Double) -> Double {
    switch self {
    case .uniform(let a, let b): return x <= a ? 1 : (x >= b ? 0 : gsl_cdf_flat_Q(x, a, b))
    case .gaussian(let s): return gsl_cdf_gaussian_Q(x, s)
    case .laplace(let a): return gsl_cdf_laplace_Q(x, a)
    case .logistic(let a): return gsl_cdf_logistic_Q(x, a)
    case .cauchy(let a): return gsl_cdf_cauchy_Q(x, a)
    case .exponential(let mu): return x <= 0 ? 1 : gsl_cdf_exponential_Q(x, mu)
    }
  }

  /// The density at x (0 outside the support).
  public func density(_ x: Double) -> Double {
    switch self {
    case .uniform(let a, let b): return x < a || x > b ? 0 : 1 / (b - a)
    case .gaussian(let s): return gsl_ran_gaussian_pdf(x, s)
    case .laplace(let a): return gsl_ran_laplace_pdf(x, a)
    case .logistic(let a): return gsl_ran_logistic_pdf(x, a)
    case .cauchy(let a): return gsl_ran_cauchy_pdf(x, a)
    case .exponential(let mu): return x < 0 ? 0 : gsl_ran_exponential_pdf(x, mu)
    }
  }

  /// The p-quantile, for p in (0, 1).
  public func quantile(_ p: Double) -> Double {
    switch self {
    case .uniform(let a, let b): return a + p * (b - a)
    case .gaussian(let s): return p < 0.5 ? gsl_cdf_gaussian_Pinv(p, s) : gsl_cdf_gaussian_Qinv(1 - p, s)
    case .laplace(let a): return p < 0.5 ? gsl_cdf_laplace_Pinv(p, a) : gsl_cdf_laplace_Qinv(1 - p, a)
    case .logistic(let a): return p < 0.5 ? gsl_cdf_logistic_Pinv(p, a) : gsl_cdf_logistic_Qinv(1 - p, a)
    case .cauchy(let a): return p < 0.5 ? gsl_cdf_cauchy_Pinv(p, a) : gsl_cdf_cauchy_Qinv(1 - p, a)
    case .exponential(let mu): return p < 0.5 ? gsl_cdf_exponential_Pinv(p, mu) : gsl_cdf_exponential_Qinv(1 - p, mu)
    }
  }

  /// One draw from GSL's sampler on `random`'s generator.
  public func sample(_ random: Random) -> Double {
    switch self {
    case .uniform(let a, let b): return gsl_ran_flat(random.generator, a, b)
    case .gaussian(let s): return random.gaussian(standardDeviation: s)
    case .laplace(let a): return gsl_ran_laplace(random.generator, a)
    case .logistic(let a): return gsl_ran_logistic(random.generator, a)
    case .cauchy(let a): return gsl_ran_cauchy(random.generator, a)
    case .exponential(let mu): return gsl_ran_exponential(random.generator, mu)
    }
  }
}
