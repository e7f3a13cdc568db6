import ArgumentParser
import LabKit

extension ReproduceRoot {
  struct Show: ParsableCommand {
    static var configuration: CommandConfiguration {
      CommandConfiguration(
        commandName: "show",
        abstract: "Print stored results (a claim's verdict, map and evidence; an experiment's tables) without computing.",
        discussion: "Exit 0 when everything selected is stored for this code, 1 when something is not, 2 for an unknown id.")
    }

    @Argument(help: "A paper, experiment or claim.", completion: .ids(of: Lab.self))
    var id: String

    @OptionGroup var options: RunOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
      if store.disabled { throw ValidationError("show reads the cell store; --no-store leaves nothing to show") }
    }

    func run() throws {
      let shown = try reportingErrors {
        var showOptions = try options.options()
        showOptions.store = store.open(output: options.output)
        return try Lab.reproduction.show(id, options: showOptions)
      }
      switch shown {
      case .stored(let text): print(text, terminator: "")
      case .incomplete(let text):
        print(text, terminator: "")
        throw ExitCode(1)
      }
    }
  }
}
