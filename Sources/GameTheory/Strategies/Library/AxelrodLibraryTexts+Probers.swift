extension AxelrodLibraryTexts {
  /// Strategies that test the opponent with their first moves (`prober.py`, `handshake.py`).
  static let probers = """
    # axelrod Prober (prober.py): D, C, C; then D for ever if the opponent played C in rounds 2 and
    # 3, else Tit for Tat.
    strategy Prober
    start p1 D
    p1 * -> p2 C
    p2 C -> p3c C
    p2 D -> p3x C
    p3c C -> grim D
    p3c D -> tft D
    p3x C -> tft C
    p3x D -> tft D
    tft C -> tft C
    tft D -> tft D
    grim * -> grim D

    # axelrod Prober2 (prober.py): D, C, C; then C for ever if the opponent played D then C in
    # rounds 2 and 3, else Tit for Tat.
    strategy Prober2
    start p1 D
    p1 * -> p2 C
    p2 C -> p3c C
    p2 D -> p3d C
    p3d C -> won C
    p3d D -> tft D
    p3c C -> tft C
    p3c D -> tft D
    tft C -> tft C
    tft D -> tft D
    won * -> won C

    # axelrod Prober3 (prober.py): D, C; then D for ever if the opponent played C in round 2, else
    # Tit for Tat.
    strategy Prober3
    start p1 D
    p1 * -> p2 C
    p2 C -> grim D
    p2 D -> tft D
    tft C -> tft C
    tft D -> tft D
    grim * -> grim D

    # axelrod HardProber (prober.py): D, D, C, C; then D for ever if the opponent played C in rounds
    # 2 and 3, else Tit for Tat.
    strategy HardProber
    start h1 D
    h1 * -> h2 D
    h2 C -> h3c C
    h2 D -> h3x C
    h3c C -> h4g C
    h3c D -> h4t C
    h3x * -> h4t C
    h4g * -> grim D
    h4t C -> tft C
    h4t D -> tft D
    tft C -> tft C
    tft D -> tft D
    grim * -> grim D

    # axelrod CollectiveStrategy (prober.py): C, D; then, if the opponent opened C, D, C until it
    # defects again, and D for ever in every other case.
    strategy CollectiveStrategy
    start t1 C
    t1 C -> t2 D
    t1 D -> grim D
    t2 C -> grim D
    t2 D -> calm C
    calm C -> calm C
    calm D -> grim D
    grim * -> grim D

    # axelrod Detective (prober.py): C, D, C, C; then Tit for Tat if the opponent defected in those
    # four rounds, else D for ever.
    strategy Detective
    start a1 C
    a1 C -> a2 D
    a1 D -> b2 D
    a2 C -> a3 C
    a2 D -> b3 C
    b2 * -> b3 C
    a3 C -> a4 C
    a3 D -> b4 C
    b3 * -> b4 C
    a4 C -> grim D
    a4 D -> tft D
    b4 C -> tft C
    b4 D -> tft D
    tft C -> tft C
    tft D -> tft D
    grim * -> grim D

    # axelrod Handshake (handshake.py): C, D; then C for ever if the opponent opened C, D too, else
    # D for ever.
    strategy Handshake
    start h1 C
    h1 C -> h2 D
    h1 D -> h2x D
    h2 C -> grim D
    h2 D -> friend C
    h2x * -> grim D
    friend * -> friend C
    grim * -> grim D
    """
}
