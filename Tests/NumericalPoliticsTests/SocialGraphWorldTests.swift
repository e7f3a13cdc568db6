import LabKit
import Testing

@testable import NumericalPolitics

@Suite struct SocialGraphWorldTests {
  // MARK: - The body

  @Test func harvestEatAndTimeStepFollowTheText() {
    let rules = BodyRules()
    let body = FeudalBody(land: 0.75, corn: 10, labour: 2, hunger: 3)
    // corn += 100 · min(land, labour); labour reset to 1.
    let harvested = rules.harvest(body)
    #expect(harvested.corn == 10 + 75)
    #expect(harvested.labour == 1)
    // Eating 1 meal (80 grains) of 85.
    let fed = rules.eat(harvested, meals: 1)
    #expect(fed.corn == 5)
    #expect(fed.hunger == 2)
    // Eating more than there is eats everything: 5 grains = 1/16 meal.
    #expect(rules.eat(fed, meals: 3).corn == 0)
    #expect(rules.eat(fed, meals: 3).hunger == 2 - 5.0 / 80)
    // The time step: labour reset to 1, hunger up by one, capped.
    let stepped = rules.step(FeudalBody(land: 1, corn: 0, labour: 0, hunger: 9.5))
    #expect(stepped.labour == 1 && stepped.hunger == 10)
    // W = −h²/2 − pain.
    #expect(rules.wellbeing(FeudalBody(hunger: 3, pain: 2)) == -6.5)
  }

  @Test func movesTransferWhatTheySayAndNeedSomethingToGive() {
    let rules = BodyRules()
    var a = FeudalBody(land: 1, corn: 80, labour: 1), b = FeudalBody(land: 1, corn: 0, labour: 1)
    rules.apply(.giveLand, mover: &a, other: &b)
    rules.apply(.giveCorn, mover: &a, other: &b)
    rules.apply(.giveLabour, mover: &a, other: &b)
    rules.apply(.hit, mover: &a, other: &b)
    #expect(a == FeudalBody(land: 0.75, corn: 0, labour: 0.75, hunger: 0, pain: 0.1))
    #expect(b == FeudalBody(land: 1.25, corn: 80, labour: 1.25, hunger: 0, pain: 2))
    #expect(!rules.allows(.giveCorn, a))
    #expect(rules.allows(.giveLand, a) && rules.allows(.hit, a) && rules.allows(.goodbye, a))
    #expect(!rules.allows(.giveLand, FeudalBody(land: 0.2)))
  }

