import Foundation
import LabKit

/// Chapter 3 of Numerical Politics: an agent's body. "Agents can own land, corn and labour", "have
/// bodily hunger", and at the end of each self-initiated game "an agent's body goes through a
/// timestep (labour is reset to 1, hunger goes up)".
///
/// Corn is counted in grains, as the text's `corn += 100 * min(land, labour)` suggests; one *meal*
/// is 80 grains, so one unit of land worked by one unit of labour yields 1.25 meals while a body needs
/// one per time step (see ``BodyRules/grainsPerMeal``).
public struct FeudalBody: Sendable, Equatable {
  public var land: Double
  public var corn: Double
  public var labour: Double
  /// Hunger, in meals not yet eaten (0 = sated).
  public var hunger: Double
  /// Pain from being hit (and effort spent hitting) since the last time step.
  public var pain: Double

  public init(land: Double = 1, corn: Double = 0, labour: Double = 1, hunger: Double = 0, pain: Double = 0) {
    self.land = land
    self.corn = corn
    self.labour = labour
    self.hunger = hunger
    self.pain = pain
  }
}

/// The body's physics: every constant chapter 3 leaves open, with the toolkit's default (each is a
/// parameter of `np.ch3-feudalism`).
public struct BodyRules: Sendable, Equatable {
  /// Grains per unit of min(land, labour) at an eat game (text: 100).
  public var yieldPerUnit: Double = 100
  /// Returns to scale of a farm: the harvest is `yieldPerUnit · min(land, labour)^landReturns`. The
  /// text's `corn += 100 * min(land, labour)` is 1 (constant returns); above 1 a large estate worked by
  /// many hands yields more per unit than a smallholding, the classic economic argument for manors
  /// (a reading of `np.ch3-feudalism`, added for issue 13; see Papers/NumericalPolitics.md §5.2).
  public var landReturns: Double = 1
  /// Grains in a meal: eating one meal lowers hunger by 1. At 80, a farmer working its own unit of
  /// land harvests a quarter more than it needs: a missed harvest can be made up, slowly, and every
  /// quarter unit of land matters (below 0.8 units a body alone goes hungry). At 100 a farmer only
  /// breaks even, so every game not spent eating leaves a hunger debt that can never be repaid; at
  /// 50 land beyond half a unit is worth almost nothing to a body alone, and agents give it away.
  public var grainsPerMeal: Double = 80
  /// Hunger added by a time step (one meal's worth).
  public var hungerPerStep: Double = 1
  /// Hunger stops rising here (the text models no death; a cap keeps values finite).
  public var maximumHunger: Double = 10
  /// The amounts (in meals) an agent may choose to eat at an eat game; it eats what it has if less.
  public var mealChoices: [Double] = [0, 1, 2, 3]
  /// Land handed over by one `give land` move.
  public var landGift: Double = 0.25
  /// Whether land can change hands at all. `false` forbids the `give land` move, so the land
  /// distribution stays as it started: the constructed feudal world of the control of
  /// `np.ch3.emergent-feudalism` freezes land (its land Gini cannot drift; issue 13).
  public var landTransfers = true
  /// Grains handed over by one `give corn` move (one meal).
  public var cornGift: Double = 80
  /// Labour handed over by one `give labour` move: a quarter, the same step as land, so that an
  /// agent with less land than labour can lend exactly what it cannot use.
  public var labourGift: Double = 0.25
  /// Pain of being hit with the stick, in the units of wellbeing.
  public var hitPain: Double = 2
  /// Effort of hitting, felt by the hitter.
  public var hitEffort: Double = 0.1

  public init() {}

  /// §1.1's W(ψ) for this body: minus the cost of hunger, h²/2 (convex, so that hunger hurts more the
  /// hungrier one is and sharing food raises collective wellbeing), minus pain. The text only says
  /// the eat game's reward depends "on amount eaten and bodily hunger"; the reward of an eat game is
  /// this wellbeing after its time step, which depends on both.
  @inline(__always)
  public func wellbeing(_ body: FeudalBody) -> Double {
    -0.5 * body.hunger * body.hunger - body.pain
  }

  /// The time step at the end of a self-initiated game: labour reset to 1, hunger up; pain is felt
  /// (it enters this step's wellbeing) and cleared by the caller after the reward is taken.
  @inline(__always)
  public func step(_ body: FeudalBody) -> FeudalBody {
    var next = body
    next.labour = 1
    next.hunger = min(maximumHunger, body.hunger + hungerPerStep)
    return next
  }

  /// Grains harvested from `land` worked by `labour`: 100 · min(land, labour)^ρ, ρ = `landReturns`.
  @inline(__always)
  public func produce(land: Double, labour: Double) -> Double {
    let worked = min(land, labour)
    return landReturns == 1 ? yieldPerUnit * worked : yieldPerUnit * pow(max(worked, 0), landReturns)
  }

  /// The harvest at the start of an eat game: corn += 100 · min(land, labour)^ρ, labour reset to 1.
  @inline(__always)
  public func harvest(_ body: FeudalBody) -> FeudalBody {
    var next = body
    next.corn += produce(land: body.land, labour: body.labour)
    next.labour = 1
    return next
  }

  /// Eating `meals` meals (or all the corn there is, if less).
  @inline(__always)
  public func eat(_ body: FeudalBody, meals: Double) -> FeudalBody {
    var next = body
    let grains = min(body.corn, meals * grainsPerMeal)
    next.corn -= grains
    next.hunger = max(0, body.hunger - grains / grainsPerMeal)
    return next
  }

  /// Whether the body can make `move` (gifts need something to give).
  @inline(__always)
  public func allows(_ move: EncounterMove, _ body: FeudalBody) -> Bool {
    switch move {
    case .giveLand: return landTransfers && body.land >= landGift - 1e-12
    case .giveCorn: return body.corn >= cornGift - 1e-12
    case .giveLabour: return body.labour >= labourGift - 1e-12
    default: return true
    }
  }

  /// The effect of `move` on the mover's and the other's bodies.
  @inline(__always)
  public func apply(_ move: EncounterMove, mover: inout FeudalBody, other: inout FeudalBody) {
    switch move {
    case .giveLand:
      mover.land -= landGift; other.land += landGift
      if mover.land < 1e-12 { mover.land = 0 }
    case .giveCorn:
      mover.corn -= cornGift; other.corn += cornGift
      if mover.corn < 1e-9 { mover.corn = 0 }
    case .giveLabour:
      mover.labour -= labourGift; other.labour += labourGift
      if mover.labour < 1e-12 { mover.labour = 0 }
    case .hit: other.pain += hitPain; mover.pain += hitEffort
    case .sayZero, .sayOne, .goodbye: break
    }
  }
}
