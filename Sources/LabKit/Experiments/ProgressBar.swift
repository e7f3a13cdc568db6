import Foundation

/// A progress bar on standard error, shown only when standard error is a terminal, so that standard
/// output and committed files never see it: `label [#####.....] 12/40  3.1/s  eta 9s`.
final class ProgressBar: Sendable {
  /// One counted task.
  final class Task: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private let total: Int
    private var done = 0
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0

    init(label: String, total: Int) {
      self.label = label
      self.total = total
      draw(force: true)
    }

    func advance() {
      lock.lock()
      done += 1
      lock.unlock()
      draw(force: false)
    }

    func finish() {
      lock.lock()
      defer { lock.unlock() }
      FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    private func draw(force: Bool) {
      lock.lock()
      defer { lock.unlock() }
      let now = DispatchTime.now().uptimeNanoseconds
      guard force || now - lastDrawn > 100_000_000 || done == total else { return }
      lastDrawn = now
      let seconds = Double(now - started) / 1e9
      let width = 24
      let filled = total == 0 ? width : width * done / total
      let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      var line = "\r\u{1B}[2K\(label) [\(bar)] \(done)/\(total)"
      if done > 0, seconds > 0 {
        let rate = Double(done) / seconds
        line += "  " + DecimalFormat.compact(rate, significant: 3) + "/s"
        line += "  eta " + ProgressBar.duration(Double(total - done) / rate)
      }
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  /// Whether standard error is a terminal.
  static var isTerminal: Bool { isatty(2) == 1 }

  func start(label: String, total: Int) -> Task? {
    ProgressBar.isTerminal ? Task(label: label, total: total) : nil
  }

  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "?" }
    let s = Int(seconds.rounded())
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m\(s % 60)s" }
    return "\(s / 3600)h\((s % 3600) / 60)m"
  }
}
