/// Chapter 3 of Numerical Politics: a social tie, "a directed edge representing a social tie to
/// another agent" with "an associated context/type which is just an integer ID".
///
/// The tie belongs to its initiator (the agent that may start encounters along it); the responder is
/// the agent at its other end, who moves first in those encounters. §3.1 gives every tie a Q-function
/// on both sides ("both inward and outward"); the world keeps the two tables in its Q pool at the
/// tie's index (initiator's side 1, responder's side 0, after the parity of the positions they move at).
public struct SocialTie: Sendable, Equatable {
  public var initiator: Int32
  public var responder: Int32
  public var context: Int32
  /// The round the tie was made.
  public var born: Int32
  /// The initiator's learned expected gain of initiating an encounter (its Q-value of starting one:
  /// no intrinsic reward and no state change, so the value of the state just after starting).
  public var start: Double
  /// The responder's learned expected gain of accepting an encounter along this tie (of opening with
  /// anything but goodbye): its consent value, pulled after each accepted encounter towards its best
  /// Q-value for the opening move.
  public var accept: Double
  /// §3.1.2: the initiator's log-likelihood ratio, deviant against norm-follower, of the responder's
  /// moves observed along this tie.
  public var deviantEvidence: Double = 0
  /// Net amounts the initiator gave the responder along this tie (negative: received).
  public var labourGiven: Double = 0
  public var cornGiven: Double = 0
  public var landGiven: Double = 0
  /// Encounters that went past the first move, and encounters the responder declined.
  public var encounters: Int32 = 0
  public var refusals: Int32 = 0

  public init(initiator: Int32, responder: Int32, context: Int32, born: Int32, start: Double, accept: Double) {
    self.initiator = initiator
    self.responder = responder
    self.context = context
    self.born = born
    self.start = start
    self.accept = accept
  }
}
