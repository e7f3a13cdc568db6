import LabKit

/// §2.2.1 of Numerical Politics, Experiment 1: an agent with one-step memory (the book-era code's
/// `PrisonersDilemmaAgent`), as a ``MessagePassingAgent``.
///
/// Its only channel (0) receives the partner's move. The state it learns over is "my last move and
/// yours", s = 2 · mine + yours: 0 = TT, 1 = TS, 2 = ST, 3 = SS (trade 0, steal 1; own move first).
/// The timing is the code's (simultaneous moves):
/// - at t = 0, ``start(schedule:)`` sets my last move to trade and sends it, so the first state is TT;
/// - at every t ≥ 1 the partner's move of t − 1 arrives; the agent computes its Table 2.1 wellbeing
///   for that round and the new state, trains on (last state, last action, wellbeing, new state)
///   (except on the first message), chooses its next move and sends it, to arrive at t + 1.
///
/// One time step is therefore one encounter of the two agents and one decision of each.
public struct OneStepMemoryAgent: MessagePassingAgent, Sendable {
  public typealias Message = SugarAndSpiceWorld.Move

  public var learner: CompactQLearner
  /// The channel of the partner.
  public let partner: ChannelID
  /// My last move (0 trade, 1 steal).
  public private(set) var lastMove: Int = 0
  /// The state of my last decision, −1 before the first.
  public private(set) var lastState: Int = -1
  /// The sum of my wellbeing over all rounds so far (the only per-round tally the experiment reads).
  public private(set) var totalWellbeing: Double = 0
  /// Table 2.1 by outcome (kept in the agent so the hot loop reads no global).
  let rewards = SugarAndSpiceWorld.tableTwoOne

  public init(learner: CompactQLearner, partner: ChannelID) {
    precondition(learner.stateCount == 4, "OneStepMemoryAgent: the learner needs the 4 states TT, TS, ST, SS")
    self.learner = learner
    self.partner = partner
  }

  /// The code's `start()`: my last move is trade, and I send it.
  public mutating func start(schedule: inout MessageSchedule<Message>) {
    lastMove = SugarAndSpiceWorld.Move.trade.rawValue
    schedule.send(.trade, to: partner, after: 1)
  }

  /// Table 2.1 wellbeing of my latest round, W(ψ): the reward of the state I last decided in (0 before
  /// the first round).
  public var wellbeing: Double { lastState >= 0 ? rewards[lastState] : 0 }

  @inline(__always)
  public mutating func receive<Source: UniformRandomSource>(
    _ message: Message, on channel: Int, schedule: inout MessageSchedule<Message>, random: inout Source
  ) {
    let state = 2 &* lastMove &+ message.rawValue
    let reward = rewards[state]
    if lastState >= 0 { learner.train(state: lastState, action: lastMove, reward: reward, next: state) }
    totalWellbeing += reward
    let move = learner.act(in: state, random: &random)
    lastState = state
    lastMove = move
    schedule.send(move == 0 ? .trade : .steal, to: partner, after: 1)
  }
}
