import GameTheory
import LabKit
import ModalAgents

/// The parsers a user's input reaches, each as a fuzz target: bytes in, no crash and no hang out.
///
/// Every target feeds the bytes (as UTF-8, invalid sequences replaced) to one parser and, when it
/// accepts them, to what the command line does next with the result, so that a value the parser lets
/// through but a later stage cannot handle (a payoff GLPK aborts on, a formula too deep to walk) is
/// found too. Errors are the expected outcome for most inputs and are ignored; a crash, a trap or an
/// input that takes more than 5 seconds is a finding. Used by libFuzzer (`Sources/fuzz`, built with
/// `-sanitize=fuzzer`) and by the regression-corpus test, which replays `Tests/Fuzz/<target>/`.
public enum ParserFuzzTarget: String, CaseIterable, Sendable {
  /// Gambit `.nfg` files, then `reproduce game solve`'s analysis (equilibria, maxmin LPs, Pareto LPs).
  case nfg
  /// One modal formula, then a match against FairBot with the trace (`reproduce modal compete`).
  case formula
  /// A file of agent definitions, then the matrix of moves (`reproduce modal matrix`).
  case agents
  /// `--set KEY=VALUE` lines, then each value parsed against parameters of every domain kind.
  case set
  /// A literate document (Markdown with TeX-like maths), rendered as the HTML book renders it.
  case markdown
  /// A literate document woven as `reproduce run` weaves it: generated blocks, and generated values
  /// (``ValueReference``) resolved against a small fixed item; then the book's plain text of it.
  case literate

  /// Runs the target on `bytes`.
  public func run(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    switch self {
    case .nfg: Self.solveGame(text)
    case .formula: _ = try? ModalCommandLine.compete(text, "FairBot", trace: true)
    case .agents: _ = try? ModalCommandLine.matrix(fileText: text, fileName: "fuzz.txt", format: .text)
    case .set: Self.parseAssignments(text)
    case .markdown: _ = BookSite.renderDocument(text)
    case .literate: Self.weave(text)
    }
  }

  /// The item generated values resolve against: a claim with measured values and trends, and a table.
  static let items: [String: JSONValue] = [
    "x.claim": .object([
      ("headline", .string("holds")),
      ("measured", .object([("runs / X", .number(94)), ("interval", .array([.number(0.74), .number(0.94)]))])),
      (
        "trends",
        .array([
          .object([
            ("reading", .object([("apart", .string("0"))])), ("estimate", .number(0.8431)), ("interval", .array([.number(0.74), .number(0.94)])),
          ])
        ])
      ),
    ]),
    "x.table": .array([
      .object([("players", .number(3)), ("N", .number(2)), ("fraction", .numberLiteral("1.000"))]),
      .object([("players", .number(3)), ("N", .number(3)), ("fraction", .numberLiteral("0.925"))]),
    ]),
  ]

  /// Weaves `text` with every block's content fixed and every value resolved against ``items``.
  static func weave(_ text: String) {
    _ = try? LiterateDocument.weave(text, place: "fuzz.md", content: { _ in "generated\n" }) { reference in
      let parsed = try ValueReference(parsing: reference)
      guard let item = items[parsed.id] else { throw LabError.unknownIdentifier(parsed.id, known: items.keys.sorted()) }
      return try ValueReference.text(parsed.resolve(in: item), format: parsed.format)
    }
    _ = InlineValues.plainText(text)
  }

  /// Parses `.nfg` text and, for games small enough to be quick, analyses them as `game solve` does
  /// (simplicial subdivision of a game with 3 or more players under a 1-second limit: its paths can be
  /// long on adversarial payoffs).
  static func solveGame(_ text: String) {
    guard let gambit = try? GambitStrategicGame(nfg: text, source: "fuzz.nfg") else { return }
    let profiles = gambit.game.actions.reduce(1) { $0 * $1.count }
    guard profiles <= 64 else { return }
    _ = try? GameAnalysis(gambit.game, title: gambit.title, limits: SearchLimits(timeLimit: 1))
  }

  /// Parameters of every domain kind, as experiments declare them.
  static let declarations: [Parameter] = [
    Parameter("steps", "An integer.", domain: .integer(1...1_000_000), default: .integer(10)),
    Parameter("rate", "A real in (0, 1].", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: true), default: .real(0.5)),
    Parameter("payoff", "A real in [-1e9, 1e9].", domain: .real(-1e9...1e9), default: .real(0)),
    Parameter("flag", "A boolean.", domain: .boolean, default: .boolean(true)),
    Parameter("rule", "A choice.", domain: .choice(["uniform", "squared"]), default: .choice("uniform")),
  ]

  /// Parses each line as a `--set` assignment, then resolves the declarations with the overrides.
  static func parseAssignments(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let overrides = try? ParameterOverrides(parsing: lines) else { return }
    for declaration in declarations {
      for value in overrides.values.values { _ = try? declaration.parse(value) }
    }
    let known = overrides.values.filter { key, _ in declarations.contains { $0.name == key } }
    _ = try? Parameters(declarations, scale: .smoke, overrides: known)
  }
}
