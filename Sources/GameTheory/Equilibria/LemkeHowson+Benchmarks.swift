import LabKit

extension NormalFormGame {
  /// Throughput of Lemke–Howson, in equilibria per second: one path (label 0) per game, in floating
  /// point, on random square games whose payoffs come from the Park–Miller generator
  /// x ↦ 48271·x mod (2³¹ − 1), seed 1, payoff x / (2³¹ − 1), row player's matrix then the column
  /// player's, row-major. `Tests/Fixtures/nashpy/benchmark_lemke_howson.py` builds the same games
  /// bit for bit and times nashpy's `lemke_howson` on them (`make bench` runs both, A B A B).
  /// Targets (issue 21): ≤ 10 ms per equilibrium on 15×15, ≤ 1 s on 50×50.
  public static let lemkeHowsonBenchmarks: [Benchmark] = [
    lemkeHowsonBenchmark(size: 15, games: 100),
    lemkeHowsonBenchmark(size: 50, games: 20),
    lemkeHowsonBenchmark(size: 15, games: 100, arithmetic: .exact),
  ]

  /// `count` square games of `size` actions from one Park–Miller stream (seed 1).
  public static func parkMillerGames(size: Int, count: Int) -> [NormalFormGame] {
    var state: UInt64 = 1
    func next() -> Double {
      state = state * 48271 % 2_147_483_647
      return Double(state) / 2_147_483_647
    }
    return (0..<count).map { _ in
      let rows = (0..<(size * size)).map { _ in next() }
      let columns = (0..<(size * size)).map { _ in next() }
      let names = NormalFormGame.defaultActionNames(size)
      return NormalFormGame(actions: [names, names]) { [rows[$0[0] * size + $0[1]], columns[$0[0] * size + $0[1]]] }
    }
  }

  private static func lemkeHowsonBenchmark(
    size: Int, games count: Int, arithmetic: PivotArithmetic = .floatingPoint
  )
    -> Benchmark
  {
    let games = parkMillerGames(size: size, count: count)
    let exact = arithmetic == .exact
    return Benchmark(
      id: "game.lemke-howson.\(size)x\(size)\(exact ? ".exact" : "")",
      summary: "Lemke–Howson\(exact ? " in exact integer arithmetic" : ""), label 0, on \(count) random \(size)×\(size) games",
      unit: "equilibria", count: count
    ) { n in
      var checksum = 0.0
      for index in 0..<n {
        let search = games[index % games.count].lemkeHowson(scope: .label(0), arithmetic: arithmetic)
        checksum += search.equilibria.first?.payoffs[0] ?? .nan
      }
      return checksum
    }
  }
}
