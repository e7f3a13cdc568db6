/// The colour a series was given: a fixed colour, or the palette entry with the given number,
/// looked up when the chart is drawn (so changing the chart's palette recolours it).
enum SeriesColour: Sendable {
  case fixed(Colour)
  case palette(Int)

  func resolve(in palette: Palette) -> Colour {
    switch self {
    case .fixed(let colour): return colour
    case .palette(let index): return palette[index]
    }
  }
}
