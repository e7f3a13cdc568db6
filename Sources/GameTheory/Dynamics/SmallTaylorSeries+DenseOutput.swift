extension SmallTaylorSeries {
  /// The states at `times[range]` (all within the published step, which starts at `start`), by
  /// Horner's rule on that step's Taylor polynomial (``publish()``), written row by row (`dimension`
  /// entries each) to `output`.
  ///
  /// Horner's rule is a chain of dependent multiply-adds, so eight points are evaluated together:
  /// strategies 0 and 1 of each point in one `SIMD2`, strategy 2 of two points in another, twelve
  /// independent chains that keep the multipliers and adders busy instead of waiting on one chain's
  /// latency.
  @inline(__always)
  func write(times: UnsafeBufferPointer<Double>, _ range: Range<Int>, from start: Double, dimension n: Int, into output: UnsafeMutablePointer<Double>)
  {
    var i = range.lowerBound
    while i + 8 <= range.upperBound {
      let ab = SIMD2(times[i] - start, times[i + 1] - start)
      let cd = SIMD2(times[i + 2] - start, times[i + 3] - start)
      let ef = SIMD2(times[i + 4] - start, times[i + 5] - start)
      let gh = SIMD2(times[i + 6] - start, times[i + 7] - start)
      var (a, b, c, d, e, f, g, h) = (low[order], low[order], low[order], low[order], low[order], low[order], low[order], low[order])
      var (thirdAB, thirdCD, thirdEF, thirdGH) = (high[order], high[order], high[order], high[order])
      var k = order - 1
      while k >= 0 {
        let (l, m) = (low[k], high[k])
        a = a * ab[0] + l
        b = b * ab[1] + l
        c = c * cd[0] + l
        d = d * cd[1] + l
        e = e * ef[0] + l
        f = f * ef[1] + l
        g = g * gh[0] + l
        h = h * gh[1] + l
        thirdAB = thirdAB * ab + m
        thirdCD = thirdCD * cd + m
        thirdEF = thirdEF * ef + m
        thirdGH = thirdGH * gh + m
        k -= 1
      }
      let row = output + i * n
      store(a, thirdAB[0], dimension: n, into: row)
      store(b, thirdAB[1], dimension: n, into: row + n)
      store(c, thirdCD[0], dimension: n, into: row + 2 * n)
      store(d, thirdCD[1], dimension: n, into: row + 3 * n)
      store(e, thirdEF[0], dimension: n, into: row + 4 * n)
      store(f, thirdEF[1], dimension: n, into: row + 5 * n)
      store(g, thirdGH[0], dimension: n, into: row + 6 * n)
      store(h, thirdGH[1], dimension: n, into: row + 7 * n)
      i += 8
    }
    while i < range.upperBound {
      let tau = times[i] - start
      var (pair, third) = (low[order], high[order])
      var k = order - 1
      while k >= 0 {
        pair = pair * tau + low[k]
        third = third * tau + high[k]
        k -= 1
      }
      store(pair, third[0], dimension: n, into: output + i * n)
      i += 1
    }
  }

  /// One row: strategies 0 and 1 from `firstTwo`, strategy 2 from `third`, the first `n` of them.
  @inline(__always)
  private func store(_ firstTwo: SIMD2<Double>, _ third: Double, dimension n: Int, into row: UnsafeMutablePointer<Double>) {
    row[0] = firstTwo[0]
    if n > 1 { row[1] = firstTwo[1] }
    if n > 2 { row[2] = third }
  }
}
