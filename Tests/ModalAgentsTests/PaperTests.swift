import Testing
@testable import ModalAgents

@Test func paperIsRegistered() {
  #expect(ModalAgents.paper.id == "ModalAgents")
  #expect(ModalAgents.paper.prefix == "modal")
}
