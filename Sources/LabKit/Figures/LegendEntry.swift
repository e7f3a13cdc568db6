/// One legend row: a swatch and a series name.
struct LegendEntry {
  let name: String
  let swatch: LegendSwatch
}
