/// The transition tables of one agent's hypotheses copied into member order (a layout for speed; the
/// mathematics is that of ``HypothesisSpace``'s tables, unchanged).
///
/// Step 2 visits the members of one value group in member order (``HagglerSpec/members``: by group,
/// then id). In the space the rows of a group's members lie far apart (they are indexed by hypothesis
/// id), so every visit of a member missed the cache twice: its row of transitions and its password. Here
/// row k is member k's row, `rows[(k · stateStride + s) · |A| + a] = table[(h · stateStride + s) · |A| + a]`
/// with h = members[k], and `passwords[k]` is h's password id, so a group's visit reads memory in
/// order.
struct MemberTables: Sendable {
  /// The rows of the members, `rowWidth` entries each (next << 8 | code, as in the space).
  let rows: [UInt16]
  /// The password id of each member (``HypothesisSpace``'s `passwordIDs`, −1 for other kinds).
  let passwords: [Int32]
  /// The entries of a row: stateStride · |A|.
  let rowWidth: Int

  /// The rows and passwords of `members` (hypothesis ids) of `space`, in that order.
  init(space: HypothesisSpace, members: [Int32]) {
    let width = space.stateStride * space.actionCount
    var rows: [UInt16] = []
    rows.reserveCapacity(members.count * width)
    space.table.withUnsafeBufferPointer { table in
      for h in members {
        let base = Int(h) * width
        rows.append(contentsOf: table[base..<base + width])
      }
    }
    self.rows = rows
    passwords = members.map { space.passwordIDs[Int($0)] }
    rowWidth = width
  }
}
