import GameTheory

/// Chapter 2 of Numerical Politics: the sugar-and-spice world (version 1).
///
/// Half the agents farm sugar, half spice; when two meet, each offers to trade or tries to steal.
/// "This is the classic prisoner's dilemma": the wellbeing of an agent after an interaction is given
/// by Table 2.1. The text does not derive the numbers from crop quantities, and neither does the
/// book's code (its `REWARD[own][opp] = {{3,0},{4,1}}`), so the table itself is the model here.
public enum SugarAndSpiceWorld {
  /// An agent's move in an encounter.
  public enum Move: Int, Sendable, CaseIterable, CustomStringConvertible {
    case trade = 0
    case steal = 1

    public var description: String { self == .trade ? "trade" : "steal" }
  }

  /// Table 2.1 of Numerical Politics: the wellbeing of agent 1 after it plays `own` against `other`:
  /// trade/trade 3, trade/steal 0, steal/trade 4, steal/steal 1.
  public static let game = NormalFormGame.prisonersDilemma(
    reward: 3, sucker: 0, temptation: 4, punishment: 1, actions: ["trade", "steal"])

  /// Table 2.1: the wellbeing of an agent that played `own` against `other`.
  @inlinable
  public static func wellbeing(_ own: Move, _ other: Move) -> Double {
    wellbeingTable[own.rawValue &* 2 &+ other.rawValue]
  }

  /// Table 2.1 flattened as [own * 2 + other], for hot loops.
  public static let wellbeingTable: [Double] = [
    game.payoff(0, [0, 0]), game.payoff(0, [0, 1]), game.payoff(0, [1, 0]), game.payoff(0, [1, 1]),
  ]

  /// Table 2.1 as a fixed-size vector indexed by the outcome 2 · own + other (TT, TS, ST, SS, own
  /// move first): 3, 0, 4, 1. For hot loops: reading it touches no heap memory.
  public static let tableTwoOne = SIMD4<Double>(wellbeingTable[0], wellbeingTable[1], wellbeingTable[2], wellbeingTable[3])

  /// The average wellbeing per agent of a large population in which a fraction `traders` always
  /// trades and the rest always steal, meeting in uniformly random pairs: Σ over the four encounter
  /// types of their probability times the average of the two agents' wellbeing (Table 2.1).
  public static func averageWellbeing(traders x: Double) -> Double {
    let p = [x, 1 - x]
    var total = 0.0
    for a in Move.allCases {
      for b in Move.allCases { total += p[a.rawValue] * p[b.rawValue] * wellbeing(a, b) }
    }
    return total
  }
}
