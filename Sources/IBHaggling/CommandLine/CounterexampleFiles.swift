import GameTheory
import LabKit

extension IBHagglingCommandLine {
  /// What `reproduce ibh counterexamples` writes: the counterexample games of `ibh.two-player-cycles`
  /// ranked by robustness (the table `ibh.random-two-player.robust` of a `results.json`), each as a
  /// Gambit `.nfg` file `counterexample-KK.nfg` whose comment says where it came from and how to rerun
  /// it (`reproduce ibh haggle FILE --states N`). Each game is drawn again from its stream (the run's
  /// seed, "ibh.random-two-player/<size>x<size>/games", its index), so the file is the game the run
  /// played.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` when the JSON lacks the experiment, its seed,
  ///   `payoffMax` or the table, or a row is malformed.
  public static func counterexampleFiles(resultsJSON text: String, source: String) throws -> [(name: String, nfg: String)] {
    let json = try JSONValue.parse(text, source: source)
    func fail(_ problem: String) -> LabError { LabError.invalidInput(place: source, problem: problem) }
    guard let seed = json["seed"]?.numberValue.map({ UInt64($0) }),
      let experiment = json["experiments"]?.arrayValue?.first(where: { $0["id"]?.stringValue == "ibh.random-two-player" })
    else { throw fail("no seed or no experiment ibh.random-two-player") }
    guard let payoffMax = experiment["parameters"]?["payoffMax"]?.numberValue.map({ Int($0) }) else { throw fail("no parameter payoffMax") }
    guard let table = experiment["tables"]?.arrayValue?.first(where: { $0["id"]?.stringValue == "ibh.random-two-player.robust" }),
      let columns = table["columns"]?.arrayValue?.compactMap(\.stringValue), let rows = table["rows"]?.arrayValue
    else { throw fail("no table ibh.random-two-player.robust (rerun ibh.random-two-player)") }
    func column(_ name: String) throws -> Int {
      guard let index = columns.firstIndex(of: name) else { throw fail("the robustness table has no column \"\(name)\"") }
      return index
    }
    let (rankColumn, sizeColumn, gameColumn, statesColumn, payoffsColumn, runColumn) = (
      try column("rank"), try column("size"), try column("game"), try column("N of the farthest run"), try column("payoffs"),
      try column("farthest run")
    )
    return try rows.enumerated().map { k, row in
      guard let cells = row.arrayValue, let rank = cells[rankColumn].numberValue, let size = cells[sizeColumn].numberValue,
        let game = cells[gameColumn].numberValue, let states = cells[statesColumn].numberValue, (2...3).contains(Int(size)), game >= 1
      else { throw fail("row \(k + 1) of the robustness table is malformed") }
      let drawn = RandomTwoPlayerExperiment.game(size: Int(size), index: Int(game) - 1, payoffMax: payoffMax, seed: seed)
      let name = "counterexample-" + (rank < 10 ? "0" : "") + "\(Int(rank)).nfg"
      let comment =
        "ibh.two-player-cycles counterexample \(Int(rank)) (by robustness): \(Int(size)) x \(Int(size)) game \(Int(game)) of seed \(seed), payoffs of the stable cycle \(cells[payoffsColumn].stringValue ?? "?"). "
        + "Rerun: reproduce ibh haggle \(name) --states \(Int(states)). Run: \(cells[runColumn].stringValue ?? "?")"
      return (name, drawn.gambitNFG(title: "ibh.two-player-cycles counterexample \(Int(rank))", comment: comment))
    }
  }
}
