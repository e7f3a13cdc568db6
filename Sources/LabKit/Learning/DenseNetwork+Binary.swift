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
    parameters.withUnsafeBufferPointer { p in
      input.columns.withUnsafeBufferPointer { c in
        first.withUnsafeMutableBufferPointer { z in
          nonisolated(unsafe) let (w, b, zs, cs) = (p.baseAddress! + weightOffsets[0], p.baseAddress! + biasOffsets[0], z.baseAddress!, c.baseAddress!)
          let starts = input.starts
          Self.bands(rows, threads: threads, work: input.ones * m) { lower, upper in
            for r in lower..<upper {
              for o in 0..<m {
                let row = w + o * n
                var sum = 0.0
                for k in starts[r]..<starts[r + 1] { sum += row[Int(cs[k])] }
                zs[r * m + o] = b[o] + sum
              }
            }
          }
        }
      }
    }
    if layerSizes.count > 2 {
      let slope = leakySlope
      for k in first.indices where first[k] < 0 { first[k] *= slope }
    }
    var activations: [[Double]] = [[], first]
    forwardLayers(from: 1, &activations, rows: rows, threads: threads)
    return Pass(rows: rows, activations: activations, binaryInput: input)
  }

  /// ∂L/∂W of the first layer for binary input: W_{o,k} += Σ_{r : k ∈ ones(r)} ∂L/∂z_{r,o}, rows in order.
  /// Output units are split over `threads` in bands, so every element is summed the same way.
  static func accumulateBinaryWeightGradient(
    _ input: BinaryRows, upstream: UnsafePointer<Double>, outputs m: Int, into weights: UnsafeMutablePointer<Double>, threads: Int
  ) {
    let n = input.width, starts = input.starts
    input.columns.withUnsafeBufferPointer { c in
      nonisolated(unsafe) let (cs, u, w) = (c.baseAddress!, upstream, weights)
      bands(m, threads: threads, work: input.ones * m) { lower, upper in
        for o in lower..<upper {
          let row = w + o * n
          for r in 0..<input.rows {
            let g = u[r * m + o]
            for k in starts[r]..<starts[r + 1] { row[Int(cs[k])] += g }
          }
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
