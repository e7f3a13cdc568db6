/// The Taylor coefficients of a replicator trajectory at one point, by the recurrence of
/// ``ReplicatorDynamics/taylorTrajectory(from:times:tolerance:)`` (Jorba and Zou 2005, §2: automatic
/// differentiation of a polynomial field by Cauchy products), for any number of strategies and one
/// or two populations.
///
/// Both cases are one system ẋᵢ = xᵢ ((L x)ᵢ − s_{π(i)}), s_π = Σ_{i ∈ π} xᵢ (L x)ᵢ, with a linear
/// payoff map L and π(i) the population of coordinate i: for one population L = A; for two,
/// L = [[0, A], [Bᵀ, 0]] on the state (x, y), the row population's payoffs A y and the column
/// population's Bᵀ x.
struct TaylorCoefficients {
  let dimension: Int
  let order: Int
  /// Coordinates below `split` belong to the first population, the rest to the second.
  let split: Int
  /// L, row-major, dimension × dimension.
  let payoffMap: [Double]
  /// x⁽ᵏ⁾ at entries k · dimension ..< (k + 1) · dimension, k = 0 ... order.
  var coefficients: [Double]
  /// y⁽ᵏ⁾ = L x⁽ᵏ⁾, laid out like `coefficients`.
  var payoffs: [Double]
  /// s⁽ᵏ⁾ of the first and second populations at entries 2k and 2k + 1.
  var means: [Double]

  init(dynamics: ReplicatorDynamics, order: Int) {
    let n = dynamics.dimension
    var map = [Double](repeating: 0, count: n * n)
    if dynamics.b.isEmpty {
      map = dynamics.a
      split = n
    } else {
      let (rows, columns) = (dynamics.rows, dynamics.columns)
      for i in 0..<rows { for j in 0..<columns { map[i * n + rows + j] = dynamics.a[i * columns + j] } }
      for j in 0..<columns { for i in 0..<rows { map[(rows + j) * n + i] = dynamics.b[i * columns + j] } }
      split = rows
    }
    (dimension, self.order, payoffMap) = (n, order, map)
    coefficients = [Double](repeating: 0, count: (order + 1) * n)
    payoffs = coefficients
    means = [Double](repeating: 0, count: 2 * (order + 1))
  }

  /// Fills x⁽⁰⁾ = `state` and x⁽¹⁾ ... x⁽ᵖ⁾ by the recurrence.
  mutating func expand(at state: UnsafeMutablePointer<Double>) {
    let n = dimension
    for i in 0..<n { coefficients[i] = state[i] }
    for k in 0..<order {
      for i in 0..<n {
        var payoff = 0.0
        for j in 0..<n { payoff += payoffMap[i * n + j] * coefficients[k * n + j] }
        payoffs[k * n + i] = payoff
      }
      var (first, second) = (0.0, 0.0)
      for j in 0...k {
        for i in 0..<n {
          let term = coefficients[j * n + i] * payoffs[(k - j) * n + i]
          if i < split { first += term } else { second += term }
        }
      }
      (means[2 * k], means[2 * k + 1]) = (first, second)
      for i in 0..<n {
        let population = i < split ? 0 : 1
        var velocity = 0.0
        for j in 0...k { velocity += coefficients[j * n + i] * (payoffs[(k - j) * n + i] - means[2 * (k - j) + population]) }
        coefficients[(k + 1) * n + i] = velocity / Double(k + 1)
      }
    }
  }

  /// The largest absolute entry of x⁽ᵏ⁾.
  func norm(_ k: Int) -> Double {
    var largest = 0.0
    for i in 0..<dimension { largest = max(largest, abs(coefficients[k * dimension + i])) }
    return largest
  }

  /// Jorba and Zou's step (``ReplicatorDynamics/taylorStep(penultimate:last:order:tolerance:)``);
  /// when the last two coefficients vanish, the highest two non-zero ones of order ≥ 1 bound it the
  /// same way, and only at a rest point (all zero) is the step unbounded.
  func step(tolerance: Double) -> Double {
    if norm(1) == 0 { return .infinity }  // x⁽¹⁾ = ẋ = 0: a rest point, where every coefficient vanishes
    var k = order
    while k > 2 && norm(k) == 0 && norm(k - 1) == 0 { k -= 1 }
    return ReplicatorDynamics.taylorStep(penultimate: norm(k - 1), last: norm(k), order: k, tolerance: tolerance)
  }

  /// Σₖ x⁽ᵏ⁾ τᵏ by Horner's rule, written to `output`.
  func evaluate(at tau: Double, into output: UnsafeMutablePointer<Double>) {
    let n = dimension
    for i in 0..<n {
      var sum = coefficients[order * n + i]
      var k = order - 1
      while k >= 0 {
        sum = sum * tau + coefficients[k * n + i]
        k -= 1
      }
      output[i] = sum
    }
  }

  /// The trajectory at `times` (validated, non-decreasing) from `initial`, row by row into `output`:
  /// steps of ``step(tolerance:)`` from `times[0]` to the last time, each requested time evaluated
  /// on the Taylor polynomial of the step that contains it.
  mutating func trajectory(
    from initial: [Double], times: UnsafeBufferPointer<Double>, tolerance: Double, into output: UnsafeMutablePointer<Double>
  ) {
    let n = dimension
    var state = initial
    var (start, next) = (times[0], 0)
    let end = times[times.count - 1]
    state.withUnsafeMutableBufferPointer { state in
      while next < times.count {
        expand(at: state.baseAddress!)
        let h = step(tolerance: tolerance)
        let isLast = !(start + h < end)
        let right = isLast ? end : start + h
        while next < times.count && (isLast || times[next] <= right) {
          evaluate(at: times[next] - start, into: output + next * n)
          next += 1
        }
        if isLast { break }
        evaluate(at: right - start, into: state.baseAddress!)
        start = right
      }
    }
  }
}
