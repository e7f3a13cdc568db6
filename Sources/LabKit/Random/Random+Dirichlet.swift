import CGSL

extension Random {
  /// A draw from the Dirichlet distribution with parameters `alpha` (GSL `gsl_ran_dirichlet`): a
  /// probability vector of `alpha.count` entries. Dirichlet(1, …, 1) is the uniform distribution on
  /// the simplex.
  ///
  /// - Precondition: at least one parameter, all finite and positive.
  public func dirichlet(_ alpha: [Double]) -> [Double] {
    precondition(!alpha.isEmpty && alpha.allSatisfy { $0 > 0 && $0.isFinite }, "Random.dirichlet: parameters must be finite and positive")
    var theta = [Double](repeating: 0, count: alpha.count)
    alpha.withUnsafeBufferPointer { a in
      theta.withUnsafeMutableBufferPointer { t in gsl_ran_dirichlet(generator, a.count, a.baseAddress, t.baseAddress) }
    }
    return theta
  }

  /// Dirichlet(1, …, 1) over `count` outcomes: a uniformly random probability vector.
  public func uniformSimplex(_ count: Int) -> [Double] { dirichlet([Double](repeating: 1, count: count)) }
}
