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
///   depends only on bits < n of the arguments, so each round fixes at least one more world and two
///   consecutive half-steps that change nothing have reached the unique solution on worlds 0 … 63.
/// - Each agent's formula is compiled once, by `init`, to a ``WordProgram``: straight-line,
///   branch-free instructions over the words, run for every half-step of every matchup.
/// - Beyond world 63: the solution there equals world 63's when the box state does not change from
///   world 62 to world 63 and 62 is at least the largest grade (the stopping rule of
///   ``ModalSolution``); a box word changes there exactly when it is 0x7FFF_FFFF_FFFF_FFFF. A matchup
///   that fails the test (none among the enumerated agents) is solved by ``Competition`` instead.
public struct RankZeroTournament: Sendable {
  /// Where one agent's compiled program lies in the flat arrays.
  struct Layout: Sendable {
    var instructionOffset: Int
    var instructionCount: Int
    var constantOffset: Int
    var constantCount: Int
    /// The slot of the formula's value and the mask complementing it (0 or ~0).
    var result: Int
    var resultMask: UInt64
    /// Whether a grade is too large for the 64-world window.
    var outside: Bool
  }

  /// The agents, in order.
  public let agents: [ModalAgent]
  private let instructions: [WordProgram.Instruction]
  private let constants: [UInt64]
  private let layouts: [Layout]
  /// The most slots one program uses: each side of a matchup has a region of this size.
  private let scratchSize: Int
  /// Agents whose grades are too large for the 64-world window (solved by ``Competition``).
  let outsideWindow: [Bool]

  /// The largest grade the 64-world window handles.
  static let largestWindowGrade = 62

  /// A tournament of rank-0 agents, each agent's formula compiled once to a ``WordProgram``.
  ///
  /// - Throws: ``ModalDefinitionError`` when an agent refers to a third party (rank ≥ 1).
  public init(_ agents: [ModalAgent]) throws(ModalDefinitionError) {
    var instructions: [WordProgram.Instruction] = []
    var constants: [UInt64] = []
    var layouts: [Layout] = []
    var outside: [Bool] = []
    var scratchSize = 2
    for agent in agents {
      guard agent.rank == 0 else {
        throw ModalDefinitionError(place: agent.name, problem: "the fast tournament takes rank-0 agents only; \(agent.name) has rank \(agent.rank)")
      }
      let program = try WordProgram(agent.template.nodes, name: agent.name)
      layouts.append(
        Layout(
          instructionOffset: instructions.count, instructionCount: program.instructions.count,
          constantOffset: constants.count, constantCount: program.constants.count,
          result: program.result, resultMask: program.resultComplemented ? ~0 : 0,
          outside: program.largestGrade > Self.largestWindowGrade || !program.settlesInWindow))
      instructions += program.instructions
      constants += program.constants
      scratchSize = max(scratchSize, program.slotCount)
      outside.append(program.largestGrade > Self.largestWindowGrade || !program.settlesInWindow)
    }
    self.agents = agents
    self.instructions = instructions
    self.constants = constants
    self.layouts = layouts
    self.scratchSize = scratchSize
    self.outsideWindow = outside
  }

  /// The compiled code and its working memory, for the duration of a batch of matchups.
  struct Machine {
    let instructions: UnsafePointer<WordProgram.Instruction>
    let constants: UnsafePointer<UInt64>
    let layouts: UnsafePointer<Layout>
    /// Two regions of `stride` slots: the first agent's, then the second's.
    let scratch: UnsafeMutablePointer<UInt64>
    let stride: Int

    /// Loads agent `layout`'s constants into the region `s`.
    @inline(__always)
    func load(_ layout: Layout, into s: UnsafeMutablePointer<UInt64>) {
      for c in 0..<layout.constantCount { s[2 + c] = constants[layout.constantOffset + c] }
    }

    /// The value word of the agent's formula given the words of me(them) and them(me).
    @inline(__always)
    func evaluate(_ layout: Layout, me: UInt64, them: UInt64, slots s: UnsafeMutablePointer<UInt64>) -> UInt64 {
      s[WordProgram.meSlot] = me
      s[WordProgram.themSlot] = them
      WordProgram.run(instructions + layout.instructionOffset, count: layout.instructionCount, slots: s, first: 2 + layout.constantCount)
      return s[layout.result] ^ layout.resultMask
    }

    /// Whether a box of the agent's program holds the word 0x7FFF_FFFF_FFFF_FFFF in the region `s`:
    /// its value changes between worlds 62 and 63, so the window does not settle the matchup.
    @inline(__always)
    func unsettled(_ layout: Layout, slots s: UnsafeMutablePointer<UInt64>) -> Bool {
      let code = instructions + layout.instructionOffset
      let first = 2 + layout.constantCount
      var found = false
      for k in 0..<layout.instructionCount where code[k].isBox {
        found = found || s[first + k] == 0x7FFF_FFFF_FFFF_FFFF
      }
      return found
    }

