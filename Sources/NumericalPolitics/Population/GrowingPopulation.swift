import LabKit

/// §2.2.2 of Numerical Politics, Experiment 2: "what happens as this society grows". The protocol of
/// the book-era code (`experiment2<Agent>(startPop, endPop, burnin, simTimesteps)`, `c5cd7e0`):
/// starting from `startPopulation` new agents, for each population size run `burnIn` time steps,
/// then measure for `measured` time steps, then add one new agent (existing agents keep what they
/// learned and their decayed ε), up to `endPopulation`.
public struct GrowingPopulationProtocol: Sendable {
  public var constants = QLearningConstants()
  public var rule = PopulationAgent.MemoryRule.lastNewlyMet
  public var memorySize = 3
  public var forgetting = PopulationAgent.Forgetting.terminal
  public var pairing = PairingScheme.sequential
  public var startPopulation = 2
  public var endPopulation = 12
  public var burnIn = 50_000_000
  public var measured = 10_000_000

  public init() {}

  /// The probability that a uniformly random partner is remembered, once memory is full:
  /// min(n, N − 1) / (N − 1) for either memory rule (n remembered among the N − 1 others).
  public func rememberedPartnerProbability(population: Int) -> Double {
    Double(min(memorySize, population - 1)) / Double(population - 1)
  }
}

/// The measurement of one population size.
public struct PopulationStage: Sendable {
  public let population: Int
  /// Each agent's mean Table 2.1 wellbeing per encounter during the measured phase.
  public let agentWellbeing: [Double]
  /// Mean over agents of ``agentWellbeing``, and its population standard deviation (the code's
  /// `Wellbeing <mean> +- <sd>`).
  public let meanWellbeing: Double
  public let sdWellbeing: Double
  /// The fraction of the measured phase's encounters in which the agent remembered its partner.
  public let rememberedFraction: Double
  /// Policy census (32 policies, bit 4 = move against strangers) at the end of the burn-in and at the
  /// end of the measured phase.
  public let censusAfterBurnIn: [Int: Int]
  public let census: [Int: Int]
  /// Mean ε over agents at the end.
  public let meanExploration: Double
}

public enum GrowingPopulation {
  /// Runs the whole growth sequence.
  public static func run<Source: UniformRandomSource>(_ settings: GrowingPopulationProtocol, random: inout Source) -> [PopulationStage] {
    precondition(settings.startPopulation >= 2 && settings.endPopulation >= settings.startPopulation, "GrowingPopulation: bad population range")
    func newcomer(_ random: inout Source) -> PopulationAgent {
      PopulationAgent.newcomer(
        constants: settings.constants, rule: settings.rule, memorySize: settings.memorySize, forgetting: settings.forgetting,
        random: &random)
    }
    var initial: [PopulationAgent] = []
    for _ in 0..<settings.startPopulation { initial.append(newcomer(&random)) }
    var society = Society(
      agents: initial, environment: PairingEnvironment<PopulationAgent>(scheme: settings.pairing),
      capacity: 2 * settings.endPopulation + 8)
    var stages: [PopulationStage] = []
    for population in settings.startPopulation...settings.endPopulation {
      if population > society.count { society.add(newcomer(&random)) }
      // Burn-in, then the census; the measured phase starts with cleared totals. Time is counted per
      // stage; encounters start on even steps, so every phase has whole encounters.
      for _ in 0..<(settings.burnIn & ~1) { society.step(random: &random) }
      let censusAfterBurnIn = census(society)
      for k in 0..<society.count { society[k].resetTotals() }
      for _ in 0..<(settings.measured & ~1) { society.step(random: &random) }
      let agents = society.agents
      let perAgent = agents.map { $0.encounters > 0 ? $0.totalWellbeing / Double($0.encounters) : .nan }
      let counted = perAgent.filter { !$0.isNaN }
      let mean = (try? Statistics.mean(counted)) ?? .nan
      // The population standard deviation (divisor N), as the code prints it.
      let variance = (try? Statistics.mean(counted.map { ($0 - mean) * ($0 - mean) })) ?? .nan
      let encounters = agents.reduce(0) { $0 + $1.encounters }
      let remembered = agents.reduce(0) { $0 + $1.rememberedEncounters }
      stages.append(
        PopulationStage(
          population: population, agentWellbeing: perAgent, meanWellbeing: mean, sdWellbeing: variance.squareRoot(),
          rememberedFraction: encounters > 0 ? Double(remembered) / Double(encounters) : .nan,
          censusAfterBurnIn: censusAfterBurnIn, census: census(society),
          meanExploration: (try? Statistics.mean(agents.map(\.learner.exploration))) ?? .nan))
    }
    return stages
  }

  static func census(_ society: borrowing Society<PopulationAgent, PairingEnvironment<PopulationAgent>>) -> [Int: Int] {
    var counts: [Int: Int] = [:]
    for k in 0..<society.count { counts[Int(society[k].learner.policy), default: 0] += 1 }
    return counts
  }
}
