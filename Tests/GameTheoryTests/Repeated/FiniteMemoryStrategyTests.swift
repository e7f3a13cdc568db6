import LabKit
import Testing

@testable import GameTheory

@Suite struct FiniteMemoryStrategyTests {
  typealias Support = RepeatedTestSupport

  @Test func classicMachines() {
    #expect(FiniteMemoryStrategy.deterministicClassics.map(\.name) == Array(FiniteMemoryStrategy.classicNames.prefix(8)))
    #expect(FiniteMemoryStrategy.deterministicClassics.allSatisfy { $0.isDeterministic })
    #expect(!FiniteMemoryStrategy.random.isDeterministic)
    #expect(FiniteMemoryStrategy.titFor2Tats.stateCount == 3)
    #expect(FiniteMemoryStrategy.grudger.transitions == [[0, 1, 0, 1], [1, 1, 1, 1]])
    #expect(FiniteMemoryStrategy.suspiciousTitForTat.initialState == 1)
    #expect(FiniteMemoryStrategy.winStayLoseShift.nextState(after: 0, own: .cooperate, opponent: .defect) == 1)
    #expect(FiniteMemoryStrategy.winStayLoseShift.nextState(after: 1, own: .defect, opponent: .defect) == 0)
  }

  @Test func gtftForgivenessIsAxelrods() throws {
    // axelrod 4.14.0: GTFT().p after receive_match_attributes with Game() is 0.33333333333333337.
    let p = try FiniteMemoryStrategy.gtftForgiveness(for: .axelrod)
    #expect(p == 0.33333333333333337)
    #expect(try FiniteMemoryStrategy.gtft().cooperationProbabilities == [1, p])
    // min(1 − (T − R)/(R − S), (R − P)/(T − P)) for (R, S, T, P) = (4, 0, 5, 2): min(3/4, 2/3).
    #expect(try FiniteMemoryStrategy.gtftForgiveness(for: StageGame(reward: 4, sucker: 0, temptation: 5, punishment: 2)) == 2.0 / 3.0)
    // T − R > R − S makes p negative; axelrod raises ValueError.
    #expect(Support.labError { _ = try FiniteMemoryStrategy.gtft(game: StageGame(reward: 3, sucker: 0, temptation: 7, punishment: 1)) } != nil)
    #expect(Support.labError { _ = try FiniteMemoryStrategy.gtft(game: StageGame(reward: 1, sucker: 1, temptation: 5, punishment: 0)) } != nil)
    #expect(Support.labError { _ = try FiniteMemoryStrategy.gtft(forgiveness: 1.5) } != nil)
  }

  @Test func lookUpByAxelrodNames() throws {
    for name in FiniteMemoryStrategy.classicNames {
      #expect(try FiniteMemoryStrategy.classic(named: name).name == name)
      let display = try #require(FiniteMemoryStrategy.axelrodDisplayNames[name])
      #expect(try FiniteMemoryStrategy.classic(named: display).name == name)
    }
    #expect(try FiniteMemoryStrategy.classic(named: "tit for tat") == .titForTat)
    #expect(try FiniteMemoryStrategy.classic(named: "WIN_STAY_LOSE_SHIFT") == .winStayLoseShift)
    #expect(try FiniteMemoryStrategy.classics().map(\.name) == FiniteMemoryStrategy.classicNames)
  }

