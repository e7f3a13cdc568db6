import Testing
@testable import SimilarityCooperation

@Test func paperIsRegistered() {
  #expect(SimilarityCooperation.paper.id == "SimilarityCooperation")
  #expect(SimilarityCooperation.paper.prefix == "sbc")
}
