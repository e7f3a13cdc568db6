// swift-tools-version:6.0
//
// CooperationLab: reproduces, checks and extends five texts on cooperation among autonomous agents.
// The layout and the rules every module follows are in the README's design section.

import PackageDescription

/// The five paper modules. Each depends on GameTheory and LabKit, never on another paper module.
let paperModules = [
  "NumericalPolitics",
  "IBHaggling",
  "SimilarityCooperation",
  "SocialEnvironmentDesign",
  "ModalAgents",
]

/// Open MPI is opt-in: `REPRODUCE_MPI=1 swift build` adds the CMPI system library and the LabKitMPI work
/// queue to `reproduce` (README: "Scaling out"). The default build never needs MPI.
let mpi = Context.environment["REPRODUCE_MPI"] == "1"

let package = Package(
  name: "CooperationLab",
  products: [
    .executable(name: "reproduce", targets: ["reproduce"]),
    // The `reproduce` command line over any catalog, for packages that add papers without forking
    // (README: "Adding a paper from your own package"; Examples/MyPaper).
    .library(name: "ReproduceCommandLine", targets: ["ReproduceCommandLine"]),
    .library(name: "LabKit", targets: ["LabKit"]),
    .library(name: "GameTheory", targets: ["GameTheory"]),
  ] + paperModules.map { .library(name: $0, targets: [$0]) },
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // Arbitrary-precision integers for exact (rational) Lemke–Howson pivoting.
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
  ],
  targets: [
    // C libraries from Debian: GNU Scientific Library (random numbers, statistics), GLPK (linear programs)
    // and OpenBLAS (matrix products).
    .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
    .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
    // OpenBLAS (single-threaded) for the matrix products of LabKit's dense networks (README: why OpenBLAS).
    .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    // SQLite for the cell store of LabKit/Store (README: "Scaling out", why SQLite without GRDB).
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

    // Reproducibility machinery: randomness, statistics, claims, experiments, output, figures.
    .target(name: "LabKit", dependencies: ["CGSL", "COpenBLAS", "CSQLite"]),
    // The code fingerprint of each paper module (its sources with LabKit's and GameTheory's), generated
    // into `reproduce` so that a code change makes exactly that module's stored cells stale.
    .executableTarget(name: "SourceFingerprintTool"),
    .plugin(name: "SourceFingerprintPlugin", capability: .buildTool(), dependencies: ["SourceFingerprintTool"]),
    // The game-theoretic vocabulary the five texts share.
    .target(
      name: "GameTheory", dependencies: ["LabKit", "CGLPK", .product(name: "BigInt", package: "BigInt")]),
  ]
    + paperModules.map { .target(name: $0, dependencies: ["LabKit", "GameTheory"]) }
    + [
      // `run`, `show`, `check`, `list`, `site` and `figures` over a catalog given by its user: no paper
      // module, no GameTheory, so that an outside package building it compiles LabKit and nothing else.
      .target(
        name: "ReproduceCommandLine",
        dependencies: ["LabKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
          + (mpi ? ["LabKitMPI"] : []),
        swiftSettings: mpi ? [.define("REPRODUCE_MPI")] : []
      ),
      // The repository's `reproduce`: wiring only (the five papers, fingerprints, the game subcommands).
      .executableTarget(
        name: "reproduce",
        dependencies: [
          "LabKit", "GameTheory", "ReproduceCommandLine",
          .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ] + paperModules.map { .target(name: $0) },
        plugins: [.plugin(name: "SourceFingerprintPlugin")]
      ),
      // Fuzz targets for every parser a user's input reaches (.nfg, modal formulas and agent files,
      // --set values), and `fuzz`: libFuzzer's entry when built with -sanitize=fuzzer -DFUZZING
      // (.ci/fuzz), a replayer of inputs otherwise.
      .target(name: "ParserFuzzing", dependencies: ["LabKit", "GameTheory", "ModalAgents"]),
      .executableTarget(name: "fuzz", dependencies: ["ParserFuzzing"]),
      .testTarget(name: "LabKitTests", dependencies: ["LabKit", "CGSL"], exclude: ["Golden"]),
      .testTarget(name: "GameTheoryTests", dependencies: ["GameTheory"]),
      .testTarget(
        name: "ReproduceTests",
        dependencies: ["reproduce", "ReproduceCommandLine", "LabKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
        exclude: ["Golden"]),
      .testTarget(name: "ParserFuzzingTests", dependencies: ["ParserFuzzing"]),
    ]
    + (mpi
      ? [
        .systemLibrary(name: "CMPI", pkgConfig: "ompi", providers: [.apt(["libopenmpi-dev", "openmpi-bin"])]),
        .target(name: "LabKitMPI", dependencies: ["LabKit", "CMPI"]),
      ] : [])
    + paperModules.map { module in
      .testTarget(
        name: "\(module)Tests", dependencies: [.target(name: module), "LabKit"],
        exclude: module == "NumericalPolitics" ? ["Fixtures"] : [])
    }
)
