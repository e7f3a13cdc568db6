/// All-pairs matchups of rank-0 agents, fast: the whole trace of a variable over worlds 0 … 63 is one
/// 64-bit word, and the fixed point of a matchup is found by iterating the two agents' formulas on
/// those words.
///
/// A different algorithm from ``Competition`` (which goes world by world), used for tournaments of
/// many rank-0 agents (the item 5 and the benchmark) and checked against it.
///
/// - Words: bit n of a word is the value at world n. Boolean connectives act bitwise. On the chain,
///   [k]ψ holds at n iff ψ holds at every m with k ≤ m < n; with z the first world ≥ k where ψ fails,
///   the word of [k]ψ has bits 0 … z set (all 64 when there is no such z).
/// - Fixed point: x = φ_X(x, y), y = φ_Y(y, x) with x = [X(Y) = C], y = [Y(X) = C], iterated from
///   all-ones words (Gauss–Seidel). Because both formulas are fully modalized, bit n of the result
///   depends only on bits < n of the arguments, so each round fixes at least one more world and a
///   round that changes nothing has reached the unique solution on worlds 0 … 63.
/// - Beyond world 63: the solution there equals world 63's when the box state does not change from
///   world 62 to world 63 and 62 is at least the largest grade (the stopping rule of
///   ``ModalSolution``); a box word changes there exactly when it is 0x7FFF_FFFF_FFFF_FFFF. A matchup
///   that fails the test (none among the enumerated agents) is solved by ``Competition`` instead.
public struct RankZeroTournament: Sendable {
  /// One instruction of a compiled formula: an operation code, two operand slots and, for a box,
  /// the mask of the worlds below its grade.
  struct Instruction: Sendable {
    var code: UInt8
    var a: UInt16
    var b: UInt16
    var low: UInt64
  }

  enum Code {
    static let constant: UInt8 = 0
    static let me: UInt8 = 1
    static let them: UInt8 = 2
    static let not: UInt8 = 3
    static let and: UInt8 = 4
    static let or: UInt8 = 5
    static let implies: UInt8 = 6
    static let iff: UInt8 = 7
    static let box: UInt8 = 8
  }

  /// The agents, in order.
  public let agents: [ModalAgent]
  private let instructions: [Instruction]
  private let offsets: [Int]
  private let lengths: [Int]
  private let scratchSize: Int
  /// Agents whose grades are too large for the 64-world window (solved by ``Competition``).
  let outsideWindow: [Bool]

  /// The largest grade the 64-world window handles.
  static let largestWindowGrade = 62

  /// A tournament of rank-0 agents.
  ///
  /// - Throws: ``ModalDefinitionError`` when an agent refers to a third party (rank ≥ 1).
  public init(_ agents: [ModalAgent]) throws(ModalDefinitionError) {
    var instructions: [Instruction] = []
    var offsets: [Int] = []
    var lengths: [Int] = []
    var outside: [Bool] = []
    for agent in agents {
      guard agent.rank == 0 else {
        throw ModalDefinitionError(place: agent.name, problem: "the fast tournament takes rank-0 agents only; \(agent.name) has rank \(agent.rank)")
      }
      offsets.append(instructions.count)
      let nodes = agent.template.nodes
      guard nodes.count <= Int(UInt16.max) else {
        throw ModalDefinitionError(place: agent.name, problem: "formula too large for the fast tournament")
      }
      var grade = 0
      for node in nodes {
        switch node {
        case .constant(let b): instructions.append(Instruction(code: Code.constant, a: 0, b: 0, low: b ? ~0 : 0))
        case .me: instructions.append(Instruction(code: Code.me, a: 0, b: 0, low: 0))
        case .them: instructions.append(Instruction(code: Code.them, a: 0, b: 0, low: 0))
        case .themVersus: preconditionFailure("rank 0 checked above")
        case .not(let a): instructions.append(Instruction(code: Code.not, a: UInt16(a), b: 0, low: 0))
        case .and(let a, let b): instructions.append(Instruction(code: Code.and, a: UInt16(a), b: UInt16(b), low: 0))
        case .or(let a, let b): instructions.append(Instruction(code: Code.or, a: UInt16(a), b: UInt16(b), low: 0))
        case .implies(let a, let b): instructions.append(Instruction(code: Code.implies, a: UInt16(a), b: UInt16(b), low: 0))
        case .iff(let a, let b): instructions.append(Instruction(code: Code.iff, a: UInt16(a), b: UInt16(b), low: 0))
        case .box(let a, let k):
          grade = max(grade, k)
          let low: UInt64 = k >= 64 ? ~0 : (1 << UInt64(k)) &- 1
          instructions.append(Instruction(code: Code.box, a: UInt16(a), b: 0, low: low))
        }
      }
      lengths.append(nodes.count)
      outside.append(grade > Self.largestWindowGrade)
    }
    self.agents = agents
    self.instructions = instructions
    self.offsets = offsets
    self.lengths = lengths
    self.scratchSize = max(1, lengths.max() ?? 1)
    self.outsideWindow = outside
  }

