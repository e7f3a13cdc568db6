import Testing
@testable import SocialEnvironmentDesign

@Test func paperIsRegistered() {
  #expect(SocialEnvironmentDesign.paper.id == "SocialEnvironmentDesign")
  #expect(SocialEnvironmentDesign.paper.prefix == "sed")
}
