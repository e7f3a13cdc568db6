/// The post's "logical crystal ball" (section "Crystal Ball Design"): given a program, an input and
/// a list of permissible outputs sorted by desirability, it returns the most desirable output whose
/// statement "the program outputs o on the input" is provable, with a certificate, or an error that
/// says why none is.
///
/// Here programs are modal agents (the input is the opponent) or, more generally, a variable of a
/// system of equations; provability is provability in PA, decided exactly through GL (Robust
/// Cooperation §4: the statement is PA-equivalent to a letterless sentence, and GL ⊢ ψ iff ψ holds
/// at every world of the linear chain, Boolos 1993). The certificate is the world-by-world trace up
/// to the stabilisation world: it shows the statement at every world. Not every true statement is
/// provable: ContrarianBot's cooperation with itself holds only from world 1 on, so the ball
/// refuses with "true but not provable".
public enum CrystalBall {
  /// A permissible output: its name and the statement that the program produces it, as the value
  /// the decided variable takes (cooperate: true; defect: false).
  public struct Output: Sendable, Equatable {
    public let name: String
    /// The output is produced when the variable has this value.
    public let variableValue: Bool

    public init(name: String, variableValue: Bool) {
      self.name = name
      self.variableValue = variableValue
    }

    /// The output of a Prisoner's Dilemma move.
    public static func move(_ move: Move) -> Output { Output(name: move.letter, variableValue: move == .cooperate) }
  }

  /// What the ball found: the output, the statement proved, and its certificate.
  public struct Answer: Sendable {
    public let output: Output
    /// "X(Y) = C" or "p".
    public let statement: String
    /// The solution of the system; the statement holds at every world of its trace.
    public let certificate: ModalSolution
    /// The decided variable in ``certificate``.
    public let variable: Int

    /// The certificate in words: where the statement holds and why that is a proof.
    public var certificateText: String {
      let worlds = certificate.lastWorld == 0 ? "world 0" : "worlds 0…\(certificate.lastWorld)"
      return
        "\(statement) holds at \(worlds) of the chain (trace \(certificate.traceText(variable, worlds: max(6, certificate.lastWorld + 1)))) and the system is constant from world \(certificate.stabilisationWorld) on, so it holds at every world: GL proves the letterless fixed point and PA proves the statement"
    }
  }

  /// Why no answer was given.
  public enum Refusal: Error, Sendable, CustomStringConvertible {
    /// The permissible outputs were empty.
    case noOutputs
    /// The program and input cannot be put together (two different agents with one name).
    case invalidProgram(String)
    /// The program's loop has no consistent assignment (p ↔ ¬p, an unstable loop) or several
    /// (p ↔ p): it determines no output.
    case undeterminedLoop(ModalSystemError)
    /// Every permissible output's statement is unprovable: each is listed with the reason.
    case nothingProvable([(output: Output, reason: Unprovable)])

    public var description: String {
      switch self {
      case .noOutputs: return "no permissible outputs were given"
      case .invalidProgram(let problem): return "the program cannot be run: \(problem)"
      case .undeterminedLoop(let error): return "the loop determines no output: \(error)"
      case .nothingProvable(let reasons):
        return "no permissible output is provable: " + reasons.map { "\($0.output.name): \($0.reason)" }.joined(separator: "; ")
      }
    }
  }

  /// Why one output's statement is not provable.
  public enum Unprovable: Sendable, Equatable, CustomStringConvertible {
    /// True in the standard model but not provable: it fails at `world` (a world of the chain, a
    /// nonstandard model of PA + ¬Con^(world+1)), while it holds from `holdsFrom` on.
    case trueButUnprovable(failsAt: Int, holdsFrom: Int, trace: String)
    /// False in the standard model (PA being sound, not provable); it fails from `failsFrom` on.
    case falseInStandardModel(failsFrom: Int, trace: String)

    public var description: String {
      switch self {
      case .trueButUnprovable(let world, let from, let trace):
        return "true in the standard model but not provable (it fails at world \(world) and holds from world \(from) on; trace \(trace))"
      case .falseInStandardModel(let from, let trace):
        return "false in the standard model (it fails from world \(from) on; trace \(trace))"
      }
    }
  }

  /// Asks what `program` outputs against the opponent `input`, preferring earlier `outputs`.
  public static func ask(program: ModalAgent, input: ModalAgent, outputs: [Move]) throws(Refusal) -> Answer {
    let matchup: Matchup
    do { matchup = try Competition(program, input).solve() } catch {
      throw .invalidProgram(error.description)
    }
    return try decide(
      matchup.solution, variable: matchup.firstVariable,
      statement: { "\(program.name)(\(input.name)) = \($0.name)" }, outputs: outputs.map(Output.move))
  }

  /// Asks which value of `variable` in `system` is provable, preferring earlier `outputs`. Systems
  /// that are not fully modalized are searched world by world; an unstable loop is an error.
  public static func ask(system: ModalSystem, variable: String, outputs: [Output]) throws(Refusal) -> Answer {
    guard let index = system.variables.firstIndex(of: variable) else {
      preconditionFailure("CrystalBall.ask: \(variable) is not a variable of the system")
    }
    let solution: ModalSolution
    do { solution = try system.solve(allowSearch: true) } catch { throw .undeterminedLoop(error) }
    return try decide(solution, variable: index, statement: { "\(variable) = \($0.name)" }, outputs: outputs)
  }

  private static func decide(_ solution: ModalSolution, variable: Int, statement: (Output) -> String, outputs: [Output]) throws(Refusal) -> Answer {
    guard !outputs.isEmpty else { throw .noOutputs }
    var reasons: [(output: Output, reason: Unprovable)] = []
    for output in outputs {
      let trace = (0...solution.lastWorld).map { solution.value(variable, atWorld: $0) == output.variableValue }
      let text = (0..<max(6, trace.count)).map { trace[min($0, trace.count - 1)] ? "1" : "0" }.joined() + "…"
      if let failure = trace.firstIndex(of: false) {
        if trace.last! {
          let from = (trace.lastIndex(of: false) ?? -1) + 1
          reasons.append((output, .trueButUnprovable(failsAt: failure, holdsFrom: from, trace: text)))
        } else {
          let from = (trace.lastIndex(of: true) ?? -1) + 1
          reasons.append((output, .falseInStandardModel(failsFrom: from, trace: text)))
        }
        continue
      }
      return Answer(output: output, statement: statement(output), certificate: solution, variable: variable)
    }
    throw .nothingProvable(reasons)
  }

  /// An agent that asks the crystal ball what its opponent will do against it, with the opponent's
  /// moves in order of `preferences`, and plays the answer; when no statement is provable it plays
  /// `fallback`. As a modal formula: it cooperates iff, for the first move m of `preferences`
  /// whose statement "the opponent plays m against me" is provable, m = C (or, when none is,
  /// `fallback` = C). With preferences (C, D) and fallback D this is FairBot's □them(me); with
  /// (D, C) and fallback C it is RaifBot's ¬□¬them(me), up to propositional equivalence.
  public static func agent(name: String, preferences: [Move], fallback: Move) -> ModalAgent {
    func provable(_ move: Move) -> ModalFormula { .box(move == .cooperate ? .them : .not(.them)) }
    var cases: [ModalFormula] = []
    for (i, move) in preferences.enumerated() where move == .cooperate {
      cases.append(.conjunction([provable(move)] + preferences[..<i].map { .not(provable($0)) }))
    }
    if fallback == .cooperate { cases.append(.conjunction(preferences.map { .not(provable($0)) })) }
    return try! ModalAgent(name: name, formula: .disjunction(cases))
  }
}
