import Foundation
import ParserFuzzing

#if FUZZING
  /// libFuzzer's entry point (built with `-sanitize=fuzzer -D FUZZING`, see `make fuzz`): the target
  /// is named by the environment variable `FUZZ_TARGET` (nfg, formula, agents, set, markdown or literate).
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzSelection.target.run(size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

  /// The process's entry. SwiftPM links an executable target with `main` aliased to `fuzz_main`, so
  /// libFuzzer's own `main` is never linked; this one hands the arguments to libFuzzer's driver.
  @_cdecl("fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
  }

  /// libFuzzer's `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t))`.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// The target chosen once per process.
  enum FuzzSelection {
    static let target: ParserFuzzTarget = {
      let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
      guard let target = ParserFuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("set FUZZ_TARGET to one of: \(ParserFuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
      }
      return target
    }()
  }
#else
  /// Without libFuzzer: `fuzz TARGET FILE_OR_FOLDER...` replays inputs through a target and prints
  /// how many ran and the slowest, so that a crashing input can be reproduced in an ordinary build.
  @main
  enum FuzzReplay {
    static func main() {
      let arguments = Array(CommandLine.arguments.dropFirst())
      guard let name = arguments.first, let target = ParserFuzzTarget(rawValue: name), arguments.count > 1 else {
        print("usage: fuzz (\(ParserFuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))) FILE_OR_FOLDER...")
        exit(2)
      }
      var count = 0
      var slowest = (seconds: 0.0, path: "")
      for path in arguments.dropFirst().flatMap(files) {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        let start = Date()
        target.run(Array(data))
        let seconds = Date().timeIntervalSince(start)
        if seconds > slowest.seconds { slowest = (seconds, path) }
        count += 1
      }
      print("\(name): \(count) inputs, slowest \(String(format: "%.3f", slowest.seconds)) s \(slowest.path)")
    }

    /// The file itself, or every file in the folder.
    static func files(_ path: String) -> [String] {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
      return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
    }
  }
#endif
