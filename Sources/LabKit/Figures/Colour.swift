/// An opaque sRGB colour, written into SVG as `#rrggbb`.
///
/// The named constants are the eight colours of Okabe and Ito's colour-blind-safe palette
/// ("Color Universal Design", 2008); ``Palette/okabeIto`` orders them for data series.
public struct Colour: Sendable, Hashable {
  /// The red channel, 0 ... 255.
  public var red: UInt8
  /// The green channel, 0 ... 255.
  public var green: UInt8
  /// The blue channel, 0 ... 255.
  public var blue: UInt8

  /// A colour from its three channels.
  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// A colour from a 24-bit `0xRRGGBB` literal; higher bits are ignored.
  public init(hex: UInt32) {
    self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
  }

  /// The SVG colour text, `#rrggbb` in lower case.
  public var svgValue: String {
    let hexDigits = Array("0123456789abcdef")
    var text = "#"
    for channel in [red, green, blue] {
      text.append(hexDigits[Int(channel >> 4)])
      text.append(hexDigits[Int(channel & 0xF)])
    }
    return text
  }

  /// Approximate perceived lightness, 0 (black) ... 1 (white), from Rec. 709 luma weights.
  ///
  /// Used to choose black or white text on a coloured cell.
  public var luma: Double {
    (0.2126 * Double(red) + 0.7152 * Double(green) + 0.0722 * Double(blue)) / 255
  }

  /// Okabe–Ito black, `#000000`.
  public static let black = Colour(hex: 0x000000)
  /// Okabe–Ito orange, `#e69f00`.
  public static let orange = Colour(hex: 0xE69F00)
  /// Okabe–Ito sky blue, `#56b4e9`.
  public static let skyBlue = Colour(hex: 0x56B4E9)
  /// Okabe–Ito bluish green, `#009e73`.
  public static let bluishGreen = Colour(hex: 0x009E73)
  /// Okabe–Ito yellow, `#f0e442`.
  public static let yellow = Colour(hex: 0xF0E442)
  /// Okabe–Ito blue, `#0072b2`.
  public static let blue = Colour(hex: 0x0072B2)
  /// Okabe–Ito vermillion, `#d55e00`.
  public static let vermillion = Colour(hex: 0xD55E00)
  /// Okabe–Ito reddish purple, `#cc79a7`.
  public static let reddishPurple = Colour(hex: 0xCC79A7)
  /// A neutral grey, `#7f7f7f`, for reference marks and missing values.
  public static let grey = Colour(hex: 0x7F7F7F)
  /// White, `#ffffff`.
  public static let white = Colour(hex: 0xFFFFFF)
}
