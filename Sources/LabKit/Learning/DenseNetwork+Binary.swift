import Dispatch

/// ``DenseNetwork`` on ``BinaryRows``: the first layer adds the weight columns of each row's ones.
extension DenseNetwork {
  /// The network on binary rows: z_o = b_o + Σ_{k ∈ ones(r)} W_{o,k} for the first layer (in the order of
  /// the ones), then the other layers as in ``forward(_:rows:threads:)``. Rows are split over `threads`
  /// in bands; each element is summed the same way whatever the threads.
  public func forward(binary input: BinaryRows, threads: Int = 1) -> Pass {
    precondition(input.width == inputSize, "DenseNetwork.forward: binary rows of \(input.width) for inputs of \(inputSize)")
    let rows = input.rows, n = inputSize, m = layerSizes[1]
    var first = [Double](repeating: 0, count: rows * m)
    // Many rows: through Wᵀ, so that each one adds a contiguous row of m weights; few rows (acting): W
    // itself, since transposing would cost more than the sums. Both sum each element from 0 over the ones
    // in order, then add the bias, so they give the same bytes.
    var transposed = [Double](repeating: 0, count: rows >= 32 ? n * m : 0)
    parameters.withUnsafeBufferPointer { p in
      input.columns.withUnsafeBufferPointer { c in
        transposed.withUnsafeMutableBufferPointer { t in
          first.withUnsafeMutableBufferPointer { z in
            nonisolated(unsafe) let (w, b, zs, cs) = (
              p.baseAddress! + weightOffsets[0], p.baseAddress! + biasOffsets[0], z.baseAddress!, c.baseAddress!
            )
            nonisolated(unsafe) let wt = t.isEmpty ? nil : t.baseAddress
            let starts = input.starts
            if let wt { for o in 0..<m { for k in 0..<n { wt[k * m + o] = w[o * n + k] } } }
            Self.bands(rows, threads: threads, work: input.ones * m) { lower, upper in
              for r in lower..<upper {
                let out = zs + r * m
                if let wt {
                  for k in starts[r]..<starts[r + 1] {
                    let row = wt + Int(cs[k]) * m
                    for o in 0..<m { out[o] += row[o] }
                  }
                } else {
                  for o in 0..<m {
                    let row = w + o * n
                    var sum = 0.0
                    for k in starts[r]..<starts[r + 1] { sum += row[Int(cs[k])] }
                    out[o] = sum
                  }
                }
                for o in 0..<m { out[o] = b[o] + out[o] }
              }
            }
          }
        }
      }
    }
    if layerSizes.count > 2 {
      let slope = leakySlope
      first.withUnsafeMutableBufferPointer { z in
        for k in 0..<z.count {
          let v = z[k]
          z[k] = v < 0 ? v * slope : v
        }
      }
    }
    var activations: [[Double]] = [[], first]
    forwardLayers(from: 1, &activations, rows: rows, threads: threads)
    return Pass(rows: rows, activations: activations, binaryInput: input)
  }

  /// ∂L/∂W of the first layer for binary input: W_{o,k} += Σ_{r : k ∈ ones(r)} ∂L/∂z_{r,o}, the sum taken
  /// over rows in order (into a transposed scratch, then added). Output units are split over `threads` in
  /// bands, so every element is summed the same way whatever the threads.
  static func accumulateBinaryWeightGradient(
    _ input: BinaryRows, upstream: UnsafePointer<Double>, outputs m: Int, into weights: UnsafeMutablePointer<Double>, threads: Int
  ) {
    let n = input.width, starts = input.starts
    var scratch = [Double](repeating: 0, count: n * m)
    input.columns.withUnsafeBufferPointer { c in
      scratch.withUnsafeMutableBufferPointer { g in
        nonisolated(unsafe) let (cs, u, w, gt) = (c.baseAddress!, upstream, weights, g.baseAddress!)
        bands(m, threads: threads, work: input.ones * m) { lower, upper in
          for r in 0..<(starts.count - 1) {
            let ur = u + r * m
            for k in starts[r]..<starts[r + 1] {
              let row = gt + Int(cs[k]) * m
              for o in lower..<upper { row[o] += ur[o] }
            }
          }
          for o in lower..<upper { for k in 0..<n { w[o * n + k] += gt[k * m + o] } }
        }
      }
    }
  }

  /// Runs `body(lower, upper)` over `count` items in `threads` contiguous bands (on the calling thread
  /// when one band, or when `work` is below ``MatrixProduct/splitThreshold``).
  static func bands(_ count: Int, threads: Int, work: Int, _ body: @Sendable (Int, Int) -> Void) {
    let bands = min(threads, count)
    guard bands > 1, work >= MatrixProduct.splitThreshold else {
      body(0, count)
      return
    }
    DispatchQueue.concurrentPerform(iterations: bands) { band in body(band * count / bands, (band + 1) * count / bands) }
  }
}
