import Foundation
import LabKit
import Testing

@testable import GameTheory

@Suite struct LinearProgramTests {
  /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 9,  x ≤ 3,  x, y ≥ 0.
  /// By hand: the optimum is at x = 3, y = 1, where x ≤ 3 and x + y ≤ 4 meet, value 11. There
  /// (3, 2) = 2·(1, 1) + 1·(1, 0), so the duals are 2 on x + y ≤ 4, 1 on x ≤ 3 and 0 on the slack
  /// x + 3y ≤ 9 (activity 6).
  static func textbook() -> LinearProgram {
    var lp = LinearProgram()
    let x = lp.addVariable("x")
    let y = lp.addVariable("y")
    lp.addConstraint("capacity", [x: 1, y: 1], .atMost(4))
    lp.addConstraint("labour", [x: 1, y: 3], .atMost(9))
    lp.addConstraint("x cap", [x: 1], .atMost(3))
    lp.maximise([x: 3, y: 2])
    return lp
  }

  @Test(arguments: [false, true])
  func textbookOptimum(exact: Bool) throws {
    let solution = try Self.textbook().solve(exact: exact)
    #expect(solution.status == .optimal)
    #expect(solution.exact == exact)
    #expect(solution.objectiveValue == 11)
    #expect(solution.values == [3, 1])
    // Raising the capacity by δ moves the optimum by 2δ; the x cap by δ, by 1δ.
    #expect(abs(solution.duals[0] - 2) < 1e-12)
    #expect(abs(solution.duals[2] - 1) < 1e-12)
    #expect(solution.duals[1] == 0)
    #expect(abs(Self.textbook().activity(of: 1, at: solution.values) - 6) < 1e-12)
  }

  @Test func presolvedOptimumAgrees() throws {
    let solution = try Self.textbook().solve(presolve: true)
    #expect(solution.status == .optimal)
    #expect(solution.objectiveValue == 11)
    #expect(solution.values == [3, 1])
  }

  /// min x + y  s.t.  x − y = 1,  x free,  y ≥ −2,  constant 10: x = y + 1 so the objective is
  /// 2y + 11, least at y = −2, x = −1: value 7.
  @Test(arguments: [false, true])
  func freeVariablesEqualitiesAndConstant(exact: Bool) throws {
    var lp = LinearProgram()
    let x = lp.addVariable("x", .free)
    let y = lp.addVariable("y", .atLeast(-2))
    lp.addConstraint("link", [x: 1, y: -1], .equal(1))
    lp.minimise([x: 1, y: 1], constant: 10)
    let solution = try lp.solve(exact: exact)
    #expect(solution.status == .optimal)
    #expect(solution.objectiveValue == 7)
    #expect(solution.values == [-1, -2])
  }

  @Test func infiniteBoundsMeanNoBound() throws {
    var lp = LinearProgram()
    let x = lp.addVariable("x", LinearProgram.Bounds(lower: -.infinity, upper: .infinity))
    lp.addConstraint("range", [x: 2], LinearProgram.Bounds(lower: -.infinity, upper: 5))
    lp.maximise([x: 1])
    let solution = try lp.solve()
    #expect(solution.status == .optimal && solution.values == [2.5])
  }

  /// x + y ≤ 1 and x + y ≥ 2 cannot both hold.
  static func infeasible() -> LinearProgram {
    var lp = LinearProgram()
    let x = lp.addVariable("x")
    let y = lp.addVariable("y")
    lp.addConstraint("at most 1", [x: 1, y: 1], .atMost(1))
    lp.addConstraint("at least 2", [x: 1, y: 1], .atLeast(2))
    lp.maximise([x: 1])
    return lp
  }

  /// max x + y  s.t.  x − y ≤ 1: feasible, and x = y + 1 → ∞ improves without limit.
  static func unbounded() -> LinearProgram {
    var lp = LinearProgram()
    let x = lp.addVariable("x")
    let y = lp.addVariable("y")
    lp.addConstraint("gap", [x: 1, y: -1], .atMost(1))
    lp.maximise([x: 1, y: 1])
    return lp
  }

