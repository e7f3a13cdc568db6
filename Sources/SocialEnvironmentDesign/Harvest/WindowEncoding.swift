import LabKit

/// The learned players' observation: the substrate's egocentric window (Appendix A, Table 1: forward 9,
/// right 5, backward 1, left 5; notes §2.2), 11 × 11 = 121 cells, one-hot in three channels (wall,
/// live apple, another player), channel-major: entry c·121 + k is 1 when cell k (rows forward 9 … −1,
/// columns left 5 … right 5, ``HarvestWorld/observe(_:into:)``) holds thing c, 0 otherwise; grass and
/// the player's own cell (unless a live apple regrew under it) are all zeros.
///
/// The released code feeds 88 × 88 RGB frames (4 stacked, plus agent-indicator channels) to a CNN; the
/// symbolic window carries the same cell contents without rendering (notes §7.1: "symbolic 11 × 11
/// egocentric window"), and without the frame stack (an assumption: the apples' regrowth is slow next to
/// a 200-step horizon, and a single frame shows every other player in view).
public enum WindowEncoding {
  public static let channels = 3
  /// 3 × 121 = 363 numbers per player.
  public static let size = channels * HarvestWorld.viewCells

  /// Writes player i's encoding into `out[0 ..< size]`; `codes` is scratch for 121 cell codes.
  @inlinable
  public static func encode(_ world: HarvestWorld, player i: Int, codes: UnsafeMutablePointer<UInt8>, into out: UnsafeMutablePointer<Double>) {
    world.observe(i, into: codes)
    out.update(repeating: 0, count: size)
    for k in 0..<HarvestWorld.viewCells {
      let code = Int(codes[k])
      if code != 0 { out[(code - 1) * HarvestWorld.viewCells + k] = 1 }
    }
  }

  /// How a ``Rollout`` keeps these windows compactly: the 121 cell codes, decoded to this layout.
  public static let storage = ObservationStorage.oneHot(cells: HarvestWorld.viewCells, channels: channels)

  /// Every player's encoding, one row per player (`agentCount × size`), into `out`.
  public static func encodeAll(_ world: HarvestWorld, codes: UnsafeMutablePointer<UInt8>, into out: inout [Double]) {
    precondition(out.count == world.agentCount * size, "WindowEncoding.encodeAll: buffer of \(out.count) for \(world.agentCount) players")
    out.withUnsafeMutableBufferPointer { o in
      for i in 0..<world.agentCount { encode(world, player: i, codes: codes, into: o.baseAddress! + i * size) }
    }
  }
}
