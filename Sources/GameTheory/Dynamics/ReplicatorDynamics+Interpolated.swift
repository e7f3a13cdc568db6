extension ReplicatorDynamics {
  /// The state at each of `times`, as one flat table (row k, the state at `times[k]`, is entries
  /// k · ``dimension`` ..< (k + 1) · ``dimension``), by RK4 on a fixed grid and cubic Hermite
  /// interpolation between grid points.
  ///
  /// The interval from `times.first` to `times.last` is cut into n = ⌈(last − first) / h⌉ equal
  /// steps (h = ``step``), each integrated by one classical RK4 step; the state at a requested time
  /// is the cubic Hermite interpolant of the states and velocities at the two grid points around it
  /// (Hairer, Nørsett and Wanner, *Solving Ordinary Differential Equations I*, 2nd ed., §II.6: the
  /// interpolation error is O(h⁴), the order of RK4 itself). The grid does not depend on the requested
  /// times, so asking for many output points costs an interpolation each, not integration steps: the
  /// same work as an ODE solver with dense output, such as scipy's `odeint` (LSODA) under nashpy's
  /// `replicator_dynamics`. With h = 1/16 on the benchmark workload (``DynamicsBenchmarks``) the
  /// largest error over 1000 points is 2.5e-8, below nashpy's 4.7e-8 against the same reference
  /// (`Tests/Fixtures/nashpy/replicator_accuracy.json`).
  ///
  /// The loop runs on raw buffers, reusing them for every step: 4 evaluations of the velocity per
  /// grid step (the velocity at the step's end is the next step's first stage) and no allocation
  /// after the table; one population of at most 4 strategies runs in SIMD registers
  /// (``smallInterpolatedTrajectory(from:times:into:)``).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a malformed state or times.
  public func interpolatedTrajectory(from initial: [Double], times: [Double]) throws -> [Double] {
    try checkInput(initial, times)
    let n = dimension
    var table = [Double](repeating: 0, count: times.count * n)
    let start = times[0]
    let span = times[times.count - 1] - start
    let steps = span > 0 ? max(1, Int((span / step).rounded(.up))) : 0
    let h = steps > 0 ? span / Double(steps) : 0
    if b.isEmpty && rows <= 4 {
      table.withUnsafeMutableBufferPointer { smallInterpolatedTrajectory(from: initial, times: times, into: $0.baseAddress!) }
      return table
    }
    return withRungeKutta(from: initial, rows: times.count) { output, buffers in
      guard steps > 0 else {
        for row in 0..<times.count { for i in 0..<n { output[row * n + i] = initial[i] } }
        return
      }
      buffers.evaluateLeft()
      var next = 0
      for gridStep in 0..<steps {
        let leftTime = start + Double(gridStep) * h
        let isLast = gridStep + 1 == steps
        buffers.step(h: h)
        while next < times.count && (isLast || times[next] <= leftTime + h) {
          let s = min(max((times[next] - leftTime) / h, 0), 1)
          buffers.interpolate(s, h: h, into: output + next * n)
          next += 1
        }
        buffers.advance()
      }
    }
  }

  /// Runs `body` with a zeroed output table of `rows` states and RK4 buffers whose left state is
  /// `initial`, bound to this game's matrices; returns the table.
  func withRungeKutta(
    from initial: [Double], rows count: Int, _ body: (UnsafeMutablePointer<Double>, inout RungeKuttaBuffers) -> Void
  ) -> [Double] {
    let n = dimension
    var table = [Double](repeating: 0, count: count * n)
    var work = [Double](repeating: 0, count: 8 * n)
    let field = VelocityField(rows: rows, columns: columns, twoPopulations: !b.isEmpty)
    table.withUnsafeMutableBufferPointer { output in
      work.withUnsafeMutableBufferPointer { buffer in
        a.withUnsafeBufferPointer { aEntries in
          b.withUnsafeBufferPointer { bEntries in
            var buffers = RungeKuttaBuffers(buffer.baseAddress!, dimension: n, field: field, a: aEntries.baseAddress, b: bEntries.baseAddress)
            for i in 0..<n { buffers.left[i] = initial[i] }
            body(output.baseAddress!, &buffers)
          }
        }
      }
    }
    return table
  }
}

