import LabKit

/// What the engine counts in a match: the rounds ending CC, CD, DC, DD, and the first round's outcome.
/// Scores, cooperation counts and the winner follow from these (``RepeatedMatch/Result``).
struct MatchTally: Sendable, Equatable {
  var outcomes: SIMD4<Int>
  /// The first round's outcome index, 2 · first + second.
  var opening: UInt8
}

/// The two loops that play a ``RepeatedMatch``. Both simulate every round; neither allocates,
/// dispatches dynamically or builds an array per round. (Memory for a transcript is reserved once.)
enum MatchEngine {
  /// Deterministic strategies, noise 0 or 1: no draws.
  ///
  /// The machines' packed tables (``FiniteMemoryStrategy/packedNext``) hold `next << 1 | move`, so a
  /// round is: take both moves from the low bits (flipped when `flip`), count, and read each
  /// player's next packed state at `4 · state + outcome`. Defections are counted instead of the four
  /// outcomes (D by the first, D by the second, DD), which keeps the counters in registers.
  @inline(__always)
  static func deterministic(_ a: FiniteMemoryStrategy, _ b: FiniteMemoryStrategy, turns: Int, flip: Bool) -> MatchTally {
    a.packedNext.withUnsafeBufferPointer { first in
      b.packedNext.withUnsafeBufferPointer { second in
        deterministicLoop(first, second, a.packedInitial, b.packedInitial, turns: turns, flip: flip ? 1 : 0)
      }
    }
  }

  @inline(__always)
  private static func deterministicLoop(
    _ first: UnsafeBufferPointer<UInt32>, _ second: UnsafeBufferPointer<UInt32>, _ start1: UInt32, _ start2: UInt32,
    turns: Int, flip: UInt32
  ) -> MatchTally {
    var p1 = start1
    var p2 = start2
    let opening = UInt8(truncatingIfNeeded: ((p1 ^ flip) & 1) << 1 | ((p2 ^ flip) & 1))
    var d1 = 0
    var d2 = 0
    var dd = 0
    for _ in 0..<turns {
      let m1 = (p1 ^ flip) & 1
      let m2 = (p2 ^ flip) & 1
      d1 &+= Int(m1)
      d2 &+= Int(m2)
      dd &+= Int(m1 & m2)
      // (p >> 1) << 2 is 4 · state; states are below 2^30, so it fits in 32 bits.
      p1 = first[Int((p1 >> 1) << 2 | m1 << 1 | m2)]
      p2 = second[Int((p2 >> 1) << 2 | m2 << 1 | m1)]
    }
    return MatchTally(outcomes: SIMD4(turns - d1 - d2 + dd, d2 - dd, d1 - dd, dd), opening: opening)
  }

  /// Any strategies and noise, optionally recording every round. Draws (from `random`, which must
  /// be non-nil when a draw is needed) in the order: first player's move, second player's move,
  /// first player's noise, second player's noise; a move is drawn only when its state's probability
  /// is strictly between 0 and 1, and noise only when 0 < noise < 1, as axelrod does.
  ///
  /// Generic over the source, so that a tournament's ``MT19937Stream`` (GSL's mt19937, inline) is
  /// specialised into the loop; a LabKit ``Random`` gives the same numbers through GSL.
  static func general<Source: UniformRandomSource>(
    _ a: FiniteMemoryStrategy, _ b: FiniteMemoryStrategy, turns: Int, noise: Double, random: inout Source?, record: Bool
  ) -> (MatchTally, [RepeatedMatch.Turn]?) {
    var rounds: [RepeatedMatch.Turn] = []
    if record { rounds.reserveCapacity(turns) }
    let noisy = noise > 0 && noise < 1
    let flipAll = noise >= 1
    // Defections are counted rather than the four outcomes (as in the deterministic loop): a SIMD4
    // counter indexed at run time goes through memory every round (a stalled store-to-load forward).
    var d1 = 0
    var d2 = 0
    var dd = 0
    var opening: UInt8 = 0

    /// 0 (C) with probability p, 1 (D) otherwise; draws only when 0 < p < 1 (axelrod's `random_choice`).
    /// A player whose every state is pure (`pure`, fixed for the match) never draws, and its move is
    /// computed without a branch: under noise its state changes at random, and a branch on it would
    /// be mispredicted at every change.
    @inline(__always)
    func move(_ p: Double, pure: Bool) -> Int {
      if pure { return p < 1 ? 1 : 0 }
      if p >= 1 { return 0 }
      if p <= 0 { return 1 }
      return random!.uniform() < p ? 0 : 1
    }
    let pure1 = a.cooperationProbabilities.allSatisfy { $0 <= 0 || $0 >= 1 }
    let pure2 = b.cooperationProbabilities.allSatisfy { $0 <= 0 || $0 >= 1 }

    a.cooperationProbabilities.withUnsafeBufferPointer { q1 in
      b.cooperationProbabilities.withUnsafeBufferPointer { q2 in
        a.nextStates.withUnsafeBufferPointer { n1 in
          b.nextStates.withUnsafeBufferPointer { n2 in
            var s1 = a.initialState
            var s2 = b.initialState
            for turn in 0..<turns {
              var m1 = move(q1[s1], pure: pure1)
              var m2 = move(q2[s2], pure: pure2)
              if flipAll {
                m1 ^= 1
                m2 ^= 1
              } else if noisy {
                // Flips as selects, not branches (a flip is rare but unpredictable).
                m1 ^= random!.uniform() < noise ? 1 : 0
                m2 ^= random!.uniform() < noise ? 1 : 0
              }
              let outcome = m1 << 1 | m2
              d1 &+= m1
              d2 &+= m2
              dd &+= m1 & m2
              if turn == 0 { opening = UInt8(outcome) }
              if record {
                rounds.append(RepeatedMatch.Turn(StageGame.Move(rawValue: UInt8(m1))!, StageGame.Move(rawValue: UInt8(m2))!))
              }
              s1 = Int(n1[s1 << 2 | outcome])
              s2 = Int(n2[s2 << 2 | m2 << 1 | m1])
            }
          }
        }
      }
    }
    let counts = SIMD4(turns - d1 - d2 + dd, d2 - dd, d1 - dd, dd)
    return (MatchTally(outcomes: counts, opening: opening), record ? rounds : nil)
  }
}
