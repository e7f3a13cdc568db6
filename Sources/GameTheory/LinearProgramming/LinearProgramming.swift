import CGLPK
import Foundation

/// The GLPK library the linear programs run on, and how it is used safely.
///
/// **Thread safety.** GLPK keeps all its mutable state (terminal settings, error hooks, memory
/// accounting, the rational-arithmetic pool) in an environment block. When the library is configured
/// with thread-local storage (configure's `--enable-reentrant`, GLPK 4.57 and later), that block is
/// thread-local: each thread gets its own, created on its first GLPK call, so different threads may
/// solve different problems at the same time; a problem object must never be shared between threads.
/// Debian's `libglpk40` 5.0-1 is built that way: `glp_config("TLS")` returns `"_Thread_local"`. Its
/// other writable static data is 80 bytes (`.data` and `.bss`, checked by disassembly): the C runtime's
/// destructor flag, a flag in the memory-pool module `misc/dmp.c`, and the f2c `static` locals of
/// the Martello–Toth knapsack routine `misc/mt1.c`, which only the MIP solver's cut generation calls.
/// The simplex (`glp_simplex`) and the rational simplex (`glp_exact`, on GMP's `mpq`, whose default
/// allocator GLPK does not replace) touch none of it. ``LinearProgram/solve(exact:presolve:)``
/// creates and deletes its problem object within the call, so concurrent solves share nothing and run
/// in parallel; `GameTheoryTests` checks this by solving the same programs on 8 threads at once and
/// comparing bit for bit with a serial run. (Do not call GLPK's MIP solver from several threads.)
///
/// A GLPK built without thread-local storage keeps one global environment; ``isReentrant`` is then
/// false and every solve is serialised behind one lock instead.
///
/// Each thread's environment is freed (`glp_free_env`) at the end of every solve, so no GLPK memory
/// outlives a call and a worker thread that ends leaks nothing (measured: a small LP takes about 5 µs
/// either way). Code outside this API must therefore
/// not hold GLPK problem objects of its own on a thread that solves a ``LinearProgram``; all of the
/// toolkit's GLPK use goes through ``LinearProgram``.
public enum LinearProgramming {
  /// GLPK's version string, as the library reports it (`glp_version`).
  public static var glpkVersion: String { String(cString: glp_version()) }

  /// The thread-local storage class GLPK was configured with (`glp_config("TLS")`), or `nil` when it
  /// keeps one global environment.
  public static var glpkThreadLocalStorage: String? { glp_config("TLS").map { String(cString: $0) } }

  /// Whether GLPK keeps a separate environment per thread, so that solves may run concurrently.
  public static let isReentrant: Bool = glp_config("TLS") != nil

  private static let globalLock = NSLock()

  /// Runs `body`, which calls GLPK, under the thread-safety policy above; frees the calling thread's
  /// GLPK environment afterwards.
  static func withGLPK<T>(_ body: () -> T) -> T {
    if !isReentrant { globalLock.lock() }
    defer {
      glp_free_env()
      if !isReentrant { globalLock.unlock() }
    }
    return body()
  }
}
