/// The names closest to a mistyped one, for "did you mean" in error messages.
///
/// Closeness is the Levenshtein edit distance (insertions, deletions and substitutions of one
/// character each), with a name that starts with or contains the typed text counted as close. A
/// suggestion must be within a third of the typed length (at least 2 edits), so that unrelated names
/// are not offered.
public enum NearestNames {
  /// Up to `limit` known names nearest to `typed`, nearest first (ties in the order given).
  public static func suggestions(for typed: String, among known: [String], limit: Int = 3) -> [String] {
    let target = Array(typed.lowercased())
    let allowed = max(2, target.count / 3)
    var scored: [(name: String, distance: Int, order: Int)] = []
    for (order, name) in known.enumerated() {
      let lowered = name.lowercased()
      let distance =
        lowered.hasPrefix(typed.lowercased()) || (typed.count >= 4 && lowered.contains(typed.lowercased()))
        ? 0 : editDistance(target, Array(lowered), bound: allowed)
      if distance <= allowed, name != typed { scored.append((name, distance, order)) }
    }
    scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
    return scored.prefix(limit).map(\.name)
  }

  /// The Levenshtein distance between `a` and `b`, or `bound + 1` once it must exceed `bound`.
  static func editDistance(_ a: [Character], _ b: [Character], bound: Int) -> Int {
    if abs(a.count - b.count) > bound { return bound + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > bound { return bound + 1 }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
