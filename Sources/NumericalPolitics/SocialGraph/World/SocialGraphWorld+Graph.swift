import LabKit

/// Chapter 3 of Numerical Politics: making, finding and replacing ties.
extension SocialGraphWorld {
  /// "Agents begin with one unit of land each, and a random set of edges": `tiesPerAgent` out-ties to
  /// uniformly random other agents with uniformly random contexts (no two with the same partner and
  /// context); or, with `initialGraph = complete`, one tie per ordered pair ("for a small number of
  /// agents, could start with a fully connected graph and have only edge attrition").
  mutating func buildInitialGraph() {
    let n = settings.agents
    for agent in 0..<n {
      switch settings.initialGraph {
      case .complete:
        for other in 0..<n where other != agent { makeTie(from: agent, to: other, context: index(below: settings.contexts)) }
      case .random:
        var made = 0
        while made < settings.tiesPerAgent {
          var other = index(below: n - 1)
          if other >= agent { other += 1 }
          let context = index(below: settings.contexts)
          if hasTie(from: agent, to: other, context: context) { continue }
          makeTie(from: agent, to: other, context: context)
          made += 1
        }
      }
    }
  }

  /// Whether `agent` already has a tie of `context` to `other`.
  func hasTie(from agent: Int, to other: Int, context: Int) -> Bool {
    outTies[agent].contains { ties[Int($0)].responder == Int32(other) && ties[Int($0)].context == Int32(context) }
  }

  /// A new tie, its two Q-functions copied from the context's prior (trained by self-play against
  /// the empirical policy), its value of starting from the prior's.
  mutating func makeTie(from agent: Int, to other: Int, context: Int) {
    let tie = SocialTie(
      initiator: Int32(agent), responder: Int32(other), context: Int32(context), born: Int32(round),
      start: startPriors[context] + settings.newTieOptimism, accept: acceptPriors[context] + settings.newTieOptimism)
    let index: Int
    if let free = freeTies.popLast() {
      index = Int(free)
      ties[index] = tie
      tieAlive[index] = true
    } else {
      index = ties.count
      ties.append(tie)
      tieAlive.append(true)
      q.append(contentsOf: repeatElement(0, count: 2 * tableSize))
    }
    let responderBase = tableBase(index, side: 0), initiatorBase = tableBase(index, side: 1)
    for k in 0..<tableSize {
      q[responderBase + k] = responderPriors[context][k]
      q[initiatorBase + k] = initiatorPriors[context][k]
    }
    outTies[agent].append(Int32(index))
  }

  /// Removes `agent`'s tie `index`.
  mutating func removeTie(_ index: Int32, of agent: Int) {
    outTies[agent].removeAll { $0 == index }
    tieAlive[Int(index)] = false
    freeTies.append(index)
  }

  /// "If the expectation of choosing an encounter with a given tie falls below some threshold, the
  /// tie is removed and replaced by a new tie": up to `replacementsPerTurn` of the agent's ties with
  /// the lowest expected gain below `tieThreshold`, worst first.
  mutating func replaceTies(of agent: Int) {
    guard settings.replacementsPerTurn > 0 else { return }
    var candidates: [(tie: Int32, gain: Double)] = []
    for tie in outTies[agent] {
      let gain = initiationGain(Int(tie))
      if gain < settings.tieThreshold { candidates.append((tie, gain)) }
    }
    guard !candidates.isEmpty else { return }
    candidates.sort { $0.gain < $1.gain || ($0.gain == $1.gain && $0.tie < $1.tie) }
    for candidate in candidates.prefix(settings.replacementsPerTurn) {
      let context = index(below: settings.contexts)
      guard let partner = findPartner(for: agent, context: context) else { continue }
      record.tiesReplaced += 1
      removeTie(candidate.tie, of: agent)
      makeTie(from: agent, to: partner, context: context)
    }
  }

  /// The new partner: "choosing another agent by following links uniform-randomly in the social graph
  /// and stopping with a fixed probability if an edge of that context to that agent doesn't already
  /// exist". The walk follows out-ties from the agent itself; at an agent with none it jumps to a
  /// uniformly random agent. After 1000 steps without stopping (possible only in a tiny or
  /// saturated graph) it takes a uniformly random eligible agent, and nil if there is none.
  mutating func findPartner(for agent: Int, context: Int) -> Int? {
    var current = agent
    for _ in 0..<1000 {
      let list = outTies[current]
      current = list.isEmpty ? index(below: settings.agents) : Int(ties[Int(list[index(below: list.count)])].responder)
      if current != agent && !hasTie(from: agent, to: current, context: context) && uniform() < settings.walkStopProbability {
        return current
      }
    }
    let eligible = (0..<settings.agents).filter { $0 != agent && !hasTie(from: agent, to: $0, context: context) }
    return eligible.isEmpty ? nil : eligible[index(below: eligible.count)]
  }
}
