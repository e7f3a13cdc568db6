/// The C library's allocator keeps freed memory for reuse instead of returning it to the system.
///
/// A training step allocates and frees a few hundred kilobytes of minibatch matrices. With glibc's default
/// trim threshold (128 KiB), freeing them at the end of a step gave the top of the heap back to the system,
/// and the next step took page faults to get it again (about a sixth of the step's time at the paper's size,
/// issue 15: `GLIBC_TUNABLES=glibc.malloc.trim_threshold=67108864` on the unchanged binary sped the step
/// from about 1,200 to 1,420 steps/s). Raising the threshold to 64 MiB keeps up to that much free memory
/// per arena. It changes where memory comes from, never what is computed.
enum FreedMemory {
  /// glibc's `M_TRIM_THRESHOLD` parameter of `mallopt` (`<malloc.h>`, not in Swift's Glibc module).
  private static let trimThreshold: Int32 = -1
  /// Free memory at the top of a heap kept rather than returned to the system.
  static let retainedBytes: Int32 = 64 << 20

  /// Sets the threshold (called once, by ``MatrixProduct``'s one-time set-up); `true` when the allocator
  /// accepted it.
  @discardableResult
  static func retain() -> Bool {
    #if os(Linux)
      return mallopt(trimThreshold, retainedBytes) == 1
    #else
      return false
    #endif
  }
}

#if os(Linux)
  /// glibc's `int mallopt(int param, int value)`.
  @_silgen_name("mallopt")
  private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
