import LabKit

/// §2.2.2 of Numerical Politics, Experiment 2: "We assume agents are able to recognize and remember
/// the history of the first n agents they meet, but after that everyone is a stranger."
///
/// An agent learns over five states: the outcome of its last encounter with the partner it is meeting
/// (TT, TS, ST, SS, own move first, as in Experiment 1) when it remembers that partner, and state 4,
/// "stranger", otherwise (including the first meeting with anyone). Its 32 policies are numbered as
/// in the code: bit s is the move in state s, bit 4 the move against strangers.
///
/// Which partners it remembers is the ``MemoryRule``; learning follows the book-era code's
/// `SugarSpiceAgentWithFriends` (`c5cd7e0`): the transition of an encounter is trained when its next
/// state is known, that is at the next meeting with the same partner (next state: the outcome of the
/// last meeting), or as a terminal transition (next value 0) when the partner is forgotten, or, for a
/// partner it will never remember, right away as a terminal transition (each such encounter is a
/// one-shot game).
public struct PopulationAgent: MessagePassingAgent, Sendable {
  public typealias Message = EncounterMessage

  /// Which partners an agent remembers.
  public enum MemoryRule: String, Sendable, CaseIterable {
    /// The first n partners it meets, forever (the book's wording; the code's `SugarSpiceAgent1`).
    case firstMet
    /// The last n partners that were new to it, in a first-in first-out ring: meeting a stranger
    /// forgets the oldest (the code's `SugarSpiceAgentWithFriends`, `f4d8200` to `c5cd7e0`).
    case lastNewlyMet
  }

  /// What training a forgotten partner's last meeting gets (``MemoryRule/lastNewlyMet`` only).
  public enum Forgetting: String, Sendable, CaseIterable {
    /// A terminal transition, worth 0 afterwards (the code's `ENDGAME_STATE`, c5cd7e0).
    case terminal
    /// A transition into the stranger state: the forgotten partner will next be met as a stranger.
    case stranger
  }

  /// The stranger state.
  public static let strangerState = 4
  /// The largest memory.
  public static let maximumMemory = 8

  public var learner: CompactQLearner
  public let rule: MemoryRule
  public let memorySize: Int
  public let forgetting: Forgetting
  /// The remembered partners (−1: empty slot), the state each last meeting started from, and its
  /// outcome (2 · mine + yours).
  private var partners = SIMD8<Int32>(repeating: -1)
  private var startStates = SIMD8<Int32>(repeating: 0)
  private var outcomes = SIMD8<Int32>(repeating: 0)
  /// Slots in use, and the slot the next stranger takes (the ring's oldest entry).
  private var used = 0
  private var nextSlot = 0
  /// The slot of the current partner, or −1 for a partner who is not remembered.
  private var currentSlot = -1
  private var currentPartner: Int32 = -1
  private var lastMove = 0
  private var rememberedPartner = false
  private let rewards = SugarAndSpiceWorld.tableTwoOne

  /// W(ψ): Table 2.1 wellbeing of the latest encounter.
  public private(set) var wellbeing: Double = 0
  /// Running totals: wellbeing, encounters, and encounters with a remembered partner.
  public private(set) var totalWellbeing: Double = 0
  public private(set) var encounters = 0
  public private(set) var rememberedEncounters = 0

  public init(learner: CompactQLearner, rule: MemoryRule, memorySize: Int, forgetting: Forgetting = .terminal) {
    precondition(learner.stateCount == 5, "PopulationAgent: the learner needs 5 states (4 outcomes and stranger)")
    precondition((0...Self.maximumMemory).contains(memorySize), "PopulationAgent: memory of 0 to \(Self.maximumMemory) agents")
    self.learner = learner
    self.rule = rule
    self.memorySize = memorySize
    self.forgetting = forgetting
  }

  /// The code's new agent (`addAgent`): every Q value at `constants.initialQ`, a uniformly random
  /// greedy action in each state, ε at its initial value.
  public static func newcomer<Source: UniformRandomSource>(
    constants: QLearningConstants, rule: MemoryRule, memorySize: Int, forgetting: Forgetting = .terminal, random: inout Source
  ) -> PopulationAgent {
    var policy: UInt32 = 0
    for state in 0..<5 where random.index(below: 2) == 1 { policy |= 1 << UInt32(state) }
    return PopulationAgent(
      learner: CompactQLearner(states: 5, constants: constants, policy: policy), rule: rule, memorySize: memorySize,
      forgetting: forgetting)
  }

  /// Clears the running totals (between a burn-in and a measured phase).
  public mutating func resetTotals() {
    totalWellbeing = 0
    encounters = 0
    rememberedEncounters = 0
  }

  /// The partners remembered now.
  public var remembered: [Int] { (0..<used).map { Int(partners[$0]) } }

  public mutating func receive<Source: UniformRandomSource>(
    _ message: EncounterMessage, on channel: Int, schedule: inout MessageSchedule<EncounterMessage>, random: inout Source
  ) {
    switch message {
    case .meet(let partner):
      var slot = -1
      for k in 0..<used where partners[k] == partner {
        slot = k
        break
      }
      let state: Int
      if slot >= 0 {
        // A remembered partner: the last meeting's transition ends in its outcome; train on it.
        let outcome = Int(outcomes[slot])
        learner.train(state: Int(startStates[slot]), action: outcome >> 1, reward: rewards[outcome], next: outcome)
        state = outcome
        rememberedPartner = true
      } else {
        rememberedPartner = false
        state = Self.strangerState
        switch rule {
        case .firstMet:
          if used < memorySize {
            slot = used
            used += 1
          }
        case .lastNewlyMet:
          if memorySize > 0 {
            slot = nextSlot
            if slot < used {
              // Forgetting the oldest partner: its last meeting becomes a terminal transition (the
              // code), or one into the stranger state.
              let outcome = Int(outcomes[slot])
              if forgetting == .terminal {
                learner.trainTerminal(state: Int(startStates[slot]), action: outcome >> 1, reward: rewards[outcome])
              } else {
                learner.train(state: Int(startStates[slot]), action: outcome >> 1, reward: rewards[outcome], next: Self.strangerState)
              }
            } else {
              used += 1
            }
            nextSlot = (nextSlot + 1) % memorySize
          }
        }
        if slot >= 0 { partners[slot] = partner }
      }
      if slot >= 0 { startStates[slot] = Int32(truncatingIfNeeded: state) }
      currentSlot = slot
      currentPartner = partner
      lastMove = learner.act(in: state, random: &random)
      schedule.send(.move(lastMove == 0 ? .trade : .steal), to: ChannelID(agent: Int(partner)), after: 1)
    case .move(let move):
      let outcome = 2 &* lastMove &+ move.rawValue
      let reward = rewards[outcome]
      wellbeing = reward
      totalWellbeing += reward
      encounters &+= 1
      if rememberedPartner { rememberedEncounters &+= 1 }
      if currentSlot >= 0 {
        outcomes[currentSlot] = Int32(truncatingIfNeeded: outcome)
      } else {
        // A partner it will not remember: a one-shot game from the stranger state.
        learner.trainTerminal(state: Self.strangerState, action: lastMove, reward: reward)
      }
    }
  }
}
