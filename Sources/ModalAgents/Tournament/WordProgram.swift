/// A rank-0 agent's formula compiled once to straight-line code over 64-world words: every
/// connective and every graded box becomes one instruction of a single branch-free form, so a
/// matchup runs the two agents' instruction arrays without a dispatch per node.
///
/// The words are those of ``RankZeroTournament``: bit n of a word is the value at world n of the
/// linear Kripke chain of GL. Every instruction computes
///
///     f = (s[a] ⊕ ca) ∧ (s[b] ⊕ cb),   value = f ⊕ (m ∧ (f − 1))
///
/// over the slots s (ca, cb ∈ {0, ~0} complement an operand; m = 0 for a conjunction, m = ~0 for a
/// box). The identities used:
/// - negation costs nothing: each node is held as a slot and a complement flag, and a consumer
///   complements its operand (¬φ is the slot of φ with the flag flipped);
/// - φ ∨ ψ = ¬(¬φ ∧ ¬ψ) and φ → ψ = ¬(φ ∧ ¬ψ) are one conjunction each, held complemented;
///   φ ↔ ψ = ¬(¬(φ ∧ ψ) ∧ ¬(¬φ ∧ ¬ψ)) is three;
/// - [k]ψ holds at world n iff ψ holds at every world m with k ≤ m < n, so its word has bits
///   0 … z set, z the first world ≥ k where ψ fails (all 64 when there is none). With
///   f = ¬ψ ∧ ¬low_k (low_k the mask of worlds below k, held as the constant slot ¬low_k), z is the
///   lowest set bit of f and the word is f ⊕ (f − 1) (all ones when f = 0).
///
/// The slots of a program are s[0] = me(them), s[1] = them(me), then its constants (the all-ones
/// word first, then ¬low_k for each grade k ≥ 1 used), then one slot per instruction.
struct WordProgram: Sendable, Equatable {
  /// One instruction: the two operand slots and the flags (bit 0 complements a, bit 1 complements
  /// b, bit 2 makes it a box).
  struct Instruction: Sendable, Equatable {
    var a: UInt16
    var b: UInt16
    var flags: UInt32

    static let complementA: UInt32 = 1
    static let complementB: UInt32 = 2
    static let box: UInt32 = 4

    /// Whether this instruction computes a box.
    var isBox: Bool { flags & Self.box != 0 }
  }

  /// The slot of me(them).
  static let meSlot = 0
  /// The slot of them(me).
  static let themSlot = 1
  /// The slot of the all-ones word (⊤; ¬low_0).
  static let onesSlot = 2

  /// The constant words, stored from slot 2 on: the all-ones word, then ¬low_k per grade k ≥ 1.
  private(set) var constants: [UInt64] = [~0]
  private(set) var instructions: [Instruction] = []
  /// The slot of the formula's value and whether it is held complemented.
  private(set) var result = 0
  private(set) var resultComplemented = false
  /// The largest grade of a box in the formula.
  private(set) var largestGrade = 0
  /// False when a letterless box's word changes between worlds 62 and 63 (see
  /// ``RankZeroTournament``): then no matchup of the agent is decided inside the window.
  private(set) var settlesInWindow = true

  /// The first instruction's slot.
  var firstInstructionSlot: Int { 2 + constants.count }
  /// The number of slots the program uses.
  var slotCount: Int { firstInstructionSlot + instructions.count }

  /// Compiles a rank-0 agent's node list (children first; the last node is the formula).
  ///
  /// Letterless subformulas (no me(them), no them(me)) are folded: their words are computed here,
  /// once, and held as constants.
  ///
  /// - Throws: ``ModalDefinitionError`` when the program would have more than 65,535 slots.
  init(_ nodes: [AgentTemplate.Node], name: String) throws(ModalDefinitionError) {
    let folded = Self.fold(nodes)
    for (index, node) in nodes.enumerated() {
      guard case .box(let a, let k) = node else { continue }
      largestGrade = max(largestGrade, k)
      if folded[index] == 0x7FFF_FFFF_FFFF_FFFF { settlesInWindow = false }
      if folded[a] == nil { addConstant(Self.notLow(k)) }
    }
    // The letterless nodes that are operands of instructions, and the formula itself, need slots.
    var needed = [Bool](repeating: false, count: nodes.count)
    if !nodes.isEmpty { needed[nodes.count - 1] = true }
    for (index, node) in nodes.enumerated() where folded[index] == nil {
      for child in node.children { needed[child] = true }
    }
    for (index, value) in folded.enumerated() where needed[index] {
      if let value { addConstant(value) }
    }
    // The instruction count is at most 3 per node (↔), so this bounds every slot index.
    guard 2 + constants.count + 3 * nodes.count <= Int(UInt16.max) else {
      throw ModalDefinitionError(place: name, problem: "formula too large for the fast tournament")
    }
    var operands: [(slot: Int, complemented: Bool)] = []
    operands.reserveCapacity(nodes.count)
    for (index, node) in nodes.enumerated() {
      if let value = folded[index] {
        // Only needed letterless nodes are ever read (the others stand in with slot 0).
        operands.append((needed[index] ? 2 + constants.firstIndex(of: value)! : 0, false))
      } else {
        operands.append(compile(node, operands))
      }
    }
    (result, resultComplemented) = operands.last ?? (Self.onesSlot, false)
  }

