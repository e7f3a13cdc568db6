import Testing

@testable import LabKit

/// The inline taus2 stream against GSL, draw by draw.
@Test func taus2StreamReproducesGSLDrawForDraw() {
  let reference = Random(seed: 12345, algorithm: .taus2)
  let source = Random(seed: 12345, algorithm: .taus2)
  var stream = Taus2Stream(source)
  for k in 0..<10_000 {
    if k % 3 == 0 {
      let n = 1 + k % 7
      #expect(stream.index(below: n) == reference.index(below: n))
    } else {
      #expect(stream.uniform() == reference.uniform())
    }
  }
  // Writing the state back continues GSL's stream exactly.
  stream.store(into: source)
  for _ in 0..<100 { #expect(source.uniform() == reference.uniform()) }
}
