import ArgumentParser
import LabKit

extension ReproduceRoot {
  struct Site: ParsableCommand {
    static var configuration: CommandConfiguration {
      CommandConfiguration(
        commandName: "site",
        abstract: "Write the HTML book: one page per paper and the claim dashboard, with figures, MathML and links to the code.",
        discussion: """
          Reads the committed documents (Papers/*.md), results (Reproduce/*/results.json), figures and \
          sources under --input and writes a static site under --output (index.html is the dashboard). \
          Nothing is fetched from the network; open index.html in a browser.
          """)
    }

    @Option(parsing: .unconditional, help: ArgumentHelp("The folder to write the site into.", valueName: "DIR"))
    var output: String

    @Option(parsing: .unconditional, help: ArgumentHelp("The project folder holding Papers/, Reproduce/, Figures/ and Sources/.", valueName: "DIR"))
    var input: String = "."

    func run() throws {
      try reportingErrors {
        let summary = try BookSite.write(catalog: Lab.reproduction.catalog, root: input, output: output)
        print(
          "Wrote the book under \(output): \(summary.pages) pages, \(summary.figures) figures, \(summary.sourcePages) source pages (\(summary.files) files); open \(output)/index.html."
        )
      }
    }
  }
}
