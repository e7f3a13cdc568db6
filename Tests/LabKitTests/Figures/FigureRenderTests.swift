import Foundation
import Testing

@testable import LabKit

/// Every figure renders with rsvg-convert (librsvg) to a non-empty PNG.
///
/// Without /usr/bin/rsvg-convert the tests are skipped, with that reason recorded, except under CI
/// (the CI environment variable set), where the missing renderer is a failure.
@Suite("Figures: rendering with rsvg-convert")
struct FigureRenderTests {
  @Test(
    "renders to PNG",
    .enabled(
      if: FigureRenderer.rsvgAvailable || FigureRenderer.isCI,
      "rsvg-convert not found at /usr/bin/rsvg-convert (install librsvg2-bin); skipped outside CI"),
    arguments: FigureSample.all)
  func renders(sample: FigureSample) throws {
    try #require(FigureRenderer.rsvgAvailable, "rsvg-convert is required under CI: apt-get install librsvg2-bin")
    let parts = sample.make().components(separatedBy: "<?xml ").filter { !$0.isEmpty }.map { "<?xml " + $0 }
    for (index, part) in parts.enumerated() {
      let name = parts.count == 1 ? sample.name : "\(sample.name)-\(index)"
      let result = try FigureRenderer.render(part, name: name)
      #expect(result.status == 0, "rsvg-convert failed on \(name): \(result.standardError)")
      #expect(result.png.count > 1000, "PNG of \(name) is \(result.png.count) bytes")
      #expect(result.png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
      #expect(result.standardError.isEmpty, "rsvg-convert complained about \(name): \(result.standardError)")
    }
  }
}
