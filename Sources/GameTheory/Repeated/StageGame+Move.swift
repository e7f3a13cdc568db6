import LabKit

extension StageGame {
  /// One player's action in one round: C (cooperate, action 0) or D (defect, action 1); axelrod's
  /// `Action.C` and `Action.D`.
  public enum Move: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case cooperate = 0
    case defect = 1

    /// The other move (what noise turns a move into; axelrod's `Action.flip()`).
    @inlinable
    public var flipped: Move { self == .cooperate ? .defect : .cooperate }

    /// "C" or "D".
    public var description: String { self == .cooperate ? "C" : "D" }

    /// The moves written as a string of C and D ("CCDC"); spaces are ignored.
    ///
    /// - Throws: ``LabError/invalidInput(place:problem:)`` naming the first other character.
    public static func sequence(_ text: String) throws -> [Move] {
      var moves: [Move] = []
      for (offset, character) in text.enumerated() where character != " " {
        switch character {
        case "C", "c": moves.append(.cooperate)
        case "D", "d": moves.append(.defect)
        default:
          throw LabError.invalidInput(
            place: "move sequence \"\(text)\"", problem: "character \(offset + 1) is '\(character)', not C or D")
        }
      }
      return moves
    }
  }
}