  /// ¬low_k: the worlds at or above k (none when k ≥ 64).
  static func notLow(_ k: Int) -> UInt64 { k >= 64 ? 0 : ~((1 << UInt64(k)) &- 1) }

  private mutating func addConstant(_ value: UInt64) {
    if !constants.contains(value) { constants.append(value) }
  }

  /// The word of every letterless node (nil for the others), by the semantics of the type's
  /// documentation written out connective by connective.
  static func fold(_ nodes: [AgentTemplate.Node]) -> [UInt64?] {
    var words: [UInt64?] = []
    words.reserveCapacity(nodes.count)
    for node in nodes {
      let word: UInt64?
      switch node {
      case .constant(let value): word = value ? ~0 : 0
      case .me, .them, .themVersus: word = nil
      case .not(let a): word = words[a].map { ~$0 }
      case .and(let a, let b): word = words[a].flatMap { x in words[b].map { x & $0 } }
      case .or(let a, let b): word = words[a].flatMap { x in words[b].map { x | $0 } }
      case .implies(let a, let b): word = words[a].flatMap { x in words[b].map { ~x | $0 } }
      case .iff(let a, let b): word = words[a].flatMap { x in words[b].map { ~(x ^ $0) } }
      case .box(let a, let k):
        word = words[a].map { x in
          let failing = ~x & notLow(k)
          return failing ^ (failing &- 1)
        }
      }
      words.append(word)
    }
    return words
  }

  /// The operand (slot, complement flag) of one node, emitting its instructions.
  private mutating func compile(_ node: AgentTemplate.Node, _ operands: [(slot: Int, complemented: Bool)]) -> (Int, Bool) {
    switch node {
    case .constant(let value): return (Self.onesSlot, !value)
    case .me: return (Self.meSlot, false)
    case .them: return (Self.themSlot, false)
    case .themVersus: preconditionFailure("WordProgram takes rank-0 agents only")
    case .not(let a): return (operands[a].slot, !operands[a].complemented)
    case .and(let a, let b): return (emitAnd(operands[a], operands[b]), false)
    case .or(let a, let b): return (emitAnd(negate(operands[a]), negate(operands[b])), true)
    case .implies(let a, let b): return (emitAnd(operands[a], negate(operands[b])), true)
    case .iff(let a, let b):
      let both = emitAnd(operands[a], operands[b])
      let neither = emitAnd(negate(operands[a]), negate(operands[b]))
      return (emitAnd((both, true), (neither, true)), true)
    case .box(let a, let k):
      let constant = 2 + constants.firstIndex(of: Self.notLow(k))!
      return (emit(negate(operands[a]), (constant, false), box: true), false)
    }
  }

  private func negate(_ operand: (slot: Int, complemented: Bool)) -> (slot: Int, complemented: Bool) {
    (operand.slot, !operand.complemented)
  }

  private mutating func emitAnd(_ a: (slot: Int, complemented: Bool), _ b: (slot: Int, complemented: Bool)) -> Int {
    emit(a, b, box: false)
  }

  private mutating func emit(_ a: (slot: Int, complemented: Bool), _ b: (slot: Int, complemented: Bool), box: Bool) -> Int {
    let flags = (a.complemented ? Instruction.complementA : 0) | (b.complemented ? Instruction.complementB : 0) | (box ? Instruction.box : 0)
    instructions.append(Instruction(a: UInt16(a.slot), b: UInt16(b.slot), flags: flags))
    return firstInstructionSlot + instructions.count - 1
  }

  /// Runs `count` instructions from `code` over the slots `s`, the first instruction writing slot
  /// `first`: the branch-free form of the type's documentation.
  @inline(__always)
  static func run(_ code: UnsafePointer<Instruction>, count: Int, slots s: UnsafeMutablePointer<UInt64>, first: Int) {
    for k in 0..<count {
      let instruction = code[k]
      let ca = 0 &- UInt64(instruction.flags & 1)
      let cb = 0 &- UInt64(instruction.flags >> 1 & 1)
      let m = 0 &- UInt64(instruction.flags >> 2 & 1)
      let f = (s[Int(instruction.a)] ^ ca) & (s[Int(instruction.b)] ^ cb)
      s[first + k] = f ^ (m & (f &- 1))
    }
  }
}

extension AgentTemplate.Node {
  /// The nodes this node reads.
  fileprivate var children: [Int] {
    switch self {
    case .constant, .me, .them, .themVersus: return []
    case .not(let a), .box(let a, _): return [a]
    case .and(let a, let b), .or(let a, let b), .implies(let a, let b), .iff(let a, let b): return [a, b]
    }
  }
}
