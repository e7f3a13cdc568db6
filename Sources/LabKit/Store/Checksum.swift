/// The checksum of a stored cell: 64-bit FNV-1a (Fowler, Noll and Vo) over the value's UTF-8 bytes,
///
///     h₀ = 14695981039346656037,   hᵢ = (hᵢ₋₁ xor byteᵢ) · 1099511628211  (mod 2⁶⁴),
///
/// written as 16 lowercase hexadecimal digits. It detects a truncated or altered entry (any change of
/// one byte changes it); it is not a defence against deliberate forgery, which the store does not need.
public enum Checksum {
  public static func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 14_695_981_039_346_656_037
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 1_099_511_628_211
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
