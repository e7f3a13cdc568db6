import Foundation
import LabKit
import Testing

@testable import ModalAgents

/// Input that used to overflow the stack or run for minutes gets a clear error instead (issue 20):
/// ~12,800 nested '(' , 65,000 '~', chains of 65,000 '->' or '&', and stacked [1000000] boxes.
@Suite struct DepthAndCostLimitTests {
  static func parseError(_ text: String) -> ModalParseError? {
    do {
      _ = try ModalParser.parse(text)
      return nil
    } catch { return error }
  }

  @Test(arguments: [
    ("nested parentheses", String(repeating: "(", count: 12_800) + "them(me)" + String(repeating: ")", count: 12_800)),
    ("negations", String(repeating: "~", count: 65_000) + "them(me)"),
    ("boxes", String(repeating: "[](", count: 10_700) + "them(me)" + String(repeating: ")", count: 10_700)),
    ("an implication chain", Array(repeating: "them(me)", count: 65_000).joined(separator: " -> ")),
    ("a conjunction chain", Array(repeating: "them(me)", count: 65_000).joined(separator: " & ")),
    ("a biconditional chain", Array(repeating: "p", count: 65_000).joined(separator: " <-> ")),
  ])
  func deepFormulasAreRefusedWithAColumn(name: String, text: String) throws {
    let error = try #require(Self.parseError(text), "\(name) parsed")
    #expect(error.message.contains("the formula nests more than 500 levels deep"), "\(name): \(error)")
    #expect(error.column > 1 && error.column <= text.count)
  }

  @Test func formulasWithinTheLimitParse() throws {
    let nested = String(repeating: "(", count: 499) + "them(me)" + String(repeating: ")", count: 499)
    #expect(try ModalParser.parse(nested) == .them)
    let chain = Array(repeating: "them(me)", count: 400).joined(separator: " & ")
    #expect(try ModalParser.parse(chain).size == 799)
    let negations = String(repeating: "~", count: 400) + "them(me)"
    #expect(try ModalParser.parse(negations) == (0..<400).reduce(ModalFormula.them) { formula, _ in .not(formula) })
  }

  @Test func anAgentFileOfDeepFormulasGivesFileLineAndColumn() throws {
    let text = "A = " + String(repeating: "~", count: 20_000) + "[]them(me)\n"
    do {
      _ = try AgentFile(text: text, fileName: "deep.txt")
      Issue.record("a 20,000-deep agent was accepted")
    } catch let error as LabError {
      #expect("\(error)".hasPrefix("deep.txt:1:506: the formula nests more than 500 levels deep"), "\(error)")
    }
  }

  @Test func stackedMillionBoxesAreRefusedQuickly() throws {
    let formula = String(repeating: "[1000000]", count: 300) + "them(me)"
    let start = Date()
    do {
      _ = try ModalCommandLine.matrix(fileText: "A = \(formula)\n", fileName: "boxes.txt", format: .text)
      Issue.record("300 stacked [1000000] boxes were evaluated")
    } catch let error as LabError {
      #expect("\(error)".contains("more than the limit of 50000000 node evaluations"), "\(error)")
    }
    #expect(Date().timeIntervalSince(start) < 5)
  }
}
