// swift-tools-version:6.0
//
// A paper added to CooperationLab from outside the repository, without forking it: the paper's module
// uses LabKit, and its executable is ReproduceCommandLine over a catalog holding the paper. Outside this
// repository, depend on it by URL instead:
//   .package(url: "https://github.com/<owner>/CooperationLab", branch: "main")

import PackageDescription

let package = Package(
  name: "MyPaper",
  products: [.executable(name: "my-reproduce", targets: ["my-reproduce"])],
  dependencies: [.package(name: "CooperationLab", path: "../..")],
  targets: [
    // The paper: its experiments and claims. Like the repository's paper modules, it needs LabKit only.
    .target(name: "MyPaper", dependencies: [.product(name: "LabKit", package: "CooperationLab")]),
    // `my-reproduce run|list|check|show|site|figures` over the paper: wiring only.
    .executableTarget(
      name: "my-reproduce",
      dependencies: ["MyPaper", .product(name: "ReproduceCommandLine", package: "CooperationLab")]),
  ]
)
