import LabKit
import MyPaper
import ReproduceCommandLine

/// `my-reproduce`: the reproduce command line over a catalog holding one paper.
@main
enum MyReproduce: ReproduceCatalog {
  static let catalog = Catalog(papers: [MyPaper.paper])
  static var commandName: String { "my-reproduce" }
}
