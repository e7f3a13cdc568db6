/// Escaping text for HTML.
public enum HTMLText {
  /// `text` with `&`, `<`, `>` and `"` escaped, safe in element content and in double-quoted attributes.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }

  /// A fragment id made from heading text, GitHub's way: lower case, letters, digits, `-` and `_`
  /// kept, spaces to `-`, everything else dropped (`3. Zero-memory agents (§2.1)` → `3-zero-memory-agents-21`).
  public static func slug(_ text: String) -> String {
    var out = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber || character == "-" || character == "_" {
        out.append(character)
      } else if character == " " {
        out.append("-")
      }
    }
    return out.isEmpty ? "section" : out
  }
}
