import ArgumentParser
import LabKit

extension Reproduce {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List papers and experiments, with their claims or parameters.")

    @Argument(help: "Papers or experiments to list (all when none is given).")
    var ids: [String] = []

    @Flag(help: "Show every claim with its source and statement.")
    var claims = false

    @Flag(help: "Show every parameter with its default at each scale and what it allows.")
    var parameters = false

    func run() throws {
      try reportingErrors {
        let plan = try Reproduction.all.plan(ids)
        print(CatalogListing.text(plan, claims: claims, parameters: parameters), terminator: "")
      }
    }
  }
}
