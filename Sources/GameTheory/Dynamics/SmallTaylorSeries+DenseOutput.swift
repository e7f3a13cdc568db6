extension SmallTaylorSeries {
  /// Points evaluated together by ``write(times:_:from:dimension:into:)``.
  static let block = 12

  /// The states at `times[range]` (all within the published step, which starts at `start`), by
  /// Horner's rule on that step's Taylor polynomial (``publish()``), written row by row (`dimension`
  /// entries each) to `output`.
  ///
  /// Horner's rule is a chain of dependent multiply-adds, so twelve points are evaluated together,
  /// strategies 0 and 1 of each in one `SIMD2`: twelve independent chains (twelve of the sixteen SSE
  /// registers) keep the multipliers busy instead of waiting on one chain's latency. The last
  /// strategy's share is 1 minus the others' (``store(_:dimension:into:)``).
  @inline(__always)
  func write(times: UnsafeBufferPointer<Double>, _ range: Range<Int>, from start: Double, dimension n: Int, into output: UnsafeMutablePointer<Double>)
  {
    var i = range.lowerBound
    while i + Self.block <= range.upperBound {
      let (t0, t1, t2, t3) = (tau(times[i], start), tau(times[i + 1], start), tau(times[i + 2], start), tau(times[i + 3], start))
      let (t4, t5, t6, t7) = (tau(times[i + 4], start), tau(times[i + 5], start), tau(times[i + 6], start), tau(times[i + 7], start))
      let (t8, t9, t10, t11) = (tau(times[i + 8], start), tau(times[i + 9], start), tau(times[i + 10], start), tau(times[i + 11], start))
      let top = low[order]
      var (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11) = (top, top, top, top, top, top, top, top, top, top, top, top)
      var k = order - 1
      while k >= 0 {
        let c = low[k]
        (a0, a1, a2, a3) = (a0 * t0 + c, a1 * t1 + c, a2 * t2 + c, a3 * t3 + c)
        (a4, a5, a6, a7) = (a4 * t4 + c, a5 * t5 + c, a6 * t6 + c, a7 * t7 + c)
        (a8, a9, a10, a11) = (a8 * t8 + c, a9 * t9 + c, a10 * t10 + c, a11 * t11 + c)
        k -= 1
      }
      let row = output + i * n
      store(a0, dimension: n, into: row)
      store(a1, dimension: n, into: row + n)
      store(a2, dimension: n, into: row + 2 * n)
      store(a3, dimension: n, into: row + 3 * n)
      store(a4, dimension: n, into: row + 4 * n)
      store(a5, dimension: n, into: row + 5 * n)
      store(a6, dimension: n, into: row + 6 * n)
      store(a7, dimension: n, into: row + 7 * n)
      store(a8, dimension: n, into: row + 8 * n)
      store(a9, dimension: n, into: row + 9 * n)
      store(a10, dimension: n, into: row + 10 * n)
      store(a11, dimension: n, into: row + 11 * n)
      i += Self.block
    }
    while i < range.upperBound {
      let t = tau(times[i], start)
      var pair = low[order]
      var k = order - 1
      while k >= 0 {
        pair = pair * t + low[k]
        k -= 1
      }
      store(pair, dimension: n, into: output + i * n)
      i += 1
    }
  }

  /// The time since the step's start, in both lanes.
  @inline(__always)
  private func tau(_ time: Double, _ start: Double) -> SIMD2<Double> { SIMD2(repeating: time - start) }

  /// One row from strategies 0 and 1: the first `n` shares, the last of them 1 minus the others (the
  /// replicator dynamics keep the state on the simplex, and the start is on it, see
  /// ``ReplicatorDynamics/taylorTrajectory(from:times:tolerance:)``).
  @inline(__always)
  private func store(_ firstTwo: SIMD2<Double>, dimension n: Int, into row: UnsafeMutablePointer<Double>) {
    if n == 3 {
      (row[0], row[1], row[2]) = (firstTwo[0], firstTwo[1], 1 - firstTwo[0] - firstTwo[1])
    } else if n == 2 {
      (row[0], row[1]) = (firstTwo[0], 1 - firstTwo[0])
    } else {
      row[0] = firstTwo[0]
    }
  }
}
