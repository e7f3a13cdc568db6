import Foundation
import LabKit

/// A sharp infra-RDP drawn as a state diagram (SVG): its states in a row, and for each state and
/// action that does not return to s₀ an arrow labelled "action / B(s, action)" (B written as the set
/// of allowed observations, or O for all of them); every other (state, action) returns to s₀, which a
/// dashed arc from each state says once. Used for the lost figures of h_p and h_{p,l}
/// (§Password hypotheses); actions and observations are named symbolically by the caller.
struct StateDiagram {
  let rdp: SharpInfraRDP
  let stateNames: [String]
  let actionNames: [String]
  let observationNames: [String]
  let title: String

  private static let spacing = 130.0, radius = 24.0, top = 70.0

  /// The SVG text (deterministic: fixed layout, numbers with at most two decimals).
  var svg: String {
    let count = rdp.stateCount
    let width = Double(count) * Self.spacing + 80, height = 250.0
    let y = 125.0
    func x(_ s: Int) -> Double { 60 + Double(s) * Self.spacing }
    func f(_ v: Double) -> String { String(format: "%.2f", v) }
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="13">
      <title>\(Self.escape(title))</title>
      <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333"/></marker></defs>
      <text x="\(f(width / 2))" y="24" text-anchor="middle" font-size="15">\(Self.escape(title))</text>

      """
    let all = Set(0..<rdp.observationCount)
    for s in 0..<count {
      for a in 0..<rdp.actionCount {
        let allowed = rdp.possibleObservations(state: s, action: a)
        let targets = Set(allowed.map { rdp.nextState(s, a, $0) })
        guard targets.count == 1, let t = targets.first, t != 0 else { continue }
        let label = actionNames[a] + " / " + (Set(allowed) == all ? "O" : "{" + allowed.map { observationNames[$0] }.joined(separator: ", ") + "}")
        if t == s {
          // A self-loop above the state.
          out +=
            "<path d=\"M \(f(x(s) - 12)) \(f(y - Self.radius + 4)) C \(f(x(s) - 30)) \(f(y - 75)), \(f(x(s) + 30)) \(f(y - 75)), \(f(x(s) + 12)) \(f(y - Self.radius + 4))\" fill=\"none\" stroke=\"#333\" marker-end=\"url(#arrow)\"/>\n"
          out += "<text x=\"\(f(x(s)))\" y=\"\(f(y - 66))\" text-anchor=\"middle\">\(Self.escape(label))</text>\n"
        } else if t == s + 1 {
          out +=
            "<line x1=\"\(f(x(s) + Self.radius))\" y1=\"\(f(y))\" x2=\"\(f(x(t) - Self.radius))\" y2=\"\(f(y))\" stroke=\"#333\" marker-end=\"url(#arrow)\"/>\n"
          out += "<text x=\"\(f((x(s) + x(t)) / 2))\" y=\"\(f(y - 8))\" text-anchor=\"middle\">\(Self.escape(label))</text>\n"
        } else {
          // A jump (back into the deal loop, or forward): an arc above.
          let lift = 40 + 12 * Double(abs(t - s))
          out +=
            "<path d=\"M \(f(x(s))) \(f(y - Self.radius)) C \(f(x(s))) \(f(y - Self.radius - lift)), \(f(x(t))) \(f(y - Self.radius - lift)), \(f(x(t))) \(f(y - Self.radius))\" fill=\"none\" stroke=\"#333\" marker-end=\"url(#arrow)\"/>\n"
          out +=
            "<text x=\"\(f((x(s) + x(t)) / 2))\" y=\"\(f(y - Self.radius - 0.75 * lift - 4))\" text-anchor=\"middle\">\(Self.escape(label))</text>\n"
        }
      }
      if s > 0 {
        // Every other action (and any observation outside B) returns to s₀.
        out +=
          "<path d=\"M \(f(x(s))) \(f(y + Self.radius)) C \(f(x(s))) \(f(y + Self.radius + 30 + 8 * Double(s))), \(f(x(0))) \(f(y + Self.radius + 30 + 8 * Double(s))), \(f(x(0))) \(f(y + Self.radius))\" fill=\"none\" stroke=\"#999\" stroke-dasharray=\"4 3\" marker-end=\"url(#arrow)\"/>\n"
      }
    }
    for s in 0..<count {
      out += "<circle cx=\"\(f(x(s)))\" cy=\"\(f(y))\" r=\"\(f(Self.radius))\" fill=\"#eef5fb\" stroke=\"#333\"/>\n"
      out += "<text x=\"\(f(x(s)))\" y=\"\(f(y + 5))\" text-anchor=\"middle\">\(Self.escape(stateNames[s]))</text>\n"
    }
    out +=
      "<text x=\"\(f(width / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\" fill=\"#666\">dashed: any other action returns to s₀ (B = O on the way, except where shown)</text>\n"
    return out + "</svg>\n"
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
  }

  /// h_p for the password p₁p₂p₃ and the Pareto-optimal profile (a_i, a₋ᵢ) (§Password hypotheses),
  /// with symbolic actions p₁, p₂, p₃, a_i and observations a₋ᵢ, other.
  static func simplePassword() throws -> StateDiagram {
    let rdp = try SharpInfraRDP.simplePassword([0, 1, 2], paretoAction: 3, paretoObservation: 0, actionCount: 4, observationCount: 2)
    return StateDiagram(
      rdp: rdp, stateNames: ["s₀", "s₁", "s₂", "s₃"], actionNames: ["p₁", "p₂", "p₃", "aᵢ"], observationNames: ["a₋ᵢ", "other"],
      title: "h_p, p = p₁p₂p₃: after the password, B(s₃, aᵢ) = {a₋ᵢ}")
  }

  /// h_{p,l} for p = p₁p₂p₃ and l = a⁽¹⁾a⁽²⁾ (§Password hypotheses), with symbolic actions.
  static func passwordWithLoop() throws -> StateDiagram {
    let rdp = try SharpInfraRDP.password(
      [0, 1, 2], loop: [(action: 3, observation: 0), (action: 4, observation: 1)], actionCount: 5, observationCount: 3)
    return StateDiagram(
      rdp: rdp, stateNames: ["s₀", "s₁", "s₂", "l₁", "l₂"], actionNames: ["p₁", "p₂", "p₃", "a⁽¹⁾ᵢ", "a⁽²⁾ᵢ"],
      observationNames: ["a⁽¹⁾₋ᵢ", "a⁽²⁾₋ᵢ", "other"], title: "h_{p,l}, p = p₁p₂p₃, l = a⁽¹⁾a⁽²⁾: the deal loop l₁ → l₂ → l₁")
  }
}
