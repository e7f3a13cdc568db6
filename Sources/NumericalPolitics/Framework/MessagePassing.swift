import LabKit

/// §1.1 of Numerical Politics, "The framework: thinking clearly about collective behaviour".
///
/// "Agents interact by passing messages between each other. Each agent has a number of 'channels' for
/// receiving messages and any agent with the channel's ID can send a message down the channel. When
/// an agent receives a message, it can respond by updating its internal state and/or sending yet more
/// messages." The behaviour of an agent is the distribution P(a | m, c, ψ) of its response a to
/// message m on channel c in state ψ; its wellbeing is W(ψ), and the collective wellbeing of a set of
/// agents is Ω = Σ W(ψ).
///
/// The toolkit's version, built to run hundreds of millions of messages a second:
/// - ``MessagePassingAgent``: an agent is a value with a `receive` method (its behaviour: it may
///   change its own state, draw random numbers and send messages) and a ``MessagePassingAgent/wellbeing``;
/// - ``ChannelID``: the address of one channel of one agent;
/// - ``MessageSchedule``: messages in transit, each delivered after its transit time (a calendar
///   queue with one preallocated bucket per time step of the horizon);
/// - ``Society``: the agents, their schedule and an optional ``SocietyEnvironment`` (for example a
///   pairing process that introduces agents to each other), advanced one time step at a time.
///
/// Everything is generic over the agent, message, environment and random-source types, so the
/// compiler specialises the delivery loop for each experiment: no message is boxed, no call is
/// dynamic, and after the buckets have grown to their working size nothing is allocated.

/// §1.1: the ID of a channel, which any agent holding it can send messages down: the receiving agent
/// and the number of the channel among that agent's channels.
public struct ChannelID: Hashable, Sendable, CustomStringConvertible {
  public var agent: Int
  public var channel: Int

  public init(agent: Int, channel: Int = 0) {
    self.agent = agent
    self.channel = channel
  }

  public var description: String { "agent \(agent) channel \(channel)" }
}

/// §1.1: an agent, whose behaviour P(a | m, c, ψ) is its response to a message m received on its
/// channel c in its current state ψ (the agent value itself).
public protocol MessagePassingAgent {
  /// What the agents of a society send each other.
  associatedtype Message

  /// Responds to `message` arriving on the agent's channel `channel` at the schedule's current time:
  /// the response may change the agent's state, draw from `random` and send messages through
  /// `schedule` (to arrive after a transit time of at least one step).
  mutating func receive<Source: UniformRandomSource>(
    _ message: Message, on channel: Int, schedule: inout MessageSchedule<Message>, random: inout Source)

  /// §1.1: W(ψ), the wellbeing of the agent in its current state.
  var wellbeing: Double { get }
}

/// A message in transit: where it goes and what it says.
public struct Envelope<Message> {
  public var destination: ChannelID
  public var message: Message
}

/// §1.1: the schedule that delivers messages after their transit time.
///
/// A calendar queue: bucket `t mod B` (B a power of two at least the horizon) holds the messages due
/// at time t, in the order they were sent, so delivery is deterministic. Transit times run from 1 to
/// `horizon − 1` for messages sent while a step is being delivered, and from 0 for messages posted
/// between steps (by the experiment or a ``SocietyEnvironment``), which arrive in the coming step.
///
/// The buckets live in one block of memory owned by the schedule, which is therefore not copyable:
/// sending a message is a store and an increment, with no reference counting or copy-on-write test,
/// and a bucket that fills up doubles the capacity of all of them (so nothing is allocated once the
/// schedule has reached its working size).
public struct MessageSchedule<Message>: ~Copyable {
  /// The current time: the step being delivered, or the next one to deliver.
  public private(set) var now: Int = 0
  /// Bucket b holds `counts[b]` envelopes from `storage + b · capacity`.
  private var storage: UnsafeMutablePointer<Envelope<Message>>
  private var counts: UnsafeMutablePointer<Int>
  private var capacity: Int
  /// The number of buckets minus one.
  private let mask: Int
  /// The longest transit time allowed.
  private let maximumTransit: Int
  /// The bucket being delivered, or −1 between steps.
  private var delivering = -1