  /// The value word of agent `index`'s formula given the words of me(them) and them(me); `unsettled`
  /// is set when a box changes between worlds 62 and 63.
  @inline(__always)
  private static func evaluate(
    _ program: UnsafePointer<Instruction>, count: Int, me: UInt64, them: UInt64,
    scratch: UnsafeMutablePointer<UInt64>, unsettled: inout Bool
  ) -> UInt64 {
    for i in 0..<count {
      let instruction = program[i]
      let value: UInt64
      switch instruction.code {
      case Code.constant: value = instruction.low
      case Code.me: value = me
      case Code.them: value = them
      case Code.not: value = ~scratch[Int(instruction.a)]
      case Code.and: value = scratch[Int(instruction.a)] & scratch[Int(instruction.b)]
      case Code.or: value = scratch[Int(instruction.a)] | scratch[Int(instruction.b)]
      case Code.implies: value = ~scratch[Int(instruction.a)] | scratch[Int(instruction.b)]
      case Code.iff: value = ~(scratch[Int(instruction.a)] ^ scratch[Int(instruction.b)])
      default:
        // [k]ψ: bits 0 … z where z is the first world ≥ k at which ψ fails.
        let failing = ~(scratch[Int(instruction.a)] | instruction.low)
        let z = failing.trailingZeroBitCount
        value = z >= 63 ? ~0 : ~0 >> UInt64(63 - z)
        unsettled = unsettled || value == 0x7FFF_FFFF_FFFF_FFFF
      }
      scratch[i] = value
    }
    return scratch[count - 1]
  }

  /// The outcome of one matchup: each side's move in the standard model and whether PA proves it.
  public struct Outcome: Sendable, Equatable {
    /// Whether the first agent cooperates with the second (standard model).
    public let first: Bool
    /// Whether the second agent cooperates with the first.
    public let second: Bool
    /// Whether [first(second) = C] holds at every world (PA proves it).
    public let firstProvable: Bool
    /// Whether [second(first) = C] holds at every world.
    public let secondProvable: Bool
  }

