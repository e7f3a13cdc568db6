import Foundation
import LabKit

/// A finite hypothesis space of one agent, enumerated as the text bounds it, with its hypotheses
/// stored compactly for fast tracking.
///
/// The text imagines "all the hypotheses with complexity under a specific threshold" and, for its
/// conjectures, "sharp infra-RDPs with at most N_i states" whose password hypotheses keep prior mass
/// (§Which hypotheses…, §Generalised stag hunt). All sharp infra-RDPs cannot be enumerated beyond two
/// or three states (the notes' §5.2), so the space holds the families the text works with:
///
/// - ⊤ (always; id 0);
/// - the password hypotheses h_{p,l} exactly as defined (``SharpInfraRDP/password(_:loop:actionCount:observationCount:)``),
///   with n ≥ 1, m ≥ 1 and n + m ≤ N states. A loop that is a power of a shorter one, l = w^j, behaves
///   exactly like h_{p,w} and is left out as a duplicate; the rotations of a loop are different
///   hypotheses and are all kept (the notes' counts: 4,929, 20,569 and 84,609 hypotheses for 2 × 2 games
///   at N = 6, 7, 8, and 98,945 for 3 players with binary actions at N = 6);
/// - optionally, only the simple password hypotheses h_p of one target profile (h_p is h_{p,l} with
///   the one-step loop l = ((a_i, a_{−i})), after renaming s_n to l₁);
/// - optionally, the autonomous opponents that play a cycle of observations whatever the agent does
///   (with m ≤ N states; the text's "cooperates n − 1 times, then defects" bot, and the exploitation
///   hypothesis "the other always cooperates");
/// - optionally, any sharp infra-RDPs given by the caller.
///
/// Storage: for every hypothesis h, state s and action a one 16-bit entry, `next << 8 | code`, where
/// code 0xFF means B(s, a) = O, code o < 0xFD means B(s, a) = {o}, 0xFD means "B(s, a) is the set in
/// the mask table" (relaxed deals), and 0xFE means "B and T are in the general tables" (caller-given
/// hypotheses whose B is another set or whose T depends on o).
public struct HypothesisSpace: Sendable {
  /// Which families the space holds, and how it is bounded.
  public struct Options: Sendable, Hashable {
    /// The bound on a hypothesis's number of states, N.
    public var maximumStates: Int
    /// Include the password hypotheses h_{p,l}.
    public var passwords: Bool
    /// Restrict the password hypotheses to one-step loops ((action, observation)): the simple
    /// password hypotheses h_p of that target.
    public var simplePasswordTarget: SimplePasswordTarget?
    /// Keep only one rotation of each loop (the notes' smaller variant), instead of all rotations.
    public var onePerNecklace: Bool
    /// Bound password and loop lengths separately (n ≤ N, m ≤ L, the notes' other table) instead of
    /// n + m ≤ N.
    public var lengthBounds: LengthBounds?
    /// Include the autonomous opponent cycles.
    public var opponentCycles: Bool
    /// An extension, not the text's definition: relax the deal loops of the password hypotheses to
    /// the agent's rewards (these rewards, reward[a][o]). In deal state l_k, after a^{(k)}_i, any
    /// observation paying the agent what a^{(k)}_{−i} pays is allowed, so the hypothesis predicts the
    /// agent's payoff but not the others' exact actions. The value is unchanged (Murphy's worst allowed
    /// reward is the same). It is one reading of the text's "relaxed password hypotheses" (§Prisoner's
    /// dilemma), whose examples were in a lost figure. Loops that differ only in observations of equal
    /// reward become the same hypothesis and are kept once.
    public var relaxedRewards: [[Double]]?
    /// Which observations a relaxed deal letter allows (used only with `relaxedRewards`).
    public var relaxation: RewardRelaxation

    public init(
      maximumStates: Int, passwords: Bool = true, simplePasswordTarget: SimplePasswordTarget? = nil,
      onePerNecklace: Bool = false, lengthBounds: LengthBounds? = nil, opponentCycles: Bool = false, relaxedRewards: [[Double]]? = nil,
      relaxation: RewardRelaxation = .sameReward
    ) {
      self.maximumStates = maximumStates
      self.passwords = passwords
      self.simplePasswordTarget = simplePasswordTarget
      self.onePerNecklace = onePerNecklace
      self.lengthBounds = lengthBounds
      self.opponentCycles = opponentCycles
      self.relaxedRewards = relaxedRewards
      self.relaxation = relaxation
    }
  }