  /// A schedule whose messages take at most `horizon − 1` steps in transit, with room for
  /// `capacity` messages per step before the buckets grow.
  public init(horizon: Int = 2, capacity: Int = 8) {
    precondition(horizon >= 2, "MessageSchedule: the horizon must be at least 2 (transit time 1)")
    var size = 2
    while size < horizon { size *= 2 }
    mask = size - 1
    maximumTransit = horizon - 1
    self.capacity = max(1, capacity)
    storage = .allocate(capacity: size * self.capacity)
    counts = .allocate(capacity: size)
    counts.initialize(repeating: 0, count: size)
  }

  deinit {
    for bucket in 0...mask { (storage + bucket * capacity).deinitialize(count: counts[bucket]) }
    storage.deallocate()
    counts.deallocate()
  }

  /// The longest transit time plus one.
  public var horizon: Int { maximumTransit + 1 }

  /// The number of messages in transit (not counting the step being delivered).
  public var pending: Int { (0...mask).reduce(0) { $0 + ($1 == delivering ? 0 : counts[$1]) } }

  /// Sends `message` down channel `destination`, to arrive `transit` steps from now.
  @inline(__always)
  public mutating func send(_ message: Message, to destination: ChannelID, after transit: Int = 1) {
    precondition(
      transit <= maximumTransit && transit >= (delivering >= 0 ? 1 : 0),
      "MessageSchedule: transit time \(transit) outside 1...\(maximumTransit) (0 only between steps)")
    let bucket = (now &+ transit) & mask
    let count = counts[bucket]
    if count == capacity { grow() }
    (storage + (bucket &* capacity &+ count)).initialize(to: Envelope(destination: destination, message: message))
    counts[bucket] = count &+ 1
  }

  /// Doubles every bucket's capacity.
  private mutating func grow() {
    precondition(delivering < 0, "MessageSchedule: a bucket filled up during delivery")
    let larger = capacity * 2
    let fresh = UnsafeMutablePointer<Envelope<Message>>.allocate(capacity: (mask + 1) * larger)
    for bucket in 0...mask {
      (fresh + bucket * larger).moveInitialize(from: storage + bucket * capacity, count: counts[bucket])
    }
    storage.deallocate()
    storage = fresh
    capacity = larger
  }

  /// Delivers the messages due now, in the order they were sent, to `deliver`, then advances time.
  /// Messages sent during delivery (transit ≥ 1) go to other buckets, which are not touched here.
  @inline(__always)
  mutating func deliverStep(_ deliver: (Envelope<Message>, inout MessageSchedule<Message>) -> Void) {
    let bucket = now & mask
    let count = counts[bucket]
    if count > 0 {
      // Growing during delivery would move the envelopes being read: make room first.
      while capacity < 2 * count { grow() }
      delivering = bucket
      let first = storage + bucket &* capacity
      for k in 0..<count { deliver((first + k).move(), &self) }
      counts[bucket] = 0
      delivering = -1
    }
    now &+= 1
  }
}

/// A process outside the agents that acts on the society at the start of every time step, before the
/// messages of that step are delivered: for example, the pairing of agents that meet in Experiment 2.
public protocol SocietyEnvironment<Agent> {
  associatedtype Agent: MessagePassingAgent

  /// Called at the start of each step with the agents (read-only) and the schedule, into which it may
  /// post messages (transit 0 delivers them in this step).
  mutating func beginStep<Source: UniformRandomSource>(
    agents: UnsafeBufferPointer<Agent>, schedule: inout MessageSchedule<Agent.Message>, random: inout Source)
}

