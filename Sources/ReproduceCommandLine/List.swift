import ArgumentParser
import LabKit

extension ReproduceRoot {
  struct List: ParsableCommand {
    static var configuration: CommandConfiguration {
      CommandConfiguration(
        commandName: "list", abstract: "List papers and experiments, with their claims or parameters.")
    }

    @Argument(help: "Papers or experiments to list (all when none is given).", completion: .ids(of: Lab.self, kinds: [.paper, .experiment]))
    var ids: [String] = []

    @Flag(help: "Show every claim with its source and statement.")
    var claims = false

    @Flag(help: "Show every parameter with its default at each scale and what it allows.")
    var parameters = false

    func run() throws {
      try reportingErrors {
        let plan = try Lab.reproduction.plan(ids)
        print(CatalogListing.text(plan, claims: claims, parameters: parameters), terminator: "")
      }
    }
  }
}