  /// The outcome of agent `i` against agent `j`, with provability (for Robust Cooperation Thm 4.10).
  public func outcome(_ i: Int, _ j: Int) -> Outcome {
    if !outsideWindow[i] && !outsideWindow[j] {
      let words = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratchSize) { scratch in
        instructions.withUnsafeBufferPointer { buffer in
          solveWords(i, j, buffer.baseAddress!, scratch.baseAddress!)
        }
      }
      if let (x, y) = words {
        return Outcome(first: x >> 63 == 1, second: y >> 63 == 1, firstProvable: x == ~0, secondProvable: y == ~0)
      }
    }
    let matchup = try! Competition(agents[i], agents[j]).solve()
    return Outcome(
      first: matchup.solution.value(matchup.firstVariable), second: matchup.solution.value(matchup.secondVariable),
      firstProvable: matchup.solution.isProvable(matchup.firstVariable),
      secondProvable: matchup.solution.isProvable(matchup.secondVariable))
  }

  /// Whether the matchup of agents `i` and `j` is decided inside the 64-world window (otherwise it is
  /// handed to the world-by-world evaluator).
  public func settlesInWindow(_ i: Int, _ j: Int) -> Bool {
    guard !outsideWindow[i] && !outsideWindow[j] else { return false }
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratchSize) { scratch in
      instructions.withUnsafeBufferPointer { buffer in solveWords(i, j, buffer.baseAddress!, scratch.baseAddress!) != nil }
    }
  }

  /// Whether agent `i` cooperates with agent `j` and whether `j` cooperates with `i` (standard model).
  public func play(_ i: Int, _ j: Int) -> (Bool, Bool) {
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratchSize) { scratch in
      instructions.withUnsafeBufferPointer { buffer in
        play(i, j, buffer.baseAddress!, scratch.baseAddress!)
      }
    }
  }

  @inline(__always)
  private func play(_ i: Int, _ j: Int, _ base: UnsafePointer<Instruction>, _ scratch: UnsafeMutablePointer<UInt64>) -> (Bool, Bool) {
    if outsideWindow[i] || outsideWindow[j] { return slowPlay(i, j) }
    guard let (x, y) = solveWords(i, j, base, scratch) else { return slowPlay(i, j) }
    return (x >> 63 == 1, y >> 63 == 1)
  }

  /// The words (values at worlds 0 … 63) of the matchup's two variables, or nil when the window
  /// does not settle.
  @inline(__always)
  private func solveWords(_ i: Int, _ j: Int, _ base: UnsafePointer<Instruction>, _ scratch: UnsafeMutablePointer<UInt64>) -> (UInt64, UInt64)? {
    let p = base + offsets[i]
    let q = base + offsets[j]
    let m = lengths[i]
    let n = lengths[j]
    var x: UInt64 = ~0
    var y: UInt64 = ~0
    for _ in 0..<66 {
      var unsettled = false
      let nx = Self.evaluate(p, count: m, me: x, them: y, scratch: scratch, unsettled: &unsettled)
      let ny = Self.evaluate(q, count: n, me: y, them: nx, scratch: scratch, unsettled: &unsettled)
      if nx == x && ny == y { return unsettled ? nil : (x, y) }
      x = nx
      y = ny
    }
    return nil
  }

  /// The world-by-world evaluator, for matchups outside the window.
  private func slowPlay(_ i: Int, _ j: Int) -> (Bool, Bool) {
    let matchup = try! Competition(agents[i], agents[j]).solve()
    return (matchup.firstMove == .cooperate, matchup.secondMove == .cooperate)
  }

  /// `cooperates[i][j]`: whether agent i cooperates with agent j, for every ordered pair.
  public func matrix() -> [[Bool]] {
    var result = [[Bool]](repeating: [Bool](repeating: false, count: agents.count), count: agents.count)
    forEachPair { i, j, first, second in
      result[i][j] = first
      result[j][i] = second
    }
    return result
  }

  /// Calls `body(i, j, i cooperates with j, j cooperates with i)` for every unordered pair i ≤ j.
  public func forEachPair(_ body: (Int, Int, Bool, Bool) -> Void) {
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratchSize) { scratch in
      instructions.withUnsafeBufferPointer { buffer in
        for i in agents.indices {
          for j in i..<agents.count {
            let (a, b) = play(i, j, buffer.baseAddress!, scratch.baseAddress!)
            body(i, j, a, b)
          }
        }
      }
    }
  }

  /// Plays agent `i` against each of `opponents` and returns the moves of both sides.
  public func play(_ i: Int, against opponents: [Int]) -> [(Bool, Bool)] {
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratchSize) { scratch in
      instructions.withUnsafeBufferPointer { buffer in
        opponents.map { play(i, $0, buffer.baseAddress!, scratch.baseAddress!) }
      }
    }
  }

  /// Plays `count` ordered pairs (row-major over all ordered pairs, wrapping around) and returns how
  /// many cooperations there were: the benchmark's unit of work.
  public func playOrderedPairs(_ count: Int) -> Int {
    let n = agents.count
    guard n > 0 else { return 0 }
    var cooperations = 0
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratchSize) { scratch in
      instructions.withUnsafeBufferPointer { buffer in
        var i = 0
        var j = 0
        for _ in 0..<count {
          let (a, b) = play(i, j, buffer.baseAddress!, scratch.baseAddress!)
          cooperations += (a ? 2 : 0) + (b ? 1 : 0)
          j += 1
          if j == n {
            j = 0
            i += 1
            if i == n { i = 0 }
          }
        }
      }
    }
    return cooperations
  }
}
