// One forward and backward pass of a dense Leaky-ReLU network over a minibatch, the work of one training
// step of LabKit's DenseNetwork, with the three matrix products done by (a) plain Swift loops, (b) GSL's
// reference CBLAS (libgslcblas), (c) Debian's OpenBLAS, single-threaded. Compiled three times by
// Tests/Fixtures/blas/run.sh, which prints the table the README quotes. Not part of the package.
#if canImport(Glibc)
  import Glibc
#endif

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// C (rows × cols) = alpha · op(A) · op(B) + beta · C, row-major, op = transpose when the flag is set.
func gemm(
  _ transA: Bool, _ transB: Bool, _ rows: Int, _ cols: Int, _ inner: Int, _ a: UnsafePointer<Double>, _ lda: Int,
  _ b: UnsafePointer<Double>, _ ldb: Int, _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int
) {
  #if CBLAS
    cblas_dgemm(
      CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, Int32(rows), Int32(cols), Int32(inner), 1, a,
      Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  #else
    if beta == 0 { for r in 0..<rows { for j in 0..<cols { c[r * ldc + j] = 0 } } }
    switch (transA, transB) {
    case (false, true):  // C[r, j] += Σ_k A[r, k] B[j, k]: dot products
      for r in 0..<rows {
        for j in 0..<cols {
          var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
          var k = 0
          let x = a + r * lda, y = b + j * ldb
          while k + 4 <= inner {
            s0 += x[k] * y[k]; s1 += x[k + 1] * y[k + 1]; s2 += x[k + 2] * y[k + 2]; s3 += x[k + 3] * y[k + 3]
            k += 4
          }
          while k < inner { s0 += x[k] * y[k]; k += 1 }
          c[r * ldc + j] += (s0 + s1) + (s2 + s3)
        }
      }
    case (true, false):  // C[r, j] += Σ_k A[k, r] B[k, j]: rank-one updates
      for k in 0..<inner {
        for r in 0..<rows {
          let s = a[k * lda + r]
          if s == 0 { continue }
          let y = b + k * ldb, z = c + r * ldc
          for j in 0..<cols { z[j] += s * y[j] }
        }
      }
    default:  // C[r, j] += Σ_k A[r, k] B[k, j]: axpy rows
      for r in 0..<rows {
        let z = c + r * ldc
        for k in 0..<inner {
          let s = a[r * lda + k]
          if s == 0 { continue }
          let y = b + k * ldb
          for j in 0..<cols { z[j] += s * y[j] }
        }
      }
    }
  #endif
}

/// Forward and backward through layers `sizes` on `batch` rows; returns a checksum.
func pass(_ sizes: [Int], batch: Int, weights: [[Double]], input: [Double]) -> Double {
  var activations = [input]
  for l in 0..<(sizes.count - 1) {
    var z = [Double](repeating: 0, count: batch * sizes[l + 1])
    activations[l].withUnsafeBufferPointer { x in
      weights[l].withUnsafeBufferPointer { w in
        z.withUnsafeMutableBufferPointer { zz in
          gemm(false, true, batch, sizes[l + 1], sizes[l], x.baseAddress!, sizes[l], w.baseAddress!, sizes[l], 0, zz.baseAddress!, sizes[l + 1])
        }
      }
    }
    if l < sizes.count - 2 { for k in z.indices where z[k] < 0 { z[k] *= 0.01 } }
    activations.append(z)
  }
  var upstream = activations[activations.count - 1]
  var gradients = weights.map { [Double](repeating: 0, count: $0.count) }
  for l in stride(from: sizes.count - 2, through: 0, by: -1) {
    if l < sizes.count - 2 { for k in upstream.indices where !(activations[l + 1][k] > 0) { upstream[k] *= 0.01 } }
    var down = [Double](repeating: 0, count: batch * sizes[l])
    upstream.withUnsafeBufferPointer { g in
      activations[l].withUnsafeBufferPointer { x in
        gradients[l].withUnsafeMutableBufferPointer { dw in
          gemm(true, false, sizes[l + 1], sizes[l], batch, g.baseAddress!, sizes[l + 1], x.baseAddress!, sizes[l], 1, dw.baseAddress!, sizes[l])
        }
      }
      weights[l].withUnsafeBufferPointer { w in
        down.withUnsafeMutableBufferPointer { d in
          gemm(false, false, batch, sizes[l], sizes[l + 1], g.baseAddress!, sizes[l + 1], w.baseAddress!, sizes[l], 0, d.baseAddress!, sizes[l])
        }
      }
    }
    upstream = down
  }
  return upstream[0] + gradients[0][0]
}

#if OPENBLAS
  openblas_set_num_threads(1)
#endif
var state: UInt64 = 12345
func next() -> Double {
  state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
  return Double(state >> 11) / Double(1 << 53) - 0.5
}
for sizes in [[11, 100, 50, 50, 10], [9, 32, 32, 32, 4]] {
  for batch in [32, 64, 128] {
    let weights = (0..<(sizes.count - 1)).map { l in (0..<(sizes[l] * sizes[l + 1])).map { _ in next() } }
    let input = (0..<(batch * sizes[0])).map { _ in next() }
    var checksum = 0.0
    var best = Double.infinity
    for _ in 0..<5 {
      let start = now()
      let repeats = 2000
      for _ in 0..<repeats { checksum += pass(sizes, batch: batch, weights: weights, input: input) }
      best = min(best, (now() - start) / Double(repeats))
    }
    print(
      "\(sizes.map(String.init).joined(separator: "-")) batch \(batch): \(Int((best * 1e6 * 10).rounded()) / 10) µs per forward+backward (checksum \(checksum))"
    )
  }
}
