import Foundation
import PackagePlugin

/// Generates `SourceFingerprints.swift` for the target it is applied to (`reproduce`): for each paper
/// module, a fingerprint of the Swift sources the module's results depend on (the module itself,
/// LabKit and GameTheory), so that a change to a module's code makes exactly that module's stored
/// cells stale (README: "Scaling out"). The build reruns the tool only when one of the sources changes.
@main
struct SourceFingerprintPlugin: BuildToolPlugin {
  /// The modules every paper module depends on; their code is part of every paper's fingerprint.
  static let shared = ["LabKit", "GameTheory"]
  /// The modules that get a fingerprint each.
  static let papers = ["NumericalPolitics", "IBHaggling", "SimilarityCooperation", "SocialEnvironmentDesign", "ModalAgents"]

  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let output = context.pluginWorkDirectoryURL.appending(path: "SourceFingerprints.swift")
    var arguments = [context.package.directoryURL.path(percentEncoded: false), output.path(percentEncoded: false)]
    var inputs: [URL] = []
    for name in Self.papers {
      let modules = Self.shared + [name]
      var files: [URL] = []
      for module in modules {
        guard let source = context.package.targets.first(where: { $0.name == module })?.sourceModule else { continue }
        files += source.sourceFiles(withSuffix: "swift").map(\.url)
      }
      arguments.append("--module")
      arguments.append(name)
      arguments += files.map { $0.path(percentEncoded: false) }
      inputs += files
    }
    return [
      .buildCommand(
        displayName: "Fingerprinting the sources of the paper modules",
        executable: try context.tool(named: "SourceFingerprintTool").url,
        arguments: arguments, inputFiles: inputs, outputFiles: [output])
    ]
  }
}
