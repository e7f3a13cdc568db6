import Foundation

/// `Tests/Fixtures/similarity-cooperation`, found from this file's real location: symlinks are resolved
/// (the scratch package links this folder in), then the folders above are searched.
enum FixtureSupport {
  static let folder: URL = {
    var folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.pathComponents.count > 1 {
      let candidate = folder.appendingPathComponent("Fixtures").appendingPathComponent("similarity-cooperation")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    preconditionFailure("Tests/Fixtures/similarity-cooperation not found above \(#filePath)")
  }()

  /// The fixture made by `make_threshold_fixture.py` (scipy/numpy, independent of the Swift code).
  struct ThresholdFixture: Decodable {
    struct ProfileMap: Decodable {
      let noise: String
      let scale: Double
      let gain: Double
      let tolerance: Double
      let grid: [Double]
      let equilibria: [[Double]]
    }
    struct Frontier: Decodable {
      let gain: Double
      let theta: Double
      let cooperation: Double
    }
    struct Repeated: Decodable {
      struct Row: Decodable {
        let profile: String
        let payoffs: [Double]
        let deviationGains: [Double]
      }
      let gain: Double
      let discount: Double
      let profiles: [Row]
    }
    let profileMaps: [ProfileMap]
    let gaussianFrontier: [Frontier]
    let repeated: Repeated
  }

  static let threshold: ThresholdFixture = {
    let data = try! Data(contentsOf: folder.appendingPathComponent("threshold_fixture.json"))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try! decoder.decode(ThresholdFixture.self, from: data)
  }()
}
