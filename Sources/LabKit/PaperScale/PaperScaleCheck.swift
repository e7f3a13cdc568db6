/// What `reproduce check --scale paper --sample N` found (``Reproduction/checkPaperScale(_:sample:options:log:)``).
public struct PaperScaleCheck: Sendable {
  /// How one recomputed cell compared with its committed bytes.
  public enum Outcome: Sendable, Equatable {
    case identical
    /// The first differing byte (UTF-8 offset) and the lengths of the committed and recomputed cell.
    case different(offset: Int, committed: Int, recomputed: Int)
  }

  /// The recomputed cells, in sample order: `paper/experiment` and the outcome.
  public var sampled: [(cell: String, outcome: Outcome)] = []
  /// Committed cells whose recorded code fingerprint is not the current code's.
  public var stale: [String] = []
  /// Committed cells missing, altered (checksum) or unreadable.
  public var damaged: [String] = []
  /// Cells that can be drawn (committed, with their file intact) and all committed cells.
  public var eligible = 0
  public var committed = 0
  /// Papers of the selection with no paper-scale results committed.
  public var papersWithout: [String] = []
  /// Experiments recorded as not run at paper scale, with the reason.
  public var notRun: [String] = []

  /// Whether the check fails: a damaged or differing cell always; a stale one when `strict`.
  public func failed(strict: Bool) -> Bool {
    !damaged.isEmpty || sampled.contains { $0.outcome != .identical } || (strict && !stale.isEmpty)
  }

  /// The report, one line per finding.
  public var lines: [String] {
    var out: [String] = []
    for (cell, outcome) in sampled {
      switch outcome {
      case .identical: out.append("identical  \(cell)")
      case .different(let offset, let committed, let recomputed):
        out.append("DIFFERENT  \(cell) (first difference at byte \(offset); committed \(committed) bytes, recomputed \(recomputed))")
      }
    }
    out += damaged.map { "DAMAGED    \($0)" }
    out += stale.map { "STALE      \($0)" }
    out += notRun.map { "not run    \($0)" }
    out += papersWithout.map { "none       \($0): no paper-scale results committed" }
    return out
  }

  /// The offset of the first differing UTF-8 byte of `a` and `b`, nil when they are equal.
  static func firstDifference(_ a: String, _ b: String) -> Int? {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    if x == y { return nil }
    return (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
  }
}
