/// How the cells of a claim's grid are laid out.
///
/// - `single`: one cell, the base reading (the text leaves nothing relevant open);
/// - `product`: every combination of the readings' alternatives (and every size);
/// - `oneAtATime`: the base reading, and each alternative of each reading with the others at base
///   (for grids whose product is too large); every size with each.
public enum GridDesign: String, Sendable, Hashable {
  case single, product, oneAtATime
}

/// One cell of a grid: a value for each of a claim's readings and sizes.
public struct GridCell: Sendable, Hashable, CustomStringConvertible {
  /// The readings' values, in the claim's order.
  public let reading: [Assignment]
  /// The sizes' values, in the claim's order.
  public let size: [Assignment]

  /// A parameter name and its value in the cell.
  public struct Assignment: Sendable, Hashable {
    public let name: String
    public let value: ParameterValue
  }

  public init(reading: [Assignment], size: [Assignment]) {
    self.reading = reading
    self.size = size
  }

  /// The readings as a verdict-map setting.
  public var readingSetting: Setting { reading.map { SettingItem($0.name, $0.value.description) } }
  /// The sizes as a verdict-map setting.
  public var sizeSetting: Setting { size.map { SettingItem($0.name, $0.value.description) } }

  /// The value of `key` in this cell, if the cell sets it.
  public func value<V: ParameterRepresentable>(_ key: ParameterKey<V>) -> V? {
    (reading + size).first { $0.name == key.name }.flatMap { V(parameterValue: $0.value) }
  }

  public var description: String {
    let all = reading + size
    return all.isEmpty ? "base" : all.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
  }
}

/// The cells a claim is judged in, at a scale, around the base parameters.
public enum Grid {
  /// The cells of `claim`'s grid. A reading or size the user pinned with `--set` takes only its
  /// pinned value.
  public static func cells(of claim: Claim, readings: [Reading], sizes: [Size], base: Parameters, scale: Scale) -> [GridCell] {
    let readingAxes: [[GridCell.Assignment]] = claim.readings.map { name in
      let baseValue = base.value(named: name.name)
      guard !base.overridden.contains(name.name), let reading = readings.first(where: { $0.name == name.name }) else {
        return [GridCell.Assignment(name: name.name, value: baseValue)]
      }
      return reading.alternatives.map { GridCell.Assignment(name: name.name, value: $0.value) }
    }
    let sizeAxes: [[GridCell.Assignment]] = claim.sizes.map { name in
      guard !base.overridden.contains(name.name), let size = sizes.first(where: { $0.name == name.name }) else {
        return [GridCell.Assignment(name: name.name, value: base.value(named: name.name))]
      }
      return size.values(at: scale).map { GridCell.Assignment(name: name.name, value: $0) }
    }
    let baseReading = claim.readings.map { GridCell.Assignment(name: $0.name, value: base.value(named: $0.name)) }
    let readingCombinations: [[GridCell.Assignment]]
    switch claim.design {
    case .single: readingCombinations = [baseReading]
    case .product: readingCombinations = product(readingAxes)
    case .oneAtATime:
      var combinations = [baseReading]
      for (axis, alternatives) in readingAxes.enumerated() {
        for alternative in alternatives where alternative != baseReading[axis] {
          var combination = baseReading
          combination[axis] = alternative
          combinations.append(combination)
        }
      }
      readingCombinations = combinations
    }
    let sizeCombinations = product(sizeAxes)
    return readingCombinations.flatMap { reading in sizeCombinations.map { GridCell(reading: reading, size: $0) } }
  }

  /// Every combination of one element per axis, the first axis varying slowest.
  static func product<T>(_ axes: [[T]]) -> [[T]] {
    axes.reduce([[]]) { partial, axis in partial.flatMap { prefix in axis.map { prefix + [$0] } } }
  }
}

/// What the simulations of an experiment's cells returned: the base cell (the resolved parameters,
/// which produce the tables and figures) and every cell of every claim's grid.
public struct Outcomes<Outcome: Sendable>: Sendable {
  /// The outcome at the base parameters.
  public let base: Outcome
  let byCell: [GridCell: Outcome]
  let cellsByClaim: [String: [GridCell]]

  public init(base: Outcome, byCell: [GridCell: Outcome], cellsByClaim: [String: [GridCell]]) {
    self.base = base
    self.byCell = byCell
    self.cellsByClaim = cellsByClaim
  }

  /// The cells of `claim`'s grid with their outcomes, in grid order.
  public func cells(of claim: Claim) -> [(cell: GridCell, outcome: Outcome)] {
    (cellsByClaim[claim.id] ?? []).map { ($0, byCell[$0]!) }
  }
}