  /// How a relaxed deal letter (a, o) widens its prediction {o} (§Prisoner's dilemma: "allow slight
  /// deviations at the end-cycle of a password hypothesis that doesn't change the value of the
  /// hypothesis"). Both keep V(h, γ): Murphy's worst allowed reward after a is still r(a, o).
  public enum RewardRelaxation: String, Sendable, Hashable {
    /// B = {o′ : r(a, o′) = r(a, o)}: the observations paying the agent exactly what o pays.
    case sameReward
    /// B = {o′ : r(a, o′) ≥ r(a, o)}: any observation paying the agent at least what o pays (upward
    /// relaxation; in a 2 × 2 prisoner's dilemma it is the only relaxation that changes anything,
    /// since the four rewards differ).
    case atLeastReward
  }

  /// The Pareto-optimal (action, observation) of the simple password hypotheses.
  public struct SimplePasswordTarget: Sendable, Hashable {
    public var action: Int
    public var observation: Int
    public init(action: Int, observation: Int) {
      self.action = action
      self.observation = observation
    }
  }

  /// Separate bounds on password length n and loop length m.
  public struct LengthBounds: Sendable, Hashable {
    public var password: Int
    public var loop: Int
    public init(password: Int, loop: Int) {
      self.password = password
      self.loop = loop
    }
  }

  /// What a hypothesis is.
  public enum Kind: UInt8, Sendable {
    case top, password, opponentCycle, custom
  }

  public let actionCount: Int
  public let observationCount: Int
  public let options: Options
  /// The largest number of states of a hypothesis in the space (the stride of the tables).
  public let stateStride: Int
  /// The number of hypotheses.
  public var count: Int { kinds.count }

  let kinds: [Kind]
  let passwordLengths: [UInt8]
  let loopLengths: [UInt8]
  /// Where each hypothesis's symbols start in `symbols`: password actions, then loop letters
  /// (a · |O| + o); for an opponent cycle its observations; for a custom hypothesis its index in `customs`.
  let symbolStart: [Int32]
  let symbols: [UInt8]
  let stateCounts: [UInt8]
  /// table[(h · stateStride + s) · |A| + a] = next << 8 | code.
  let table: [UInt16]
  /// For code 0xFE: B(s, a) as a bitmask, indexed like `table`.
  let generalMasks: [UInt64]
  /// For code 0xFE: T(s, a, o), at index (table index) · |O| + o.
  let generalNext: [UInt8]
  let customs: [SharpInfraRDP]
  /// The password of each hypothesis as an index into ``passwordWords`` (−1 for other kinds), so that
  /// the hypotheses sharing a password can share its tracking.
  let passwordIDs: [Int32]
  /// The distinct passwords (actions), in order of first appearance.
  let passwordWords: [[UInt8]]
  /// The same passwords flat, `passwordStride` letters each (padded), and their lengths.
  let passwordLetters: [UInt8]
  let passwordStride: Int
  let passwordLengthsByID: [UInt8]
  /// The description length K(h) in bits (see ``complexity(_:)``).
  public let descriptionLengths: [Double]
  /// The letters of deal loops.
  let dealAlphabet: [DealLetter]