  /// Primal and dual both infeasible: x − y ≥ 1 and x − y ≤ 0, maximise x + y. The presolver can only
  /// say "no dual feasible solution", which must still come out as infeasible.
  static func primalAndDualInfeasible() -> LinearProgram {
    var lp = LinearProgram()
    let x = lp.addVariable("x")
    let y = lp.addVariable("y")
    lp.addConstraint("gap ≥ 1", [x: 1, y: -1], .atLeast(1))
    lp.addConstraint("gap ≤ 0", [x: 1, y: -1], .atMost(0))
    lp.maximise([x: 1, y: 1])
    return lp
  }

  @Test(arguments: [(false, false), (false, true), (true, false)])
  func infeasibleAndUnboundedAreStatuses(exact: Bool, presolve: Bool) throws {
    let infeasible = try Self.infeasible().solve(exact: exact, presolve: presolve)
    #expect(infeasible.status == .infeasible)
    #expect(infeasible.values.isEmpty && infeasible.objectiveValue == nil)
    let unbounded = try Self.unbounded().solve(exact: exact, presolve: presolve)
    #expect(unbounded.status == .unbounded)
    #expect(unbounded.values.isEmpty && unbounded.objectiveValue == nil)
    #expect(try Self.primalAndDualInfeasible().solve(exact: exact, presolve: presolve).status == .infeasible)
  }

  @Test(arguments: [false, true])
  func emptyAndUnconstrainedPrograms(exact: Bool) throws {
    // Nothing at all: the objective is its constant.
    let empty = try LinearProgram(objective: .init(.maximise, constant: 5)).solve(exact: exact)
    #expect(empty.status == .optimal && empty.objectiveValue == 5 && empty.values.isEmpty && empty.duals.isEmpty)
    // A constraint on no variable: 0 ≥ 1 is infeasible, 0 ≤ 1 holds.
    var impossible = LinearProgram()
    impossible.addConstraint("0 ≥ 1", [:], .atLeast(1))
    #expect(try impossible.solve(exact: exact).status == .infeasible)
    var trivial = LinearProgram()
    trivial.addConstraint("0 ≤ 1", [:], .atMost(1))
    #expect(try trivial.solve(exact: exact).status == .optimal)
    // Variables but no constraints: the bounds decide.
    var boxed = LinearProgram()
    let x = boxed.addVariable("x", .between(2, 5))
    boxed.minimise([x: 1])
    let boxedSolution = try boxed.solve(exact: exact)
    #expect(boxedSolution.status == .optimal && boxedSolution.values == [2] && boxedSolution.objectiveValue == 2)
    boxed.maximise([x: 1])
    #expect(try boxed.solve(exact: exact).values == [5])
    var free = LinearProgram()
    let z = free.addVariable("z", .free)
    free.maximise([z: 1])
    #expect(try free.solve(exact: exact).status == .unbounded)
  }

  /// max x s.t. 3x ≤ 1: the optimum 1/3 is not a double; exact gives the double nearest to it.
  @Test func exactRoundsTheRationalOptimumOnce() throws {
    var lp = LinearProgram()
    let x = lp.addVariable("x")
    lp.addConstraint("3x ≤ 1", [x: 3], .atMost(1))
    lp.maximise([x: 1])
    let solution = try lp.solve(exact: true)
    #expect(solution.exact && solution.values == [1.0 / 3])
  }

  @Test func fixedVariablesAndDoubleBoundedRows() throws {
    var lp = LinearProgram()
    let x = lp.addVariable("x", .equal(2))
    let y = lp.addVariable("y")
    lp.addConstraint("window", [x: 1, y: 1], .between(3, 7))
    lp.maximise([y: 1])
    #expect(try lp.solve().values == [2, 5])
    lp.minimise([y: 1])
    #expect(try lp.solve(exact: true).values == [2, 1])
  }

  /// Huge finite numbers are refused before GLPK sees them (GLPK aborted the process on −1e300 and
  /// misjudged 1e20 and 1e38: issue 20); tiny and subnormal ones are GLPK's to judge: whatever the
  /// status, the process survives and an optimal answer is checked.
  @Test(arguments: [false, true])
  func extremeFiniteNumbersDoNotCrash(exact: Bool) throws {
    var huge = LinearProgram()
    let hugeX = huge.addVariable("x", .between(-1e300, 1e300))
    huge.addConstraint("huge", [hugeX: 1e300], .atMost(1e300))
    huge.maximise([hugeX: 1])
    expectInvalid(huge, mentioning: ["variable 0 'x'", "lower bound -1e+300 exceeds ±1e12"])

    var lp = LinearProgram()
    let x = lp.addVariable("x", .between(-1e12, 1e12))
    let y = lp.addVariable("y")
    lp.addConstraint("tiny", [x: 1, y: 1e-300], .atMost(1))
    lp.addConstraint("subnormal", [x: .leastNonzeroMagnitude, y: 1], .atLeast(-1))
    lp.maximise([x: 1, y: 1e-200])
    let solution = try lp.solve(exact: exact)
    if solution.status == .optimal {
      #expect(solution.values[0] <= 1 + 1e-9)
    }
  }

