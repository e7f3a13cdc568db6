import Foundation

/// The default code fingerprint of a catalog's papers (``ReproduceCatalog/reproduction``): the 64-bit
/// FNV-1a hash of the running executable's bytes, h ← (h xor byte) · 1099511628211 from
/// 14695981039346656037, as SourceFingerprintTool hashes sources. A package outside the repository has
/// no source fingerprints generated for it; the executable holds all the code its results depend on
/// (its papers, LabKit, the compiler's output), so any change to that code changes the hash and makes
/// the stored cells stale. A rebuild that changes nothing but yields other bytes only recomputes.
enum ExecutableFingerprint {
  /// The fingerprint in 16 hexadecimal digits; nil when the executable cannot be read.
  static let current: String? = {
    let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : Bundle.main.executablePath
    guard let path, let data = FileManager.default.contents(atPath: path) else { return nil }
    return hex(fnv1a(data))
  }()

  /// FNV-1a, 64 bits, of `data`.
  static func fnv1a(_ data: Data) -> UInt64 {
    var hash: UInt64 = 14_695_981_039_346_656_037
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 1_099_511_628_211
    }
    return hash
  }

  /// `value` in 16 lower-case hexadecimal digits.
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