  /// Enumerates the space for an agent with `actionCount` actions and `observationCount` observations.
  ///
  /// - Parameter custom: extra hypotheses (named, with a description length in bits), appended last.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a bound below 1 or above 12, more than
  ///   255 letters (|A| · |O|), more than 50 million hypotheses, or a custom hypothesis of the wrong
  ///   shape or with more than 254 states.
  public init(
    actionCount: Int, observationCount: Int, options: Options,
    custom: [(hypothesis: SharpInfraRDP, descriptionLength: Double)] = []
  ) throws {
    try Self.validate(actionCount: actionCount, observationCount: observationCount, options: options, custom: custom)
    self.actionCount = actionCount
    self.observationCount = observationCount
    self.options = options
    self.dealAlphabet = Self.dealAlphabet(actionCount: actionCount, observationCount: observationCount, options: options)

    var builder = Builder(actionCount: actionCount, observationCount: observationCount, alphabet: dealAlphabet)
    builder.addTop()
    if options.passwords { try Self.addPasswordHypotheses(to: &builder, actionCount: actionCount, options: options, alphabet: dealAlphabet) }
    if options.opponentCycles {
      for m in 1...options.maximumStates {
        for cycle in HypothesisSpace.primitiveWords(length: m, alphabet: observationCount, onePerNecklace: false) {
          builder.addOpponentCycle(cycle)
        }
      }
    }
    for entry in custom { builder.addCustom(entry.hypothesis, descriptionLength: entry.descriptionLength) }
    let built = builder.finish()
    kinds = built.kinds
    passwordLengths = built.passwordLengths
    loopLengths = built.loopLengths
    symbolStart = built.symbolStart
    symbols = built.symbols
    stateCounts = built.stateCounts
    stateStride = built.stateStride
    table = built.table
    generalMasks = built.generalMasks
    generalNext = built.generalNext
    customs = built.customs
    descriptionLengths = built.descriptionLengths
    passwordIDs = built.passwordIDs
    passwordWords = built.passwordWords
    let longest = built.passwordWords.map(\.count).max() ?? 0
    passwordStride = longest
    passwordLengthsByID = built.passwordWords.map { UInt8($0.count) }
    passwordLetters = built.passwordWords.flatMap { $0 + Array(repeating: 0, count: longest - $0.count) }
  }

  /// The checks of ``init(actionCount:observationCount:options:custom:)`` on its arguments.
  private static func validate(
    actionCount: Int, observationCount: Int, options: Options, custom: [(hypothesis: SharpInfraRDP, descriptionLength: Double)]
  ) throws {
    let place = "hypothesis space"
    guard (1...12).contains(options.maximumStates) else {
      throw LabError.invalidInput(place: place, problem: "the bound on states must be in 1...12, not \(options.maximumStates)")
    }
    guard actionCount >= 1, observationCount >= 1, actionCount * observationCount <= 255, observationCount <= 253 else {
      throw LabError.invalidInput(place: place, problem: "|A| = \(actionCount), |O| = \(observationCount): need |A| · |O| ≤ 255")
    }
    if let target = options.simplePasswordTarget,
      !(0..<actionCount).contains(target.action) || !(0..<observationCount).contains(target.observation)
    {
      throw LabError.invalidInput(place: place, problem: "the simple-password target \(target) is not an (action, observation) pair")
    }
    for (index, entry) in custom.enumerated() {
      let h = entry.hypothesis
      guard h.actionCount == actionCount, h.observationCount == observationCount, h.stateCount <= 254,
        entry.descriptionLength.isFinite
      else {
        throw LabError.invalidInput(
          place: "\(place), custom hypothesis \(index)",
          problem: "needs \(actionCount) actions, \(observationCount) observations, at most 254 states and a finite description length")
      }
    }
    if let rewards = options.relaxedRewards {
      guard rewards.count == actionCount, rewards.allSatisfy({ $0.count == observationCount }) else {
        throw LabError.invalidInput(place: place, problem: "relaxed deals need a \(actionCount) × \(observationCount) reward table")
      }
    }
  }

