/// The texts of ``StrategyLibrary``, one static string per group of axelrod's strategies, each in the
/// format of ``StrategyFile``. The comment above each strategy names the axelrod class and module it
/// transcribes (axelrod 4.14.0, `axelrod/strategies/`) and states its rule.
enum AxelrodLibraryTexts {
  /// The eight deterministic classics, also built in as Swift (``FiniteMemoryStrategy/deterministicClassics``);
  /// the tests check that the two definitions play alike.
  static let classics = """
    # axelrod Cooperator (cooperator.py): always C.
    strategy Cooperator
    memory 1
    default C

    # axelrod Defector (defector.py): always D.
    strategy Defector
    memory 1
    default D

    # axelrod TitForTat (titfortat.py): C first, then the opponent's last move.
    strategy TitForTat
    start s C
    s C -> s C
    s D -> s D

    # axelrod Grudger (grudger.py): C until the opponent has defected once, then D for ever.
    strategy Grudger
    start calm C
    calm C -> calm C
    calm D -> grim D
    grim * -> grim D

    # axelrod WinStayLoseShift (memoryone.py): C first; C after CC or DD, D after CD or DC.
    strategy WinStayLoseShift
    memory 1
    opening C
    CC -> C
    DD -> C
    default D

    # axelrod TitFor2Tats (titfortat.py): D when the opponent's last two moves were D, else C.
    strategy TitFor2Tats
    memory 2
    *D *D -> D
    default C

    # axelrod SuspiciousTitForTat (titfortat.py): D first, then the opponent's last move.
    strategy SuspiciousTitForTat
    memory 1
    opening D
    *D -> D
    default C

    # axelrod Alternator (alternator.py): C first, then the opposite of its own last move.
    strategy Alternator
    memory 1
    C* -> D
    default C
    """

  /// axelrod's cyclers (`cycler.py`): a fixed cycle of moves, whatever the opponent does.
  static let cyclers = """
    # axelrod CyclerDC (cycler.py): D, C, D, C, ...
    strategy CyclerDC
    start 1 D
    1 * -> 2 C
    2 * -> 1 D

    # axelrod CyclerCCD (cycler.py): C, C, D, ...
    strategy CyclerCCD
    start 1 C
    1 * -> 2 C
    2 * -> 3 D
    3 * -> 1 C

    # axelrod CyclerDDC (cycler.py): D, D, C, ...
    strategy CyclerDDC
    start 1 D
    1 * -> 2 D
    2 * -> 3 C
    3 * -> 1 D

    # axelrod CyclerCCCD (cycler.py): C, C, C, D, ...
    strategy CyclerCCCD
    start 1 C
    1 * -> 2 C
    2 * -> 3 C
    3 * -> 4 D
    4 * -> 1 C

    # axelrod CyclerCCCCCD (cycler.py): C, C, C, C, C, D, ...
    strategy CyclerCCCCCD
    start 1 C
    1 * -> 2 C
    2 * -> 3 C
    3 * -> 4 C
    4 * -> 5 C
    5 * -> 6 D
    6 * -> 1 C

    # axelrod CyclerCCCDCD (cycler.py): C, C, C, D, C, D, ...
    strategy CyclerCCCDCD
    start 1 C
    1 * -> 2 C
    2 * -> 3 C
    3 * -> 4 D
    4 * -> 5 C
    5 * -> 6 D
    6 * -> 1 C
    """

  /// axelrod's grudgers (`grudger.py`).
  static let grudgers = """
    # axelrod ForgetfulGrudger (grudger.py): C until the opponent defects, then D for 10 rounds
    # (the grudge), after which it forgets unless the opponent's last move was D.
    strategy ForgetfulGrudger
    start calm C
    calm C -> calm C
    calm D -> g1 D
    g1 * -> g2 D
    g2 * -> g3 D
    g3 * -> g4 D
    g4 * -> g5 D
    g5 * -> g6 D
    g6 * -> g7 D
    g7 * -> g8 D
    g8 * -> g9 D
    g9 * -> g10 D
    g10 C -> calm C
    g10 D -> g1 D

    # axelrod OppositeGrudger (grudger.py): D until the opponent has cooperated once, then C for ever.
    strategy OppositeGrudger
    start waiting D
    waiting C -> won C
    waiting D -> waiting D
    won * -> won C

    # axelrod Aggravater (grudger.py): D on the first three moves, then Grudger (counting the
    # opponent's defections from the start).
    strategy Aggravater
    start a1 D
    a1 C -> a2 D
    a1 D -> b2 D
    a2 C -> a3 D
    a2 D -> b3 D
    b2 * -> b3 D
    a3 C -> calm C
    a3 D -> grim D
    b3 * -> grim D
    calm C -> calm C
    calm D -> grim D
    grim * -> grim D

    # axelrod SoftGrudger (grudger.py): C until the opponent defects; then D, D, D, D, C, C and
    # back to C until the next defection.
    strategy SoftGrudger
    start calm C
    calm C -> calm C
    calm D -> p0 D
    p0 * -> p1 D
    p1 * -> p2 D
    p2 * -> p3 D
    p3 * -> p4 C
    p4 * -> calm C

    # axelrod GrudgerAlternator (grudger.py): C until the opponent defects, then the opposite of
    # its own last move (D, C, D, C, ...).
    strategy GrudgerAlternator
    start calm C
    calm *C -> calm C
    calm CD -> alternating D
    calm DD -> alternating C
    alternating C* -> alternating D
    alternating D* -> alternating C

    # axelrod EasyGo (grudger.py): D until the opponent has defected once, then C for ever.
    strategy EasyGo
    start waiting D
    waiting C -> waiting D
    waiting D -> won C
    won * -> won C

    # axelrod SpitefulCC (grudger.py): C on the first two moves, then Grudger (counting the
    # opponent's defections from the start).
    strategy SpitefulCC
    start a1 C
    a1 C -> a2 C
    a1 D -> b2 C
    a2 C -> calm C
    a2 D -> grim D
    b2 * -> grim D
    calm C -> calm C
    calm D -> grim D
    grim * -> grim D
    """
}
