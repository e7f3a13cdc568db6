import LabKit
import Testing

@testable import SocialEnvironmentDesign

@Test func theMapHasTheNotesConstants() {
  let map = HarvestMap.commonsHarvestOpen
  #expect(map.width == 24 && map.height == 18)
  #expect(map.appleCells == 64)
  #expect(map.spawns[0].count == 60)
  #expect(map.insideSpawns[0].map { [$0.x, $0.y] } == [[7, 7], [16, 7]])
  #expect(throws: LabError.self) { try HarvestMap(rows: ["WW", "W"]) }
  #expect(throws: LabError.self) { try HarvestMap(rows: ["WX"]) }
}

@Test func resetPlacesSixtyFourApplesAndThePlayers() throws {
  let world = try HarvestWorld()
  world.reset(Random(seed: 3))
  #expect(world.liveApples == 64 && world.appleCount == 64)
  #expect(world.coordinates(0) == (7, 7) && world.coordinates(1) == (16, 7))
  let cells = (0..<7).map { world.coordinates($0) }
  #expect(Set(cells.map { $0.y * 100 + $0.x }).count == 7)
  for i in 2..<7 { #expect(HarvestMap.commonsHarvestOpen.rows[cells[i].y].map { $0 }[cells[i].x] == "P") }
}

@Test func neighboursAreTheTwelveCellsWithinDistanceTwo() throws {
  let world = try HarvestWorld()
  world.reset(Random(seed: 1))
  var most = 0
  for k in 0..<world.appleCount {
    let a = world.appleCoordinates(k)
    let expected = (0..<world.appleCount).filter { j in
      let b = world.appleCoordinates(j)
      let d = (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
      return j != k && d <= 4
    }
    #expect(world.neighbours(apple: k).sorted() == expected)
    #expect(world.liveNeighbourCount(apple: k) == expected.count)
    most = max(most, expected.count)
  }
  // The centre of the 5-wide diamond patches has all 12 neighbours.
  #expect(most == 12)
}

@Test func movesAreRelativeToOrientationAndBlockedByWalls() throws {
  let world = try HarvestWorld(agentCount: 1)
  let random = Random(seed: 2)
  world.reset(random)
  try world.place(0, x: 11, y: 12, orientation: 0)
  world.step([.forward], random)
  #expect(world.coordinates(0) == (11, 11))
  world.step([.turnRight], random)
  #expect(world.orientation(0) == 1)
  world.step([.forward], random)
  #expect(world.coordinates(0) == (12, 11))
  world.step([.stepLeft], random)  // facing east, left is north
  #expect(world.coordinates(0) == (12, 10))
  world.step([.backward], random)
  #expect(world.coordinates(0) == (11, 10))
  try world.place(0, x: 1, y: 12, orientation: 3)
  world.step([.forward], random)  // the wall at x = 0
  #expect(world.coordinates(0) == (1, 12))
}

@Test func enteringAnAppleEatsItAndPlayersBlockEachOther() throws {
  let world = try HarvestWorld(agentCount: 2)
  let random = Random(seed: 4)
  world.reset(random)
  // Apple at (8, 5) ("W       A      A       W"); stand below it facing north.
  try world.place(0, x: 8, y: 6, orientation: 0)
  try world.place(1, x: 9, y: 6, orientation: 3)
  world.step([.forward, .forward], random)
  #expect(world.eaten(0) == 1)
  #expect(world.coordinates(0) == (8, 5))
  #expect(world.coordinates(1) == (9, 6) || world.coordinates(1) == (8, 6))
  #expect(world.liveApples <= 64)
}

@Test func applesAreConservedAndEmptyOrchardsNeverRegrow() throws {
  let world = try HarvestWorld()
  let random = Random(seed: 5)
  world.reset(random)
  world.tallyRegrowth = true
  var eaten = 0
  for _ in 0..<3000 {
    let actions = (0..<7).map { _ in HarvestAction(rawValue: UInt8(random.index(below: 7)))! }
    eaten += world.step(actions, random)
  }
  #expect(eaten - world.regrowthSuccesses.reduce(0, +) == 64 - world.liveApples)
  #expect(world.regrowthSuccesses[0] == 0 && world.regrowthSuccesses[1] == 0)  // paper rule: p(0) = p(1) = 0
  for k in 0..<world.appleCount { world.setApple(k, alive: false) }
  for _ in 0..<5000 { world.step(Array(repeating: HarvestAction.noop, count: 7), random) }
  #expect(world.liveApples == 0)
}

@Test func regrowthRulesFollowThePaperAndTheCode() {
  #expect(RegrowthRule.paper.probabilities == [0, 0, 0.0025, 0.005, 0.025])
  #expect(RegrowthRule.code.probabilities == [0, 0.0025, 0.005, 0.025, 0.025])
  #expect(RegrowthRule.paper.probability(liveNeighbours: 12) == 0.025)
  #expect(throws: LabError.self) { try RegrowthRule(probabilities: [0.1]) }
}

@Test func theSameSeedGivesTheSameTrajectory() throws {
  func trajectory() throws -> [HarvestState] {
    let world = try HarvestWorld()
    let random = Random(seed: 9)
    world.reset(random)
    var states: [HarvestState] = []
    for _ in 0..<300 {
      world.step((0..<7).map { _ in HarvestAction(rawValue: UInt8(random.index(below: 7)))! }, random)
      states.append(world.state)
    }
    return states
  }
  #expect(try trajectory() == trajectory())
}

@Test func seenApplesCountOnlyPlayersInTheWindow() throws {
  let world = try HarvestWorld(agentCount: 3)
  let random = Random(seed: 6)
  world.reset(random)
  // Player 0 eats the apple at (8, 5) moving north; player 1 stands 3 below it facing north (sees it),
  // player 2 stands 3 below it facing south (player 0 is behind it, out of the 1-cell back view).
  try world.place(0, x: 8, y: 6, orientation: 0)
  try world.place(1, x: 8, y: 9, orientation: 0)
  try world.place(2, x: 9, y: 9, orientation: 2)
  #expect(world.sees(1, 0) && !world.sees(2, 0))
  world.step([.forward, .noop, .noop], random)
  #expect(world.eaten(0) == 1)
  world.computeSeenApples()
  #expect(world.seenApples(1) == 1 && world.seenApples(2) == 0 && world.seenApples(0) == 0)
}

@Test func theObservationIsTheElevenByElevenWindow() throws {
  let world = try HarvestWorld(agentCount: 2)
  world.reset(Random(seed: 8))
  try world.place(0, x: 1, y: 16, orientation: 0)  // bottom-left corner, facing north
  try world.place(1, x: 2, y: 15, orientation: 0)
  let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: HarvestWorld.viewCells)
  defer { buffer.deallocate() }
  let nearby = world.observe(0, into: buffer)
  #expect(HarvestWorld.viewCells == 121)
  #expect(nearby == 1)
  // Row 9 (forward 0) is the player's own row: column 5 is itself (grass), columns 0 … 4 are left of
  // it: x = −4 … 0, all walls or off the map.
  #expect((0..<5).allSatisfy { buffer[9 * 11 + $0] == 1 })
  #expect(buffer[9 * 11 + 5] == 0)
  // The last row (backward 1) is the bottom wall.
  #expect((0..<11).allSatisfy { buffer[10 * 11 + $0] == 1 })
  // Player 1 is one forward, one right: row 8, column 6.
  #expect(buffer[8 * 11 + 6] == 3)
}

@Test func tiledMapsScaleTheCounts() throws {
  let map = try HarvestMap.commonsHarvestOpen.tiled(across: 3, down: 2)
  #expect(map.tiles == 6 && map.appleCells == 6 * 64 && map.width == 72 && map.height == 36)
  let world = try HarvestWorld(map: map, agentCount: 42)
  world.reset(Random(seed: 1))
  #expect(world.liveApples == 384)
  #expect(world.coordinates(7) == (24 + 7, 7))  // player 0 of the second copy
}

/// The planted equilibrium of `sed.stackelberg-check`'s control: the map without apple cells keeps its
/// walls and spawns, and no profile or schedule gives anyone an apple or a return.
@Test func barrenOrchardGivesNobodyAnything() throws {
  let paper = HarvestMap.commonsHarvestOpen
  let barren = try paper.withoutApples()
  #expect(barren.appleCells == 0 && barren.width == paper.width && barren.height == paper.height && barren.tiles == 1)
  #expect(barren.rows.map { $0.filter { $0 != "A" && $0 != " " } } == paper.rows.map { $0.filter { $0 != "A" && $0 != " " } })
  #expect(try paper.tiled(across: 2, down: 1).withoutApples().tiles == 2)
  var configuration = AppleGameConfiguration()
  configuration.map = barren
  let game = try ApplePickingGame(configuration: configuration, types: PlayerType.uniform(7, Random(seed: 1)))
  for restraint in [[0, 0, 0, 0, 0, 0, 0], [5, 4, 3, 2, 1, 0, 5]] {
    let o = game.playRound(restraint: restraint, Random(seed: 2)) { _ in [0.5, 1, 0] }
    #expect(o.apples == Array(repeating: 0, count: 7))
    #expect(o.mixedReturn == Array(repeating: 0, count: 7))
  }
}