  /// The deal alphabet: (action, observation) letters, or with relaxed deals (action, reward class)
  /// letters, each with a representative observation and the mask of observations it allows.
  private static func dealAlphabet(actionCount: Int, observationCount: Int, options: Options) -> [DealLetter] {
    var alphabet: [DealLetter] = []
    for a in 0..<actionCount {
      if let rewards = options.relaxedRewards {
        for value in Set(rewards[a]).sorted() {
          let representative = (0..<observationCount).first { rewards[a][$0] == value }!
          let members = (0..<observationCount).filter {
            options.relaxation == .sameReward ? rewards[a][$0] == value : rewards[a][$0] >= value
          }
          alphabet.append(DealLetter(action: a, observation: representative, mask: members.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }))
        }
      } else {
        for o in 0..<observationCount { alphabet.append(DealLetter(action: a, observation: o, mask: UInt64(1) << UInt64(o))) }
      }
    }
    return alphabet
  }

  /// The deal loops of each length m (index m; index 0 is empty): the primitive words over the deal
  /// alphabet (optionally one rotation each), or the single target letter of the simple passwords.
  private static func loopsByLength(options: Options, alphabet: [DealLetter]) -> [[[UInt8]]] {
    let maxLoop = options.lengthBounds?.loop ?? options.maximumStates - 1
    var loops: [[[UInt8]]] = [[]]
    for m in 1...max(1, maxLoop) {
      if let target = options.simplePasswordTarget {
        let letter = alphabet.firstIndex { $0.action == target.action && $0.mask & (1 << UInt64(target.observation)) != 0 }!
        loops.append(m == 1 ? [[UInt8(letter)]] : [])
      } else {
        loops.append(m <= maxLoop ? primitiveWords(length: m, alphabet: alphabet.count, onePerNecklace: options.onePerNecklace) : [])
      }
    }
    return loops
  }

  /// The (password length n, loop length m) pairs of the space, in the order they are enumerated:
  /// n + m ≤ N by total, or with separate bounds by total and then n.
  private static func lengthPairs(options: Options) -> [(n: Int, m: Int)] {
    var pairs: [(n: Int, m: Int)] = []
    if let bounds = options.lengthBounds {
      for n in 1...max(1, bounds.password) { for m in 1...max(1, bounds.loop) { pairs.append((n, m)) } }
      return pairs.sorted { ($0.n + $0.m, $0.n) < ($1.n + $1.m, $1.n) }
    }
    let N = options.maximumStates
    guard N >= 2 else { return [] }
    for total in 2...N { for n in 1..<total { pairs.append((n, total - n)) } }
    return pairs
  }

  /// Adds every password hypothesis h_{p,l} of the space to `builder`, after checking their number.
  private static func addPasswordHypotheses(to builder: inout Builder, actionCount: Int, options: Options, alphabet: [DealLetter]) throws {
    let maxPassword = options.lengthBounds?.password ?? options.maximumStates - 1
    let loops = loopsByLength(options: options, alphabet: alphabet)
    let pairs = lengthPairs(options: options).filter { $0.n <= maxPassword && $0.m < loops.count }
    let count = pairs.reduce(1) { $0 + Int(pow(Double(actionCount), Double($1.n))) * loops[$1.m].count }
    guard count <= 50_000_000 else {
      throw LabError.invalidInput(place: "hypothesis space", problem: "the bound gives \(count) hypotheses; at most 50 million are supported")
    }
    builder.reserve(count)
    for (n, m) in pairs where !loops[m].isEmpty {
      for password in allWords(length: n, alphabet: actionCount) {
        for loop in loops[m] { builder.addPassword(password, loop) }
      }
    }
  }

  // MARK: - Reading hypotheses

  public func kind(_ h: Int) -> Kind { kinds[h] }
  public func stateCount(_ h: Int) -> Int { Int(stateCounts[h]) }

  /// The password of a password hypothesis (actions), or [] for other kinds.
  public func password(_ h: Int) -> [Int] {
    guard kinds[h] == .password else { return [] }
    let start = Int(symbolStart[h])
    return symbols[start..<start + Int(passwordLengths[h])].map(Int.init)
  }

  /// The deal loop of a password hypothesis as (action, observation) pairs, or [] for other kinds.
  public func loop(_ h: Int) -> [(action: Int, observation: Int)] {
    guard kinds[h] == .password else { return [] }
    let start = Int(symbolStart[h]) + Int(passwordLengths[h])
    return symbols[start..<start + Int(loopLengths[h])].map { (action: dealAlphabet[Int($0)].action, observation: dealAlphabet[Int($0)].observation) }
  }

  /// The observations of an opponent cycle, or [] for other kinds.
  public func opponentCycle(_ h: Int) -> [Int] {
    guard kinds[h] == .opponentCycle else { return [] }
    let start = Int(symbolStart[h])
    return symbols[start..<start + Int(loopLengths[h])].map(Int.init)
  }

  /// Hypothesis h as a ``SharpInfraRDP``.
  public func hypothesis(_ h: Int) -> SharpInfraRDP {
    switch kinds[h] {
    case .top: return .top(actionCount: actionCount, observationCount: observationCount)
    case .password:
      if options.relaxedRewards != nil { return tableHypothesis(h) }
      return try! .password(password(h), loop: loop(h), actionCount: actionCount, observationCount: observationCount)
    case .opponentCycle: return try! .opponentCycle(opponentCycle(h), actionCount: actionCount, observationCount: observationCount)
    case .custom: return customs[Int(symbolStart[h])]
    }
  }

  /// Hypothesis h read back from its tables (action-driven kinds).
  func tableHypothesis(_ h: Int) -> SharpInfraRDP {
    let all = (UInt64(1) << UInt64(observationCount)) - 1
    func entry(_ s: Int, _ a: Int) -> (mask: UInt64, next: Int) {
      let index = (h * stateStride + s) * actionCount + a
      let e = table[index]
      let code = Int(e & 0xFF)
      let mask = code == 0xFF ? all : (code >= 0xFD ? generalMasks[index] : UInt64(1) << UInt64(code))
      return (mask, Int(e >> 8))
    }
    return try! SharpInfraRDP(
      stateCount: stateCount(h), actionCount: actionCount, observationCount: observationCount,
      possible: { s, a in Set((0..<observationCount).filter { entry(s, a).mask & (1 << UInt64($0)) != 0 }) },
      transition: { s, a, _ in entry(s, a).next })
  }

  /// A short description: "⊤", "p = 0 1, l = (1,0)(0,0)", "cycle 0 0 1", "custom 2", with action and
  /// observation names when given.
  public func label(_ h: Int, actionNames: [String]? = nil, observationNames: [String]? = nil) -> String {
    let a = { (x: Int) in actionNames.map { $0[x] } ?? String(x) }
    let o = { (x: Int) in observationNames.map { $0[x] } ?? String(x) }
    switch kinds[h] {
    case .top: return "⊤"
    case .password:
      let mark = options.relaxedRewards == nil ? "" : (options.relaxation == .sameReward ? "≈" : "≥")
      return "p = " + password(h).map(a).joined(separator: " ") + ", l = "
        + loop(h).map { "(\(a($0.action)),\(mark)\(o($0.observation)))" }.joined()
    case .opponentCycle: return "opponent cycle " + opponentCycle(h).map(o).joined(separator: " ")
    case .custom: return "custom \(symbolStart[h])"
    }
  }

  /// The complexity coding of the notes (§5.2): K(⊤) = 1 bit, and for h_{p,l}
  ///
  ///     K(h) = E(n) + n log₂|A_i| + E(m) + m log₂(|A_i| |O|),   E(x) = 2⌊log₂(x + 1)⌋ + 1
  ///
  /// (an Elias-γ-style self-delimiting length, then the symbols). An opponent cycle costs
  /// 1 + E(m) + m log₂|O| (one bit tells it from a password hypothesis).
  public func complexity(_ h: Int) -> Double { descriptionLengths[h] }

  /// E(x) = 2⌊log₂(x + 1)⌋ + 1.
  public static func lengthCode(_ x: Int) -> Double {
    var bits = 0
    var v = x + 1
    while v > 1 {
      v >>= 1
      bits += 1
    }
    return Double(2 * bits + 1)
  }

  // MARK: - Words

  /// Every word of `length` letters over `alphabet` letters, lexicographically.
  static func allWords(length: Int, alphabet: Int) -> [[UInt8]] {
    var words: [[UInt8]] = [[]]
    for _ in 0..<length {
      words = words.flatMap { word in (0..<alphabet).map { word + [UInt8($0)] } }
    }
    return words
  }

  /// Whether a word is not a power w^j (j ≥ 2) of a shorter word.
  static func isPrimitive(_ word: [UInt8]) -> Bool {
    let m = word.count
    for d in 1..<max(m, 1) where m % d == 0 {
      if (0..<m).allSatisfy({ word[$0] == word[$0 % d] }) { return false }
    }
    return true
  }

  /// The primitive words of a length, lexicographically; with `onePerNecklace`, only the least
  /// rotation of each (Lyndon words).
  static func primitiveWords(length: Int, alphabet: Int, onePerNecklace: Bool) -> [[UInt8]] {
    allWords(length: length, alphabet: alphabet).filter { word in
      guard isPrimitive(word) else { return false }
      guard onePerNecklace else { return true }
      return (1..<word.count).allSatisfy { r in !(Array(word[r...] + word[..<r]).lexicographicallyPrecedes(word)) }
    }
  }

  /// The number of hypotheses the notes' formula gives: 1 + Σ_{n + m ≤ N, n, m ≥ 1} |A|^n P(q, m), with
  /// P(q, m) = Σ_{d | m} μ(d) q^{m/d} primitive words of length m over q = |A| · |O| letters.
  public static func passwordCount(actionCount: Int, observationCount: Int, maximumStates N: Int) -> Int {
    let q = actionCount * observationCount
    func mobius(_ n: Int) -> Int {
      var n = n
      var result = 1
      var p = 2
      while p * p <= n {
        if n % p == 0 {
          n /= p
          if n % p == 0 { return 0 }
          result = -result
        }
        p += 1
      }
      return n > 1 ? -result : result
    }
    func power(_ b: Int, _ e: Int) -> Int { (0..<e).reduce(1) { acc, _ in acc * b } }
    func primitive(_ m: Int) -> Int { (1...m).filter { m % $0 == 0 }.reduce(0) { $0 + mobius($1) * power(q, m / $1) } }
    var total = 1
    if N >= 2 {
      for n in 1..<N { for m in 1...(N - n) { total += power(actionCount, n) * primitive(m) } }
    }
    return total
  }
}