/// The environment that does nothing: a closed society of agents that only talk to each other.
public struct ClosedEnvironment<Agent: MessagePassingAgent>: SocietyEnvironment {
  public init() {}
  @inline(__always)
  public mutating func beginStep<Source: UniformRandomSource>(
    agents: UnsafeBufferPointer<Agent>, schedule: inout MessageSchedule<Agent.Message>, random: inout Source
  ) {}
}

/// §1.1: a society of agents passing messages, with its schedule and environment.
///
/// The agents live in one block of memory owned by the society (hence not copyable), so delivering
/// a message to an agent is a pointer offset and a direct call of its specialised `receive`.
public struct Society<Agent: MessagePassingAgent, Environment: SocietyEnvironment<Agent>>: ~Copyable {
  public var schedule: MessageSchedule<Agent.Message>
  public var environment: Environment
  private var storage: UnsafeMutablePointer<Agent>
  private var capacity: Int
  /// The number of agents.
  public private(set) var count: Int

  public init(agents: [Agent], environment: Environment, horizon: Int = 2, capacity: Int? = nil) {
    let room = capacity ?? max(8, 2 * agents.count)
    schedule = MessageSchedule(horizon: horizon, capacity: room)
    self.environment = environment
    self.capacity = max(agents.count, 4)
    storage = .allocate(capacity: self.capacity)
    storage.initialize(from: agents, count: agents.count)
    count = agents.count
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  /// Agent `index`, read or changed in place.
  public subscript(index: Int) -> Agent {
    get {
      precondition(index >= 0 && index < count, "Society: no agent \(index)")
      return storage[index]
    }
    _modify {
      precondition(index >= 0 && index < count, "Society: no agent \(index)")
      yield &storage[index]
    }
  }

  /// Runs `body` on agent `index` and the schedule, so the agent can send messages outside a step
  /// (to start a conversation, say).
  public mutating func withAgent<Result>(
    _ index: Int, _ body: (inout Agent, inout MessageSchedule<Agent.Message>) -> Result
  ) -> Result {
    precondition(index >= 0 && index < count, "Society: no agent \(index)")
    return body(&storage[index], &schedule)
  }

  /// A copy of every agent, in order.
  public var agents: [Agent] { Array(UnsafeBufferPointer(start: storage, count: count)) }

  /// The current time.
  public var time: Int { schedule.now }

  /// §1.1: Ω, the collective wellbeing, Σ W(ψ) over the agents.
  public var collectiveWellbeing: Double { (0..<count).reduce(0) { $0 + storage[$1].wellbeing } }

  /// Adds an agent (Experiment 2's growing population); returns its index.
  @discardableResult
  public mutating func add(_ agent: Agent) -> Int {
    if count == capacity {
      let larger = capacity * 2
      let fresh = UnsafeMutablePointer<Agent>.allocate(capacity: larger)
      fresh.moveInitialize(from: storage, count: count)
      storage.deallocate()
      storage = fresh
      capacity = larger
    }
    (storage + count).initialize(to: agent)
    count += 1
    return count - 1
  }

  /// One time step: the environment acts, then every message due now is delivered, in the order sent.
  @inline(__always)
  public mutating func step<Source: UniformRandomSource>(random: inout Source) {
    let agents = storage
    let population = count
    environment.beginStep(agents: UnsafeBufferPointer(start: agents, count: population), schedule: &schedule, random: &random)
    schedule.deliverStep { envelope, schedule in
      precondition(
        envelope.destination.agent >= 0 && envelope.destination.agent < population,
        "Society: a message to agent \(envelope.destination.agent) of \(population)")
      agents[envelope.destination.agent].receive(envelope.message, on: envelope.destination.channel, schedule: &schedule, random: &random)
    }
  }
}

extension Society where Environment == ClosedEnvironment<Agent> {
  /// A closed society: the agents only talk to each other.
  public init(agents: [Agent], horizon: Int = 2, capacity: Int? = nil) {
    self.init(agents: agents, environment: ClosedEnvironment(), horizon: horizon, capacity: capacity)
  }
}
