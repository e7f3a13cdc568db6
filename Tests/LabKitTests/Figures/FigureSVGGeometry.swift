import Foundation

@testable import LabKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A point in SVG user units.
struct SVGPoint: Equatable {
  var x: Double
  var y: Double
}

/// The estimated box of one `<text>` element, as the renderer estimates it for layout: width
/// ``FigureStyle/textWidth(_:fontSize:)`` (0.6 em per character), top 0.8 em above the baseline,
/// height 1 em, shifted by `text-anchor` and turned by a `rotate(a x y)` transform.
struct SVGTextBox {
  var text: String
  /// The four corners, in order around the box (a rectangle, possibly rotated).
  var corners: [SVGPoint]

  /// Whether the two boxes overlap by more than `tolerance` pixels along every axis of the
  /// separating-axis test (so boxes that merely touch do not count).
  func intersects(_ other: SVGTextBox, tolerance: Double = 0.5) -> Bool {
    for polygon in [corners, other.corners] {
      for index in polygon.indices {
        let a = polygon[index]
        let b = polygon[(index + 1) % polygon.count]
        let (nx, ny) = (a.y - b.y, b.x - a.x)
        let length = (nx * nx + ny * ny).squareRoot()
        guard length > 0 else { continue }
        let mine = corners.map { ($0.x * nx + $0.y * ny) / length }
        let theirs = other.corners.map { ($0.x * nx + $0.y * ny) / length }
        if mine.max()! <= theirs.min()! + tolerance || theirs.max()! <= mine.min()! + tolerance { return false }
      }
    }
    return true
  }
}

/// An axis-aligned rectangle.
struct SVGRect: Equatable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double

  /// Whether `point` lies inside the rectangle shrunk by `inset` on every side.
  func contains(_ point: SVGPoint, inset: Double) -> Bool {
    point.x > x + inset && point.x < x + width - inset && point.y > y + inset && point.y < y + height - inset
  }
}

/// What a figure's SVG draws, read back from the document: the text boxes, the legend boxes, the
/// plotting area's clip rectangle, pixel samples of the plotted data and the continuous colour bars.
struct SVGGeometry {
  /// Every `<text>` except white halos (a text with a `stroke`, drawn under its twin).
  var texts: [SVGTextBox] = []
  /// Chart legend boxes (`rect` with `stroke="#bbbbbb"` and `fill-opacity="0.9"`).
  var legends: [SVGRect] = []
  /// Heatmap continuous colour bars (`rect` filled with a gradient).
  var colourBars = 0
  /// The first `clipPath`'s rectangle: the plotting area.
  var plotArea: SVGRect?
  /// Samples of the data drawn in clipped groups, about every 2 pixels along paths and over
  /// rectangles, and circle centres. Reference lines (stroke `FigureStyle.referenceColour`) are
  /// left out, as ``LegendCoverage`` leaves them out.
  var dataSamples: [SVGPoint] = []

  /// The pairs of text boxes that intersect.
  var overlappingTexts: [(String, String)] {
    var pairs: [(String, String)] = []
    for i in texts.indices {
      for j in texts.indices where j > i && texts[i].intersects(texts[j]) {
        pairs.append((texts[i].text, texts[j].text))
      }
    }
    return pairs
  }

  /// The data samples inside the plotting area that lie inside a legend box shrunk by `inset`.
  func samplesUnderLegends(inset: Double) -> [SVGPoint] {
    dataSamples.filter { p in
      (plotArea?.contains(p, inset: -0.01) ?? true) && legends.contains { $0.contains(p, inset: inset) }
    }
  }

  /// Reads `svg` (one document).
  static func read(_ svg: String) -> SVGGeometry {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = SVGGeometryCollector()
    parser.delegate = collector
    _ = parser.parse()
    return collector.geometry
  }
}