/// A letter of a deal loop: the agent's action, the observation the loop names, and the observations
/// it allows (one, or all those paying the same with relaxed deals).
struct DealLetter: Sendable, Hashable {
  let action: Int
  let observation: Int
  let mask: UInt64
}

/// Accumulates the compact tables of a ``HypothesisSpace``.
private struct Builder {
  let actionCount: Int
  let observationCount: Int
  let alphabet: [DealLetter]
  var kinds: [HypothesisSpace.Kind] = []
  var passwordLengths: [UInt8] = []
  var loopLengths: [UInt8] = []
  var symbolStart: [Int32] = []
  var symbols: [UInt8] = []
  var stateCounts: [UInt8] = []
  var descriptionLengths: [Double] = []
  /// Per hypothesis, its rows of (next, code), state-major; padded to the stride at the end.
  var rows: [[UInt16]] = []
  var customs: [SharpInfraRDP] = []
  var passwordIDs: [Int32] = []
  var passwordWords: [[UInt8]] = []
  var passwordIndex: [[UInt8]: Int32] = [:]
  var general: [Int: (masks: [UInt64], next: [UInt8])] = [:]

  /// Relaxed deal entries (code 0xFD): hypothesis → (row index, mask).
  var relaxed: [Int: [(Int, UInt64)]] = [:]

