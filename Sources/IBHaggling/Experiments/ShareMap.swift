import LabKit

/// A claim judged on the share of runs passing a test, in every cell of its grid: one verdict per
/// cell (95% Wilson interval against the bar) and, for a claim over sizes, one ``Trend`` per reading
/// (the fitted limit as the size grows, on the runs' 0/1 outcomes, against the same bar).
struct ShareMap {
  let map: VerdictMap
  /// "deals=literal, maximumStates=4: holds (0.98 [0.95, 0.99]); …".
  let cellsDescribed: String
  /// "deals=literal: fitted limit … over maximumStates = 4, 5, 6, 7; …", or "" without trends.
  let trendsDescribed: String

  /// - Parameters:
  ///   - cells: each cell with its runs' outcomes (true when the run passes) and its size value.
  ///   - sizeName: the size knob's name; trends are fitted when a reading has at least three sizes.
  init(design: GridDesign, cells: [(cell: GridCell, size: Double, passes: [Bool])], sizeName: String?, bar: Bar) throws {
    var mapCells: [VerdictMap.Cell] = []
    for entry in cells {
      let interval = try wilson(entry.passes.filter { $0 }.count, entry.passes.count)
      mapCells.append(.init(reading: entry.cell.readingSetting, size: entry.cell.sizeSetting, interval: interval, bar: bar, n: entry.passes.count))
    }
    var trends: [Trend] = []
    if let sizeName {
      var order: [String] = []
      var byReading: [String: (setting: Setting, observations: [(size: Double, value: Double)])] = [:]
      for entry in cells {
        let key = VerdictMap.describe(entry.cell.readingSetting)
        if byReading[key] == nil {
          order.append(key)
          byReading[key] = (entry.cell.readingSetting, [])
        }
        byReading[key]!.observations += entry.passes.map { (size: entry.size, value: $0 ? 1 : 0) }
      }
      for key in order where Set(byReading[key]!.observations.map(\.size)).count >= 3 {
        trends.append(
          try Trend(
            reading: byReading[key]!.setting, sizeName: sizeName, observations: byReading[key]!.observations, statistic: .limit, bar: bar,
            validRange: 0...1))
      }
    }
    map = VerdictMap(design: design, cells: mapCells, trends: trends)
    cellsDescribed = ShareMap.describe(mapCells)
    trendsDescribed = trends.map { VerdictMap.describe($0.reading) + ": " + $0.described + ": " + $0.verdict.rawValue }.joined(separator: "; ")
  }

  /// Cells in words: "deals=literal, maximumStates=4: holds (0.980 [0.950, 0.990])".
  static func describe(_ cells: [VerdictMap.Cell]) -> String {
    cells.map { cell in
      let estimate =
        cell.estimate.map {
          " (\(DecimalFormat.fixed($0, digits: 3))"
            + (cell.lower.map { l in " [\(DecimalFormat.fixed(l, digits: 3)), \(DecimalFormat.fixed(cell.upper!, digits: 3))]" } ?? "") + ")"
        } ?? ""
      return VerdictMap.describe(cell.reading + cell.size) + ": " + cell.verdict.rawValue + estimate
    }.joined(separator: "; ")
  }
}
