/// Builds the text of one SVG 1.1 document, element by element, with fixed attribute order.
///
/// Attributes are written in the order given (callers always give them in the same order), text
/// and attribute values are escaped, numbers go through ``SVGNumberFormat``, and the output has no
/// timestamps, ids derived from memory or anything else that varies between runs. Every document
/// starts with the XML declaration, a `<title>`, and a white background.
struct SVGWriter {
  /// The document so far.
  private(set) var text = ""
  /// The currently open elements, innermost last.
  private var openElements: [String] = []

  /// Starts a document of `width` × `height` user units (pixels) whose `<title>` is `title`.
  init(width: Double, height: Double, title: String) {
    let w = SVGWriter.number(width)
    let h = SVGWriter.number(height)
    text = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
        ("width", w), ("height", h), ("viewBox", "0 0 \(w) \(h)"),
        ("font-family", FigureStyle.fontFamily), ("font-size", SVGWriter.number(FigureStyle.tickFontSize)),
      ])
    element("title", [], text: title)
    element("rect", [("x", "0"), ("y", "0"), ("width", w), ("height", h), ("fill", "#ffffff")])
  }

  /// Opens an element; close it with ``close()``.
  mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    line("<" + name + SVGWriter.attributeText(attributes) + ">")
    openElements.append(name)
  }

  /// Closes the innermost open element.
  mutating func close() {
    guard let name = openElements.popLast() else { return }
    line("</" + name + ">")
  }

  /// Writes a complete element: empty (`<name .../>`) without `text`, else with escaped content.
  mutating func element(_ name: String, _ attributes: [(String, String)], text content: String? = nil) {
    let head = "<" + name + SVGWriter.attributeText(attributes)
    if let content {
      line(head + ">" + SVGWriter.escape(content) + "</" + name + ">")
    } else {
      line(head + "/>")
    }
  }

  /// Closes every open element and returns the finished document.
  mutating func finish() -> String {
    while !openElements.isEmpty { close() }
    return text
  }

  private mutating func line(_ content: String) {
    text += String(repeating: "  ", count: openElements.count) + content + "\n"
  }

  private static func attributeText(_ attributes: [(String, String)]) -> String {
    var result = ""
    for (name, value) in attributes {
      result += " " + name + "=\"" + escape(value) + "\""
    }
    return result
  }

  /// `raw` made safe as XML character data or an attribute value.
  ///
  /// Escapes the five XML specials (`&`, `<`, `>`, `"`, `'`) and replaces the characters XML 1.0
  /// forbids (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF)
  /// with U+FFFD, so any Swift string gives a well-formed document.
  static func escape(_ raw: String) -> String {
    var result = ""
    result.reserveCapacity(raw.utf8.count)
    for scalar in raw.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          result += "\u{FFFD}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// A pixel coordinate or length as attribute text (two decimals at most).
  static func number(_ value: Double) -> String {
    SVGNumberFormat.coordinate(value)
  }

  /// Path data through `points`: "M x y L x y ...", closed with "Z" when asked.
  static func path(_ points: [(Double, Double)], closed: Bool) -> String {
    var d = ""
    for (index, point) in points.enumerated() {
      d += (index == 0 ? "M" : " L") + number(point.0) + " " + number(point.1)
    }
    return closed && !points.isEmpty ? d + " Z" : d
  }

  /// A `rotate(angle x y)` transform.
  static func rotation(_ degrees: Double, x: Double, y: Double) -> String {
    "rotate(" + number(degrees) + " " + number(x) + " " + number(y) + ")"
  }

  /// A short, deterministic identifier for `key` (FNV-1a, 32 bits, as hex), prefixed with `prefix`.
  ///
  /// Used for `clipPath` and gradient ids, so that two figures inlined in one HTML page rarely
  /// collide while the same figure always gets the same id.
  static func identifier(_ prefix: String, _ key: String) -> String {
    var hash: UInt32 = 2_166_136_261
    for byte in key.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 16_777_619
    }
    let hex = String(hash, radix: 16)
    return prefix + String(repeating: "0", count: 8 - hex.count) + hex
  }
}