  init(actionCount: Int, observationCount: Int, alphabet: [DealLetter]) {
    self.actionCount = actionCount
    self.observationCount = observationCount
    self.alphabet = alphabet
  }

  mutating func reserve(_ n: Int) {
    kinds.reserveCapacity(n)
    rows.reserveCapacity(n)
    descriptionLengths.reserveCapacity(n)
  }

  mutating func addTop() {
    kinds.append(.top)
    passwordLengths.append(0)
    loopLengths.append(0)
    symbolStart.append(Int32(symbols.count))
    passwordIDs.append(-1)
    stateCounts.append(1)
    descriptionLengths.append(1)
    rows.append(Array(repeating: UInt16(0xFF), count: actionCount))
  }

  mutating func addPassword(_ password: [UInt8], _ loop: [UInt8]) {
    let n = password.count
    let m = loop.count
    if let last = passwordWords.last, last == password {
      passwordIDs.append(Int32(passwordWords.count - 1))
    } else if let id = passwordIndex[password] {
      passwordIDs.append(id)
    } else {
      passwordIndex[password] = Int32(passwordWords.count)
      passwordIDs.append(Int32(passwordWords.count))
      passwordWords.append(password)
    }
    kinds.append(.password)
    passwordLengths.append(UInt8(n))
    loopLengths.append(UInt8(m))
    symbolStart.append(Int32(symbols.count))
    symbols += password
    symbols += loop
    stateCounts.append(UInt8(n + m))
    let q = Double(alphabet.count)
    descriptionLengths.append(
      HypothesisSpace.lengthCode(n) + Double(n) * log2(Double(actionCount)) + HypothesisSpace.lengthCode(m) + Double(m) * log2(q))
    var row = [UInt16](repeating: 0xFF, count: (n + m) * actionCount)  // default: to s₀, B = O
    for s in 0..<n {
      let next = s < n - 1 ? s + 1 : n
      row[s * actionCount + Int(password[s])] = UInt16(next) << 8 | 0xFF
    }
    let all = (UInt64(1) << UInt64(observationCount)) - 1
    for k in 0..<m {
      let letter = alphabet[Int(loop[k])]
      let next = k < m - 1 ? n + k + 1 : n
      let position = (n + k) * actionCount + letter.action
      if letter.mask == all {
        row[position] = UInt16(next) << 8 | 0xFF
      } else if letter.mask.nonzeroBitCount == 1 {
        row[position] = UInt16(next) << 8 | UInt16(letter.mask.trailingZeroBitCount)
      } else {
        row[position] = UInt16(next) << 8 | 0xFD
        relaxed[kinds.count - 1, default: []].append((position, letter.mask))
      }
    }
    rows.append(row)
  }

