extension ReplicatorDynamics {
  /// ``interpolatedTrajectory(from:times:)`` for one population with at most 4 strategies, the state
  /// held in a `SIMD4<Double>` (unused lanes 0, which the dynamics keeps at 0) and A by its columns, so
  /// a velocity is four vector multiply-adds: the same arithmetic as the general loop, in registers.
  func smallInterpolatedTrajectory(from initial: [Double], times: [Double], into output: UnsafeMutablePointer<Double>) {
    let n = rows
    var columnsOfA = [SIMD4<Double>](repeating: .zero, count: 4)
    for j in 0..<n { for i in 0..<n { columnsOfA[j][i] = a[i * n + j] } }
    let (c0, c1, c2, c3) = (columnsOfA[0], columnsOfA[1], columnsOfA[2], columnsOfA[3])
    @inline(__always) func velocity(_ x: SIMD4<Double>) -> SIMD4<Double> {
      let low: SIMD4<Double> = c0 * x[0] + c1 * x[1]
      let high: SIMD4<Double> = c2 * x[2] + c3 * x[3]
      let payoffs = low + high
      let mean: Double = (payoffs * x).sum()
      return x * (payoffs - mean)
    }
    var left = SIMD4<Double>.zero
    for i in 0..<n { left[i] = initial[i] }
    let start = times[0]
    let span = times[times.count - 1] - start
    let steps = span > 0 ? max(1, Int((span / step).rounded(.up))) : 0
    guard steps > 0 else {
      for row in 0..<times.count { for i in 0..<n { output[row * n + i] = initial[i] } }
      return
    }
    let h = span / Double(steps)
    var leftVelocity = velocity(left)
    var next = 0
    for gridStep in 0..<steps {
      let leftTime = start + Double(gridStep) * h
      let half = h / 2
      let second = velocity(left + half * leftVelocity)
      let third = velocity(left + half * second)
      let fourth = velocity(left + h * third)
      let slopes: SIMD4<Double> = leftVelocity + 2 * (second + third) + fourth
      let right: SIMD4<Double> = left + (h / 6) * slopes
      let rightVelocity = velocity(right)
      let isLast = gridStep + 1 == steps
      while next < times.count && (isLast || times[next] <= leftTime + h) {
        let s = min(max((times[next] - leftTime) / h, 0), 1)
        let (s2, s3) = (s * s, s * s * s)
        let h00: Double = 2 * s3 - 3 * s2 + 1
        let h10: Double = (s3 - 2 * s2 + s) * h
        let h01: Double = 3 * s2 - 2 * s3
        let h11: Double = (s3 - s2) * h
        var state: SIMD4<Double> = h00 * left
        state += h10 * leftVelocity
        state += h01 * right
        state += h11 * rightVelocity
        for i in 0..<n { output[next * n + i] = state[i] }
        next += 1
      }
      (left, leftVelocity) = (right, rightVelocity)
    }
  }
}