  // MARK: - Bad input is an error naming the culprit, never a GLPK abort

  private func expectInvalid(_ lp: LinearProgram, mentioning words: [String]) {
    do {
      _ = try lp.solve()
      Issue.record("expected an invalid-input error mentioning \(words)")
    } catch let LabError.invalidInput(place, problem) {
      for word in words {
        #expect("\(place): \(problem)".contains(word), "\(place): \(problem) should mention \(word)")
      }
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func badInputIsReportedBeforeGLPKSeesIt() {
    var base = LinearProgram()
    let x = base.addVariable("apples")
    _ = base.addVariable("pears")
    base.addConstraint("budget", [x: 1], .atMost(1))

    var lp = base
    lp.constraints[0].coefficients[1] = .nan
    expectInvalid(lp, mentioning: ["budget", "pears", "nan"])
    lp = base
    lp.constraints[0].coefficients[0] = .infinity
    expectInvalid(lp, mentioning: ["budget", "apples", "not finite"])
    lp = base
    lp.constraints[0].coefficients[7] = 1
    expectInvalid(lp, mentioning: ["budget", "variable 7"])
    lp = base
    lp.constraints[0].coefficients[-1] = 1
    expectInvalid(lp, mentioning: ["budget", "variable -1"])
    lp = base
    lp.variables[1].bounds = .between(3, 2)
    expectInvalid(lp, mentioning: ["pears", "lower bound 3.0 exceeds upper bound 2.0"])
    lp = base
    lp.constraints[0].bounds = .between(1, 0)
    expectInvalid(lp, mentioning: ["budget", "exceeds"])
    lp = base
    lp.variables[0].bounds = .atLeast(.nan)
    expectInvalid(lp, mentioning: ["apples", "NaN"])
    lp = base
    lp.variables[0].bounds = .atLeast(.infinity)
    expectInvalid(lp, mentioning: ["apples", "+infinity"])
    lp = base
    lp.constraints[0].bounds = .atMost(-.infinity)
    expectInvalid(lp, mentioning: ["budget", "-infinity"])
    lp = base
    lp.maximise([5: 1])
    expectInvalid(lp, mentioning: ["objective", "variable 5"])
    lp = base
    lp.maximise([0: .nan])
    expectInvalid(lp, mentioning: ["objective", "apples"])
    lp = base
    lp.maximise([0: 1], constant: .infinity)
    expectInvalid(lp, mentioning: ["objective", "constant"])
  }

  // MARK: - Threads

  @Test func debianGLPKIsReentrant() {
    #expect(LinearProgramming.glpkVersion == "5.0")
    #expect(LinearProgramming.glpkThreadLocalStorage == "_Thread_local")
    #expect(LinearProgramming.isReentrant)
  }

  /// The same 40 programs (maxmin of random 3-player games, exact and not) solved by 8 threads at once,
  /// each thread solving all of them 10 times in a different order, give bit for bit the serial answers.
  @Test func concurrentSolvesMatchSerialOnes() throws {
    var generator = LPTestSupport.SplitMix(seed: 7)
    let games = (0..<20).map { _ in LPTestSupport.randomGame(players: 3, using: &generator) }
    let jobs = games.flatMap { game in [(game, false), (game, true)] }
    let serial = try jobs.map { try $0.0.maxmin(2, exact: $0.1) }
    final class Results: @unchecked Sendable {
      let lock = NSLock()
      var mismatches = 0
      var errors = 0
    }
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 8) { thread in
      for round in 0..<10 {
        for step in jobs.indices {
          let index = (step + 5 * thread + round) % jobs.count
          let outcome = try? jobs[index].0.maxmin(2, exact: jobs[index].1)
          results.lock.lock()
          if outcome == nil { results.errors += 1 } else if outcome != serial[index] { results.mismatches += 1 }
          results.lock.unlock()
        }
      }
    }
    #expect(results.errors == 0)
    #expect(results.mismatches == 0)
  }
}
