import LabKit

/// Chapter 3 of Numerical Politics: "During an encounter an agent can: give land, give corn, give
/// labour, hit other with a stick, say 0, say 1, say goodbye."
///
/// The raw values are the move's index in every table of the chapter-3 model (policies, Q-functions,
/// empirical policies), so the order is part of the model's definition.
public enum EncounterMove: Int, Sendable, CaseIterable, CustomStringConvertible {
  case giveLand, giveCorn, giveLabour, hit, sayZero, sayOne, goodbye

  /// |A|: the number of moves.
  public static let count = 7

  public var description: String {
    switch self {
    case .giveLand: return "give land"
    case .giveCorn: return "give corn"
    case .giveLabour: return "give labour"
    case .hit: return "hit"
    case .sayZero: return "say 0"
    case .sayOne: return "say 1"
    case .goodbye: return "goodbye"
    }
  }

  /// A short label for tables and figures.
  public var symbol: String {
    switch self {
    case .giveLand: return "L"
    case .giveCorn: return "C"
    case .giveLabour: return "W"
    case .hit: return "H"
    case .sayZero: return "0"
    case .sayOne: return "1"
    case .goodbye: return "B"
    }
  }
}

/// Chapter 3: an encounter is "a turns-based game with another agent, with the non-initiating agent
/// taking the first move. […] An encounter ends when both agents say goodbye, or the first-mover begins
/// the conversation with goodbye."
///
/// The toolkit's reading, used everywhere in the chapter-3 model:
/// - moves alternate, the non-initiating agent (the *first mover*) at even positions 0, 2, 4, …, the
///   initiator at odd positions;
/// - the encounter ends at once when move 0 is `goodbye` (the first mover declines);
/// - otherwise it ends when a `goodbye` answers a `goodbye` (both have said goodbye in turn);
/// - it also ends after `maximumMoves` moves (the text sets no limit; a cap keeps every encounter,
///   and the policy tables, finite; the default 8 is a parameter of the model).
public enum EncounterRules {
  /// The default cap on the number of moves in an encounter.
  public static let defaultMaximumMoves = 8

  /// Whether an encounter whose moves so far are `history` has ended.
  public static func hasEnded(_ history: [EncounterMove], maximumMoves: Int) -> Bool {
    guard let last = history.last else { return false }
    if history.count >= maximumMoves { return true }
    if history.count == 1 { return last == .goodbye }
    return last == .goodbye && history[history.count - 2] == .goodbye
  }

  /// Whether the move after `count` moves ends the encounter, given the move before it.
  @inline(__always)
  public static func ends(after move: EncounterMove, previous: EncounterMove?, position: Int, maximumMoves: Int) -> Bool {
    if position + 1 >= maximumMoves { return true }
    if move != .goodbye { return false }
    return position == 0 || previous == .goodbye
  }
}

/// The information a chapter-3 policy conditions on: P(a | H) is modelled as P(a | position, last move),
/// a decision tree of depth 2 over the history H (the text suggests "a decision tree with frequencies
/// of behaviour at each node" for the empirical policy; the same tree is used for the agents' own
/// Q-functions, the social norm π_n and the deviants' random policies, so all of them are comparable).
///
/// Because the position grows by one with every move, no encounter visits a node twice; this is what
/// makes the independent-Dirichlet uninformative prior satisfy P_u(a | H) = 1/|A| exactly (§3.1.2).
///
/// Position p's mover is the first mover when p is even. `last` is nil at position 0.
public struct HistoryCode: Hashable, Sendable {
  public let position: Int
  public let last: EncounterMove?

  public init(position: Int, last: EncounterMove?) {
    precondition(position >= 0 && (position == 0) == (last == nil), "HistoryCode: position 0 has no last move, later positions have one")
    self.position = position
    self.last = last
  }

  /// The code of the next decision after `history`.
  public init(after history: [EncounterMove]) {
    self.init(position: history.count, last: history.last)
  }

  /// Codes per position: the 7 possible last moves plus "none".
  public static let perPosition = EncounterMove.count + 1

  /// The index of this code in a table of `perPosition · maximumMoves` rows.
  @inline(__always)
  public var index: Int { position &* Self.perPosition &+ (last.map { $0.rawValue + 1 } ?? 0) }

  /// The index of the code (position, last) without building a value.
  @inline(__always)
  public static func index(position: Int, last: EncounterMove?) -> Int {
    position &* perPosition &+ (last.map { $0.rawValue + 1 } ?? 0)
  }

  /// The number of codes for encounters of at most `maximumMoves` moves.
  public static func count(maximumMoves: Int) -> Int { maximumMoves * perPosition }

  /// Whether the first mover (the non-initiating agent) decides at this code.
  public var firstMoverDecides: Bool { position % 2 == 0 }
}

/// A policy over encounter moves on the ``HistoryCode`` tree: a probability for every move at every
/// code, stored flat (`code.index · 7 + move`). It encodes both sides of a dialogue, as the text's
/// social norm π_n does: even positions are the first mover's, odd positions the initiator's.
public struct TabularPolicy: Sendable, Equatable {
  public let maximumMoves: Int
  /// Probabilities, row `code.index`, column `move.rawValue`.
  public var probabilities: [Double]

  /// The uniform policy: every move with probability 1/|A| at every code.
  public init(uniformWithMaximumMoves maximumMoves: Int) {
    self.maximumMoves = maximumMoves
    probabilities = Array(repeating: 1 / Double(EncounterMove.count), count: HistoryCode.count(maximumMoves: maximumMoves) * EncounterMove.count)
  }

  /// A policy from explicit rows; each row must be a probability distribution.
  public init(maximumMoves: Int, probabilities: [Double]) {
    precondition(probabilities.count == HistoryCode.count(maximumMoves: maximumMoves) * EncounterMove.count, "TabularPolicy: wrong table size")
    self.maximumMoves = maximumMoves
    self.probabilities = probabilities
  }

  /// π(a | code).
  @inline(__always)
  public func probability(of move: EncounterMove, at code: HistoryCode) -> Double {
    probabilities[code.index &* EncounterMove.count &+ move.rawValue]
  }

  /// The distribution at `code`.
  public func distribution(at code: HistoryCode) -> ArraySlice<Double> {
    let base = code.index * EncounterMove.count
    return probabilities[base..<(base + EncounterMove.count)]
  }

  /// Sets the distribution at `code` (it must sum to 1).
  public mutating func setDistribution(_ distribution: [Double], at code: HistoryCode) {
    precondition(distribution.count == EncounterMove.count, "TabularPolicy: a distribution needs one entry per move")
    let base = code.index * EncounterMove.count
    for k in 0..<EncounterMove.count { probabilities[base + k] = distribution[k] }
  }
}

extension TabularPolicy {
  /// Draws a move at `code` (inverse transform over the row, in move order).
  @inline(__always)
  public func sample<Source: UniformRandomSource>(at code: HistoryCode, random: inout Source) -> EncounterMove {
    let base = code.index &* EncounterMove.count
    var u = random.uniform()
    for k in 0..<(EncounterMove.count - 1) {
      u -= probabilities[base &+ k]
      if u < 0 { return EncounterMove(rawValue: k)! }
    }
    return .goodbye
  }
}
