import LabKit

/// The messages of societies whose agents meet in pairs (Experiment 2, and the zero-memory
/// population): the environment introduces a partner, and the partners then exchange moves.
public enum EncounterMessage: Sendable, Equatable {
  /// "You are meeting agent `partner` now": choose a move and send it to them.
  case meet(partner: Int32)
  /// The partner's move in the current encounter.
  case move(SugarAndSpiceWorld.Move)
}

/// §2.2.2 of Numerical Politics: "agents meet randomly". How pairs are formed.
public enum PairingScheme: String, ParameterChoice {
  /// The book-era code from `02526bb` on (`SequentialPairingManager`): one encounter every two time
  /// steps, the first agent uniformly from all, the second uniformly from the rest.
  case sequential
  /// The code at `1b8185b` (`AgentPairer`): every two time steps a uniformly random perfect matching
  /// of all agents (with an odd population, one agent sits the round out).
  case matching
}

/// A ``SocietyEnvironment`` that introduces agents to each other by a ``PairingScheme``: at every
/// even time step it posts `.meet` messages (transit 0), and the partners' moves arrive one step later.
public struct PairingEnvironment<Agent: MessagePassingAgent>: SocietyEnvironment where Agent.Message == EncounterMessage {
  public let scheme: PairingScheme
  private var order: [Int] = []

  public init(scheme: PairingScheme) {
    self.scheme = scheme
  }

  public mutating func beginStep<Source: UniformRandomSource>(
    agents: UnsafeBufferPointer<Agent>, schedule: inout MessageSchedule<EncounterMessage>, random: inout Source
  ) {
    guard schedule.now & 1 == 0 else { return }
    let n = agents.count
    switch scheme {
    case .sequential:
      let i = random.index(below: n)
      var j = random.index(below: n - 1)
      if j >= i { j += 1 }
      introduce(i, j, schedule: &schedule)
    case .matching:
      if order.count != n { order = Array(0..<n) }
      random.shuffle(&order)
      var k = 0
      while k + 1 < n {
        introduce(order[k], order[k + 1], schedule: &schedule)
        k += 2
      }
    }
  }

  @inline(__always)
  private func introduce(_ i: Int, _ j: Int, schedule: inout MessageSchedule<EncounterMessage>) {
    schedule.send(.meet(partner: Int32(truncatingIfNeeded: j)), to: ChannelID(agent: i), after: 0)
    schedule.send(.meet(partner: Int32(truncatingIfNeeded: i)), to: ChannelID(agent: j), after: 0)
  }
}
