import LabKit

/// The end of one run of the chapter-3 world, reduced to what the experiment reports.
public struct SocialGraphOutcome: Sendable {
  /// A live tie at the end: its ends and the net labour and corn the initiator gave along it.
  public struct TieFlow: Sendable {
    public var initiator: Int
    public var responder: Int
    public var labourGiven: Double
    public var cornGiven: Double
  }

  public var checkpoints: [SocialGraphRecord.Checkpoint]
  public var consentedEncounters: Int
  public var consentViolations: Int
  public var refusals: Int
  public var lands: [Double]
  public var corns: [Double]
  /// Labour received minus labour given, per agent, over the run.
  public var netLabourIn: [Double]
  /// Corn received minus corn given in encounters, per agent, over the run.
  public var netCornIn: [Double]
  public var inDegrees: [Int]
  public var ties: [TieFlow]
  public var tiesReplaced: Int

  /// Summarises `world` after its run.
  public init(_ world: SocialGraphWorld) {
    let record = world.record
    checkpoints = record.checkpoints
    consentedEncounters = record.consentedEncounters
    consentViolations = record.consentViolations
    refusals = record.refusals
    lands = world.bodies.map(\.land)
    corns = world.bodies.map(\.corn)
    netLabourIn = zip(record.labourReceived, record.labourGiven).map { $0 - $1 }
    netCornIn = zip(record.cornReceived, record.cornGiven).map { $0 - $1 }
    inDegrees = world.inDegrees
    ties = world.liveTies.map {
      TieFlow(initiator: Int($0.initiator), responder: Int($0.responder), labourGiven: $0.labourGiven, cornGiven: $0.cornGiven)
    }
    tiesReplaced = record.tiesReplaced
  }

  /// The checkpoints of the last quarter of the run (at least one), where "the end" is measured.
  public var lateCheckpoints: ArraySlice<SocialGraphRecord.Checkpoint> {
    checkpoints.suffix(max(1, checkpoints.count / 4))
  }

  /// The mean of `value` over the late checkpoints.
  public func late(_ value: KeyPath<SocialGraphRecord.Checkpoint, Double>) -> Double {
    let late = lateCheckpoints
    return (try? Statistics.mean(late.map { $0[keyPath: value] })) ?? .nan
  }

  /// Pearson's correlation between an agent's land at the end and the net labour it received: positive
  /// when labour flows to the landed, the mark of "who works whose land".
  public var landLabourCorrelation: Double { (try? Statistics.correlation(lands, netLabourIn)) ?? 0 }

  /// Pearson's correlation between an agent's land at the end and the net corn it received in
  /// encounters: negative when corn flows from the landed (wages, or alms), positive when to them
  /// (rent, or tribute).
  public var landCornCorrelation: Double { (try? Statistics.correlation(lands, netCornIn)) ?? 0 }

  /// Live ties along which net labour flowed, and how many of those carried it towards the end with
  /// more land.
  public var labourTowardsLand: (flowing: Int, towardsMoreLand: Int) { flowTowardsLand(\.labourGiven) }

  /// Live ties along which net corn flowed, and how many of those carried it towards the end with
  /// more land.
  public var cornTowardsLand: (flowing: Int, towardsMoreLand: Int) { flowTowardsLand(\.cornGiven) }

  func flowTowardsLand(_ given: KeyPath<TieFlow, Double>) -> (flowing: Int, towardsMoreLand: Int) {
    var flowing = 0, towards = 0
    for tie in ties where abs(tie[keyPath: given]) > 1e-9 {
      flowing += 1
      let receiver = tie[keyPath: given] > 0 ? tie.responder : tie.initiator
      let giver = tie[keyPath: given] > 0 ? tie.initiator : tie.responder
      if lands[receiver] > lands[giver] { towards += 1 }
    }
    return (flowing, towards)
  }
}
