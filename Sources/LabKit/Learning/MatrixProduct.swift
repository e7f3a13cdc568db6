import COpenBLAS

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
/// parallelism comes from the experiments' own `--jobs`.
enum MatrixProduct {
  /// Makes OpenBLAS single-threaded, once (a lazily initialised global runs exactly once, thread-safely).
  private static let singleThreaded: Bool = {
    openblas_set_num_threads(1)
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
    beta: Double, _ c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    precondition(singleThreaded)
    guard rows > 0, columns > 0 else { return }
    var transB: CChar = transposeB ? 84 : 78  // "T" or "N"
    var transA: CChar = transposeA ? 84 : 78
    var m = blasint(columns), n = blasint(rows), k = blasint(inner)
    var alpha = alpha, beta = beta
    var ldb = blasint(ldb), lda = blasint(lda), ldc = blasint(ldc)
    dgemm_(
      &transB, &transA, &m, &n, &k, &alpha, UnsafeMutablePointer(mutating: b), &ldb, UnsafeMutablePointer(mutating: a), &lda, &beta, c, &ldc)
  }
}
