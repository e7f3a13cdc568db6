/// Which committed paper-scale cells `reproduce check --scale paper --sample N` recomputes.
///
/// The choice is a function of the committed results alone, so CI and a user at the same commit
/// recompute the same cells, and a new commit of paper-scale results draws afresh:
///
///     d = FNV-1a("id₁ checksum₁\nid₂ checksum₂\n…")          over every committed cell in catalog order
///     rank(c) = FNV-1a(d + " " + id_c)
///
/// The cells are sorted by rank (ties, impossible in practice, by id) and the first N are taken. Every
/// committed cell can be drawn, so the sample's cost is that of the cells drawn: the experiments
/// committed at paper scale are the ones that fit the machine (the rest are listed as not run).
public enum PaperScaleSample {
  public struct Candidate: Sendable, Equatable {
    public let id: String
    public let checksum: String

    public init(id: String, checksum: String) {
      self.id = id
      self.checksum = checksum
    }
  }

  /// The digest `d` of all committed cells.
  public static func digest(_ candidates: [Candidate]) -> String {
    Checksum.fnv1a(candidates.map { "\($0.id) \($0.checksum)\n" }.joined())
  }

  /// The ids of the `count` cells of least rank, in rank order.
  public static func choose(_ candidates: [Candidate], count: Int) -> [String] {
    let d = digest(candidates)
    let ranked = candidates.map { (rank: Checksum.fnv1a(d + " " + $0.id), id: $0.id) }
    return ranked.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }.prefix(max(count, 0)).map(\.id)
  }
}
