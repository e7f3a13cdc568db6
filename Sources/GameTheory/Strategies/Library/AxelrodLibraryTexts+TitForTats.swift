extension AxelrodLibraryTexts {
  /// Variants of Tit for Tat (`titfortat.py`, `resurrection.py`).
  static let titForTats = """
    # axelrod TwoTitsForTat (titfortat.py): D if the opponent defected in either of the last two rounds.
    strategy TwoTitsForTat
    memory 2
    *D -> D
    *D ** -> D
    default C

    # axelrod Bully (titfortat.py): the opposite of the opponent's last move, D first.
    strategy Bully
    memory 1
    *D -> C
    default D

    # axelrod AntiTitForTat (titfortat.py): the opposite of the opponent's last move, C first.
    strategy AntiTitForTat
    memory 1
    *C -> D
    default C

    # axelrod HardTitForTat (titfortat.py): D if the opponent defected in any of the last three rounds.
    strategy HardTitForTat
    memory 3
    *D -> D
    *D ** -> D
    *D ** ** -> D
    default C

    # axelrod HardTitFor2Tats (titfortat.py): D if the opponent defected twice in a row within the
    # last three rounds.
    strategy HardTitFor2Tats
    memory 3
    *D *D -> D
    *D *D ** -> D
    default C

    # axelrod SpitefulTitForTat (titfortat.py): Tit for Tat until the opponent defects twice in a
    # row, then D for ever.
    strategy SpitefulTitForTat
    start lastC C
    lastC C -> lastC C
    lastC D -> lastD D
    lastD C -> lastC C
    lastD D -> grim D
    grim * -> grim D

    # axelrod SlowTitForTwoTats2 (titfortat.py): C twice; then the opponent's move if it played the
    # same move twice in a row, else its own last move.
    strategy SlowTitForTwoTats2
    memory 2
    opening C C
    *C *C -> C
    *D *D -> D
    ** C* -> C
    ** D* -> D
    default C

    # axelrod NTitsForMTats (titfortat.py, default N = 3, M = 2): after two consecutive defections
    # of the opponent, D for the next three moves (restarted by every new pair); else C. The state
    # name is the opponent's last move and the punishment left.
    strategy NTitsForMTats
    start C0 C
    C0 C -> C0 C
    C0 D -> D0 C
    C1 C -> C0 D
    C1 D -> D0 D
    C2 C -> C1 D
    C2 D -> D1 D
    D0 C -> C0 C
    D0 D -> D2 D
    D1 C -> C0 D
    D1 D -> D2 D
    D2 C -> C1 D
    D2 D -> D2 D

    # axelrod Resurrection (resurrection.py): C first; D if its own last five moves were D; else Tit
    # for Tat.
    strategy Resurrection
    memory 5
    D* D* D* D* D* -> D
    *D -> D
    default C

    # axelrod DoubleResurrection (resurrection.py): C first; D after five own C, C after five own D;
    # else Tit for Tat.
    strategy DoubleResurrection
    memory 5
    C* C* C* C* C* -> D
    D* D* D* D* D* -> C
    *D -> D
    default C
    """
}
