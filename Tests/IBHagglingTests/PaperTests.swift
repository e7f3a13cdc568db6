import Testing

@testable import IBHaggling

@Test func paperIsRegistered() {
  #expect(IBHaggling.paper.id == "IBHaggling")
  #expect(IBHaggling.paper.documentPath == "Papers/IBHaggling.md")
}