/// The replicator velocity on raw buffers (see ``ReplicatorDynamics``).
struct VelocityField {
  let rows: Int
  let columns: Int
  let twoPopulations: Bool

  /// Writes ẋ at `x` to `velocity`; `scratch` receives the payoffs.
  @inline(__always)
  func evaluate(
    _ x: UnsafeMutablePointer<Double>, _ velocity: UnsafeMutablePointer<Double>, _ scratch: UnsafeMutablePointer<Double>,
    _ a: UnsafePointer<Double>?, _ b: UnsafePointer<Double>?
  ) {
    let a = a!
    if !twoPopulations {
      var mean = 0.0
      for i in 0..<rows {
        var payoff = 0.0
        for j in 0..<rows { payoff += a[i * rows + j] * x[j] }
        scratch[i] = payoff
        mean += payoff * x[i]
      }
      for i in 0..<rows { velocity[i] = x[i] * (scratch[i] - mean) }
      return
    }
    let b = b!
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
    for i in 0..<rows { velocity[i] = x[i] * (scratch[i] - rowMean) }
    for j in 0..<columns { velocity[rows + j] = x[rows + j] * (scratch[rows + j] - columnMean) }
  }
}

/// Eight vectors of one buffer: the states and velocities at both ends of a grid step, two stages,
/// a probe state and the payoffs.
struct RungeKuttaBuffers {
  var left, leftVelocity, right, rightVelocity, second, third, probe, scratch: UnsafeMutablePointer<Double>
  let dimension: Int
  let field: VelocityField
  let a: UnsafePointer<Double>?
  let b: UnsafePointer<Double>?

  init(
    _ base: UnsafeMutablePointer<Double>, dimension n: Int, field: VelocityField, a: UnsafePointer<Double>?, b: UnsafePointer<Double>?
  ) {
    (left, leftVelocity, right, rightVelocity) = (base, base + n, base + 2 * n, base + 3 * n)
    (second, third, probe, scratch) = (base + 4 * n, base + 5 * n, base + 6 * n, base + 7 * n)
    dimension = n
    (self.field, self.a, self.b) = (field, a, b)
  }

  /// leftVelocity = ẋ(left).
  @inline(__always)
  func evaluateLeft() { field.evaluate(left, leftVelocity, scratch, a, b) }

  /// right = one RK4 step of size h from left (whose velocity is known); rightVelocity = ẋ(right).
  @inline(__always)
  func step(h: Double) {
    let n = dimension
    for i in 0..<n { probe[i] = left[i] + h / 2 * leftVelocity[i] }
    field.evaluate(probe, second, scratch, a, b)
    for i in 0..<n { probe[i] = left[i] + h / 2 * second[i] }
    field.evaluate(probe, third, scratch, a, b)
    for i in 0..<n { probe[i] = left[i] + h * third[i] }
    field.evaluate(probe, rightVelocity, scratch, a, b)  // k4, kept in rightVelocity for a moment
    for i in 0..<n { right[i] = left[i] + h / 6 * (leftVelocity[i] + 2 * second[i] + 2 * third[i] + rightVelocity[i]) }
    field.evaluate(right, rightVelocity, scratch, a, b)
  }

  /// The cubic Hermite interpolant at fraction s of the step.
  @inline(__always)
  func interpolate(_ s: Double, h: Double, into output: UnsafeMutablePointer<Double>) {
    let s2 = s * s
    let s3 = s2 * s
    let h00 = 2 * s3 - 3 * s2 + 1
    let h10 = (s3 - 2 * s2 + s) * h
    let h01 = -2 * s3 + 3 * s2
    let h11 = (s3 - s2) * h
    for i in 0..<dimension {
      output[i] = h00 * left[i] + h10 * leftVelocity[i] + h01 * right[i] + h11 * rightVelocity[i]
    }
  }

  /// The step's end becomes the next step's start.
  @inline(__always)
  mutating func advance() {
    swap(&left, &right)
    swap(&leftVelocity, &rightVelocity)
  }
}