  mutating func addOpponentCycle(_ cycle: [UInt8]) {
    let m = cycle.count
    kinds.append(.opponentCycle)
    passwordLengths.append(0)
    loopLengths.append(UInt8(m))
    symbolStart.append(Int32(symbols.count))
    passwordIDs.append(-1)
    symbols += cycle
    stateCounts.append(UInt8(m))
    descriptionLengths.append(1 + HypothesisSpace.lengthCode(m) + Double(m) * log2(Double(observationCount)))
    var row: [UInt16] = []
    for k in 0..<m {
      for _ in 0..<actionCount { row.append(UInt16((k + 1) % m) << 8 | UInt16(cycle[k])) }
    }
    rows.append(row)
  }

  mutating func addCustom(_ h: SharpInfraRDP, descriptionLength: Double) {
    let id = kinds.count
    kinds.append(.custom)
    passwordLengths.append(0)
    loopLengths.append(0)
    symbolStart.append(Int32(customs.count))
    passwordIDs.append(-1)
    customs.append(h)
    stateCounts.append(UInt8(h.stateCount))
    descriptionLengths.append(descriptionLength)
    let all = (UInt64(1) << UInt64(observationCount)) - 1
    var row: [UInt16] = []
    var masks: [UInt64] = []
    var next: [UInt8] = []
    var needsGeneral = false
    for s in 0..<h.stateCount {
      for a in 0..<actionCount {
        let mask = h.allowed[s * actionCount + a]
        let targets = h.possibleObservations(state: s, action: a).map { h.nextState(s, a, $0) }
        let single = Set(targets).count == 1
        if single && mask == all {
          row.append(UInt16(targets[0]) << 8 | 0xFF)
        } else if single && mask.nonzeroBitCount == 1 {
          row.append(UInt16(targets[0]) << 8 | UInt16(mask.trailingZeroBitCount))
        } else {
          row.append(0xFE)
          needsGeneral = true
        }
        masks.append(mask)
        for o in 0..<observationCount { next.append(UInt8(h.nextState(s, a, o))) }
      }
    }
    if needsGeneral { general[id] = (masks, next) }
    rows.append(row)
  }

  func finish() -> (
    kinds: [HypothesisSpace.Kind], passwordLengths: [UInt8], loopLengths: [UInt8], symbolStart: [Int32], symbols: [UInt8],
    stateCounts: [UInt8], stateStride: Int, table: [UInt16], generalMasks: [UInt64], generalNext: [UInt8],
    customs: [SharpInfraRDP], descriptionLengths: [Double], passwordIDs: [Int32], passwordWords: [[UInt8]]
  ) {
    let stride = Int(stateCounts.max() ?? 1)
    let width = stride * actionCount
    var table = [UInt16](repeating: 0xFF, count: rows.count * width)
    for (h, row) in rows.enumerated() {
      for (k, entry) in row.enumerated() { table[h * width + k] = entry }
    }
    var masks: [UInt64] = []
    var next: [UInt8] = []
    if !general.isEmpty || !relaxed.isEmpty {
      masks = [UInt64](repeating: 0, count: table.count)
      for (h, entries) in relaxed { for (position, mask) in entries { masks[h * width + position] = mask } }
    }
    if !general.isEmpty {
      next = [UInt8](repeating: 0, count: table.count * observationCount)
      for (h, tables) in general {
        for k in tables.masks.indices { masks[h * width + k] = tables.masks[k] }
        for k in tables.next.indices { next[h * width * observationCount + k] = tables.next[k] }
      }
    }
    return (
      kinds, passwordLengths, loopLengths, symbolStart, symbols, stateCounts, stride, table, masks, next, customs, descriptionLengths, passwordIDs,
      passwordWords
    )
  }
}
