import Foundation

/// The file formats figures can be written in: SVG as drawn, or PDF and PNG converted from it by
/// librsvg's `rsvg-convert` (a dependency of the project, `apt-get install librsvg2-bin`).
///
/// PDF keeps the vector drawing (for LaTeX's `\includegraphics`); PNG is rendered at twice the SVG's
/// size (`--zoom 2`, 192 dpi for the 96-dpi SVG), sharp in print at a column's width.
public enum FigureFormat: String, CaseIterable, Sendable {
  case svg, pdf, png

  /// Where `rsvg-convert` is looked for, in order.
  static let converterPaths = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"]

  /// `svg` in this format; `place` names the figure in errors.
  ///
  /// - Throws: ``LabError/fileSystem(path:problem:)`` when `rsvg-convert` is missing, and
  ///   ``LabError/invalidInput(place:problem:)`` with its message when it refuses the SVG.
  public func convert(_ svg: String, place: String) throws -> Data {
    if self == .svg { return Data(svg.utf8) }
    guard let converter = Self.converterPaths.first(where: FileManager.default.isExecutableFile(atPath:)) else {
      throw LabError.fileSystem(
        path: "rsvg-convert", problem: "not found; install librsvg2-bin (apt-get install librsvg2-bin) to write \(rawValue) figures")
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "figure-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("figure.svg")
    let target = folder.appendingPathComponent("figure.\(rawValue)")
    try Data(svg.utf8).write(to: source)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: converter)
    process.arguments = ["--format", rawValue] + (self == .png ? ["--zoom", "2"] : []) + ["--output", target.path, source.path]
    let error = Pipe()
    process.standardError = error
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: target.path), !data.isEmpty else {
      throw LabError.invalidInput(
        place: place, problem: "rsvg-convert could not convert it to \(rawValue): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    return data
  }
}
