/// An ordered list of series colours; series take them in turn, cycling when there are more series.
///
/// ``okabeIto`` is the default of every chart: the colour-blind-safe Okabe–Ito colours, ordered so
/// that the first few are the most distinct from each other and from white, with the low-contrast
/// yellow last.
public struct Palette: Sendable, Hashable {
  /// The colours, in the order series take them. Never empty.
  public let colours: [Colour]

  /// A palette of the given colours; an empty list gives ``okabeIto``.
  public init(_ colours: [Colour]) {
    self.colours = colours.isEmpty ? Palette.okabeIto.colours : colours
  }

  /// The colour of the series numbered `index` (from 0), cycling through the list.
  public subscript(index: Int) -> Colour {
    let count = colours.count
    return colours[((index % count) + count) % count]
  }

  /// The Okabe–Ito palette in series order: blue, vermillion, bluish green, reddish purple, orange,
  /// sky blue, black, yellow.
  public static let okabeIto = Palette([
    .blue, .vermillion, .bluishGreen, .reddishPurple, .orange, .skyBlue, .black, .yellow,
  ])
}
