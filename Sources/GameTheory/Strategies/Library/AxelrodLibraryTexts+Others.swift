extension AxelrodLibraryTexts {
  /// Other deterministic strategies of bounded state (`appeaser.py`, `oncebitten.py`,
  /// `memoryone.py`, `memorytwo.py`, `axelrod_first.py`).
  static let others = """
    # axelrod Appeaser (appeaser.py): C first; after the opponent's D, the opposite of its own last
    # move; after the opponent's C, its own last move again.
    strategy Appeaser
    start s C
    s CC -> s C
    s DC -> s D
    s CD -> s D
    s DD -> s C

    # axelrod OnceBitten (oncebitten.py): C, C; then D for 11 rounds whenever the opponent's last two
    # moves were D (the trigger and a 10-round grudge), else C. nC and nD are calm states after the
    # opponent's C and D; g0 to g10 count the grudge.
    strategy OnceBitten
    start s0 C
    s0 C -> nC C
    s0 D -> nD C
    nC C -> nC C
    nC D -> nD C
    nD C -> nC C
    nD D -> g0 D
    g0 * -> g1 D
    g1 * -> g2 D
    g2 * -> g3 D
    g3 * -> g4 D
    g4 * -> g5 D
    g5 * -> g6 D
    g6 * -> g7 D
    g7 * -> g8 D
    g8 C -> g9 D
    g8 D -> g9 D
    g9 C -> g10C D
    g9 D -> g10D D
    g10C C -> nC C
    g10C D -> nD C
    g10D C -> nC C
    g10D D -> g0 D

    # axelrod FoolMeOnce (oncebitten.py): C until the opponent has defected twice, then D for ever.
    strategy FoolMeOnce
    start none C
    none C -> none C
    none D -> once C
    once C -> once C
    once D -> grim D
    grim * -> grim D

    # axelrod WinShiftLoseStay (memoryone.py): D first; then the four-vector (0, 1, 1, 0): D after
    # CC or DD, C after CD or DC.
    strategy WinShiftLoseStay
    memory 1
    opening D
    CD -> C
    DC -> C
    default D

    # axelrod AON2 (memorytwo.py, Hilbe et al. 2017): C, C; then C exactly when both players played
    # the same move as each other in each of the last two rounds.
    strategy AON2
    memory 2
    opening C C
    CC CC -> C
    CC DD -> C
    DD CC -> C
    DD DD -> C
    default D

    # axelrod DelayedAON1 (memorytwo.py, Hilbe et al. 2017): C, C; then C after the round pairs
    # (CC, CC), (CC, DD), (CD, DD), (DD, CC), (DC, DD), (DD, DD) (own move then opponent's, older
    # round first), else D.
    strategy DelayedAON1
    memory 2
    opening C C
    CC CC -> C
    CC DD -> C
    CD DD -> C
    DD CC -> C
    DC DD -> C
    DD DD -> C
    default D

    # axelrod FirstByDavis (axelrod_first.py; Davis's entry to Axelrod's first tournament): C on the
    # first ten moves, then Grudger (counting the opponent's defections from the start).
    strategy FirstByDavis
    start a1 C
    a1 C -> a2 C
    a1 D -> b2 C
    a2 C -> a3 C
    a2 D -> b3 C
    a3 C -> a4 C
    a3 D -> b4 C
    a4 C -> a5 C
    a4 D -> b5 C
    a5 C -> a6 C
    a5 D -> b6 C
    a6 C -> a7 C
    a6 D -> b7 C
    a7 C -> a8 C
    a7 D -> b8 C
    a8 C -> a9 C
    a8 D -> b9 C
    a9 C -> a10 C
    a9 D -> b10 C
    b2 * -> b3 C
    b3 * -> b4 C
    b4 * -> b5 C
    b5 * -> b6 C
    b6 * -> b7 C
    b7 * -> b8 C
    b8 * -> b9 C
    b9 * -> b10 C
    a10 C -> calm C
    a10 D -> grim D
    b10 * -> grim D
    calm C -> calm C
    calm D -> grim D
    grim * -> grim D
    """
}
