/// §3.1 of Numerical Politics: "expected quality of the meta-game […] for a given state". The toolkit
/// computes the part of it an agent can know without knowing anyone else: the value V*(ψ) of a body
/// that lives alone, choosing each time step between eating (any of the meal choices) and doing
/// nothing, solved exactly by value iteration on a grid, since an agent knows its own body's physics:
///
///     V*(ψ) = max over games g of  W(ψ'_g) + γ V*(ψ'_g),   ψ'_g the body after game g and its time step.
///
/// Learning is kept for what an agent cannot know, the other agents (the Q-functions of its ties).
///
/// The grid: land 0, 1/4, …, 1 (one body works at most one unit of land, so land beyond 1 is worth
/// nothing to a body alone: only someone else's labour makes it yield), corn 0, 1, …, `cornCap` meals,
/// hunger 0, 1, …, h_max; values between grid points are interpolated multilinearly and values beyond
/// the caps are clamped to them.
///
/// From V* the agent values its options at a decision point ψ:
/// - doing nothing: N(ψ) = W(step ψ) + γ V*(step ψ);
/// - eating: E(ψ) = max over the meal choices m of W(step(eat(harvest ψ, m))) + γ V*(step(eat(harvest ψ, m)));
/// - the body's worth D(ψ) = max(E(ψ), N(ψ)): the best it can do alone, the yardstick of every gain and
///   loss in an encounter (a gift of labour raises D through a bigger harvest, if the agent has the
///   land to use it).
public struct BodyValue: Sendable {
  public let rules: BodyRules
  public let discount: Double
  /// Corn in meals beyond which more corn is not worth more.
  public let cornCap: Int
  let landSteps = 4
  let hungerLevels: Int
  /// V* on the grid, index (land · (cornCap + 1) + corn) · hungerLevels + hunger.
  public private(set) var grid: [Double]
  public private(set) var iterations = 0

  /// Solves V* by value iteration until the largest change is below `tolerance`.
  public init(rules: BodyRules, discount: Double, cornCap: Int = 40, tolerance: Double = 1e-9) {
    precondition(discount >= 0 && discount < 1, "BodyValue: the discount must be in [0, 1)")
    self.rules = rules
    self.discount = discount
    self.cornCap = cornCap
    hungerLevels = Int(rules.maximumHunger.rounded(.up)) + 1
    grid = Array(repeating: 0, count: (landSteps + 1) * (cornCap + 1) * hungerLevels)
    var change = Double.infinity
    while change > tolerance && iterations < 100_000 {
      change = 0
      var next = grid
      for land in 0...landSteps {
        for corn in 0...cornCap {
          for hunger in 0..<hungerLevels {
            let body = FeudalBody(land: Double(land) / Double(landSteps), corn: Double(corn) * rules.grainsPerMeal, labour: 1, hunger: Double(hunger))
            let v = max(eatValue(body).value, nothingValue(body))
            let k = index(land, corn, hunger)
            change = max(change, abs(v - grid[k]))
            next[k] = v
          }
        }
      }
      grid = next
      iterations += 1
    }
  }

  @inline(__always)
  func index(_ land: Int, _ corn: Int, _ hunger: Int) -> Int { (land &* (cornCap &+ 1) &+ corn) &* hungerLevels &+ hunger }

  /// V*(ψ) for a body after a time step (labour 1, no pain), interpolated on the grid.
  @inline(__always)
  public func value(_ body: FeudalBody) -> Double {
    let x = min(max(body.land, 0), 1) * Double(landSteps)
    let y = min(max(body.corn / rules.grainsPerMeal, 0), Double(cornCap))
    let z = min(max(body.hunger, 0), Double(hungerLevels - 1))
    let x0 = min(Int(x), landSteps - 1), y0 = min(Int(y), cornCap - 1), z0 = min(Int(z), hungerLevels - 2)
    let fx = x - Double(x0), fy = y - Double(y0), fz = z - Double(z0)
    var total = 0.0
    for dx in 0...1 {
      let wx = dx == 0 ? 1 - fx : fx
      if wx == 0 { continue }
      for dy in 0...1 {
        let wy = dy == 0 ? 1 - fy : fy
        if wy == 0 { continue }
        for dz in 0...1 {
          let wz = dz == 0 ? 1 - fz : fz
          if wz == 0 { continue }
          total += wx * wy * wz * grid[index(x0 + dx, y0 + dy, z0 + dz)]
        }
      }
    }
    return total
  }

  /// N(ψ): the value of doing nothing this game.
  @inline(__always)
  public func nothingValue(_ body: FeudalBody) -> Double {
    var next = rules.step(body)
    let reward = rules.wellbeing(next)
    next.pain = 0
    return reward + discount * value(next)
  }

  /// E(ψ) and the meal choice that attains it (the first in `rules.mealChoices` order on ties).
  @inline(__always)
  public func eatValue(_ body: FeudalBody) -> (value: Double, meals: Double) {
    let harvested = rules.harvest(body)
    var best = -Double.infinity, bestMeals = 0.0
    for meals in rules.mealChoices {
      var next = rules.step(rules.eat(harvested, meals: meals))
      let reward = rules.wellbeing(next)
      next.pain = 0
      let v = reward + discount * value(next)
      if v > best { best = v; bestMeals = meals }
    }
    return (best, bestMeals)
  }

  /// D(ψ) = max(E(ψ), N(ψ)): the body's worth at a decision point.
  @inline(__always)
  public func worth(_ body: FeudalBody) -> Double {
    max(eatValue(body).value, nothingValue(body))
  }
}
