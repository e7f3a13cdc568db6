import LabKit

/// The map of the Apple Picking Game: Melting Pot's `commons_harvest__open` as modified in the
/// Founding-Zero fork the paper's code runs on (notes §2.1): 24 × 18 cells with the wall border,
/// 64 apple cells `A`, 60 spawn cells `P` and two "inside" spawn cells `Q` where players 0 and 1 start.
public struct HarvestMap: Sendable, Equatable {
  /// Rows top to bottom: `W` wall, `A` apple (on grass), `P` spawn, `Q` inside spawn, space grass.
  public let rows: [String]
  public let width: Int
  public let height: Int
  /// How many copies of the base map it is made of (1 for the paper's map).
  public let tiles: Int
  /// The size of one copy of the base map.
  let tileWidth: Int, tileHeight: Int
  /// For tile t, its `Q` cells (row-major (x, y)) then its `P` cells.
  let insideSpawns: [[(x: Int, y: Int)]]
  let spawns: [[(x: Int, y: Int)]]

  public static func == (a: HarvestMap, b: HarvestMap) -> Bool { a.rows == b.rows && a.tiles == b.tiles }

  /// The SED map (notes §2.1; Founding-Zero/meltingpot `commons_harvest__open.py` @ de03a7d).
  public static let commonsHarvestOpen = try! HarvestMap(rows: [
    "WWWWWWWWWWWWWWWWWWWWWWWW",
    "WAAA    A      A    AAAW",
    "WAA    AAA    AAA    AAW",
    "WA    AAAAA  AAAAA    AW",
    "W      AAA    AAA      W",
    "W       A      A       W",
    "W  A                A  W",
    "W AAA  Q        Q  AAA W",
    "WAAAAA            AAAAAW",
    "W AAA              AAA W",
    "W  A                A  W",
    "W                      W",
    "W                      W",
    "W                      W",
    "W  PPPPPPPPPPPPPPPPPP  W",
    "W PPPPPPPPPPPPPPPPPPPP W",
    "WPPPPPPPPPPPPPPPPPPPPPPW",
    "WWWWWWWWWWWWWWWWWWWWWWWW",
  ])

  /// A map from rows; every row must have the same length and only the characters W, A, P, Q and space.
  public init(rows: [String], tileWidth: Int? = nil, tileHeight: Int? = nil) throws {
    guard let first = rows.first, !first.isEmpty else {
      throw LabError.invalidInput(place: "HarvestMap", problem: "the map has no rows")
    }
    for (y, row) in rows.enumerated() {
      guard row.count == first.count else {
        throw LabError.invalidInput(place: "HarvestMap row \(y + 1)", problem: "has \(row.count) cells, the first row \(first.count)")
      }
      if let bad = row.first(where: { !"WAPQ ".contains($0) }) {
        throw LabError.invalidInput(place: "HarvestMap row \(y + 1)", problem: "unknown cell '\(bad)'; allowed: W, A, P, Q, space")
      }
    }
    self.rows = rows
    width = first.count
    height = rows.count
    let tw = tileWidth ?? width, th = tileHeight ?? height
    self.tileWidth = tw
    self.tileHeight = th
    let across = width / tw
    tiles = across * (height / th)
    var inside = [[(x: Int, y: Int)]](repeating: [], count: tiles)
    var outside = [[(x: Int, y: Int)]](repeating: [], count: tiles)
    for (y, row) in rows.enumerated() {
      for (x, c) in row.enumerated() {
        let tile = (y / th) * across + x / tw
        if c == "Q" { inside[tile].append((x, y)) }
        if c == "P" { outside[tile].append((x, y)) }
      }
    }
    insideSpawns = inside
    spawns = outside
  }

  /// `across` × `down` copies of this map side by side, for the scaling experiment: the map grows
  /// in proportion to the number of players (7 per copy keeps the paper's density).
  public func tiled(across: Int, down: Int) throws -> HarvestMap {
    guard across >= 1, down >= 1 else {
      throw LabError.invalidInput(place: "HarvestMap.tiled", problem: "need at least one copy each way, got \(across) × \(down)")
    }
    var out: [String] = []
    for _ in 0..<down { for row in rows { out.append(String(repeating: row, count: across)) } }
    return try HarvestMap(rows: out, tileWidth: width, tileHeight: height)
  }

  /// The same map with every apple cell `A` turned to grass: an orchard where no apple ever grows
  /// (regrowth needs live neighbours, and there are none). The control of `sed.stackelberg-check`
  /// plays on it, where every profile and schedule gives every player 0 apples.
  public func withoutApples() throws -> HarvestMap {
    try HarvestMap(rows: rows.map { String($0.map { $0 == "A" ? " " : $0 }) }, tileWidth: tileWidth, tileHeight: tileHeight)
  }

  /// The number of apple cells.
  public var appleCells: Int { rows.reduce(0) { $0 + $1.filter { $0 == "A" }.count } }
}
