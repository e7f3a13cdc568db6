extension ReplicatorDynamics {
  /// ``taylorTrajectory(from:times:tolerance:)`` for one population with at most 3 strategies: the
  /// same recurrence, step and dense output as ``TaylorCoefficients``, in SIMD registers
  /// (``SmallTaylorSeries``). `times` is validated and non-empty; `output` has room for
  /// `times.count` rows of ``dimension`` entries.
  func smallTaylorTrajectory(
    from initial: [Double], times: UnsafeBufferPointer<Double>, order: Int, tolerance: Double, into output: UnsafeMutablePointer<Double>
  ) {
    let n = rows
    var columnsOfA = (SIMD4<Double>.zero, SIMD4<Double>.zero, SIMD4<Double>.zero)
    for i in 0..<n {
      columnsOfA.0[i] = a[i * n]
      if n > 1 { columnsOfA.1[i] = a[i * n + 1] }
      if n > 2 { columnsOfA.2[i] = a[i * n + 2] }
    }
    var state = SIMD4<Double>.zero
    for i in 0..<n { state[i] = initial[i] }
    let end = times[times.count - 1]
    // Per order: x⁽ᵏ⁾ and y⁽ᵏ⁾ (SIMD4), s⁽ᵏ⁾ (in every lane), and the output layout (one SIMD2).
    withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: 4 * (order + 1)) { buffer in
      let series = SmallTaylorSeries(buffer.baseAddress!, order: order, columns: columnsOfA)
      var (start, next) = (times[0], 0)
      // The points of the previous step, written while this step's coefficients are computed.
      var (pendingStart, pending) = (start, 0..<0)
      while true {
        let size = SmallTaylorSeries.block
        let blocks = (pending.count / size + order - 1) / order
        series.expand(at: state) { _ in
          let blockEnd = min(pending.lowerBound + size * blocks, pending.upperBound - pending.count % size)
          guard blockEnd > pending.lowerBound else { return }
          series.write(times: times, pending.lowerBound..<blockEnd, from: pendingStart, dimension: n, into: output)
          pending = blockEnd..<pending.upperBound
        }
        series.write(times: times, pending, from: pendingStart, dimension: n, into: output)
        series.publish()
        let h = series.step(tolerance: tolerance)
        let isLast = !(start + h < end)
        let right = isLast ? end : start + h
        var stop = next
        while stop < times.count && (isLast || times[stop] <= right) { stop += 1 }
        if isLast {
          series.write(times: times, next..<stop, from: start, dimension: n, into: output)
          break
        }
        (pendingStart, pending) = (start, next..<stop)
        next = stop
        state = series.evaluate(at: right - start)
        start = right
      }
    }
  }
}

/// The Taylor series of a one-population replicator trajectory with at most 3 strategies (lanes 0–2 of
/// a `SIMD4<Double>`; unused lanes stay 0), on caller-owned storage. The recurrence is that of
/// ``TaylorCoefficients`` with L = A given by its columns, so y⁽ᵏ⁾ = A x⁽ᵏ⁾ is three vector
/// multiply-adds, and the Cauchy products run as two independent chains each (even and odd j), as the
/// mean is accumulated beside the payoff products: f⁽ᵏ⁾ = u⁽ᵏ⁾ − Σⱼ x⁽ʲ⁾ s⁽ᵏ⁻ʲ⁾ with
/// u⁽ᵏ⁾ = Σⱼ x⁽ʲ⁾ ∘ y⁽ᵏ⁻ʲ⁾ and s⁽ᵏ⁾ the sum of u⁽ᵏ⁾'s lanes.
struct SmallTaylorSeries {
  let x, y, means: UnsafeMutablePointer<SIMD4<Double>>
  /// Strategies 0 and 1 of x⁽ᵏ⁾, the output layout.
  let low: UnsafeMutablePointer<SIMD2<Double>>
  let order: Int
  let c0, c1, c2: SIMD4<Double>

  init(_ base: UnsafeMutablePointer<SIMD4<Double>>, order: Int, columns: (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>)) {
    let count = order + 1
    (x, y, means) = (base, base + count, base + 2 * count)
    low = UnsafeMutableRawPointer(base + 3 * count).bindMemory(to: SIMD2<Double>.self, capacity: 2 * count)
    self.order = order
    (c0, c1, c2) = columns
  }

  /// x⁽⁰⁾ = `state`, then x⁽¹⁾ ... x⁽ᵖ⁾ by the recurrence, calling `beside(k)` once per order k.
  ///
  /// The recurrence is one chain of dependent operations from order to order, so a processor running
  /// it alone mostly waits; `beside` gives it independent work to do meanwhile (the caller writes the
  /// previous step's output points there, from the layout of ``publish()``).
  @inline(__always)
  func expand(at state: SIMD4<Double>, beside: (Int) -> Void) {
    x[0] = state
    for k in 0..<order {
      beside(k)
      // The terms with j ≥ 1 are known before y⁽ᵏ⁾ and s⁽ᵏ⁾: they are summed first, so only the last
      // multiply-add of each chain waits for this order's payoffs and mean.
      var (u0, u1, w0, w1) = (SIMD4<Double>.zero, SIMD4<Double>.zero, SIMD4<Double>.zero, SIMD4<Double>.zero)
      var j = 1
      while j < k {
        u0 += x[j] * y[k - j]
        u1 += x[j + 1] * y[k - j - 1]
        w0 += x[j] * means[k - j]
        w1 += x[j + 1] * means[k - j - 1]
        j += 2
      }
      if j == k {
        u0 += x[j] * y[0]
        w0 += x[j] * means[0]
      }
      let xk = x[k]
      let payoffs: SIMD4<Double> = c0 * xk[0] + c1 * xk[1] + c2 * xk[2]
      y[k] = payoffs
      let u: SIMD4<Double> = (u0 + u1) + x[0] * payoffs
      let mean = SIMD4<Double>(repeating: u[0] + u[1] + u[2])
      means[k] = mean
      let velocity: SIMD4<Double> = (u - (w0 + w1)) - x[0] * mean
      x[k + 1] = velocity * (1 / Double(k + 1))
    }
  }

  /// Copies the coefficients to the layout that ``write(times:_:from:dimension:into:)`` reads, where
  /// they stay while the next step's coefficients are computed.
  @inline(__always)
  func publish() {
    for k in 0...order { low[k] = SIMD2(x[k][0], x[k][1]) }
  }

  @inline(__always)
  func norm(_ k: Int) -> Double {
    let v = x[k]
    return max(max(abs(v[0]), abs(v[1])), abs(v[2]))
  }

  /// The step of ``TaylorCoefficients/step(tolerance:)``.
  @inline(__always)
  func step(tolerance: Double) -> Double {
    var k = order
    if norm(k) == 0 && norm(k - 1) == 0 {
      if norm(1) == 0 { return .infinity }
      while k > 2 && norm(k) == 0 && norm(k - 1) == 0 { k -= 1 }
    }
    return ReplicatorDynamics.taylorStep(penultimate: norm(k - 1), last: norm(k), order: k, tolerance: tolerance)
  }

  /// Σₖ x⁽ᵏ⁾ τᵏ by Horner's rule.
  @inline(__always)
  func evaluate(at tau: Double) -> SIMD4<Double> {
    var sum = x[order]
    var k = order - 1
    while k >= 0 {
      sum = sum * tau + x[k]
      k -= 1
    }
    return sum
  }
}