  @Test func unknownNameListsTheKnownOnes() {
    let error = Support.labError { _ = try FiniteMemoryStrategy.classic(named: "Tit For Three Tats") }
    #expect(error == .unknownIdentifier("Tit For Three Tats", known: FiniteMemoryStrategy.classicNames))
    #expect(
      error?.description
        == "unknown id 'Tit For Three Tats'; known ids: Cooperator, Defector, TitForTat, Grudger, WinStayLoseShift, "
        + "TitFor2Tats, SuspiciousTitForTat, Alternator, Random, GTFT")
    #expect(
      Support.labError { _ = try Tournament(names: ["TitForTat", "Pavlov"]) }
        == .unknownIdentifier("Pavlov", known: FiniteMemoryStrategy.classicNames))
  }

  @Test func malformedMachinesAreRejectedWithTheProblem() {
    func problem(_ probabilities: [Double], _ transitions: [[Int]], initial: Int = 0, name: String = "M") -> String? {
      guard
        case .invalidInput(_, let problem) = Support.labError({
          _ = try FiniteMemoryStrategy(name: name, cooperationProbabilities: probabilities, transitions: transitions, initialState: initial)
        })
      else { return nil }
      return problem
    }
    let row = [0, 0, 0, 0]
    #expect(problem([], []) == "a machine needs at least one state")
    #expect(problem([1.5], [row]) == "state 0 plays C with probability 1.5, which is not in [0, 1]")
    #expect(problem([1, .nan], [row, row]) == "state 1 plays C with probability nan, which is not in [0, 1]")
    #expect(problem([1, 0], [row]) == "1 transition rows for 2 states; give one row per state")
    #expect(problem([1, 0], [row, [0, 1, 1]]) == "state 1 has 3 transitions; it needs 4, for the outcomes CC, CD, DC, DD (own move first)")
    #expect(problem([1, 0], [row, [0, 1, 2, 0]]) == "state 1 after DC goes to state 2, but the states are 0...1")
    #expect(problem([1, 0], [row, [0, -1, 0, 0]]) == "state 1 after CD goes to state -1, but the states are 0...1")
    #expect(problem([1], [row], initial: 1) == "initial state 1 is not one of the states 0...0")
    #expect(problem([1], [row], name: "  ") == "the name is empty")
    let place = Support.labError { _ = try FiniteMemoryStrategy(name: "Mine", cooperationProbabilities: [2], transitions: [row]) }
    #expect(place == .invalidInput(place: "strategy \"Mine\"", problem: "state 0 plays C with probability 2.0, which is not in [0, 1]"))
    #expect(Support.labError { _ = try FiniteMemoryStrategy.memoryOne(name: "M1", fourVector: [1, 0, 1]) } != nil)
    #expect(Support.labError { _ = try FiniteMemoryStrategy.cycler([]) } != nil)
    #expect(Support.labError { _ = try FiniteMemoryStrategy.random(cooperationProbability: -0.1) } != nil)
  }

  @Test func userMachinesPlay() throws {
    // A user's machine: Tit for Tat written from scratch, under another name, plays as TitForTat.
    let mine = try FiniteMemoryStrategy(
      name: "My TFT", cooperationProbabilities: [1, 0], transitions: [[0, 1, 0, 1], [0, 1, 0, 1]])
    let match = try RepeatedMatch(turns: 50)
    for opponent in FiniteMemoryStrategy.deterministicClassics {
      #expect(try match.play(mine, opponent) == match.play(.titForTat, opponent))
    }
    #expect(try FiniteMemoryStrategy.titForTat.renamed("X").name == "X")
  }

  @Test func memoryOneEquivalences() throws {
    // axelrod's MemoryOnePlayer docstring: TitForTat is MemoryOnePlayer((1, 0, 1, 0), C),
    // WinStayLoseShift (1, 0, 0, 1), Alternator (0, 0, 1, 1), Defector (0, 0, 0, 0) with D first.
    let cases: [(FiniteMemoryStrategy, [Double], StageGame.Move)] = [
      (.titForTat, [1, 0, 1, 0], .cooperate), (.winStayLoseShift, [1, 0, 0, 1], .cooperate),
      (.alternator, [0, 0, 1, 1], .cooperate), (.defector, [0, 0, 0, 0], .defect), (.cooperator, [1, 1, 1, 1], .cooperate),
      (.suspiciousTitForTat, [1, 0, 1, 0], .defect),
    ]
    let match = try RepeatedMatch(turns: 40)
    for (strategy, vector, initial) in cases {
      let memoryOne = try FiniteMemoryStrategy.memoryOne(name: "M1", fourVector: vector, initial: initial)
      for opponent in FiniteMemoryStrategy.deterministicClassics + [try .cycler("CCDDDCD")] {
        let expected = try match.play(strategy, opponent, transcript: true)
        #expect(try match.play(memoryOne, opponent, transcript: true) == expected, "\(strategy.name) v \(opponent.name)")
      }
    }
    // GTFT(0) is Tit for Tat and GTFT(1) is Cooperator (axelrod's docstring); Random(0), Random(1).
    #expect(try match.play(FiniteMemoryStrategy.gtft(forgiveness: 0), .alternator) == match.play(.titForTat, .alternator))
    #expect(try match.play(FiniteMemoryStrategy.gtft(forgiveness: 1), .defector) == match.play(.cooperator, .defector))
    #expect(try match.play(FiniteMemoryStrategy.random(cooperationProbability: 0), .grudger) == match.play(.defector, .grudger))
    #expect(try FiniteMemoryStrategy.cycler("CCD").name == "Cycler: CCD")
  }
}