    /// The words (values at worlds 0 … 63) of the matchup's two variables, or nil when the window
    /// does not settle.
    ///
    /// Gauss–Seidel from all-ones words, one agent at a time. It stops as soon as two consecutive
    /// half-steps change nothing: x = φ_X(x, y) was just checked, and y = φ_Y(y, x) holds for the same
    /// x because the half-step before computed it from the current x and y and left y unchanged (and
    /// symmetrically). Each full round fixes at least one more world, so 66 rounds suffice.
    @inline(__always)
    func solveWords(_ i: Int, _ j: Int) -> (UInt64, UInt64)? {
      let p = layouts[i]
      let q = layouts[j]
      let sp = scratch
      let sq = scratch + stride
      load(p, into: sp)
      load(q, into: sq)
      var x: UInt64 = ~0
      var y: UInt64 = ~0
      var sameY = false
      for _ in 0..<66 {
        let nx = evaluate(p, me: x, them: y, slots: sp)
        let sameX = nx == x
        x = nx
        if sameX && sameY { return settled(p, q, x, y) }
        let ny = evaluate(q, me: y, them: x, slots: sq)
        sameY = ny == y
        y = ny
        if sameX && sameY { return settled(p, q, x, y) }
      }
      return nil
    }

    @inline(__always)
    private func settled(_ p: Layout, _ q: Layout, _ x: UInt64, _ y: UInt64) -> (UInt64, UInt64)? {
      unsettled(p, slots: scratch) || unsettled(q, slots: scratch + stride) ? nil : (x, y)
    }
  }

  /// Runs `body` with a ``Machine`` over the compiled agents.
  @inline(__always)
  private func withMachine<R>(_ body: (Machine) -> R) -> R {
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * scratchSize) { scratch in
      instructions.withUnsafeBufferPointer { code in
        constants.withUnsafeBufferPointer { constants in
          layouts.withUnsafeBufferPointer { layouts in
            body(
              Machine(
                instructions: code.baseAddress ?? UnsafePointer(bitPattern: 8)!, constants: constants.baseAddress ?? UnsafePointer(bitPattern: 8)!,
                layouts: layouts.baseAddress ?? UnsafePointer(bitPattern: 8)!, scratch: scratch.baseAddress!, stride: scratchSize))
          }
        }
      }
    }
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
    if let (x, y) = words(i, j) {
      return Outcome(first: x >> 63 == 1, second: y >> 63 == 1, firstProvable: x == ~0, secondProvable: y == ~0)
    }
    let matchup = try! Competition(agents[i], agents[j]).solve()
    return Outcome(
      first: matchup.solution.value(matchup.firstVariable), second: matchup.solution.value(matchup.secondVariable),
      firstProvable: matchup.solution.isProvable(matchup.firstVariable),
      secondProvable: matchup.solution.isProvable(matchup.secondVariable))
  }

  /// The words (values at worlds 0 … 63) of [i(j) = C] and [j(i) = C], or nil when the matchup is
  /// not decided inside the 64-world window.
  func words(_ i: Int, _ j: Int) -> (UInt64, UInt64)? {
    guard !outsideWindow[i] && !outsideWindow[j] else { return nil }
    return withMachine { $0.solveWords(i, j) }
  }

  /// Whether the matchup of agents `i` and `j` is decided inside the 64-world window (otherwise it is
  /// handed to the world-by-world evaluator).
  public func settlesInWindow(_ i: Int, _ j: Int) -> Bool { words(i, j) != nil }

  /// Whether agent `i` cooperates with agent `j` and whether `j` cooperates with `i` (standard model).
  public func play(_ i: Int, _ j: Int) -> (Bool, Bool) {
    withMachine { play(i, j, $0) }
  }

  @inline(__always)
  private func play(_ i: Int, _ j: Int, _ machine: Machine) -> (Bool, Bool) {
    if machine.layouts[i].outside || machine.layouts[j].outside { return slowPlay(i, j) }
    guard let (x, y) = machine.solveWords(i, j) else { return slowPlay(i, j) }
    return (x >> 63 == 1, y >> 63 == 1)
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
    withMachine { machine in
      for i in agents.indices {
        for j in i..<agents.count {
          let (a, b) = play(i, j, machine)
          body(i, j, a, b)
        }
      }
    }
  }

  /// Plays agent `i` against each of `opponents` and returns the moves of both sides.
  public func play(_ i: Int, against opponents: [Int]) -> [(Bool, Bool)] {
    withMachine { machine in opponents.map { play(i, $0, machine) } }
  }

  /// Plays `count` ordered pairs (row-major over all ordered pairs, wrapping around) and returns how
  /// many cooperations there were: the benchmark's unit of work.
  public func playOrderedPairs(_ count: Int) -> Int {
    let n = agents.count
    guard n > 0 else { return 0 }
    return withMachine { machine in
      var cooperations = 0
      var i = 0
      var j = 0
      for _ in 0..<count {
        let (a, b) = play(i, j, machine)
        cooperations += (a ? 2 : 0) + (b ? 1 : 0)
        j += 1
        if j == n {
          j = 0
          i += 1
          if i == n { i = 0 }
        }
      }
      return cooperations
    }
  }
}