  @Test func solitaryValueMatchesSeriesComputedByHand() {
    let rules = BodyRules()
    let value = BodyValue(rules: rules, discount: 0.95)
    // A farmer with one unit of land eats a meal every step and feels W = −1/2 forever: −0.5 / (1 − γ).
    #expect(abs(value.value(FeudalBody(land: 1, corn: 0, labour: 1, hunger: 1)) - (-10)) < 1e-6)
    // A landless body with no corn grows hungrier until the cap: Σ γ^t (−min(h + t + 1, 10)² / 2).
    for start in [0.0, 4, 10] {
      var expected = 0.0, discount = 1.0
      for t in 0..<2000 {
        let h = min(start + Double(t) + 1, 10)
        expected += discount * (-0.5 * h * h)
        discount *= 0.95
      }
      #expect(abs(value.value(FeudalBody(land: 0, corn: 0, labour: 1, hunger: start)) - expected) < 1e-6)
    }
    // More land, more corn and less hunger are never worse.
    #expect(value.worth(FeudalBody(land: 0.75, corn: 0, hunger: 2)) < value.worth(FeudalBody(land: 1, corn: 0, hunger: 2)))
    #expect(value.worth(FeudalBody(land: 0.75, corn: 0, hunger: 2)) < value.worth(FeudalBody(land: 0.75, corn: 80, hunger: 2)))
    #expect(value.worth(FeudalBody(land: 1, corn: 0, hunger: 5)) < value.worth(FeudalBody(land: 1, corn: 0, hunger: 2)))
    // Extra labour is worth something only with the land to use it.
    #expect(
      value.worth(FeudalBody(land: 1.25, corn: 0, labour: 1.25, hunger: 2)) > value.worth(FeudalBody(land: 1.25, corn: 0, labour: 1, hunger: 2)))
    #expect(value.worth(FeudalBody(land: 1, corn: 0, labour: 1.25, hunger: 2)) == value.worth(FeudalBody(land: 1, corn: 0, labour: 1, hunger: 2)))
  }

  // MARK: - Encounters

  @Test func encountersEndWhenBothSayGoodbyeOrTheFirstMoverDeclines() {
    #expect(EncounterRules.hasEnded([.goodbye], maximumMoves: 8))
    #expect(!EncounterRules.hasEnded([.sayOne, .goodbye], maximumMoves: 8))
    #expect(EncounterRules.hasEnded([.sayOne, .goodbye, .goodbye], maximumMoves: 8))
    #expect(EncounterRules.hasEnded(Array(repeating: .sayZero, count: 8), maximumMoves: 8))
    #expect(!EncounterRules.hasEnded(Array(repeating: .sayZero, count: 7), maximumMoves: 8))
    #expect(EncounterRules.ends(after: .goodbye, previous: nil, position: 0, maximumMoves: 8))
    #expect(!EncounterRules.ends(after: .goodbye, previous: .hit, position: 3, maximumMoves: 8))
    #expect(EncounterRules.ends(after: .goodbye, previous: .goodbye, position: 3, maximumMoves: 8))
  }

  @Test func historyCodesAreDistinctAndInRange() {
    var seen = Set<Int>()
    for position in 0..<8 {
      for last in position == 0 ? [nil] : EncounterMove.allCases.map(Optional.some) {
        let index = HistoryCode(position: position, last: last).index
        #expect(index >= 0 && index < HistoryCode.count(maximumMoves: 8))
        #expect(seen.insert(index).inserted)
      }
    }
  }

  @Test func aDeclinedEncounterChangesNothing() throws {
    var settings = SocialGraphSettings()
    settings.agents = 10
    settings.selfPlayEncounters = 20
    var world = try SocialGraphWorld(settings: settings, random: Random(seed: 3, algorithm: .taus2))
    let tie = Int(world.outTies[0][0])
    world.ties[tie].accept = -1
    let before = world.bodies
    let start = world.ties[tie].start
    world.encounter(tie, initiatorGain: 1)
    #expect(world.bodies == before)
    #expect(world.record.refusals == 1 && world.record.consentedEncounters == 0)
    // The initiator learns that nothing happened: its value of starting moves a step α towards 0.
    #expect(abs(world.ties[tie].start - start * (1 - settings.tieLearningRate)) < 1e-12)
  }

  // MARK: - The world

  @Test func aRunKeepsItsInvariants() throws {
    var settings = SocialGraphSettings()
    settings.agents = 40
    settings.rounds = 150
    settings.selfPlayEncounters = 50
    settings.exploration = 0.2
    var world = try SocialGraphWorld(settings: settings, random: Random(seed: 11, algorithm: .taus2))
    world.run()
    // Land is only ever handed over: its total is the population's starting land.
    #expect(abs(world.bodies.reduce(0) { $0 + $1.land } - 40) < 1e-9)
    #expect(world.bodies.allSatisfy { $0.land >= 0 && $0.corn >= 0 && $0.labour >= 0 && $0.hunger >= 0 && $0.hunger <= 10 })
    // Out-degree is constant and no agent holds two ties of one context to one partner.
    for agent in 0..<40 {
      #expect(world.outTies[agent].count == settings.tiesPerAgent)
      let keys = world.outTies[agent].map { "\(world.ties[Int($0)].responder)/\(world.ties[Int($0)].context)" }
      #expect(Set(keys).count == keys.count)
      #expect(world.outTies[agent].allSatisfy { Int(world.ties[Int($0)].responder) != agent })
    }
    // Mutual consent held on every encounter, and there were some.
    #expect(world.record.consentedEncounters > 0)
    #expect(world.record.consentViolations == 0)
    #expect(world.record.checkpoints.count == 150 / settings.checkpointInterval)
    // Same seed, same world.
    var again = try SocialGraphWorld(settings: settings, random: Random(seed: 11, algorithm: .taus2))
    again.run()
    #expect(again.bodies == world.bodies)
    #expect(again.record.checkpoints == world.record.checkpoints)
  }

  @Test func completeGraphStartsWithEveryOrderedPair() throws {
    var settings = SocialGraphSettings()
    settings.agents = 6
    settings.initialGraph = .complete
    settings.selfPlayEncounters = 10
    let world = try SocialGraphWorld(settings: settings, random: Random(seed: 1, algorithm: .taus2))
    #expect(world.tieCount == 30)
    #expect(world.inDegrees == Array(repeating: 5, count: 6))
  }

  @Test func deviantsArePlacedAsAskedWithPoliciesFromTheUninformativePrior() throws {
    var settings = SocialGraphSettings()
    settings.agents = 20
    settings.deviantFraction = 0.3
    settings.selfPlayEncounters = 10
    let world = try SocialGraphWorld(settings: settings, random: Random(seed: 5, algorithm: .taus2))
    #expect(world.isDeviant.filter { $0 }.count == 6)
    for agent in 0..<20 where world.isDeviant[agent] {
      let policy = try #require(world.deviantPolicies[agent])
      for code in 0..<HistoryCode.count(maximumMoves: 8) {
        let row = policy.probabilities[(code * 7)..<(code * 7 + 7)]
        #expect(abs(row.reduce(0, +) - 1) < 1e-12 && row.allSatisfy { $0 > 0 })
      }
    }
  }

  @Test func badSettingsAreRefusedWithTheirName() {
    var settings = SocialGraphSettings()
    settings.agents = 1
    #expect(throws: LabError.self) { try SocialGraphWorld(settings: settings, random: Random(seed: 1, algorithm: .taus2)) }
    settings.agents = 300
    settings.initialGraph = .complete
    #expect(throws: LabError.self) { try settings.validate() }
    #expect(throws: LabError.self) { try Chapter3FeudalismExperiment().run(scale: .smoke, overrides: ["agents": "1"]) }
  }

  // MARK: - The experiment

  @Test func smokeRunGivesEveryClaimWithAFlippingControlAndTheSameBytesWhateverTheJobs() throws {
    let experiment = Chapter3FeudalismExperiment()
    #expect(experiment.declarationProblems.isEmpty, "\(experiment.declarationProblems)")
    let result = try experiment.run(scale: .smoke, seed: 1, jobs: 2)
    #expect(result.claims.map(\.claim.id) == experiment.claims.map(\.id))
    for claim in result.claims {
      #expect(claim.control?.flipped == true, "\(claim.claim.id): \(claim.evidence.summary)")
    }
    let consent = try #require(result.claims.first { $0.claim.id == "np.ch3.mutual-consent" })
    #expect(consent.headline == .holds)
    // The feudalism map: the base reading and one alternative of each of the six readings.
    let feudalism = try #require(result.claims.first { $0.claim.id == "np.ch3.emergent-feudalism" })
    #expect(feudalism.map.cells.count == 7 && feudalism.map.design == .oneAtATime)
    #expect(result.figures.map(\.id) == ["np.ch3.gini", "np.ch3.land-labour", "np.ch3.imitation", "np.ch3.deviants"])
    // The same bytes whatever the jobs (on a smaller world, to keep the debug test short).
    let small = ["agents": "12", "rounds": "40"]
    let parallel = try experiment.run(scale: .smoke, seed: 1, jobs: 2, overrides: small)
    let serial = try experiment.run(scale: .smoke, seed: 1, jobs: 1, overrides: small)
    #expect(serial.tables == parallel.tables)
    #expect(serial.figures == parallel.figures)
    #expect(serial.claims == parallel.claims)
  }

  // MARK: - The readings and control worlds added for issue 13

  @Test func unequalStartHasTheAskedGiniAndKeepsTotalLand() throws {
    var settings = SocialGraphSettings()
    settings.agents = 50
    settings.initialLandGini = 0.4
    settings.selfPlayEncounters = 10
    let world = try SocialGraphWorld(settings: settings, random: Random(seed: 2, algorithm: .taus2))
    let lands = world.bodies.map(\.land)
    #expect(abs(lands.reduce(0, +) - 50) < 1e-9)
    #expect(abs(try Statistics.gini(lands) - 0.4) < 1e-12)
    // Ten landed agents with (0.2 + 0.4)/0.2 = 3 units, forty with 0.4/0.8 = 0.5.
    #expect(lands.filter { abs($0 - 3) < 1e-12 }.count == 10 && lands.filter { abs($0 - 0.5) < 1e-12 }.count == 40)
  }

  @Test func returnsToScaleChangeTheHarvest() {
    var rules = BodyRules()
    rules.landReturns = 1.5
    // 100 · min(4, 4)^1.5 = 800; 100 · min(1, 1)^1.5 = 100; 100 · 0.25^1.5 = 12.5.
    #expect(abs(rules.produce(land: 4, labour: 4) - 800) < 1e-9)
    #expect(abs(rules.produce(land: 1, labour: 3) - 100) < 1e-9)
    #expect(abs(rules.produce(land: 0.25, labour: 1) - 12.5) < 1e-9)
    #expect(abs(rules.harvest(FeudalBody(land: 4, corn: 0, labour: 4)).corn - 800) < 1e-9)
  }

  @Test func aForcedResponderOpensEncountersThatAreCountedAsViolations() throws {
    var settings = SocialGraphSettings()
    settings.agents = 10
    settings.selfPlayEncounters = 20
    settings.forcedResponse = true
    var world = try SocialGraphWorld(settings: settings, random: Random(seed: 3, algorithm: .taus2))
    let tie = Int(world.outTies[0][0])
    world.ties[tie].accept = -1
    world.encounter(tie, initiatorGain: 1)
    #expect(world.record.refusals == 0 && world.record.consentedEncounters == 1 && world.record.consentViolations == 1)
  }

  @Test func corveeHandsUnusedLabourToTheMostLandedPartner() throws {
    var settings = SocialGraphSettings()
    settings.agents = 10
    settings.selfPlayEncounters = 10
    settings.corvee = true
    var world = try SocialGraphWorld(settings: settings, random: Random(seed: 4, algorithm: .taus2))
    let partners = world.outTies[0].map { Int(world.ties[Int($0)].responder) }
    world.bodies[0].land = 0.25
    world.bodies[partners[1]].land = 2
    world.payCorvee(0)
    #expect(abs(world.bodies[0].labour - 0.25) < 1e-12 && abs(world.bodies[partners[1]].labour - 1.75) < 1e-12)
    #expect(abs(world.record.labourReceived[partners[1]] - 0.75) < 1e-12)
  }

  @Test func giniOfKnownDistributions() throws {
    #expect(try Statistics.gini([1, 1, 1, 1]) == 0)
    #expect(abs(try Statistics.gini([0, 0, 0, 4]) - 0.75) < 1e-12)  // (n − 1)/n
    // Pairwise form by hand: [1, 2, 3]: Σ|xi − xj| = 8, 2 n Σx = 36.
    #expect(abs(try Statistics.gini([3, 1, 2]) - 8.0 / 36) < 1e-12)
    #expect(throws: LabError.self) { try Statistics.gini([1, -1]) }
    #expect(abs(try Statistics.correlation([1, 2, 3], [2, 4, 6]) - 1) < 1e-12)
  }
}
