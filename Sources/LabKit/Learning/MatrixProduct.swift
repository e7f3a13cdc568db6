import COpenBLAS
import Dispatch

/// Row-major matrix products for ``DenseNetwork``, through OpenBLAS's `dgemm`.
///
/// C ← α·op(A)·op(B) + β·C with C of `rows × columns`, op(A) of `rows × inner`, op(B) of `inner × columns`,
/// all row-major with leading dimensions `lda`, `ldb`, `ldc`. BLAS is column-major; a row-major matrix is its
/// transpose in column-major order, so the product is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ (the usual exchange of
/// A with B and of rows with columns).
///
/// OpenBLAS was chosen over GSL's reference CBLAS and plain Swift loops by measurement (README, "Dense
/// networks"). It runs single-threaded (`openblas_set_num_threads(1)` before the first product), so that a
/// product's summation order, and hence its bytes, do not depend on how many threads OpenBLAS would start;
/// parallelism comes from the experiments' own `--jobs`, and from ``multiply(threads:…)``, which splits C's
/// rows into contiguous bands, aligned to 16 rows, computed on separate threads. Each element of C is
/// still one `dgemm` accumulation over the same `inner` terms in the same order (an aligned band changes
/// which row tiles a call covers, never how an element is summed), so the bytes do not depend on the
/// number of threads (`ParallelLearningTests` checks this on the learners' shapes for 1 to 4 threads).
enum MatrixProduct {
  /// Below this many multiply-adds a product is not split (a thread's start-up would cost more).
  static let splitThreshold = 1 << 16
  /// Bands start at multiples of this many rows. Measured: bands of 42 and 43 rows change the last bits of
  /// some elements, bands of 64 or 500 do not (`ParallelLearningTests`), so bands follow the kernel's tiles.
  static let bandAlignment = 16
  /// Makes OpenBLAS single-threaded and keeps freed memory in the allocator (``FreedMemory``), once (a
  /// lazily initialised global runs exactly once, thread-safely).
  private static let singleThreaded: Bool = {
    openblas_set_num_threads(1)
    FreedMemory.retain()
    return true
  }()

  /// The OpenBLAS kernel family in use (it picks one for the processor at load time).
  static var kernel: String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
  }

  /// C ← α·op(A)·op(B) + β·C (see the type's documentation).
  static func multiply(
    transposeA: Bool, transposeB: Bool, rows: Int, columns: Int, inner: Int, alpha: Double = 1,
    _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, ldb: Int,
    beta: Double, _ c: UnsafeMutablePointer<Double>, ldc: Int, threads: Int = 1
  ) {
    precondition(singleThreaded)
    guard rows > 0, columns > 0 else { return }
    let bands = min(threads, rows / bandAlignment)
    if bands > 1 && rows * columns * inner >= splitThreshold {
      // Band b covers rows [start(b), start(b + 1)), start(b) = ⌊b·rows/bands / 16⌋·16 and start(bands) =
      // rows: every band but the last is a whole number of OpenBLAS's row tiles, so the tiles (and each
      // element's summation) are those of the unsplit product. Row r of op(A) starts at a + r·lda, or at
      // a + r when A is stored transposed; row r of C at c + r·ldc.
      nonisolated(unsafe) let (a, b, c) = (a, b, c)
      DispatchQueue.concurrentPerform(iterations: bands) { band in
        let start = { (k: Int) in k == bands ? rows : k * rows / bands / bandAlignment * bandAlignment }
        let first = start(band), end = start(band + 1)
        multiply(
          transposeA: transposeA, transposeB: transposeB, rows: end - first, columns: columns, inner: inner, alpha: alpha,
          a + (transposeA ? first : first * lda), lda: lda, b, ldb: ldb, beta: beta, c + first * ldc, ldc: ldc)
      }
      return
    }
    var transB: CChar = transposeB ? 84 : 78  // "T" or "N"
    var transA: CChar = transposeA ? 84 : 78
    var m = blasint(columns), n = blasint(rows), k = blasint(inner)
    var alpha = alpha, beta = beta
    var ldb = blasint(ldb), lda = blasint(lda), ldc = blasint(ldc)
    dgemm_(
      &transB, &transA, &m, &n, &k, &alpha, UnsafeMutablePointer(mutating: b), &ldb, UnsafeMutablePointer(mutating: a), &lda, &beta, c, &ldc)
  }
}
