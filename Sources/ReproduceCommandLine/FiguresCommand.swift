import ArgumentParser
import LabKit

extension FigureFormat: ExpressibleByArgument {}

extension ReproduceRoot {
  struct FiguresCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
      CommandConfiguration(
        commandName: "figures",
        abstract: "Write the committed figures as PDF, PNG or SVG (converted by rsvg-convert), for a paper or slides.",
        discussion: """
          Reads Figures/<Paper>/<figure-id>.svg under --input and writes <Paper>/<figure-id>.<format> under \
          --output. PDF keeps the vector drawing; PNG is rendered at twice the SVG's size.
          """)
    }

    @Argument(
      help: "Papers (or prefixes) and figure ids (file names without .svg); every figure when none is given.",
      completion: .ids(of: Lab.self, kinds: [.paper]))
    var ids: [String] = []

    @Option(help: "The format: pdf, png or svg.")
    var format: FigureFormat = .pdf

    @Option(parsing: .unconditional, help: ArgumentHelp("The folder to write the figures into.", valueName: "DIR"))
    var output: String

    @Option(parsing: .unconditional, help: ArgumentHelp("The project folder holding Figures/.", valueName: "DIR"))
    var input: String = "."

    func run() throws {
      try reportingErrors {
        let figures = try FigureExport.select(ids, catalog: Lab.reproduction.catalog, root: input)
        let written = try FigureExport.write(figures, format: format, root: input, output: output)
        print("Wrote \(written.count) \(format.rawValue) figures under \(output).")
      }
    }
  }
}
