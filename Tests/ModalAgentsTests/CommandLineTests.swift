import LabKit
import Testing

@testable import ModalAgents

@Suite struct CommandLineTests {
  @Test func competeTwoLibraryAgents() throws {
    let text = try ModalCommandLine.compete("FairBot", "PrudentBot", trace: false)
    #expect(
      text == """
        FairBot = □them(me)  (rank 0)
        PrudentBot = □them(me) ∧ [1]¬them(DefectBot)  (rank 1)

        FairBot vs PrudentBot: C/C
          FairBot cooperates with PrudentBot (PA proves it)
          PrudentBot cooperates with FairBot (PA proves it)
          the system (4 variables) is constant from world 1 on

        """)
  }

  @Test func competeWithTraceAndFormulas() throws {
    let text = try ModalCommandLine.compete("ContrarianBot", "~[]them(me)", trace: true)
    #expect(text.contains("ContrarianBot vs ~[]them(me): C/C"))
    #expect(text.contains("ContrarianBot cooperates with ~[]them(me) (true but not provable in PA: the statement fails at world 0)"))
    #expect(text.contains("ContrarianBot(~[]them(me)) ↔ ¬□~[]them(me)(ContrarianBot)"))
    #expect(
      text.contains(
        "world  ContrarianBot(~[]them(me))  ~[]them(me)(ContrarianBot)\n0      0                           0\n1      1                           1\nℕ      C                           C"
      ))
    let own = try ModalCommandLine.compete("[] them(me) & [2]~them(DefectBot)", "PrudentBot", trace: false)
    #expect(own.contains(": C/C"))
    let raif = try ModalCommandLine.compete("RaifBot", "RaifBot", trace: false)
    #expect(raif.hasPrefix("RaifBot = ¬□¬them(me)  (rank 0)\n\nRaifBot vs RaifBot: D/D\n  RaifBot defects against RaifBot (PA proves it)\n"))
  }

  @Test func competeErrorsNameTheArgumentAndColumn() {
    func message(_ a: String, _ b: String) -> String {
      do { _ = try ModalCommandLine.compete(a, b, trace: false); return "no error" } catch { return "\(error)" }
    }
    #expect(message("[]them(me) &", "FairBot") == "first agent '[]them(me) &': column 13: expected a formula, found the end of the input")
    #expect(
      message("FairBot", "them(me)")
        == "second agent 'them(me)': column 1: them(me) is not under a box: an agent must be fully modalized (every them(...) and me(them) inside □, ◇, [k] or ⟨k⟩)"
    )
    #expect(
      message("FairBot", "[]them(Nobody)")
        == "second agent '[]them(Nobody)': column 8: unknown agent 'Nobody' (not in the library and not defined earlier)")
    #expect(message("FiarBot", "FairBot").hasPrefix("first agent 'FiarBot': unknown agent; known library agents: CooperateBot, DefectBot, FairBot,"))
  }

  static let file = """
    # Agents of my own, and two from the library.
    FB = FairBot
    PB = PrudentBot
    Cautious = [] them(me) & [2]~them(DefectBot)   # PrudentBot_2
    Mimic = []them(Cautious)
    Contrary = ~[]them(me)
    """

  @Test func matrixAsText() throws {
    let text = try ModalCommandLine.matrix(fileText: Self.file, fileName: "mine.txt", format: .text)
    #expect(
      text == """
                  FB  PB  Cautious  Mimic  Contrary
        FB        C   C   C         C      D
        PB        C   C   C         C      D
        Cautious  C   C   C         C      D
        Mimic     C   C   C         C      D
        Contrary  C   C   C         C      C
        (entry = the row agent's move against the column agent)

        """)
  }

  @Test func matrixAsJSON() throws {
    let text = try ModalCommandLine.matrix(fileText: "A = [] them(me)\nB = ~[]them(me)\nC = F", fileName: "abc.txt", format: .json)
    #expect(
      text == """
        {
          "agents": ["A", "B", "C"],
          "moves": [
            ["C", "D", "D"],
            ["C", "C", "C"],
            ["D", "D", "D"]
          ]
        }

        """)
    let parsed = try JSONValue.parse(text)
    #expect(parsed["agents"]?.arrayValue?.count == 3)
  }

  @Test(arguments: [
    ("A = []them(me) &", "bad.txt:1:17: expected a formula, found the end of the input"),
    (
      "A = them(me)",
      "bad.txt:1:5: them(me) is not under a box: an agent must be fully modalized (every them(...) and me(them) inside □, ◇, [k] or ⟨k⟩)"
    ),
    ("\n# comment\n  A = [](them(me)", "bad.txt:3:18: '(' at column 9 is never closed: expected ')'"),
    ("FairBot = T", "bad.txt:1:1: FairBot is a library agent; choose another name (or use it without defining it)"),
    ("A B = T", "bad.txt:1:1: 'A B' is not a valid agent name (letters, digits and _, starting with a letter or _)"),
    ("A = T\nA = F", "bad.txt:2:1: the agent A is already defined on line 1"),
    ("A = []them(A)", "bad.txt:1:12: them(A) refers to the agent itself: references must go to agents of lower rank"),
    (
      "A = []them(B)\nB = T",
      "bad.txt:1:12: B is defined on line 2; an agent may only refer to agents defined on earlier lines (references must go to lower rank)"
    ),
    ("A = B\nB = T", "bad.txt:1:5: B is defined on line 2; an agent may only use agents defined on earlier lines"),
    ("A = []them(Nobody)", "bad.txt:1:12: unknown agent 'Nobody' (not in the library and not defined earlier)"),
    ("= T", "bad.txt:1:1: expected an agent name before '='"),
    ("A", "bad.txt:1:1: expected a definition 'Name = formula'"),
    ("A =  ", "bad.txt:1:4: expected a formula after '='"),
    ("T = []them(me)", "bad.txt:1:1: 'T' is reserved and cannot name an agent"),
    ("# nothing", "bad.txt: no agents defined (expected lines 'Name = formula')"),
    ("A = [x]T", "bad.txt:1:5: expected '[]' or a graded box '[k]' with a number k"),
  ])
  func matrixFileErrorsNameFileLineAndColumn(text: String, message: String) {
    do {
      _ = try ModalCommandLine.matrix(fileText: text, fileName: "bad.txt", format: .text)
      Issue.record("accepted \(text)")
    } catch {
      #expect("\(error)" == message)
    }
  }

  @Test func matrixOfRankZeroAgentsUsesTheFastTournamentAndAgrees() throws {
    let text = (1...30).map { "E\($0) = \(RankZeroEnumerator.formulas(upTo: 4)[$0 + 20].ascii)" }.joined(separator: "\n")
    let agents = try AgentFile(text: text, fileName: "e.txt").agents
    let moves = try ModalCommandLine.moves(agents)
    for i in agents.indices {
      for j in agents.indices {
        #expect(moves[i][j] == (try Competition(agents[i], agents[j]).solve().firstMove))
      }
    }
  }
}