/// Walks the document, keeping the inherited `font-size`, `text-anchor` and clip state.
private final class SVGGeometryCollector: NSObject, XMLParserDelegate {
  var geometry = SVGGeometry()
  private var inherited: [[String: String]] = [[:]]
  private var pendingText: [String: String]?
  private var pendingHalo = false
  private var characters = ""
  private var inClipPathDefinition = false

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes: [String: String] = [:]
  ) {
    var state = inherited.last ?? [:]
    for key in ["font-size", "text-anchor", "clip-path", "stroke"] where attributes[key] != nil {
      state[key] = attributes[key]
    }
    inherited.append(state)
    switch elementName {
    case "clipPath": inClipPathDefinition = true
    case "text":
      pendingText = attributes.merging(state) { own, _ in own }
      pendingHalo = attributes["stroke"] != nil
      characters = ""
    case "rect": readRect(attributes, state)
    case "path", "circle": if state["clip-path"] != nil { readShape(elementName, attributes, state) }
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if pendingText != nil { characters += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
    inherited.removeLast()
    if elementName == "clipPath" { inClipPathDefinition = false }
    if elementName == "text", let attributes = pendingText {
      pendingText = nil
      if !pendingHalo, let box = SVGGeometryCollector.textBox(characters, attributes) {
        geometry.texts.append(box)
      }
    }
  }

  private func readRect(_ attributes: [String: String], _ state: [String: String]) {
    guard let rect = SVGGeometryCollector.rect(attributes) else { return }
    if inClipPathDefinition {
      if geometry.plotArea == nil { geometry.plotArea = rect }
    } else if attributes["stroke"] == "#bbbbbb" && attributes["fill-opacity"] == "0.9" {
      geometry.legends.append(rect)
    } else if attributes["fill"]?.hasPrefix("url(") == true {
      geometry.colourBars += 1
    } else if state["clip-path"] != nil {
      let columns = max(1, Int((rect.width / 2).rounded(.up)))
      let rows = max(1, Int((rect.height / 2).rounded(.up)))
      for i in 0...columns {
        for j in 0...rows {
          geometry.dataSamples.append(
            SVGPoint(
              x: rect.x + rect.width * Double(i) / Double(columns), y: rect.y + rect.height * Double(j) / Double(rows)))
        }
      }
    }
  }

  private func readShape(_ name: String, _ attributes: [String: String], _ state: [String: String]) {
    if (attributes["stroke"] ?? state["stroke"]) == FigureStyle.referenceColour { return }
    if name == "circle" {
      if let x = attributes["cx"].flatMap(Double.init), let y = attributes["cy"].flatMap(Double.init) {
        geometry.dataSamples.append(SVGPoint(x: x, y: y))
      }
      return
    }
    let vertices = SVGGeometryCollector.pathVertices(attributes["d"] ?? "")
    for run in vertices {
      if run.count == 1 { geometry.dataSamples.append(run[0]) }
      for (a, b) in zip(run, run.dropFirst()) {
        let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
        let count = max(1, Int((length / 2).rounded(.up)))
        for k in 0...count {
          let t = Double(k) / Double(count)
          geometry.dataSamples.append(SVGPoint(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
        }
      }
    }
  }

  /// The polylines of path data made of M, L, H, V and Z commands (absolute), one per subpath.
  static func pathVertices(_ d: String) -> [[SVGPoint]] {
    var runs: [[SVGPoint]] = []
    var tokens: [String] = []
    var current = ""
    for character in d {
      if "MLHVZ".contains(character) || character == " " || character == "," {
        if !current.isEmpty { tokens.append(current) }
        current = ""
        if character != " " && character != "," { tokens.append(String(character)) }
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { tokens.append(current) }
    var command = "M"
    var index = 0
    var position = SVGPoint(x: 0, y: 0)
    while index < tokens.count {
      let token = tokens[index]
      if "MLHVZ".contains(token) {
        command = token
        index += 1
        if token == "Z", let first = runs.last?.first { runs[runs.count - 1].append(first) }
        continue
      }
      switch command {
      case "M", "L":
        guard index + 1 < tokens.count, let x = Double(tokens[index]), let y = Double(tokens[index + 1]) else { return runs }
        position = SVGPoint(x: x, y: y)
        if command == "M" { runs.append([position]) } else { runs[runs.count - 1].append(position) }
        if command == "M" { command = "L" }
        index += 2
      case "H", "V":
        guard let value = Double(token), !runs.isEmpty else { return runs }
        position = command == "H" ? SVGPoint(x: value, y: position.y) : SVGPoint(x: position.x, y: value)
        runs[runs.count - 1].append(position)
        index += 1
      default: index += 1
      }
    }
    return runs
  }

  static func rect(_ attributes: [String: String]) -> SVGRect? {
    guard let x = attributes["x"].flatMap(Double.init), let y = attributes["y"].flatMap(Double.init),
      let width = attributes["width"].flatMap(Double.init), let height = attributes["height"].flatMap(Double.init)
    else { return nil }
    return SVGRect(x: x, y: y, width: width, height: height)
  }

  /// The box of a text with its own and inherited attributes, or nil for empty text.
  static func textBox(_ text: String, _ attributes: [String: String]) -> SVGTextBox? {
    guard !text.isEmpty, let x = attributes["x"].flatMap(Double.init), let y = attributes["y"].flatMap(Double.init)
    else { return nil }
    let size = attributes["font-size"].flatMap(Double.init) ?? FigureStyle.tickFontSize
    let width = FigureStyle.textWidth(text, fontSize: size)
    let anchor = attributes["text-anchor"] ?? "start"
    let left = anchor == "end" ? x - width : (anchor == "middle" ? x - width / 2 : x)
    let top = y - 0.8 * size
    var corners = [
      SVGPoint(x: left, y: top), SVGPoint(x: left + width, y: top),
      SVGPoint(x: left + width, y: top + size), SVGPoint(x: left, y: top + size),
    ]
    if let transform = attributes["transform"], let (angle, cx, cy) = rotation(transform) {
      let (c, s) = (cos(angle * Double.pi / 180), sin(angle * Double.pi / 180))
      corners = corners.map { p in
        SVGPoint(x: cx + (p.x - cx) * c - (p.y - cy) * s, y: cy + (p.x - cx) * s + (p.y - cy) * c)
      }
    }
    return SVGTextBox(text: text, corners: corners)
  }

  /// The angle and centre of `rotate(a x y)`.
  static func rotation(_ transform: String) -> (Double, Double, Double)? {
    guard transform.hasPrefix("rotate("), transform.hasSuffix(")") else { return nil }
    let numbers = transform.dropFirst(7).dropLast().split(separator: " ").compactMap { Double($0) }
    guard numbers.count == 3 else { return nil }
    return (numbers[0], numbers[1], numbers[2])
  }
}
