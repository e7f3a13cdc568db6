/// Agents that decide by running the opponent's program, with a budget of simulation steps: the
/// post's unsuccessful way to model a strategic time loop ("An agent that tries to simulate their
/// counterpart, and then condition their output on the other agent's simulated output, will loop
/// forever when faced with another agent that does the same thing").
///
/// Each agent is a program that may run the opponent's program on a chosen input; running a
/// program costs one step. Kept apart from the modal agents: simulation has no decision procedure
/// (the notes' §4.6 makes the same point about bounded agents).
public enum SimulationAgent: String, Sendable, CaseIterable, CustomStringConvertible {
  /// Cooperates without looking.
  case cooperateBot = "CooperateBot"
  /// Defects without looking.
  case defectBot = "DefectBot"
  /// Runs the opponent against itself (MirrorBot) and copies the result: the post's simulating agent.
  case mirrorBot = "MirrorBot"
  /// Runs the opponent against CooperateBot and copies the result (the notes' TitForTatBot of the
  /// ColombanD engine).
  case titForTatBot = "TitForTatBot"

  public var description: String { rawValue }

  /// How a run ended.
  public enum Outcome: Sendable, Equatable {
    /// The program returned `move` after `steps` program runs (its own included).
    case finished(Move, steps: Int)
    /// The budget of `steps` program runs was used up before any run returned.
    case budgetExhausted(steps: Int)
  }

  /// Runs `self` against `opponent` with at most `budget` program runs.
  ///
  /// A simulating agent's result is the simulated result, so the chain of nested runs is followed
  /// iteratively: (X, Y) → (Y, X) for MirrorBot, (Y, CooperateBot) for TitForTatBot, until a
  /// program that does not simulate returns.
  public func play(against opponent: SimulationAgent, budget: Int) -> Outcome {
    var (program, input) = (self, opponent)
    var steps = 0
    while steps < budget {
      steps += 1
      switch program {
      case .cooperateBot: return .finished(.cooperate, steps: steps)
      case .defectBot: return .finished(.defect, steps: steps)
      case .mirrorBot: (program, input) = (input, program)
      case .titForTatBot: (program, input) = (input, .cooperateBot)
      }
    }
    return .budgetExhausted(steps: steps)
  }
}
